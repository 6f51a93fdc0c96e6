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

  it('shows top 32.5 % as "top 33%", as it shows top 67.5 % as "top 68%"', () => {
    const b = run([['Account', 'Profit'], ...Array.from({ length: 41 }, (_, i) => [`A${i}`, i])]);
    expect(text(b, 27)).toBe('profit (top 33%)');
    expect(text(b, 13)).toBe('profit (top 68%)');
    expect(text(b, 39)).toBe('profit (top 3%)');
  });

  it('rounds every top X% half up: 100·(40 − i)/40 for profit i of 0…40', () => {
    const b = run([['Account', 'Profit'], ...Array.from({ length: 41 }, (_, i) => [`A${i}`, i])]);
    for (let i = 0; i <= 40; i++) expect(text(b, i)).toBe(`profit (top ${Math.max(1, halfUp(40 - i, 40))}%)`);
  });

  it('rounds every bottom X% half up: 100·i/40 for orders i of 0…39', () => {
    for (let i = 0; i < 40; i++) {
      expect(text(a, i)).toBe(`profit (top 50%), engagement (top 50%); weakest: orders (bottom ${Math.max(1, halfUp(i, 40))}%)`);
    }
    expect(text(a, 27)).toContain('orders (bottom 68%)');
    expect(text(a, 13)).toContain('orders (bottom 33%)');
  });

  it('rounds the same way in every language', () => {
    const words = translator('th');
    const b = run([['Account', 'Profit'], ...Array.from({ length: 41 }, (_, i) => [`A${i}`, i])]);
    expect(describeDrivers(b.drivers, 27, b.table.mapping.metrics, b.percentiles, renderer('th'))).toBe(
      words('drivers.top', { name: words('role.profit'), pct: 33 }),
    );
  });

  it('rounds on the exact rank past the radix threshold too (5,001 accounts: top 0.01 % steps)', () => {
    const b = run([['Account', 'Profit'], ...Array.from({ length: 5001 }, (_, i) => [`A${i}`, i])]);
    // p = i / 5000: 100·(1 − p) = (5000 − i)/50, x.5 at i = 25, 75, …
    for (const i of [25, 75, 4975, 2525, 3333]) expect(text(b, i)).toBe(`profit (top ${Math.max(1, halfUp(5000 - i, 5000))}%)`);
  });
});

describe('drivers: ties between metrics go to the earlier column (docs/scoring.md, Drivers)', () => {
  // 11 accounts: p = rank / 10. Row 10: orders p .3 (w1 adds .3) and profit p .1 (w3 adds .3): a tie
  // that doubles see as .3 against .30000000000000004.
  const tie = (header: string[]) => {
    const rows: Cell[][] = [['Account', ...header]];
    for (let j = 0; j < 10; j++) rows.push([`A${j}`, ...header.map(() => j)]);
    rows.push(['T', ...header.map((h) => (h === 'Orders' ? 2.5 : 0.5))]);
    return run(rows);
  };

  it('names orders first when it comes before profit and both add .3', () => {
    expect(text(tie(['Orders', 'Profit']), 10)).toBe('orders (top 70%), profit (top 90%)');
  });

  it('names profit first when it comes before orders', () => {
    expect(text(tie(['Profit', 'Orders']), 10)).toBe('profit (top 90%), orders (top 70%)');
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

  it('compares decimal weights as the decimals they are: 0.3 × p .3 ties 0.1 × p .9', () => {
    const rows: Cell[][] = [['Account', 'Profit', 'Orders']];
    for (let j = 0; j < 10; j++) rows.push([`A${j}`, j, j]);
    rows.push(['T', 2.5, 8.5]);
    const a = run(rows, { weights: { profit: 0.3, orders: 0.1 } });
    // Profit p .3 × 0.3 and orders p .9 × 0.1 both add .09 (doubles: .09 and .09000000000000001); profit comes first.
    expect(text(a, 10)).toBe('profit (top 70%), orders (top 10%)');
  });
});
