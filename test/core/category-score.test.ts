import { describe, expect, it } from 'vitest';
import { aucDeLong, analyseRows, outOfFold, parseSettings, readOutcomes, reportCard, type Cell } from '../../src/core';
import { learnWeights } from '../../src/core/learn';

/**
 * Issue 17: a weighted category enters the score through its smoothed success rate (docs/scoring.md,
 * "Categories"). Hand-computed on five rows: 3 successes of 5, so the base rate p = 0.6 and
 * rate_v = (s_v + 20 · 0.6) / (n_v + 20): Tech 2 of 2 → 14/22, Retail 0 of 2 → 12/22, blank → p.
 */
const HEADER: Cell[] = ['Account', 'Revenue', 'Industry', 'Won'];
const ROWS: Cell[][] = [
  ['A', 100, 'Tech', 'Won'],
  ['B', 200, ' Tech ', 'Won'],
  ['C', 300, 'Retail', 'Lost'],
  ['D', 400, 'Retail', 'Lost'],
  ['E', 500, '', 'Won'],
];
const weighted = parseSettings({ weights: { Industry: 2 } });
const scores = (a: { score: Float64Array }) => Array.from(a.score, (x) => Math.round(x * 1e9) / 1e9);

describe('a category with a weight and an outcome column', () => {
  const analysis = analyseRows(HEADER, ROWS, weighted);
  const at = analysis.table.mapping.metrics.findIndex((m) => m.name === 'Industry');

  it('adds one metric, the smoothed success rate of the row’s value (blank: the base rate), higher is better', () => {
    expect(at).toBe(analysis.table.mapping.metrics.length - 1);
    expect(analysis.table.mapping.metrics[at]).toMatchObject({ header: 'Industry', weight: 2, direction: 'higher', index: -1 });
    const rates = Array.from(analysis.table.values[at]);
    const tech = 14 / 22;
    const retail = 12 / 22;
    for (const [i, r] of [tech, tech, retail, retail, 0.6].entries()) expect(rates[i]).toBeCloseTo(r, 12);
    // Mid-rank percentiles: Retail 0.5/4, blank 2/4, Tech 3.5/4.
    expect(Array.from(analysis.percentiles[at] ?? [])).toEqual([0.875, 0.875, 0.125, 0.125, 0.5]);
  });

  it('weights it in the score like any metric: 100 × (2 · p_revenue + 2 · p_industry) / 4', () => {
    expect(scores(analysis)).toEqual([43.75, 56.25, 31.25, 43.75, 75]);
    // Without the weight the score is revenue's alone, and nothing is added.
    const plain = analyseRows(HEADER, ROWS, parseSettings({}));
    expect(scores(plain)).toEqual([0, 25, 50, 75, 100]);
    expect(plain.table.mapping.metrics.map((m) => m.name)).toEqual(['revenue']);
    expect(plain.warnings).toEqual([]);
  });

  it('gives the report card out-of-fold rates: each row’s rate without its fold (here: without itself)', () => {
    // Without row A: p = 2/4, Tech 1 of 1 → (1 + 10)/21; without C: p = 3/4, Retail 0 of 1 → 15/21; without E: p = 2/4.
    const oof = outOfFold(analysis.score);
    expect(oof).not.toBe(analysis.score);
    expect(scores({ score: oof })).toEqual([18.75, 31.25, 68.75, 81.25, 50]);
    const outcomes = readOutcomes(ROWS.map((r) => r[3]));
    const card = reportCard({ tier: analysis.tier, score: analysis.score, outcomes, labels: weighted.labels });
    // In sample the score would rank the successes first (AUC 5.5/6); out of fold every failure is above every success.
    expect(aucDeLong(analysis.score, outcomes.success).auc).toBeCloseTo(5.5 / 6, 12);
    expect(card.auc).toBe(0);
    // The tiers themselves are the in-sample ones: E (75) is Tier 1.
    expect(analysis.tier[4]).toBe(0);
    expect(card.tiers[0]).toMatchObject({ accounts: 1, successes: 1 });
  });

  it('leaves out invalid rows’ outcomes', () => {
    const rows = [...ROWS, ['F', 'lots', 'Retail', 'Won']];
    const a = analyseRows(HEADER, rows, weighted);
    expect(Array.from(a.table.values[at]).slice(0, 5)).toEqual(Array.from(analysis.table.values[at]));
    expect(a.score[5]).toBeNaN();
  });
});

describe('a category with a weight and no outcome column', () => {
  it('is left out of the score, with one warning naming it', () => {
    const header = HEADER.slice(0, 3);
    const rows = ROWS.map((r) => r.slice(0, 3));
    const a = analyseRows(header, rows, weighted);
    expect(a.warnings.filter((w) => w.code === 'warn.categoryNoOutcome')).toEqual([{ code: 'warn.categoryNoOutcome', params: { column: 'Industry' } }]);
    expect(scores(a)).toEqual([0, 25, 50, 75, 100]);
  });

  it('scores by the category alone when every metric has weight 0', () => {
    const a = analyseRows(HEADER, ROWS, parseSettings({ weights: { Industry: 1, Revenue: 0 } }));
    expect(scores(a)).toEqual([87.5, 87.5, 12.5, 12.5, 50]);
  });
});

describe('learning with a category', () => {
  it('learns from out-of-fold rates: a category that is noise (two accounts a value) does not look predictive', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const rows: Cell[][] = [];
    for (let i = 0; i < 400; i++) rows.push([`A${i}`, Math.round(random() * 1000), `V${i >> 1}`, random() < 0.5 ? 1 : 0]);
    const a = analyseRows(HEADER, rows, weighted);
    const outcomes = readOutcomes(rows.map((r) => r[3]));
    const at = a.table.mapping.metrics.length - 1;
    // In sample the rate of a two-account value carries each row's own outcome.
    expect(aucDeLong(a.percentiles[at] ?? new Float64Array(0), outcomes.success).auc).toBeGreaterThan(0.6);
    const learned = learnWeights(a, outcomes.success);
    expect(learned.names).toEqual(['revenue', 'Industry']);
    expect(learned.cvAuc).toBeLessThan(0.58);
  });
});
