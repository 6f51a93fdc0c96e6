import { describe, expect, it } from 'vitest';
import { findHeaderRow, mapColumns, parseSettings, type SettingsInput } from '../../src/core';
import { run, say, values } from './helpers';

const map = (header: string[], settings: SettingsInput = {}) => mapColumns(header, header.length, parseSettings(settings));
/** `header:role` of each metric column, in column order. */
const roles = (header: string[], settings: SettingsInput = {}) => map(header, settings).metrics.map((m) => `${m.header}:${m.role}`);

describe('columns and roles (SPEC §1)', () => {
  it('maps a header equal to a role name whatever its case', () => {
    expect(roles(['REVENUE', 'profit', 'Engagement'])).toEqual(['REVENUE:revenue', 'profit:profit', 'Engagement:engagement']);
  });

  it('ignores a trailing "(unit)" in a header', () => {
    expect(roles(['Recency (days)', 'Revenue (USD)', 'Support (tickets)'])).toEqual([
      'Recency (days):recency',
      'Revenue (USD):revenue',
      'Support (tickets):support',
    ]);
  });

  it('maps other headers by synonym', () => {
    const m = map(['Company', 'Sales', 'Gross profit', 'Cost to serve', 'Support tickets', 'Customer since', 'Engagement score', 'Days since last purchase']);
    expect(m.account).toBe(0);
    expect(m.metrics.map((c) => c.role)).toEqual(['revenue', 'profit', 'cost', 'support', 'tenure', 'engagement', 'recency']);
  });

  it('lets a header equal to a role name win over a synonym, wherever the synonym stands', () => {
    expect(roles(['Sales', 'Revenue'])).toEqual(['Revenue:revenue']);
    expect(roles(['Revenue', 'Sales'])).toEqual(['Revenue:revenue']);
    expect(map(['Sales', 'Revenue']).unmapped).toEqual([{ index: 0, header: 'Sales' }]);
  });

  it('gives each role one column at most: the first that names it', () => {
    expect(roles(['Engagement', 'Engagement'])).toEqual(['Engagement:engagement']);
    expect(roles(['Revenue (USD)', 'Revenue (EUR)'])).toEqual(['Revenue (USD):revenue']);
    expect(roles(['Sales', 'Spend'])).toEqual(['Sales:revenue']);
    expect(map(['Engagement', 'Engagement']).unmapped).toEqual([{ index: 1, header: 'Engagement' }]);
  });

  it("gives each role the default weight and direction of the SPEC's table", () => {
    const header = [
      'Revenue',
      'Profit',
      'Cost',
      'Orders',
      'Recency',
      'Tenure',
      'Products',
      'Engagement',
      'Contacts',
      'Channels',
      'Opportunities',
      'Feedback',
      'Health',
      'Support',
    ];
    expect(map(header).metrics.map((m) => `${m.role} ${m.weight} ${m.direction}`)).toEqual([
      'revenue 2 higher',
      'profit 3 higher',
      'cost 0 lower',
      'orders 1 higher',
      'recency 1 lower',
      'tenure 1 higher',
      'products 1 higher',
      'engagement 2 higher',
      'contacts 1 higher',
      'channels 1 higher',
      'opportunities 1 higher',
      'feedback 1 higher',
      'health 1 higher',
      'support 1 lower',
    ]);
  });

  it('carries unmapped columns along and finds the account column', () => {
    const m = map(['Company', 'Industry', 'Revenue', 'Owner']);
    expect(m.account).toBe(0);
    expect(m.metrics.map((c) => c.index)).toEqual([2]);
    expect(m.unmapped).toEqual([
      { index: 1, header: 'Industry' },
      { index: 3, header: 'Owner' },
    ]);
  });

  it('derives profit as revenue − cost when there is no profit column', () => {
    const a = run([
      ['Account', 'Revenue', 'Cost'],
      ['A', 100, 30],
      ['B', 50, 80],
      ['C', 40, ''],
    ]);
    expect(a.table.mapping.derivedProfit).toBe(true);
    // 100 − 30 = 70; 50 − 80 = −30; C has no cost, so no profit.
    expect(values(a, 'profit')).toEqual([70, -30, Number.NaN]);
  });

  it('scores a derived profit with the profit weight (3)', () => {
    // Profit = 100 − 90 = 10, 50 − 10 = 40, 10 − 5 = 5 → p .5, 1, 0. Revenue 100, 50, 10 → p 1, .5, 0. Cost has weight 0.
    // A: 100·(2·1 + 3·.5) / 5 = 70; B: 100·(2·.5 + 3·1) / 5 = 80; C: 0.
    const a = run([
      ['Account', 'Revenue', 'Cost'],
      ['A', 100, 90],
      ['B', 50, 10],
      ['C', 10, 5],
    ]);
    expect(Array.from(a.score)).toEqual([70, 80, 0]);
  });

  it('does not derive profit when a profit column exists', () => {
    const a = run([
      ['Account', 'Revenue', 'Cost', 'Profit'],
      ['A', 100, 30, 5],
    ]);
    expect(a.table.mapping.derivedProfit).toBe(false);
    expect(values(a, 'profit')).toEqual([5]);
  });

  it('finds the header below a title row and numbers the data rows from there', () => {
    const rows = [['Q3 accounts export'], [], ['Account', 'Revenue'], ['A', 10], ['B', 'x'], ['C', 30]];
    expect(findHeaderRow(rows)).toBe(2);
    const a = run(rows);
    expect(a.headerRow).toBe(2);
    expect(a.firstDataRow).toBe(3);
    expect(a.table.accounts).toEqual(['A', 'B', 'C']);
    // B stands on sheet row 5.
    expect(say(a.table.messages.get(1)!)).toBe('Row 5, column "Revenue": "x" is not a number.');
  });

  it('finds no header in a range of numbers', () => {
    expect(
      findHeaderRow([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(-1);
  });

  it('makes every column of a range without a header a metric of weight 1, higher is better', () => {
    const a = run([
      [10, 5],
      [20, 1],
      [30, 3],
    ]);
    expect(a.table.mapping.hasHeader).toBe(false);
    expect(a.table.mapping.metrics.map((m) => [m.name, m.weight, m.direction])).toEqual([
      ['column 1', 1, 'higher'],
      ['column 2', 1, 'higher'],
    ]);
    // Column 1: p 0, .5, 1. Column 2: 5 → 1, 1 → 0, 3 → .5. Scores: 100·(0 + 1) / 2, 100·(.5 + 0) / 2, 100·(1 + .5) / 2.
    expect(Array.from(a.score)).toEqual([50, 25, 75]);
  });
});

describe("the user's settings over the defaults (SPEC §1)", () => {
  it('maps a header to the role the settings give it', () => {
    expect(roles(['Spend last FY', 'Net'], { roles: { 'Spend last FY': 'revenue', Net: 'profit' } })).toEqual(['Spend last FY:revenue', 'Net:profit']);
  });

  it('adds a custom metric of weight 1, higher is better, named by its header', () => {
    const m = map(['Revenue', 'NPS'], { roles: { NPS: 'custom' } });
    expect(m.metrics.map((c) => [c.name, c.role, c.weight, c.direction])).toEqual([
      ['revenue', 'revenue', 2, 'higher'],
      ['NPS', 'custom', 1, 'higher'],
    ]);
  });

  it('leaves out a column set to ignore, carrying it along unmapped', () => {
    const m = map(['Revenue', 'Orders'], { roles: { Orders: 'ignore' } });
    expect(m.metrics.map((c) => c.role)).toEqual(['revenue']);
    expect(m.unmapped).toEqual([{ index: 1, header: 'Orders' }]);
  });

  it('takes weights and directions by role name or by header', () => {
    const m = map(['Revenue', 'NPS', 'Recency (days)'], {
      roles: { NPS: 'custom' },
      weights: { revenue: 5, NPS: 2 },
      directions: { nps: 'lower', 'Recency (days)': 'higher' },
    });
    expect(m.metrics.map((c) => [c.name, c.weight, c.direction])).toEqual([
      ['revenue', 5, 'higher'],
      ['NPS', 2, 'lower'],
      ['recency', 1, 'higher'],
    ]);
  });

  it('scores with the weights and directions the settings give', () => {
    // Revenue 10, 20 → p 0, 1 (weight 1). Orders 2, 1, lower is better → p 0, 1 (weight 3).
    // A: 100·(1·0 + 3·0) / 4 = 0; B: 100·(1 + 3) / 4 = 100. With the defaults A gets 100·(2·0 + 1·1) / 3.
    const rows = [
      ['Account', 'Revenue', 'Orders'],
      ['A', 10, 2],
      ['B', 20, 1],
    ];
    expect(Array.from(run(rows, { weights: { revenue: 1, orders: 3 }, directions: { orders: 'lower' } }).score)).toEqual([0, 100]);
    expect(run(rows).score[0]).toBeCloseTo(100 / 3, 12);
  });
});

describe('weights and directions that name no column (never a silent skip)', () => {
  const unknown = (header: string[], settings: SettingsInput) => map(header, settings).unknownNames;

  it('names each unknown name once, as written, and lists the names that would apply', () => {
    expect(unknown(['Account', 'Revenue', 'Profit', 'Notes'], { weights: { proft: 10, PROFT: 2, revenue: 1 }, directions: { recncy: 'lower' } })).toEqual({
      code: 'warn.unknownName',
      params: { count: 2, names: '"proft", "recncy"', columns: 'revenue, profit, Notes' },
    });
  });

  it('a role name, a header in any case or spacing, and a derived profit all exist', () => {
    expect(unknown(['Account', 'Revenue', 'Cost to serve', 'Notes'], { weights: { profit: 2, 'COST  TO SERVE': 1, notes: 0, account: 0 } })).toBeNull();
    expect(unknown(['Revenue'], {})).toBeNull();
  });

  it('a role the table has no column for does not exist here', () => {
    expect(unknown(['Revenue'], { weights: { support: 1 } })?.params).toMatchObject({ names: '"support"', columns: 'revenue' });
  });

  it('without a header the names are "column 1", "column 2"…', () => {
    expect(mapColumns(null, 2, parseSettings({ weights: { 'Column 2': 1, revenue: 1 } })).unknownNames?.params).toEqual({
      count: 1,
      names: '"revenue"',
      columns: 'column 1, column 2',
    });
  });

  it('lists at most twenty names, and shortens a long one', () => {
    const header = Array.from({ length: 25 }, (_, i) => `M${i + 1}`);
    const said = unknown(header, { weights: { ['x'.repeat(200)]: 1 } });
    expect(String(said?.params?.columns).split(', ')).toHaveLength(21);
    expect(String(said?.params?.columns).endsWith(', …')).toBe(true);
    expect(String(said?.params?.names).length).toBeLessThan(70);
  });

  it("every surface hears of it: it is the analysis' first warning", () => {
    const a = run(
      [
        ['Account', 'Revenue'],
        ['A', 10],
        ['B', 20],
      ],
      { weights: { proft: 1 } },
    );
    expect(a.warnings[0]).toMatchObject({ code: 'warn.unknownName', params: { names: '"proft"' } });
    expect(Array.from(a.score)).toEqual([0, 100]);
  });
});
