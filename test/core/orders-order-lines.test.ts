import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_HEADER,
  accountsFromOrders,
  asOfMessage,
  duplicateAccounts,
  findOrderLines,
  mapOrderColumns,
  orderLinesMessage,
  rfmTable,
  ROW_OK,
  type Cell,
} from '../../src/core';
import { render, t } from '../../src/i18n';
import { ORDER_LINES_HEADER, orderLinesTable } from '../fixtures/order-lines';
import { run, say } from './helpers';

const LINES = orderLinesTable();
const col = (name: (typeof ORDER_LINES_HEADER)[number]) => ORDER_LINES_HEADER.indexOf(name);
const customers = LINES.slice(1).map((r) => String(r[col('Customer ID')]));
const DAY = 86_400_000;

/** The table's own counts, worked out here independently of the code under test. */
const distinct = (xs: readonly unknown[]) => new Set(xs).size;
const lastDay = LINES.slice(1).reduce((m, r) => (String(r[col('Order Date')]) > m ? String(r[col('Order Date')]) : m), '');

describe('the generated Superstore-shaped table', () => {
  it('has the public data set’s shape: 9,994 lines, 5,009 orders, 793 customers', () => {
    expect(LINES.length - 1).toBe(9994);
    expect(distinct(LINES.slice(1).map((r) => r[col('Order ID')]))).toBe(5009);
    expect(distinct(customers)).toBe(793);
  });
});

describe('a table of order lines is told from a table of accounts', () => {
  it('finds order lines: an order date and an order id column, customers repeating on most rows', () => {
    const found = findOrderLines(LINES[0], customers);
    expect(found).toEqual({ rows: 9994, accounts: 793, columns: ['Order Date', 'Order ID'] });
    const said = orderLinesMessage(LINES[0], customers)!;
    expect(said.params).toMatchObject({ rows: 9994, count: 793, share: Math.round((100 * (9994 - 793)) / 9994) });
    expect(say(said)).toBe(
      'This looks like order lines, not accounts: its 9994 rows name only 793 different accounts (92 % of the rows repeat an account above them) and it has order columns ("Order Date", "Order ID"). Scored as it is, each line would count as an account.',
    );
  });

  it('the accounts built from those lines are not order lines, nor is a table without an order column however it repeats', () => {
    const built = accountsFromOrders(LINES, undefined).accounts;
    expect(
      findOrderLines(
        [...ACCOUNT_HEADER],
        built.map((a) => a.account),
      ),
    ).toBeNull();
    const noOrderColumns = LINES[0].map((h) => (h === 'Order Date' || h === 'Order ID' ? `x${h}` : h));
    expect(findOrderLines(noOrderColumns, customers)).toBeNull();
    expect(findOrderLines(LINES[0], null)).toBeNull();
  });

  it('needs repeats on 30 % of the rows that name an account, over 10 rows at least', () => {
    const header = ['Account', 'Date', 'Revenue'];
    const keys = (distinctCount: number, rows: number) => Array.from({ length: rows }, (_, i) => `a${i % distinctCount}`);
    expect(findOrderLines(header, keys(7, 10))).not.toBeNull(); // 3 of 10 rows repeat
    expect(findOrderLines(header, keys(8, 10))).toBeNull(); // 2 of 10
    expect(findOrderLines(header, keys(3, 9))).toBeNull(); // too few rows to tell
    expect(findOrderLines(header, [...keys(7, 10), '', '', ''])).not.toBeNull(); // blank names do not count
  });

  it('reads order ids and dates headed in the four languages', () => {
    expect(mapOrderColumns(['Customer', 'Order Date', 'Sales', 'Invoice No'])).toMatchObject({ account: 0, date: 1, revenue: 2, order: 3 });
    expect(mapOrderColumns(['ลูกค้า', 'วันที่สั่งซื้อ', 'ยอดขาย', 'เลขที่คำสั่งซื้อ'])).toMatchObject({ account: 0, date: 1, revenue: 2, order: 3 });
    expect(mapOrderColumns(['客户', '下单日期', '销售额', '订单号'])).toMatchObject({ account: 0, date: 1, revenue: 2, order: 3 });
    expect(mapOrderColumns(['հաճախորդ', 'պատվերի ամսաթիվ', 'եկամուտ', 'պատվերի համար'])).toMatchObject({ account: 0, date: 1, revenue: 2, order: 3 });
  });
});

describe('duplicate accounts: one message, a count and the first five, however many there are', () => {
  const table = (keys: string[]) => ({ accounts: keys, status: new Uint8Array(keys.length).fill(ROW_OK), rowNumbers: Int32Array.from(keys, (_, i) => i + 2) });

  it('on the Superstore-shaped lines: every repeating customer counted, five named with their first rows', () => {
    const said = duplicateAccounts(table(customers))!;
    const lines = new Map<string, number[]>();
    customers.forEach((c, i) => lines.set(c, [...(lines.get(c) ?? []), i + 2]));
    const repeating = [...lines].filter(([, rows]) => rows.length > 1);
    expect(said.code).toBe('msg.duplicateKeys');
    expect(said.params!.count).toBe(repeating.length);
    const named = repeating.slice(0, 5).map(([c, rows]) => `"${c}" (rows ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ', …' : ''})`);
    expect(say(said)).toBe(
      `${repeating.length} accounts appear on more than one row: ${named.join('; ')}; …and ${repeating.length - 5} more. Tier movement uses the first row of each.`,
    );
    expect(say(said).length).toBeLessThan(400);
    for (const lang of ['th', 'zh-CN', 'hy'] as const) expect(render(lang, said)).toContain(String(repeating.length));
  });

  it('one repeating account keeps the one-account message; none gives none; invalid and blank rows do not count', () => {
    expect(say(duplicateAccounts(table(['Acme', 'Birch', 'Acme']))!)).toBe('Account "Acme" appears on rows 2, 4: tier movement uses the first.');
    expect(duplicateAccounts(table(['Acme', 'Birch', '', '']))).toBeNull();
    const t3 = table(['Acme', 'Birch', 'Acme']);
    t3.status[2] = 2;
    expect(duplicateAccounts(t3)).toBeNull();
    const two = duplicateAccounts(table(['A', 'B', 'A', 'B']))!;
    expect(say(two)).toBe('2 accounts appear on more than one row: "A" (rows 2, 4); "B" (rows 3, 5). Tier movement uses the first row of each.');
  });

  it('the engine analysis of the lines leaves the duplicate message to the surfaces (one per run)', () => {
    const a = run(LINES as Cell[][]);
    expect(a.table.accounts).not.toBeNull();
    expect(duplicateAccounts(a.table)?.code).toBe('msg.duplicateKeys');
  });
});

describe('without an as-of date, recency runs to the day after the last order', () => {
  it('hand-computed: lines ending 2017-12-30 are measured as of 2017-12-31', () => {
    const r = accountsFromOrders(
      [
        ['Customer', 'Order Date', 'Sales'],
        ['Acme', '2017-11-30', 10],
        ['Birch', '2017-12-30', 5],
        ['Acme', '2016-12-31', 1],
      ],
      undefined,
    );
    expect(r.asOfFromData).toBe(true);
    expect(new Date(r.asOf).toISOString().slice(0, 10)).toBe('2017-12-31');
    expect(Object.fromEntries(r.accounts.map((a) => [a.account, a.recency]))).toEqual({ Acme: 31, Birch: 1 });
    expect(r.accounts.find((a) => a.account === 'Acme')!.tenure).toBeCloseTo(365 / 365.25, 12);
    expect(say(asOfMessage(r))).toBe('Recency as of 2017-12-31, the day after the last order.');
  });

  it('on the generated lines: the last order’s customer has recency 1, and no customer is judged from today', () => {
    const r = accountsFromOrders(LINES, undefined);
    expect(r.asOf).toBe(Date.parse(`${lastDay}T00:00:00Z`) + DAY);
    expect(Math.min(...r.accounts.map((a) => a.recency))).toBe(1);
    expect(Math.max(...r.accounts.map((a) => a.recency))).toBeLessThan(4 * 366);
  });

  it('a date that is given is used, and said as given', () => {
    const r = accountsFromOrders(LINES, Date.parse('2018-06-30T00:00:00Z'));
    expect(r.asOfFromData).toBe(false);
    expect(say(asOfMessage(r))).toBe('Recency as of 2018-06-30.');
    expect(t('en', 'orders.asOf', { date: '2018-06-30' })).toBe('Recency as of 2018-06-30.');
  });
});

describe('the RFM summary counts orders by order id, else says it counts lines', () => {
  const rows = (r: ReturnType<typeof accountsFromOrders>) =>
    r.accounts.map((a) => ({ account: a.account, recency: a.recency, frequency: a.lines, monetary: a.revenue, orders: r.byOrderId ? a.orders : undefined }));

  it('hand-computed: three orders in four lines', () => {
    const r = accountsFromOrders(
      [
        ['Customer', 'Order Date', 'Sales', 'Order ID'],
        ['A', '2026-01-01', 10, 'o1'],
        ['A', '2026-01-01', 20, 'o1'],
        ['A', '2026-02-01', 30, 'o2'],
        ['B', '2026-03-01', 40, 'o3'],
      ],
      undefined,
    );
    const rules = [{ name: 'All', r: [1, 5] as [number, number], f: [1, 5] as [number, number], m: [1, 5] as [number, number] }];
    const withIds = rfmTable(rows(r), 5, rules);
    expect(withIds.counted).toBe('orders');
    expect(withIds.segments).toEqual([{ segment: 'All', customers: 2, orders: 3, revenue: 100, averageOrderValue: 100 / 3 }]);
    // The customers' frequency stays the order lines (SPEC §10).
    expect(withIds.customers.map((c) => c.frequency)).toEqual([3, 1]);
    const noIds = rfmTable(rows({ ...r, byOrderId: false }), 5, rules);
    expect(noIds.counted).toBe('lines');
    expect(noIds.segments[0]).toMatchObject({ orders: 4, averageOrderValue: 25 });
  });

  it('on the generated lines: 5,009 orders with the order-id column, 9,994 lines without it', () => {
    const r = accountsFromOrders(LINES, undefined);
    const withIds = rfmTable(rows(r));
    expect(withIds.segments.reduce((a, s) => a + s.orders, 0)).toBe(5009);
    const withoutIds = accountsFromOrders(
      LINES.map((row) => row.filter((_, c) => c !== col('Order ID'))),
      undefined,
    );
    expect(withoutIds.byOrderId).toBe(false);
    const lines = rfmTable(rows(withoutIds));
    expect(lines.counted).toBe('lines');
    expect(lines.segments.reduce((a, s) => a + s.orders, 0)).toBe(9994);
  });
});
