import { describe, expect, it } from 'vitest';
import { accountExceptions, exceptionRows } from '../../src/core';
import { accounts, run } from './helpers';

// Ten accounts: revenue 100…10 (A–E are Money Makers and Contributors by the 20/40/40 cut: A, B Money Makers).
const header = ['Revenue', 'Profit', 'Recency'];
const table = accounts(
  header,
  [100, -30, 10], // A: Money Maker losing money
  [90, -5, 400], // B: Money Maker losing money, lapsed but unprofitable
  [80, 50, 500], // C: profitable, lapsed
  [70, 40, 20],
  [60, 70, 366], // E: profitable, lapsed just past 365 days
  [50, 10, 365], // F: exactly at the window: still active
  [40, -1, 30], // G: loses money, not a Money Maker
  [30, 5, 900], // H: profitable, lapsed
  [20, 0, 800], // I: profit 0: not "profitable"
  [10, 2, ''], // J: no recency: never lapsed
);

describe('exception lists (issue 15)', () => {
  it('lists Money Makers that lose money, largest loss first', () => {
    const a = run(table);
    expect(Array.from(a.segment.slice(0, 3))).toEqual([0, 0, 1]);
    expect(a.exceptions.losingMoneyMakers).toEqual([0, 1]);
  });

  it('lists profitable accounts past the active window, most profitable first, and states the window', () => {
    const a = run(table);
    expect(a.exceptions.activeDays).toBe(365);
    expect(a.exceptions.lapsed).toEqual([4, 2, 7]);
    const narrower = accountExceptions(run(table, { activeDays: 450 }));
    expect(narrower.lapsed).toEqual([2, 7]);
    expect(narrower.activeDays).toBe(450);
  });

  it('lists the accounts the cap moved (not those in the last tier anyway), largest loss first', () => {
    const a = run(table);
    const moved = a.exceptions.capped;
    expect(moved.length).toBe(a.capped);
    for (const i of moved) expect(a.cappedRows![i]).toBe(1);
    expect(moved.length).toBeGreaterThan(0);
    const profit = (i: number) => table[i + 1][2] as number;
    expect(moved.map(profit)).toEqual(moved.map(profit).sort((x, y) => x - y));
    // Every account losing money is in the last tier.
    for (const i of [0, 1, 6]) expect(a.tier[i]).toBe(2);
    expect(run(table, { unprofitableCap: false }).exceptions.capped).toEqual([]);
  });

  it('gives each listed account its sheet row, name, money, recency, tier and segment', () => {
    const a = run(table);
    const [first] = exceptionRows(a, a.exceptions.lapsed, 1);
    expect(first).toEqual({ row: 6, account: 'E', profit: 70, revenue: 60, recency: 366, tier: a.settings.labels[a.tier[4]], segment: 'Contributor' });
    expect(exceptionRows(a, a.exceptions.lapsed).length).toBe(3);
  });

  it('lists nothing a table cannot show: no profit column, no recency column', () => {
    const noProfit = run(accounts(['Revenue', 'Recency'], [10, 900], [20, 1]));
    expect(noProfit.exceptions).toEqual({ capped: [], losingMoneyMakers: [], lapsed: [], activeDays: 365 });
    const noRecency = run(accounts(['Revenue', 'Profit'], [10, -1], [20, 5], [30, 2], [40, 1], [50, -3]));
    expect(noRecency.exceptions.lapsed).toEqual([]);
    expect(noRecency.exceptions.losingMoneyMakers).toEqual([4]);
  });
});
