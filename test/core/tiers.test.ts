import { describe, expect, it } from 'vitest';
import { analyseGrid, paretoTiers, parseSettings, places, quantileTiers, thresholdTiers, tiersByPosition, type Cell } from '../../src/core';
import { accounts, refusal, run, tiers } from './helpers';

const T = (xs: Int8Array) => Array.from(xs);
const F = (xs: number[]) => Float64Array.from(xs);
/** One account per revenue value, scored on revenue alone (higher revenue, higher score). */
const byRevenue = (revenues: Cell[]) => accounts(['Revenue'], ...revenues.map((r) => [r]));

describe('quantile tiers (SPEC §4)', () => {
  it('rounds K = floor(n·c/100 + 0.5), a half rounding up', () => {
    // 10·20/100 = 2; 7·20/100 = 1.4 → 1; 5·10/100 = .5 → 1; 25·10/100 = 2.5 → 3; 2·20/100 = .4 → 0; 7·50/100 = 3.5 → 4.
    expect([places(10, 20), places(7, 20), places(5, 10), places(25, 10), places(2, 20), places(7, 50)]).toEqual([2, 1, 1, 3, 0, 4]);
  });

  it('puts an account in Tier 1 when fewer than K1 accounts score higher, in Tier 2 when fewer than K2', () => {
    // n = 10, 20/30/50: K1 = 2, K2 = floor(10·50/100 + .5) = 5.
    expect(T(quantileTiers(F([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), [20, 30, 50]))).toEqual([0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
  });

  it('cuts 7 accounts 1 / 3 / 3 with the default 20/30/50', () => {
    // K1 = floor(1.4 + .5) = 1, K2 = floor(3.5 + .5) = 4.
    const a = run(byRevenue([70, 60, 50, 40, 30, 20, 10]));
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 2', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3']);
  });

  it('takes the cut-offs from the settings', () => {
    // n = 5, 10/40/50: K1 = floor(.5 + .5) = 1, K2 = floor(2.5 + .5) = 3.
    const a = run(byRevenue([5, 4, 3, 2, 1]), { cutoffs: [10, 40, 50] });
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3']);
  });

  it('ties share the tier of their best-placed member', () => {
    // K1 = 2: the three 9s have one account above them (position 1 < 2), so all three are Tier 1.
    expect(T(quantileTiers(F([10, 9, 9, 9, 6, 5, 4, 3, 2, 1]), [20, 30, 50]))).toEqual([0, 0, 0, 0, 1, 2, 2, 2, 2, 2]);
    // K2 = 5: the three 6s stand at position 4 < 5, so all three are Tier 2.
    expect(T(quantileTiers(F([10, 9, 8, 7, 6, 6, 6, 3, 2, 1]), [20, 30, 50]))).toEqual([0, 0, 1, 1, 1, 1, 1, 2, 2, 2]);
  });

  it('puts every account in Tier 1 when all scores tie', () => {
    // Position 0 for everyone, K1 = 1.
    const a = run(byRevenue([5, 5, 5, 5, 5]));
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 1', 'Tier 1', 'Tier 1', 'Tier 1']);
  });

  it('counts n over the scored accounts only', () => {
    // 10 rows, 5 without a value: n = 5 → K1 = 1, K2 = 3 (not 2 and 5, as n = 10 would give).
    const a = run(byRevenue([5, '', 4, '', 3, '', 2, '', 1, '']));
    expect(tiers(a)).toEqual(['Tier 1', '', 'Tier 2', '', 'Tier 2', '', 'Tier 3', '', 'Tier 3', '']);
  });

  it('compares scores rounded to 6 decimals: two scores differing in the 9th decimal tie', () => {
    // n = 5, K1 = 1, K2 = 3. Rounded, the first two are both 50 at position 0.
    expect(T(tiersByPosition(F([50.000000002, 50.000000001, 40, 30, 20]), 1, 3))).toEqual([0, 0, 1, 2, 2]);
    // A difference in the 6th decimal still counts.
    expect(T(tiersByPosition(F([50.000002, 50.000001, 40, 30, 20]), 1, 3))).toEqual([0, 1, 1, 2, 2]);
    expect(T(quantileTiers(F([50.000000002, 50.000000001, 40, 30, 20]), [20, 30, 50]))).toEqual([0, 0, 1, 2, 2]);
  });

  it('gives no tier to a row without a score', () => {
    expect(T(quantileTiers(F([Number.NaN, 1]), [20, 30, 50]))).toEqual([-1, 1]);
  });
});

describe('threshold tiers (SPEC §4)', () => {
  it('puts a score ≥ 70 in Tier 1 and ≥ 40 in Tier 2, else Tier 3', () => {
    expect(T(thresholdTiers(F([100, 70, 69.9, 40, 39.9, 0, Number.NaN]), 70, 40))).toEqual([0, 0, 1, 1, 2, 2, -1]);
  });

  it('puts a score of exactly 70 in Tier 1 and exactly 40 in Tier 2', () => {
    // Revenue (w7) and engagement (w3), two accounts: A = 100·(7·1 + 3·0) / 10 = 70, B = 100·(7·0 + 3·1) / 10 = 30.
    const rows = accounts(['Revenue', 'Engagement'], [2, 1], [1, 2]);
    const a = run(rows, { method: 'threshold', weights: { revenue: 7, engagement: 3 } });
    expect(Array.from(a.score)).toEqual([70, 30]);
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 3']);
    // Weights 4 and 6: A = 40, B = 60.
    const b = run(rows, { method: 'threshold', weights: { revenue: 4, engagement: 6 } });
    expect(Array.from(b.score)).toEqual([40, 60]);
    expect(tiers(b)).toEqual(['Tier 2', 'Tier 2']);
  });

  it('compares the score rounded to 6 decimals with the threshold', () => {
    // 69.9999996 rounds to 70.000000; 69.9999994 to 69.999999.
    expect(T(thresholdTiers(F([69.9999996, 69.9999994, 39.9999996, 39.9999994]), 70, 40))).toEqual([0, 1, 1, 2]);
  });

  it('takes the thresholds from the settings', () => {
    // Revenue 1…5 → scores 0, 25, 50, 75, 100; thresholds 80/50.
    const a = run(byRevenue([1, 2, 3, 4, 5]), { method: 'threshold', thresholds: [80, 50] });
    expect(tiers(a)).toEqual(['Tier 3', 'Tier 3', 'Tier 2', 'Tier 2', 'Tier 1']);
  });
});

describe('pareto tiers (SPEC §4)', () => {
  it('puts an account in Tier 1 while the value ahead of it is under 80 %, Tier 2 under 95 %', () => {
    // Profit 50, 30, 10, 5, 5 (total positive 100) and −3. Ahead: 0, 50, 80, 90, 95 → T1, T1, T2, T2, T3; −3 → T3.
    const a = run(accounts(['Revenue', 'Profit'], [1, 50], [1, 30], [1, 10], [1, 5], [1, 5], [1, -3]), { method: 'pareto', unprofitableCap: false });
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 1', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3']);
  });

  it('orders equal values by row', () => {
    // Values 5 and 5 on rows 1 and 4. Sorted: 50, 30, 10, 5 (row 1), 5 (row 4).
    // Row 1: ahead 90 → Tier 2; row 4: ahead 95 → Tier 3.
    const scores = F([1, 1, 1, 1, 1]);
    expect(T(paretoTiers(scores, F([5, 30, 10, 5, 50])))).toEqual([1, 0, 1, 2, 0]);
    // Reversed, the 5s stand on rows 2 and 5: again the earlier is Tier 2 (ahead 90), the later Tier 3 (ahead 95).
    expect(T(paretoTiers(scores, F([50, 5, 10, 30, 5])))).toEqual([0, 1, 1, 0, 2]);
  });

  it('ranks on revenue when the table has no profit', () => {
    // Revenue 70, 20, 6, 4 (total 100): ahead 0, 70, 90, 96 → T1, T1, T2, T3.
    const a = run(byRevenue([20, 70, 4, 6]), { method: 'pareto' });
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 1', 'Tier 3', 'Tier 2']);
  });

  it('ranks on profit derived as revenue − cost', () => {
    // Profit = 100 − 10 = 90, 100 − 95 = 5, 100 − 95 = 5: total 100; ahead 0, 90, 95 → T1, T2, T3.
    // Revenue alone (all 100) would put everyone in Tier 1.
    const a = run(accounts(['Revenue', 'Cost'], [100, 10], [100, 95], [100, 95]), { method: 'pareto' });
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 2', 'Tier 3']);
  });

  it('puts a value of 0 or below in Tier 3, even when no value is positive', () => {
    expect(T(paretoTiers(F([1, 1, 1]), F([0, -5, -1])))).toEqual([2, 2, 2]);
  });

  it("puts a scored account with no value in Tier 3 (code's choice: the SPEC is silent)", () => {
    expect(T(paretoTiers(F([1, 1]), F([10, Number.NaN])))).toEqual([0, 2]);
  });

  it('counts the scored accounts only: an unscored row has no tier and adds no value', () => {
    // The unscored row's 1000 is not in the total: 60, 40 → ahead 0, 60 → T1, T1.
    expect(T(paretoTiers(F([1, Number.NaN, 1]), F([60, 1000, 40])))).toEqual([0, -1, 0]);
  });

  it('refuses a table with neither profit nor revenue', () => {
    expect(refusal(() => run(accounts(['Engagement'], [1], [2]), { method: 'pareto' }))).toBe('The pareto method needs a profit or revenue column.');
  });
});

describe('capacity tiers (SPEC §4)', () => {
  it('takes K1 = 1 strategic marketer × 3 accounts and K2 = K1 + 1 ABM Lite marketer × 10 accounts by default', () => {
    // Code's choice of one marketer each (the SPEC gives only the accounts each). n = 20: 3, 10, 7.
    const a = run(byRevenue(Array.from({ length: 20 }, (_, i) => 100 - i)), { method: 'capacity' });
    expect(a.capacity.accounts).toEqual([3, 10, 7]);
  });

  it('takes K1 = strategic marketers × accounts each, K2 = K1 + ABM Lite marketers × accounts each', () => {
    // K1 = 2 × 3 = 6, K2 = 6 + 1 × 10 = 16; n = 30 → 6, 10, 14.
    const a = run(byRevenue(Array.from({ length: 30 }, (_, i) => 1000 - i)), {
      method: 'capacity',
      capacity: { strategicMarketers: 2, strategicAccounts: 3, liteMarketers: 1, liteAccounts: 10 },
    });
    expect(a.capacity.accounts).toEqual([6, 10, 14]);
    expect(tiers(a).slice(5, 7)).toEqual(['Tier 1', 'Tier 2']);
    expect(tiers(a).slice(15, 17)).toEqual(['Tier 2', 'Tier 3']);
  });

  it('lets ties share a tier, as quantile does', () => {
    // K1 = 1 × 2 = 2, K2 = 2 + 1 × 1 = 3. Revenue 9, 8, 8, 5, 4: the 8s stand at position 1 < 2 → Tier 1; 5 at 3 → Tier 3.
    const a = run(byRevenue([9, 8, 8, 5, 4]), {
      method: 'capacity',
      capacity: { strategicMarketers: 1, strategicAccounts: 2, liteMarketers: 1, liteAccounts: 1 },
    });
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 1', 'Tier 1', 'Tier 3', 'Tier 3']);
  });

  it('gives no Tier 1 without strategic marketers', () => {
    // K1 = 0 × 3 = 0, K2 = 0 + 1 × 10 = 10.
    const a = run(byRevenue([3, 2, 1]), { method: 'capacity', capacity: { strategicMarketers: 0 } });
    expect(tiers(a)).toEqual(['Tier 2', 'Tier 2', 'Tier 2']);
  });
});

describe('the unprofitable cap (SPEC §4)', () => {
  // Scored on revenue alone (profit weight 0, still known for the cap). n = 5: K1 = 1, K2 = 3.
  // A has the highest revenue and a loss.
  const table = accounts(['Revenue', 'Profit'], [900, -1], [20, 40], [10, 30], [5, 5], [1, 1]);

  it('puts an account with a known negative profit in Tier 3 and frees no place for the others', () => {
    const a = run(table, { weights: { profit: 0 } });
    // A would be Tier 1 (position 0) and is capped; B keeps Tier 2 (position 1 < K2 = 3), it is not promoted.
    expect(tiers(a)).toEqual(['Tier 3', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3']);
    expect(a.capped).toBe(1);
    expect(a.capacity.accounts).toEqual([0, 2, 3]);
  });

  it.each(['quantile', 'threshold', 'pareto', 'capacity'] as const)('caps whatever the method: %s', (method) => {
    const a = run(table, { weights: { profit: 0 }, method, thresholds: [0, 0] });
    expect(tiers(a)[0]).toBe('Tier 3');
  });

  it('caps after a threshold placed every account in Tier 1', () => {
    const a = run(accounts(['Revenue', 'Profit'], [10, 50], [20, 40], [900, -1]), { method: 'threshold', thresholds: [0, 0] });
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 1', 'Tier 3']);
  });

  it('caps a profit derived as revenue − cost', () => {
    // C: 100 − 150 = −50.
    const a = run(accounts(['Revenue', 'Cost'], [10, 5], [20, 5], [100, 150]), { method: 'threshold', thresholds: [0, 0] });
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 1', 'Tier 3']);
  });

  it('leaves an account with a profit of 0 or an unknown profit where the method put it', () => {
    const a = run(accounts(['Revenue', 'Profit'], [10, 0], [20, ''], [30, 5]), { method: 'threshold', thresholds: [0, 0] });
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 1', 'Tier 1']);
    expect(a.capped).toBe(0);
  });

  it('can be switched off', () => {
    const a = run(table, { weights: { profit: 0 }, unprofitableCap: false });
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3']);
    expect(a.capped).toBe(0);
  });

  it('does not apply to a range without a header row (no profit column is known)', () => {
    // Two unnamed columns, the second negative for the first row; threshold 0/0 puts all in Tier 1 and nothing moves them.
    const rows: Cell[][] = [
      [900, -1],
      [20, 40],
      [10, 30],
    ];
    const a = analyseGrid(rows, parseSettings({ method: 'threshold', thresholds: [0, 0] }));
    expect(Array.from(a.tier)).toEqual([0, 0, 0]);
    expect(a.capped).toBe(0);
  });
});

describe('tier labels (SPEC §4)', () => {
  it('uses the configured labels', () => {
    const a = run(byRevenue([1, 2, 3]), { method: 'threshold', labels: ['High', 'Medium', 'Low'] });
    // Scores 0, 50, 100.
    expect(tiers(a)).toEqual(['Low', 'Medium', 'High']);
  });
});
