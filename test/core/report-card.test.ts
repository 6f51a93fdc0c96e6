import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aucDeLong, calibration, earlierTiers, readOutcomes, reportCard, wilson, Z95 } from '../../src/core';

const labels = ['Tier 1', 'Tier 2', 'Tier 3'];

/** O(P·Q) AUC and DeLong variance straight from their definitions, to check the one-sort walk against. */
function bruteDeLong(score: number[], success: number[]) {
  const pos = score.filter((_, i) => success[i] === 1);
  const neg = score.filter((_, i) => success[i] === 0);
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
  const v10 = pos.map((x) => neg.reduce((a, y) => a + psi(x, y), 0) / neg.length);
  const v01 = neg.map((y) => pos.reduce((a, x) => a + psi(x, y), 0) / pos.length);
  const auc = v10.reduce((a, b) => a + b, 0) / pos.length;
  const s = (v: number[]) => v.reduce((a, b) => a + (b - auc) ** 2, 0) / (v.length - 1);
  return { auc, variance: s(v10) / pos.length + s(v01) / neg.length };
}

describe('Wilson 95 % interval (SPEC §13)', () => {
  it('pins 2 successes in 10', () => {
    // z² = 3.841459, z²/n = 0.3841459, d = 1.3841459; centre = (0.2 + 0.1920729) / d = 0.283264;
    // half = z·√(0.2·0.8/10 + 3.841459/400) / d = 1.959964 · √0.0256036 / d = 0.226577 → 0.056687 … 0.509841.
    const w = wilson(2, 10);
    expect(w.low).toBeCloseTo(0.056687, 5);
    expect(w.high).toBeCloseTo(0.509841, 5);
  });

  it('starts at 0 for no successes and ends at 1 for all', () => {
    // r = 0: centre = half = (z²/2n) / d = 0.1920729 / 1.3841459 = 0.138766 → 0 … 0.277533.
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(0, 10).high).toBeCloseTo(0.277533, 5);
    expect(wilson(10, 10).high).toBe(1);
    expect(wilson(10, 10).low).toBeCloseTo(1 - 0.277533, 5);
  });

  it('has no interval without accounts', () => {
    expect(wilson(0, 0)).toEqual({ low: Number.NaN, high: Number.NaN });
  });

  it('contains the rate and stays within [0, 1], for any counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const s = Math.round(f * n);
        const { low, high } = wilson(s, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(s / n + 1e-12);
        expect(high).toBeGreaterThanOrEqual(s / n - 1e-12);
      }),
    );
  });
});

describe('AUC with ties and its DeLong interval', () => {
  it('counts a tie as ½ and pins DeLong on a small table', () => {
    // Successes score 3, 2, 2; failures 2, 1. Pairs: (3,2) 1, (3,1) 1, (2,2) ½, (2,1) 1, twice for the
    // two 2s → 1 + 1 + 2·(½ + 1) = 5 of 6 → AUC 5/6.
    // V10 (per success): 3 → 2/2 = 1; 2 → (1 + ½)/2 = 0.75 (twice). V01 (per failure): 2 → (1 + 2·½)/3 = 2/3; 1 → 1.
    // S10 = ((1/6)² + 2·(1/12)²)/2 = 0.0208333; S01 = ((1/6)² + (1/6)²)/1 = 0.0555556;
    // var = S10/3 + S01/2 = 0.0347222, sd 0.186339, half = 1.959964 · 0.186339 = 0.365218 → 0.468116 … 1 (clipped).
    const a = aucDeLong(Float64Array.from([3, 2, 2, 2, 1]), [1, 1, 1, 0, 0]);
    expect(a.auc).toBeCloseTo(5 / 6, 12);
    expect(a.variance).toBeCloseTo(0.0347222, 6);
    expect(a.low).toBeCloseTo(5 / 6 - Z95 * Math.sqrt(0.0347222222), 5);
    expect(a.high).toBe(1);
  });

  it('leaves out rows without an outcome or a score', () => {
    const a = aucDeLong(Float64Array.from([3, Number.NaN, 2, 9, 1]), [1, 1, 0, -1, 0]);
    expect(a.auc).toBe(1);
  });

  it('gives no AUC without both successes and failures', () => {
    expect(aucDeLong(Float64Array.from([1, 2]), [1, 1]).auc).toBeNaN();
  });

  const table = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 4, maxLength: 60 })
    .filter((rows) => rows.filter((r) => r[1]).length >= 2 && rows.filter((r) => !r[1]).length >= 2);

  it('equals the pairwise definition and its DeLong variance, ties included', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const score = rows.map((r) => r[0]);
        const success = rows.map((r) => (r[1] ? 1 : 0));
        const a = aucDeLong(Float64Array.from(score), success);
        const b = bruteDeLong(score, success);
        expect(a.auc).toBeCloseTo(b.auc, 12);
        expect(a.variance).toBeCloseTo(b.variance, 12);
        expect(a.low).toBeLessThanOrEqual(a.auc);
        expect(a.high).toBeGreaterThanOrEqual(a.auc);
      }),
    );
  });

  it('gives 1 − AUC for the reversed score', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const success = rows.map((r) => (r[1] ? 1 : 0));
        const up = aucDeLong(Float64Array.from(rows.map((r) => r[0])), success);
        const down = aucDeLong(Float64Array.from(rows.map((r) => -r[0])), success);
        expect(down.auc).toBeCloseTo(1 - up.auc, 12);
        expect(down.variance).toBeCloseTo(up.variance, 12);
      }),
    );
  });
});

describe('the report card', () => {
  // Tiers 1,1 | 2,2,2 | 3,3,3,3,3 with outcomes W W | W L L | W L L L L: N = 10, S = 4, base rate 0.4.
  const tier = Int8Array.from([0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
  const outcome = ['Won', 'Won', 'Won', 'Lost', 'Lost', 'Won', 'Lost', 'Lost', 'Lost', 'Lost'];

  it('gives accounts, successes, rate, Wilson interval and lift per tier', () => {
    const card = reportCard({ tier, score: null, outcomes: readOutcomes(outcome), labels });
    expect([card.accounts, card.successes, card.failures, card.baseRate]).toEqual([10, 4, 6, 0.4]);
    // Rates 2/2, 1/3, 1/5; lift = rate / 0.4 → 2.5, 0.8333, 0.5.
    expect(card.tiers.map((t) => [t.label, t.accounts, t.successes])).toEqual([
      ['Tier 1', 2, 2],
      ['Tier 2', 3, 1],
      ['Tier 3', 5, 1],
    ]);
    expect(card.tiers.map((t) => t.rate)).toEqual([1, 1 / 3, 0.2]);
    expect(card.tiers[0].lift).toBe(2.5);
    expect(card.tiers[1].lift).toBeCloseTo(5 / 6, 12);
    expect(card.tiers[2].lift).toBe(0.5);
    expect([card.tiers[1].rateLow, card.tiers[1].rateHigh]).toEqual([wilson(1, 3).low, wilson(1, 3).high]);
  });

  it('gives Tier 1 ÷ Tier 3, the capture of Tier 1 + 2 and the MadKudu bar', () => {
    const card = reportCard({ tier, score: null, outcomes: readOutcomes(outcome), labels });
    // 1 / 0.2 = 5 (bar: 10); Tier 1 + 2 hold 5/10 accounts (bar: ≤ 35 %) and 3/4 successes (bar: ≥ 60 %).
    expect(card.tier1OverTier3).toBe(5);
    expect(card.captureTop2).toEqual({ accounts: 0.5, successes: 0.75 });
    expect(card.madKudu).toEqual({ capture: false, ratio: false, pass: false });
  });

  it('ranks by tier when no score is given, ties counted ½', () => {
    // Successes at tier scores 2, 2, 1, 0; failures at 1, 1, 0, 0, 0, 0 (score = 2 − tier index).
    // Each 2 beats all 6 failures (12); the 1 beats four 0s and ties two 1s (4 + 1); the 0 ties four 0s (2): 19/24.
    const card = reportCard({ tier, score: null, outcomes: readOutcomes(outcome), labels });
    expect(card.auc).toBeCloseTo(19 / 24, 12);
    expect(card.calibration).toEqual([]);
  });

  it('says there are too few successes or failures, and gives rates without a verdict', () => {
    const card = reportCard({ tier, score: null, outcomes: readOutcomes(outcome), labels });
    expect(card.enough).toBe(false);
    expect(card.verdict).toEqual({ code: 'report.tooFew', params: { successes: 4, failures: 6, min: 20 } });
  });

  it('sums a numeric outcome per tier with its share of the total', () => {
    // 100 + 50 = 150 | 10 + 0 + 0 = 10 | 40 + 0 − 5 + 0 + 0 = 35; total 195.
    const values = [100, 50, 10, 0, 0, 40, 0, -5, 0, 0];
    const card = reportCard({ tier, score: null, outcomes: readOutcomes(values), labels });
    expect(card.numeric).toBe(true);
    expect(card.total).toBe(195);
    expect(card.tiers.map((t) => t.sum)).toEqual([150, 10, 35]);
    expect(card.tiers.map((t) => t.share)).toEqual([150 / 195, 10 / 195, 35 / 195]);
    // Positive = success: 100, 50, 10, 40 → the same 4 successes as the words.
    expect(card.successes).toBe(4);
  });

  it('counts only rows with both a tier and an outcome, and says how many were left out', () => {
    const card = reportCard({ tier: Int8Array.from([0, 1, -1, 2]), score: null, outcomes: readOutcomes(['Won', '', 'Won', 'No']), labels });
    expect([card.accounts, card.successes, card.leftOut]).toEqual([2, 1, 1]);
  });

  /** 80 accounts, scores 1…80; `won(i)` says whether account i (score i + 1) succeeded. */
  function card80(won: (i: number) => boolean) {
    const score = Float64Array.from({ length: 80 }, (_, i) => i + 1);
    const t = Int8Array.from({ length: 80 }, (_, i) => (i >= 64 ? 0 : i >= 40 ? 1 : 2));
    return reportCard({ tier: t, score, outcomes: readOutcomes(Array.from({ length: 80 }, (_, i) => won(i))), labels });
  }

  it('says how many times the base rate Tier 1 converts when the score separates', () => {
    // Successes: the top 40 scores. AUC 1 (interval 1–1); Tier 1 = the top 16, all successes → lift 1 / 0.5 = 2.
    const card = card80((i) => i >= 40);
    expect(card.verdict).toEqual({ code: 'report.separates', params: { tier: 'Tier 1', lift: 2, auc: 1, low: 1, high: 1 } });
    expect(card.madKudu.ratio).toBe(true);
  });

  it('says the tiers do not separate when the AUC interval holds ½', () => {
    // Successes at the even scores 2, 4, …, 80: the one at 2k beats k failures → Σk = 820 of 40·40 → AUC 0.5125.
    const card = card80((i) => i % 2 === 1);
    expect(card.verdict.code).toBe('report.noSeparation');
    expect(card.aucLow).toBeLessThan(0.5);
    expect(card.aucHigh).toBeGreaterThan(0.5);
  });

  it('says the score ranks failures first when the whole interval is below ½', () => {
    const card = card80((i) => i < 40);
    expect(card.verdict).toEqual({ code: 'report.reversed', params: { auc: 0, low: 0, high: 0 } });
  });

  it('gives the success rate by score decile, tied scores sharing a decile', () => {
    // 20 distinct scores, 2 per decile; success when the score is even → each decile 1 of 2.
    const score = Float64Array.from({ length: 20 }, (_, i) => i + 1);
    const rows = calibration(
      score,
      Array.from({ length: 20 }, (_, i) => (i % 2 === 1 ? 1 : 0)),
    );
    expect(rows.map((r) => [r.decile, r.accounts, r.successes, r.minScore, r.maxScore])).toEqual(
      Array.from({ length: 10 }, (_, d) => [d + 1, 2, 1, 2 * d + 1, 2 * d + 2]),
    );
    // Scores 1, 1, 1, 2: the three 1s start at position 0 → decile 1; the 2 at position 3 → ⌊10·3/4⌋ + 1 = 8.
    const tied = calibration(Float64Array.from([1, 1, 1, 2]), [1, 0, 0, 1]);
    expect(tied.map((r) => [r.decile, r.accounts, r.successes, r.rate])).toEqual([
      [1, 3, 1, 1 / 3],
      [8, 1, 1, 1],
    ]);
  });
});

describe("backtest: an earlier run judged by today's outcomes", () => {
  it("takes each account's earlier tier and score by its trimmed key, leaving unmatched rows out", () => {
    const snapshot = new Map([
      ['Acme', { tier: 0, score: 90 }],
      ['Beta', { tier: 2, score: 10 }],
    ]);
    const e = earlierTiers(snapshot, [' Acme ', 'Gamma', 'Beta', null], 4);
    expect([Array.from(e.tier), Array.from(e.score), e.matched]).toEqual([[0, -1, 2, -1], [90, Number.NaN, 10, Number.NaN], 2]);
    const card = reportCard({ ...e, outcomes: readOutcomes(['Won', 'Won', 'Lost', 'Won']), labels });
    // Only Acme (Tier 1, won) and Beta (Tier 3, lost) count; Gamma is new since that run.
    expect([card.accounts, card.successes, card.leftOut, card.auc]).toEqual([2, 1, 0, 1]);
  });
});
