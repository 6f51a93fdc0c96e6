import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountsFromOrders, lookalike, lookalikeOfTier1, movement, rfmBins, rfmScores, rfmSegment, rfmTable, type Cell, type Snapshot } from '../../src/core';
import { accounts, english, refusal, run } from './helpers';

const ASOF = Date.parse('2006-12-31T00:00:00Z');

function sampleOrders(): Cell[][] {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'sample-orders.csv'), 'utf8').trim();
  return text.split('\n').map((line) => line.split(',').map((c) => c.replace(/^"|"$/gu, '')));
}

describe('orders → accounts', () => {
  it('sums revenue, counts distinct orders and products, and dates the first and last order', () => {
    const r = accountsFromOrders(
      [
        ['Customer', 'Order date', 'Amount', 'Order ID', 'Product', 'Cost'],
        ['Acme', '2026-01-10', 100, 'o1', 'Widgets', 60],
        ['Acme', '2026-01-10', 50, 'o1', 'Gears', 20],
        ['Acme', '2026-06-20', 30, 'o2', 'Widgets', ''],
        ['Birch', '2025-06-30', 10, 'o3', 'Gears', 1],
      ],
      Date.parse('2026-06-30T00:00:00Z'),
    );
    const acme = r.accounts.find((a) => a.account === 'Acme')!;
    expect(acme).toMatchObject({ revenue: 180, orders: 2, lines: 3, products: 2, recency: 10, cost: 80, profit: 100, spendPerPurchase: 90 });
    expect(acme.tenure).toBeCloseTo(171 / 365.25, 12);
    expect(r.accounts.find((a) => a.account === 'Birch')!.tenure).toBeCloseTo(365 / 365.25, 12);
  });

  it('names the row, column and value of a line it cannot use, and uses the others', () => {
    const r = accountsFromOrders(
      [
        ['Account', 'Date', 'Revenue'],
        ['A', '2026-13-01', 5],
        ['A', '2026-01-01', 'ten'],
        ['B', '2026-01-01', 3],
      ],
      ASOF,
    );
    expect(english(r.errors)).toEqual([
      'Row 2, column "Date": "2026-13-01" is not a date (write it YYYY-MM-DD).',
      'Row 3, column "Revenue": "ten" is not a number.',
    ]);
    expect(r.accounts.map((a) => a.account)).toEqual(['B']);
  });

  it('asks for the columns it needs', () => {
    expect(refusal(() => accountsFromOrders([['Name', 'When']], ASOF))).toMatch(/^The order table needs these columns: account, order date, revenue /u);
  });
});

describe('RFM (SPEC §10), as the R package rfm 0.3.0 computes it', () => {
  it('agrees with the rfm package on its own sample orders (analysis date 2006-12-31)', () => {
    const orders = accountsFromOrders(sampleOrders(), ASOF);
    expect(orders.accounts).toHaveLength(995);
    const { customers } = rfmTable(orders.accounts.map((a) => ({ account: a.account, recency: a.recency, frequency: a.lines, monetary: a.revenue })));
    const by = new Map(customers.map((c) => [c.account, c]));
    // The first rows of rfm_table_order() in the package's documentation.
    expect(
      [by.get("Abbey O'Reilly"), by.get('Add Senger'), by.get('Aden Lesch'), by.get('Admiral Senger'), by.get("Agness O'Keefe")].map((c) => [
        c!.recency,
        c!.frequency,
        c!.monetary,
        c!.score,
      ]),
    ).toEqual([
      [205, 6, 472, 343],
      [140, 3, 340, 412],
      [194, 4, 405, 323],
      [132, 5, 448, 433],
      [90, 9, 843, 555],
    ]);
  });

  it('builds bins from PERCENTILE.INC + 1, and leaves bins empty where thresholds coincide', () => {
    // 1, 1, 1, 1, 2: quantiles at .2….8 are 1, 1, 1, 1.2 → breaks 2, 2, 2, 2.2.
    const x = Float64Array.from([1, 1, 1, 1, 2]);
    expect(rfmBins(x, 5)).toEqual({ lower: [1, 2, 2, 2, 2.2], upper: [2, 2, 2, 2.2, 3] });
    // 1 falls in [1, 2) → 1; 2 skips the empty [2, 2) bins and falls in [2, 2.2) → 4.
    expect(Array.from(rfmScores(x, 5))).toEqual([1, 1, 1, 1, 4]);
    // Recency is reversed: n + 1 − i.
    expect(Array.from(rfmScores(x, 5, true))).toEqual([5, 5, 5, 5, 2]);
  });

  it('takes the first segment rule that holds, else Others', () => {
    expect(rfmSegment(5, 5, 5)).toBe('Champions');
    expect(rfmSegment(5, 4, 3)).toBe('Loyal Customers');
    expect(rfmSegment(1, 5, 5)).toBe('At Risk'); // before "Can't Lose Them" in the table
    expect(rfmSegment(3, 5, 1)).toBe('Others');
  });
});

describe('lookalikes (SPEC §11)', () => {
  it('scores 100 / (1 + d) against the mean z of the ideal accounts, leaving out a metric with sd 0', () => {
    // Metric 1: 0, 2, 4 (mean 2, sd √(8/3)); metric 2 constant (left out). Ideal: row 3.
    const z = (v: number) => (v - 2) / Math.sqrt(8 / 3);
    const s = lookalike([Float64Array.from([0, 2, 4]), Float64Array.from([7, 7, 7])], Uint8Array.from([1, 1, 1]), Uint8Array.from([0, 0, 1]));
    expect(s[2]).toBe(100);
    expect(s[0]).toBeCloseTo(100 / (1 + Math.abs(z(0) - z(4))), 12);
    expect(s[1]).toBeCloseTo(100 / (1 + Math.abs(z(2) - z(4))), 12);
  });

  it('takes d as the root of the mean, over the metrics the account has, of (z − profile)²', () => {
    // Metric 1: 0, 2, 4 (z −√1.5, 0, √1.5); metric 2: 0, missing, 6 (z −1, –, 1). Ideal: row 3.
    // Row 1: d² = ((2√1.5)² + 2²) / 2 = 5 (a sum would give 10). Row 2 has metric 1 only: d² = 1.5 / 1 (not / 2).
    const s = lookalike([Float64Array.from([0, 2, 4]), Float64Array.from([0, Number.NaN, 6])], Uint8Array.from([1, 1, 1]), Uint8Array.from([0, 0, 1]));
    expect(s[0]).toBeCloseTo(100 / (1 + Math.sqrt(5)), 12);
    expect(s[1]).toBeCloseTo(100 / (1 + Math.sqrt(1.5)), 12);
    expect(s[2]).toBe(100);
  });

  it('compares with the Tier 1 accounts by default, over the metrics used for scoring (weight above 0)', () => {
    // Revenue ranks A first: n = 3, K1 = 1, so A alone is Tier 1. Engagement, set to weight 0, is left out, though it
    // would make B, not C, the nearer one to A.
    const a = run(accounts(['Revenue', 'Engagement'], [100, 5], [10, 6], [60, 500]), { weights: { engagement: 0 } });
    expect(Array.from(a.tier)).toEqual([0, 2, 1]);
    const revenue = a.table.values[a.table.mapping.metrics.findIndex((m) => m.role === 'revenue')];
    const s = lookalikeOfTier1(a.table, a.tier);
    expect(Array.from(s)).toEqual(Array.from(lookalike([revenue], Uint8Array.from([1, 1, 1]), Uint8Array.from([1, 0, 0]))));
    expect(s[0]).toBe(100);
    expect(s[2]).toBeGreaterThan(s[1]);
  });
});

describe('tier movement (SPEC §12)', () => {
  it('counts from-tier × to-tier with new and gone, and lists the moves up and down', () => {
    const before: Snapshot = new Map([
      ['A', { tier: 2, score: 20, segment: 'Filler' }],
      ['B', { tier: 0, score: 90, segment: 'Money Maker' }],
      ['C', { tier: 1, score: 50, segment: 'Filler' }],
    ]);
    const after: Snapshot = new Map([
      ['A', { tier: 1, score: 55, segment: 'Contributor' }],
      ['B', { tier: 0, score: 91, segment: 'Money Maker' }],
      ['D', { tier: 2, score: 10, segment: 'Filler' }],
    ]);
    const m = movement(before, after);
    expect(m.counts).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]);
    expect(m.up).toEqual([{ account: 'A', from: 2, to: 1, fromSegment: 'Filler', toSegment: 'Contributor' }]);
    expect(m.down).toEqual([]);
  });

  it('lists an account that fell a tier among the moves down, with its segments then and now', () => {
    const before: Snapshot = new Map([['A', { tier: 0, score: 90, segment: 'Money Maker' }]]);
    const after: Snapshot = new Map([['A', { tier: 2, score: 15, segment: 'Filler' }]]);
    const m = movement(before, after);
    expect(m.counts[0][2]).toBe(1);
    expect(m.up).toEqual([]);
    expect(m.down).toEqual([{ account: 'A', from: 0, to: 2, fromSegment: 'Money Maker', toSegment: 'Filler' }]);
  });
});
