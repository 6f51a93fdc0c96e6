import { describe, expect, it } from 'vitest';
import { describeDrivers, type Cell, type GridAnalysis } from '../../src/core';
import { accounts, run, say } from './helpers';

const text = (a: GridAnalysis, row: number) => describeDrivers(a.drivers, row, a.table.mapping.metrics, a.percentiles, say);

describe('drivers (SPEC §9)', () => {
  it('writes "profit (top 4%), engagement (top 11%); weakest: recency (bottom 20%)"', () => {
    // 101 accounts, so p = rank / 100. Profit i → p = i/100; engagement (i − 7) mod 101; recency (i − 16) mod 101, lower better.
    // Row 96: profit p .96 (3 × .96 = 2.88), engagement 89 → p .89 (2 × .89 = 1.78),
    // recency 80 days → 20 of 100 others have more days → p .2 (1 × .2; loses .8).
    // Top 100·(1 − .96) = 4 %, 100·(1 − .89) = 11 %; bottom 100·.2 = 20 %.
    const rows: Cell[][] = [['Account', 'Profit', 'Engagement', 'Recency']];
    for (let i = 0; i <= 100; i++) rows.push([`A${i}`, i, (i - 7 + 101) % 101, (i - 16 + 101) % 101]);
    const a = run(rows);
    expect(text(a, 96)).toBe('profit (top 4%), engagement (top 11%); weakest: recency (bottom 20%)');
  });

  it('ranks the drivers by w·p, not by p, and the weakest by the points it loses, w·(1 − p)', () => {
    // A: revenue p 1 (w2 → 2), profit p .75 (w3 → 2.25), orders p 0 (w1, loses 1), engagement p .25 (w2, loses 1.5).
    // Profit adds most though its percentile is lower; engagement holds A back most though orders ranks lower
    // (code's choice of "holds back most": the SPEC does not define it further).
    const a = run(accounts(['Revenue', 'Profit', 'Orders', 'Engagement'], [5, 40, 1, 2], [4, 50, 2, 1], [3, 30, 3, 3], [2, 20, 4, 4], [1, 10, 5, 5]));
    expect(text(a, 0)).toBe('profit (top 25%), revenue (top 1%); weakest: engagement (bottom 25%)');
  });

  it('names no weakest metric when the other metrics lose no points', () => {
    // B has the top value everywhere: nothing lost. Top 100·(1 − 1) = 0 shows as 1 % (code's choice).
    const a = run(accounts(['Revenue', 'Profit', 'Orders'], [1, 1, 1], [2, 2, 2]));
    expect(text(a, 1)).toBe('profit (top 1%), revenue (top 1%)');
  });

  it('names no weakest metric when the row has only the two top metrics', () => {
    // A: revenue p 0, profit p 0 → both add 0 (equal contributions keep column order, code's choice); nothing else to hold it back.
    const a = run(accounts(['Revenue', 'Profit'], [1, 1], [2, 2]));
    expect(text(a, 0)).toBe('revenue (top 100%), profit (top 100%)');
  });

  it('names only metrics the row has a value for', () => {
    // A lacks profit: its drivers are revenue and orders. Revenue 2, 1 → 1; orders 1, 2 → p 0 (w1 → 0).
    const a = run(accounts(['Revenue', 'Profit', 'Orders'], [2, '', 1], [1, 5, 2]));
    expect(text(a, 0)).toBe('revenue (top 1%), orders (top 100%)');
  });

  it('says nothing for a row without a score', () => {
    const a = run(accounts(['Revenue'], [1], ['']));
    expect([a.drivers.first[1], a.drivers.second[1], a.drivers.weakest[1]]).toEqual([-1, -1, -1]);
    expect(text(a, 1)).toBe('');
  });
});
