import { describe, expect, it } from 'vitest';
import { profitability, whaleCurve } from '../../src/core';

const F = (xs: number[]) => Float64Array.from(xs);

describe('profitability by segment and tier (SPEC §7)', () => {
  it('sums accounts, revenue, cost, profit; margin, profit share and profit per account', () => {
    const groups = Int8Array.from([0, 1, 1, 2]);
    const t = profitability(groups, ['Money Maker', 'Contributor', 'Filler'], { revenue: F([100, 50, 50, 10]), profit: F([10, 25, 15, -20]), cost: null });
    // Contributor: 2 accounts, revenue 100, profit 40, cost 100 − 40 = 60, margin .4, share 40 / 30.
    expect(t.rows[1]).toEqual({ label: 'Contributor', accounts: 2, share: 0.5, revenue: 100, cost: 60, profit: 40, margin: 0.4, profitShare: 40 / 30, profitPerAccount: 20 });
    expect(t.total).toMatchObject({ label: 'Total', accounts: 4, revenue: 210, profit: 30, cost: 180 });
  });

  it('leaves margin blank when revenue is 0 and a missing column blank, not 0', () => {
    const t = profitability(Int8Array.from([0]), ['A'], { revenue: F([0]), profit: F([5]), cost: null });
    expect(t.rows[0].margin).toBeNaN();
    const noProfit = profitability(Int8Array.from([0]), ['A'], { revenue: F([10]), profit: null, cost: null });
    expect(noProfit.rows[0].profit).toBeNaN();
    expect(noProfit.rows[0].cost).toBeNaN();
  });

  it('draws the whale curve by profit, highest first, and finds its peak', () => {
    // Profits 60, 50, −10 (total 100): points 0, .6, 1.1, 1.0; peak 1.1 at 2 of 3 accounts.
    const w = whaleCurve(F([-10, 60, 50]), Uint8Array.from([1, 1, 1]))!;
    expect(Array.from(w.y)).toEqual([0, 0.6, 1.1, 1]);
    expect(Array.from(w.x)).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(w.peak).toBeCloseTo(1.1, 12);
    expect(w.peakAccounts).toBeCloseTo(2 / 3, 12);
    expect(whaleCurve(F([-5, 2]), Uint8Array.from([1, 1]))).toBeNull();
  });
});
