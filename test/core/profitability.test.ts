import { describe, expect, it } from 'vitest';
import { profitability, whaleCurve } from '../../src/core';
import { accounts, run } from './helpers';

const F = (xs: number[]) => Float64Array.from(xs);
const SEGMENTS = ['Money Maker', 'Contributor', 'Filler'];

describe('profitability by segment and by tier (SPEC §7)', () => {
  it('sums accounts, revenue, cost and profit per group and in total, with cost = revenue − profit when no cost is given', () => {
    // Money Maker: 100 / 10; Contributor: 50 / 25 and 50 / 15; Filler: 10 / −20.
    const t = profitability(Int8Array.from([0, 1, 1, 2]), SEGMENTS, { revenue: F([100, 50, 50, 10]), profit: F([10, 25, 15, -20]), cost: null });
    // Total profit 10 + 40 − 20 = 30.
    expect(t.rows).toEqual([
      // cost 100 − 10 = 90; margin 10/100; profit share 10/30.
      { label: 'Money Maker', accounts: 1, share: 0.25, revenue: 100, cost: 90, profit: 10, margin: 10 / 100, profitShare: 10 / 30, profitPerAccount: 10 },
      // revenue 100, profit 40, cost 60; margin .4; share 40/30; per account 40/2.
      { label: 'Contributor', accounts: 2, share: 0.5, revenue: 100, cost: 60, profit: 40, margin: 0.4, profitShare: 40 / 30, profitPerAccount: 20 },
      // cost 10 − (−20) = 30; margin −20/10 = −2.
      { label: 'Filler', accounts: 1, share: 0.25, revenue: 10, cost: 30, profit: -20, margin: -2, profitShare: -20 / 30, profitPerAccount: -20 },
    ]);
    expect(t.total).toEqual({
      label: 'Total',
      accounts: 4,
      share: 1,
      revenue: 210,
      cost: 180,
      profit: 30,
      margin: 30 / 210,
      profitShare: 1,
      profitPerAccount: 7.5,
    });
  });

  it('sums the cost column when there is one', () => {
    // Cost to serve 5 and 7, not revenue − profit (90 and 40).
    const t = profitability(Int8Array.from([0, 0]), ['All'], { revenue: F([100, 50]), profit: F([10, 10]), cost: F([5, 7]) });
    expect(t.rows[0].cost).toBe(12);
  });

  it('takes revenue − profit for a row whose cost is not given, even when a cost column exists', () => {
    // A: cost 20 given. B: no cost → 50 − 10 = 40. Cost 20 + 40 = 60.
    const a = run(accounts(['Revenue', 'Profit', 'Cost'], [100, 30, 20], [50, 10, '']), { method: 'threshold', thresholds: [0, 0] });
    expect(a.byTier.rows[0].accounts).toBe(2);
    expect(a.byTier.rows[0].cost).toBe(60);
  });

  it('leaves the margin blank when revenue is 0', () => {
    const t = profitability(Int8Array.from([0, 1]), ['A', 'B'], { revenue: F([0, 10]), profit: F([5, 2]), cost: null });
    expect(t.rows[0].margin).toBeNaN();
    expect(t.rows[1].margin).toBe(0.2);
  });

  it('leaves a column the table lacks blank, not 0', () => {
    const t = profitability(Int8Array.from([0]), ['A'], { revenue: F([10]), profit: null, cost: null });
    expect(t.rows[0].profit).toBeNaN();
    expect(t.rows[0].cost).toBeNaN();
    expect(t.rows[0].margin).toBeNaN();
    expect(t.rows[0].profitShare).toBeNaN();
  });

  it('leaves out accounts in no group', () => {
    const t = profitability(Int8Array.from([0, -1]), ['A'], { revenue: F([10, 1000]), profit: F([1, 100]), cost: null });
    expect(t.total).toMatchObject({ accounts: 1, revenue: 10, profit: 1 });
  });

  it('reports profitability by segment and by tier of a scored table', () => {
    // Revenue 500, 300, 100, 60, 40; profit 100, 90, 20, −10, 0; cost to serve 50, 30, 10, 20, 5.
    // Segments (n = 5, K1 = 1, K2 = 3): A Money Maker; B, C Contributor; D, E Filler.
    // Scores: revenue p 1, .75, .5, .25, 0 (w2); profit p 1, .75, .5, 0, .25 (w3):
    // A 100, B 75, C 50, D 100·(.5 + 0)/5 = 10, E 100·(0 + .75)/5 = 15 → A Tier 1; B, C Tier 2; D, E Tier 3.
    const a = run(accounts(['Revenue', 'Profit', 'Cost'], [500, 100, 50], [300, 90, 30], [100, 20, 10], [60, -10, 20], [40, 0, 5]));
    // Total profit 200.
    expect(a.bySegment.rows).toEqual([
      { label: 'Money Maker', accounts: 1, share: 0.2, revenue: 500, cost: 50, profit: 100, margin: 0.2, profitShare: 0.5, profitPerAccount: 100 },
      { label: 'Contributor', accounts: 2, share: 0.4, revenue: 400, cost: 40, profit: 110, margin: 110 / 400, profitShare: 110 / 200, profitPerAccount: 55 },
      { label: 'Filler', accounts: 2, share: 0.4, revenue: 100, cost: 25, profit: -10, margin: -10 / 100, profitShare: -10 / 200, profitPerAccount: -5 },
    ]);
    expect(a.bySegment.total).toEqual({
      label: 'Total',
      accounts: 5,
      share: 1,
      revenue: 1000,
      cost: 115,
      profit: 200,
      margin: 0.2,
      profitShare: 1,
      profitPerAccount: 40,
    });
    expect(a.byTier.rows.map((r) => [r.label, r.accounts, r.revenue, r.profit])).toEqual([
      ['Tier 1', 1, 500, 100],
      ['Tier 2', 2, 400, 110],
      ['Tier 3', 2, 100, -10],
    ]);
  });
});

describe('the whale curve (SPEC §7)', () => {
  it('sorts accounts by profit, highest first, and plots (k / n, cumulative profit / total) for k = 0…n', () => {
    // Profits 60, 50, −10 (total 100): cumulative 0, 60, 110, 100.
    const w = whaleCurve(F([-10, 60, 50]), Uint8Array.from([1, 1, 1]))!;
    expect(Array.from(w.x)).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(Array.from(w.y)).toEqual([0, 0.6, 1.1, 1]);
    expect(w.accounts).toBe(3);
  });

  it('reports the peak as a share of total profit and the share of accounts at the peak', () => {
    // Peak 110 / 100 at 2 of 3 accounts.
    const w = whaleCurve(F([-10, 60, 50]), Uint8Array.from([1, 1, 1]))!;
    expect(w.peak).toBe(1.1);
    expect(w.peakAccounts).toBe(2 / 3);
  });

  it('peaks at 100 % of profit on the last account when no account loses money', () => {
    const w = whaleCurve(F([30, 70]), Uint8Array.from([1, 1]))!;
    expect([w.peak, w.peakAccounts]).toEqual([1, 1]);
  });

  it("reports the fewest accounts that reach the peak (code's choice: the SPEC is silent)", () => {
    // 60, 40, 0, 0: the curve reaches 1 at k = 2 and stays there.
    const w = whaleCurve(F([0, 60, 0, 40]), Uint8Array.from([1, 1, 1, 1]))!;
    expect([w.peak, w.peakAccounts]).toEqual([1, 0.5]);
  });

  it('leaves out accounts not included and profits not known', () => {
    // Only 50 and 30 count: total 80.
    const w = whaleCurve(F([50, 1000, Number.NaN, 30]), Uint8Array.from([1, 0, 1, 1]))!;
    expect(Array.from(w.y)).toEqual([0, 50 / 80, 1]);
  });

  it("draws no curve when total profit is not positive (code's choice)", () => {
    expect(whaleCurve(F([-5, 2]), Uint8Array.from([1, 1]))).toBeNull();
    expect(whaleCurve(F([]), Uint8Array.from([]))).toBeNull();
  });

  it('draws the curve of a scored table over its scored accounts', () => {
    // C has no score (no values): only A (80) and B (−20) count, total 60: y 0, 80/60, 1.
    const a = run(accounts(['Revenue', 'Profit'], [10, 80], [20, -20], ['', '']));
    expect(Array.from(a.whale!.y)).toEqual([0, 80 / 60, 1]);
    expect(a.whale!.peakAccounts).toBe(0.5);
  });
});
