import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { ORDER_LINES_HEADER, orderLinesCsv, orderLinesTable } from '../fixtures/order-lines';
import { cliInFolder } from './helpers';

const { cli, file } = cliInFolder('abm-order-lines-');
const LINES = orderLinesTable();
const col = (name: (typeof ORDER_LINES_HEADER)[number]) => ORDER_LINES_HEADER.indexOf(name);
const lastDay = LINES.slice(1).reduce((m, r) => (String(r[col('Order Date')]) > m ? String(r[col('Order Date')]) : m), '');
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
file('orders.csv', orderLinesCsv(LINES));
const ORDERS = 'orders.csv';

describe('abm-tier score on a file of order lines', () => {
  it('refuses in one line, says what the file looks like and points to abm-tier accounts; writes no --out', async () => {
    const r = await cli('score', ORDERS, '--out', 'scored.csv');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `abm-tier: orders.csv: This looks like order lines, not accounts: its 9994 rows name only 793 different accounts (92 % of the rows repeat an account above them) and it has order columns ("Order Date", "Order ID"). Scored as it is, each line would count as an account. Make one row per account first: abm-tier accounts orders.csv --out accounts.csv, then abm-tier score accounts.csv.\n`,
    );
    expect((await cli('summary', ORDERS)).code).toBe(1);
    expect((await cli('score', ORDERS, '--lang', 'hy')).err).toContain(
      t('hy', 'msg.orderLines', { rows: 9994, count: 793, share: 92, columns: '"Order Date", "Order ID"' }),
    );
  });

  it('following the hint works: accounts measured from the day after the last order, then scored', async () => {
    const accounts = await cli('accounts', ORDERS, '--out', 'accounts.csv');
    expect(accounts.code).toBe(0);
    expect(accounts.err).toBe(`abm-tier: Recency as of ${dayAfter(lastDay)}, the day after the last order.\n`);
    const scored = await cli('score', 'accounts.csv');
    expect(scored.code).toBe(0);
    const json = JSON.parse(scored.out);
    expect(json.rows).toHaveLength(793);
    expect(json.warnings.filter((w: string) => w.includes('row'))).toEqual([]);
  });

  it('rfm counts orders by order id in its summary, and says the day it measured to', async () => {
    const r = await cli('rfm', ORDERS);
    const json = JSON.parse(r.out);
    expect(json.asOf).toBe(dayAfter(lastDay));
    expect(json.counted).toBe('orders');
    expect(json.segments.reduce((a: number, s: { orders: number }) => a + s.orders, 0)).toBe(5009);
    expect(r.err).toContain('the day after the last order');
    const given = await cli('rfm', ORDERS, '--as-of', '2018-06-30');
    expect(JSON.parse(given.out).asOf).toBe('2018-06-30');
    expect(given.err).toBe(''); // a day the user gave is not told back
  });
});

describe('abm-tier score: duplicate accounts make one warning', () => {
  it('a count and the first five, on stderr and in the JSON', async () => {
    const grid = [['Account', 'Revenue', 'Profit']];
    for (let i = 0; i < 60; i++) grid.push([`A${i % 20}`, String(100 + i), String(i % 9)]);
    const path = file('dupes.csv', `${grid.map((r) => r.join(',')).join('\n')}\n`);
    const json = JSON.parse((await cli('score', path)).out);
    const dupes = json.warnings.filter((w: string) => w.includes('more than one row'));
    expect(dupes).toEqual([
      '20 accounts appear on more than one row: "A0" (rows 2, 22, 42); "A1" (rows 3, 23, 43); "A2" (rows 4, 24, 44); "A3" (rows 5, 25, 45); "A4" (rows 6, 26, 46); …and 15 more. Tier movement uses the first row of each.',
    ]);
    const csv = await cli('score', path, '--format', 'csv');
    expect(csv.err.split('\n').filter((l) => l.includes('more than one row'))).toEqual([`abm-tier: warning: ${dupes[0]}`]);
  });
});
