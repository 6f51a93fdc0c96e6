import { describe, expect, it } from 'vitest';
import { abmReport } from '../../src/functions';

const col = (header: string, values: unknown[]) => [[header], ...values.map((v) => [v])];

describe('=ABMREPORT(tiers_or_scores, outcomes)', () => {
  // Tiers 1,1 | 2,2,2 | 3×5 with W W | W L L | W L L L L (the core's hand-computed table): base rate 0.4.
  const tiers = col('Tier', ['Tier 1', 'Tier 1', 'Tier 2', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 3']);
  const won = col('Won', ['Won', 'Won', 'Won', 'Lost', 'Lost', 'Won', 'Lost', 'Lost', 'Lost', 'Lost']);

  it('returns accounts, successes, rate and lift per tier and for all, under a header row', () => {
    const out = abmReport(tiers, won);
    expect(out[0].slice(0, 7)).toEqual(['Tier', 'Accounts', 'Successes', 'Success rate', '95 % low', '95 % high', 'Lift']);
    expect(out.slice(1, 5).map((r) => [r[0], r[1], r[2], r[3], r[6]])).toEqual([
      ['Tier 1', 2, 2, 1, 2.5],
      ['Tier 2', 3, 1, 1 / 3, 1 / 3 / 0.4],
      ['Tier 3', 5, 1, 0.2, 0.5],
      ['All', 10, 4, 0.4, 1],
    ]);
    expect(out.every((r) => r.length === out[0].length)).toBe(true);
  });

  it('gives the AUC by tier, Tier 1 ÷ Tier 3 against MadKudu, and rates without a verdict below 20 of each', () => {
    const out = abmReport(tiers, won);
    const row = (label: string) => out.find((r) => r[0] === label) ?? [];
    expect(row('AUC (DeLong 95 %)')[3]).toBeCloseTo(19 / 24, 12);
    expect(row('Tier 1 ÷ Tier 3').slice(3, 7)).toEqual([5, '≥ 10', '', 'Fail']);
    expect(row('Tier 1 + Tier 2: share of accounts').slice(3, 7)).toEqual([0.5, '≤ 35 %', '', 'Fail']);
    expect(row('Tier 1 + Tier 2: share of successes').slice(3, 7)).toEqual([0.75, '≥ 60 %', '', 'Pass']);
    expect(row('Verdict')[1]).toBe('4 successes and 6 failures: fewer than 20 of either, so these are rates without a verdict.');
    expect(out.some((r) => r[0] === '10 accounts with an outcome counted; 0 without one left out.')).toBe(true);
  });

  it('cuts a column of scores into tiers 20/30/50 and gives the verdict when there are enough outcomes', () => {
    // Scores 1…100, successes the top 50: AUC 1; Tier 1 = the top 20, all successes → 1 / 0.5 = 2 × the base rate.
    const scores = col(
      'Score',
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    const outcomes = col(
      'Converted',
      Array.from({ length: 100 }, (_, i) => (i >= 50 ? 'Yes' : 'No')),
    );
    const out = abmReport(scores, outcomes);
    expect(out.slice(1, 4).map((r) => r[1])).toEqual([20, 30, 50]);
    expect(out.find((r) => r[0] === 'Verdict')?.[1]).toBe('Tier 1 converts 2 × the base rate; the score ranks successes above failures (AUC 1, interval 1–1).');
  });

  it('reads a Churned column with yes as a failure', () => {
    const churned = col('Churned', ['No', 'No', 'No', 'Yes', 'Yes', 'No', 'Yes', 'Yes', 'Yes', 'Yes']);
    expect(abmReport(tiers, churned)[1].slice(0, 3)).toEqual(['Tier 1', 2, 2]);
  });

  it('adds the sum and share per tier for a numeric outcome', () => {
    const revenue = col('Next year revenue', [100, 50, 10, 0, 0, 40, 0, -5, 0, 0]);
    const out = abmReport(tiers, revenue);
    expect(out[0].slice(7)).toEqual(['Outcome sum', 'Share of sum']);
    expect(out.slice(1, 5).map((r) => r.slice(7))).toEqual([
      [150, 150 / 195],
      [10, 10 / 195],
      [35, 35 / 195],
      [195, 1],
    ]);
  });

  it('leaves out rows without an outcome, naming the first cell that is none', () => {
    const outcomes = col('Outcome', ['Won', 'maybe', '', 'Lost', 'Lost', 'Won', 'Lost', 'Lost', 'Lost', 'Lost']);
    const out = abmReport(tiers, outcomes);
    expect(out[4].slice(0, 3)).toEqual(['All', 8, 2]);
    expect(out.some((r) => r[0] === '8 accounts with an outcome counted; 2 without one left out.')).toBe(true);
    expect(out.some((r) => r[0] === '1 outcome cell is neither a success nor a failure (e.g. Row 3 of the range: "maybe") and is left out.')).toBe(true);
  });

  it('refuses a cell that is neither a score nor a tier, naming its row and value', () => {
    const bad = col('Tier', ['Tier 1', 'Gold']);
    expect(() => abmReport(bad, col('Won', [1, 0]))).toThrow('Row 3 of the range: "Gold" is neither a score nor a tier (Tier 1, Tier 2, Tier 3).');
  });

  it('speaks the document language and reads its tier labels', () => {
    const out = abmReport(col('ระดับ', ['ระดับ 1', 'ระดับ 3']), col('ผลลัพธ์', ['ใช่', 'ไม่']), { lang: 'th' });
    expect(out[0][0]).toBe('ระดับ');
    expect(out.slice(1, 4).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['ระดับ 1', 1, 1],
      ['ระดับ 2', 0, 0],
      ['ระดับ 3', 1, 0],
    ]);
  });

  it('says when no account has both a tier and an outcome', () => {
    expect(() => abmReport(tiers, col('Won', Array(10).fill('')))).toThrow('No account has both a tier and an outcome.');
  });

  it('reads ranges without a header row from their first row (Tier 1 and Won are data there, not headers)', () => {
    const noHeader = (c: unknown[][]) => c.slice(1);
    const out = abmReport(noHeader(tiers), noHeader(won));
    expect(out.slice(1, 5).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Tier 1', 2, 2],
      ['Tier 2', 3, 1],
      ['Tier 3', 5, 1],
      ['All', 10, 4],
    ]);
  });

  it('lines up a range with its header beside one without (O1:O11 with Q2:Q11), and open ranges with trailing blanks', () => {
    const out = abmReport(tiers, won.slice(1));
    expect(out[4].slice(0, 3)).toEqual(['All', 10, 4]);
    const open = abmReport([...tiers, ...Array.from({ length: 500 }, () => [''])], [...won, ...Array.from({ length: 500 }, () => [''])]);
    expect(open[4].slice(0, 3)).toEqual(['All', 10, 4]);
  });
});
