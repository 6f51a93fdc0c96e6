import { describe, expect, it } from 'vitest';
import { describeDrivers, type Cell, type GridAnalysis } from '../../src/core';
import { renderer, translator } from '../../src/i18n';
import { run, say } from './helpers';

const text = (a: GridAnalysis, row: number) => describeDrivers(a.drivers, row, a.table.mapping.metrics, a.percentiles, say);

/** Round half up of 100·num/den on whole numbers: the test's own arithmetic, not the engine's. */
const halfUp = (num: number, den: number) => Math.floor((200 * num + den) / (2 * den));

describe('drivers: percents round half up on the exact rank (SPEC §9)', () => {
  // 41 accounts with profit 0…40: p = i / 40 exactly, so 100·(1 − p) and 100·p are whole or x.5.
  const rows: Cell[][] = [['Account', 'Engagement', 'Orders', 'Profit']];
  // Engagement and profit tie everywhere (p = ½: engagement adds 1, profit 1.5), so orders (w1, p = i/40,
  // adding at most 1) is never above engagement and is the weakest whenever it loses anything.
  for (let i = 0; i <= 40; i++) rows.push([`A${i}`, 5, i, 5]);
  const a = run(rows);

  const b = run([['Account', 'Profit'], ...Array.from({ length: 41 }, (_, i) => [`A${i}`, i])]);

  it('shows top 32.5 % as "top 33%", as it shows bottom 32.5 % as "bottom 33%"', () => {
    expect(text(b, 27)).toBe('profit (top 33%)');
    expect(text(b, 13)).toBe('weakest: profit (bottom 33%)');
    expect(text(b, 39)).toBe('profit (top 3%)');
  });

  it('rounds every top X% half up above the median, every bottom X% at or below it: profit i of 0…40', () => {
    // p = i/40: a strength when p > ½ (i > 20), else what holds the row back.
    for (let i = 0; i <= 40; i++) {
      expect(text(b, i)).toBe(i > 20 ? `profit (top ${Math.max(1, halfUp(40 - i, 40))}%)` : `weakest: profit (bottom ${Math.max(1, halfUp(i, 40))}%)`);
    }
  });

  it('shows no metric at the median as a strength: p = ½ everywhere leaves only the weakest', () => {
    // Engagement and profit tie everywhere (p = ½: engagement w2 loses 1, profit w3 loses 1.5); orders p = i/40.
    for (let i = 0; i <= 40; i++) {
      const expected = i > 20 ? `orders (top ${Math.max(1, halfUp(40 - i, 40))}%); weakest: profit (bottom 50%)` : 'weakest: profit (bottom 50%)';
      expect(text(a, i)).toBe(expected);
    }
  });

  it('rounds the same way in every language', () => {
    const words = translator('th');
    expect(describeDrivers(b.drivers, 27, b.table.mapping.metrics, b.percentiles, renderer('th'))).toBe(
      words('drivers.top', { name: words('role.profit'), pct: 33 }),
    );
  });

  it('rounds on the exact rank past the radix threshold too (5,001 accounts: top 0.01 % steps)', () => {
    const c = run([['Account', 'Profit'], ...Array.from({ length: 5001 }, (_, i) => [`A${i}`, i])]);
    // p = i / 5000: 100·(1 − p) = (5000 − i)/50 and 100·p = i/50, x.5 at i = 25, 75, …
    for (const i of [4975, 4925, 2525, 3333]) expect(text(c, i)).toBe(`profit (top ${Math.max(1, halfUp(5000 - i, 5000))}%)`);
    for (const i of [25, 75, 2475, 1667]) expect(text(c, i)).toBe(`weakest: profit (bottom ${Math.max(1, halfUp(i, 5000))}%)`);
  });
});

describe('drivers: ties between metrics go to the earlier column (docs/scoring.md, Drivers)', () => {
  // 11 accounts: p = rank / 10. Row 10: orders p .8 (w3 adds 2.4) and profit p .6 (w4 adds 2.4), both
  // above the median: a tie that doubles see as 2.4000000000000004 against 2.4.
  const tie = (header: string[]) => {
    const rows: Cell[][] = [['Account', ...header]];
    for (let j = 0; j < 10; j++) rows.push([`A${j}`, ...header.map(() => j)]);
    rows.push(['T', ...header.map((h) => (h === 'Orders' ? 7.5 : 5.5))]);
    return run(rows, { weights: { orders: 3, profit: 4 } });
  };

  it('names orders first when it comes before profit and both add 2.4', () => {
    expect(text(tie(['Orders', 'Profit']), 10)).toBe('orders (top 20%), profit (top 40%)');
  });

  it('names profit first when it comes before orders', () => {
    expect(text(tie(['Profit', 'Orders']), 10)).toBe('profit (top 40%), orders (top 20%)');
  });

  it('names the earlier of two metrics that lose the same points as the weakest', () => {
    // Row 10: revenue and engagement at the top (w5 each add 5); profit p .9 (w3 loses .3) and orders
    // p .7 (w1 loses .3) tie, and profit comes first.
    const rows: Cell[][] = [['Account', 'Revenue', 'Engagement', 'Profit', 'Orders']];
    for (let j = 0; j < 10; j++) rows.push([`A${j}`, j, j, j, j]);
    rows.push(['T', 100, 100, 8.5, 6.5]);
    const a = run(rows, { weights: { revenue: 5, engagement: 5 } });
    expect(text(a, 10)).toBe('revenue (top 1%), engagement (top 1%); weakest: profit (bottom 90%)');
    const swapped = run(
      rows.map((r) => [r[0], r[1], r[2], r[4], r[3]]),
      { weights: { revenue: 5, engagement: 5 } },
    );
    expect(text(swapped, 10)).toBe('revenue (top 1%), engagement (top 1%); weakest: orders (bottom 70%)');
  });

  it('compares decimal weights as the decimals they are: 0.3 × p .6 ties 0.2 × p .9', () => {
    const rows: Cell[][] = [['Account', 'Profit', 'Orders']];
    for (let j = 0; j < 10; j++) rows.push([`A${j}`, j, j]);
    rows.push(['T', 5.5, 8.5]);
    const a = run(rows, { weights: { profit: 0.3, orders: 0.2 } });
    // Profit p .6 × 0.3 and orders p .9 × 0.2 both add .18 (doubles: .18 and .18000000000000002); profit comes first.
    expect(text(a, 10)).toBe('profit (top 40%), orders (top 10%)');
  });
});
