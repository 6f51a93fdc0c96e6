import { describe, expect, it } from 'vitest';
import { paretoTiers, places, quantileTiers, thresholdTiers, tiersByPosition } from '../../src/core';
import { run, tiers } from './helpers';

const T = (xs: Int8Array) => Array.from(xs);
const F = (xs: number[]) => Float64Array.from(xs);

describe('tiers (SPEC §4)', () => {
  it('rounds K = floor(n·c/100 + 0.5)', () => {
    expect([places(10, 20), places(7, 20), places(7, 50), places(2, 20), places(3, 50)]).toEqual([2, 1, 4, 0, 2]);
  });

  it('quantile: Tier 1 while fewer than K1 accounts score higher, Tier 2 under K2', () => {
    // n = 10, 20/30/50: K1 = 2, K2 = 5.
    expect(T(quantileTiers(F([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), [20, 30, 50]))).toEqual([0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
  });

  it('ties share the tier of their best-placed member', () => {
    // 9, 9, 9 tie at position 1 < K1 = 2: all three are Tier 1.
    expect(T(quantileTiers(F([10, 9, 9, 9, 6, 5, 4, 3, 2, 1]), [20, 30, 50]))).toEqual([0, 0, 0, 0, 1, 2, 2, 2, 2, 2]);
  });

  it('compares scores rounded to 6 decimals', () => {
    expect(T(tiersByPosition(F([50.0000001, 50.0000004, 10]), 1, 2))).toEqual([0, 0, 2]);
    expect(T(thresholdTiers(F([69.9999996, 69.9999994]), 70, 40))).toEqual([0, 1]);
  });

  it('threshold: ≥ t1 is Tier 1, ≥ t2 Tier 2, else Tier 3', () => {
    expect(T(thresholdTiers(F([70, 69.9, 40, 39.9, NaN]), 70, 40))).toEqual([0, 1, 1, 2, -1]);
  });

  it('pareto: Tier 1 while the value ahead is under 80 %, Tier 2 under 95 %, ≤ 0 is Tier 3, ties in row order', () => {
    // Values 50, 30, 10, 5, 5, -3 (total positive 100). Ahead: 0, 50, 80, 90, 95 → T1, T1, T2, T2, T3; −3 → T3.
    const scores = F([1, 1, 1, 1, 1, 1]);
    expect(T(paretoTiers(scores, F([50, 30, 10, 5, 5, -3])))).toEqual([0, 0, 1, 1, 2, 2]);
    // The tie 5/5 follows row order: swapping the rows swaps their tiers.
    expect(T(paretoTiers(scores, F([5, 30, 10, 5, 50, -3])))).toEqual([1, 0, 1, 2, 0, 2]);
  });

  it('capacity: K1 = strategic marketers × accounts each, K2 = K1 + ABM Lite marketers × accounts each', () => {
    const rows = [['Account', 'Revenue'], ...Array.from({ length: 30 }, (_, i) => [`A${i}`, 1000 - i])];
    const a = run(rows, { method: 'capacity', capacity: { strategicMarketers: 2, strategicAccounts: 3, liteMarketers: 1, liteAccounts: 10 } });
    expect(a.capacity.accounts).toEqual([6, 10, 14]);
  });

  it('caps an unprofitable account to Tier 3 after placing, freeing no place for others', () => {
    // Profit alone decides: 50, 40, -1 ... with threshold 0,0 all would be Tier 1.
    const a = run([['Account', 'Revenue', 'Profit'], ['A', 10, 50], ['B', 20, 40], ['C', 900, -1]], { method: 'threshold', thresholds: [0, 0] });
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 1', 'Tier 3']);
    expect(a.capped).toBe(1);
    // Scored on revenue alone (profit weight 0, still known for the cap). n = 5: K1 = 1, K2 = 3.
    const q = run([['Account', 'Revenue', 'Profit'], ['A', 900, -1], ['B', 20, 40], ['C', 10, 30], ['D', 5, 5], ['E', 1, 1]], { weights: { profit: 0 } });
    // A ranks first but is capped; B is not promoted into the freed place.
    expect(tiers(q)).toEqual(['Tier 3', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3']);
  });

  it('can switch the cap off, and never applies it without a header row', () => {
    const rows = [['Account', 'Revenue', 'Profit'], ['A', 10, 50], ['B', 20, 40], ['C', 900, -1]];
    expect(tiers(run(rows, { method: 'threshold', thresholds: [0, 0], unprofitableCap: false }))).toEqual(['Tier 1', 'Tier 1', 'Tier 1']);
  });

  it('uses the configured labels', () => {
    const a = run([['Account', 'Revenue'], ['A', 3], ['B', 2], ['C', 1]], { method: 'threshold', labels: ['High', 'Medium', 'Low'] });
    expect(tiers(a)).toEqual(['High', 'Medium', 'Low']);
  });
});
