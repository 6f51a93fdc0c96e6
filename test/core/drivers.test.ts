import { describe, expect, it } from 'vitest';
import { describeDrivers, type Cell, type GridAnalysis } from '../../src/core';
import { renderer, translator } from '../../src/i18n';
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

  it('names no strength when every metric is in the bottom half: only what holds the row back most', () => {
    // A: revenue p 0 (w2 loses 2), profit p 0 (w3 loses 3): neither is a strength; profit loses most.
    const a = run(accounts(['Revenue', 'Profit'], [1, 1], [2, 2]));
    expect(text(a, 0)).toBe('weakest: profit (bottom 1%)');
  });

  it('never shows a below-median metric as a strength ("revenue (top 76%)")', () => {
    // 5 accounts, p = rank / 4. Row C: profit p 1 (top), revenue p .25 (w2 adds .5, more than orders p .5 × w1,
    // but in the bottom half), orders p .5 (the median). Only profit is a strength; revenue loses most.
    const a = run(accounts(['Revenue', 'Profit', 'Orders'], [5, 1, 1], [4, 2, 2], [2, 5, 3], [3, 3, 4], [1, 4, 5]));
    expect(a.percentiles[0]![2]).toBe(0.25);
    expect(text(a, 2)).toBe('profit (top 1%); weakest: revenue (bottom 25%)');
    // No row's strengths are at or below its median.
    for (let i = 0; i < 5; i++) {
      for (const m of [a.drivers.first[i], a.drivers.second[i]]) if (m >= 0) expect(a.percentiles[m]![i]).toBeGreaterThan(0.5);
    }
  });

  it('names only metrics the row has a value for', () => {
    // A lacks profit: revenue 2, 1 → p 1 (a strength); orders 1, 2 → p 0 (w1 loses 1): the weakest.
    const a = run(accounts(['Revenue', 'Profit', 'Orders'], [2, '', 1], [1, 5, 2]));
    expect(text(a, 0)).toBe('revenue (top 1%); weakest: orders (bottom 1%)');
  });

  it('says why a capped account is in Tier 3 before its drivers, and only for the accounts the cap moved', () => {
    // B has the top revenue and engagement but loses money: the cap moves it from Tier 1 to Tier 3.
    // C loses money too but is Tier 3 by its score: the cap did not move it.
    const a = run(accounts(['Revenue', 'Profit', 'Engagement'], [10, 5, 1], [50, -2, 9], [1, -1, 2], [20, 3, 5], [30, 4, 3]));
    expect(a.tier[1]).toBe(2);
    expect(a.capped).toBe(1);
    expect([...a.cappedRows!]).toEqual([0, 1, 0, 0, 0]);
    expect(text(a, 1)).toBe('unprofitable: moved to Tier 3; revenue (top 1%), engagement (top 1%); weakest: profit (bottom 1%)');
    expect(text(a, 2)).not.toContain('unprofitable');
  });

  it('names the renamed last tier, and says nothing of the cap when it is switched off', () => {
    const rows = accounts(['Revenue', 'Profit', 'Engagement'], [10, 5, 1], [50, -2, 9], [1, -1, 2], [20, 3, 5], [30, 4, 3]);
    const renamed = run(rows, { labels: ['Gold', 'Silver', 'Bronze'] });
    expect(text(renamed, 1)).toMatch(/^unprofitable: moved to Bronze; /u);
    const off = run(rows, { unprofitableCap: false });
    expect(off.cappedRows).toBeNull();
    expect(text(off, 1)).toBe('revenue (top 1%), engagement (top 1%); weakest: profit (bottom 1%)');
  });

  it('says nothing for a row without a score', () => {
    const a = run(accounts(['Revenue'], [1], ['']));
    expect([a.drivers.first[1], a.drivers.second[1], a.drivers.weakest[1]]).toEqual([-1, -1, -1]);
    expect(text(a, 1)).toBe('');
  });

  it('joins the capped reason and the weakest with the separator of each language', () => {
    const zh = translator('zh-CN');
    const rows = accounts(['Revenue', 'Profit'], [1, 1], [2, 2]);
    // A is in the bottom half everywhere: no strength, so the weakest part starts the cell, without "；".
    const a = run(rows);
    const weakest = zh('drivers.weakest', { item: zh('drivers.bottom', { name: zh('role.profit'), pct: 1 }) });
    expect(describeDrivers(a.drivers, 0, a.table.mapping.metrics, a.percentiles, renderer('zh-CN'))).toBe(weakest.replace(/^；/u, ''));
    // B loses money at the top of revenue: the cap's reason, then its strength and weakest.
    const b = run(accounts(['Revenue', 'Profit', 'Engagement'], [10, 5, 1], [50, -2, 9], [1, -1, 2], [20, 3, 5], [30, 4, 3]));
    const text = describeDrivers(b.drivers, 1, b.table.mapping.metrics, b.percentiles, renderer('zh-CN'));
    expect(text.startsWith(`${zh('drivers.capped', { tier: b.settings.labels[2] })}；`)).toBe(true);
  });
});
