import { quantile7 } from './quantile';

/**
 * RFM scores of SPEC §10, as the R package rfm 0.3.0 computes them, so results agree with it and
 * can be rebuilt with spreadsheet formulas: breaks b_k = PERCENTILE.INC(x, k/n) + 1; bins
 * [min, b_1), [b_1, b_2) … [b_(n−1), max + 1); the first bin that holds x gives its score.
 */

export interface RfmBins {
  lower: number[];
  upper: number[];
}

export function rfmBins(values: Float64Array, bins: number): RfmBins {
  const sorted = Float64Array.from(values).sort();
  const breaks: number[] = [];
  for (let k = 1; k < bins; k++) breaks.push(quantile7(sorted, k / bins) + 1);
  return {
    lower: [sorted[0], ...breaks],
    upper: [...breaks, sorted[sorted.length - 1] + 1],
  };
}

/** Score 1…n of each value; `reverse` for recency (fewer days is better): n + 1 − i. */
export function rfmScores(values: Float64Array, bins: number, reverse = false): Int8Array {
  const { lower, upper } = rfmBins(values, bins);
  const out = new Int8Array(values.length);
  for (let j = 0; j < values.length; j++) {
    const x = values[j];
    let score = 0;
    for (let i = 0; i < bins; i++) {
      if (lower[i] <= x && x < upper[i]) {
        score = i + 1;
        break;
      }
    }
    out[j] = reverse && score > 0 ? bins + 1 - score : score;
  }
  return out;
}

export interface RfmSegmentRule {
  name: string;
  r: [number, number];
  f: [number, number];
  m: [number, number];
}

/**
 * The default rules. Their names are the default labels, as the tier labels of DEFAULT_SETTINGS are:
 * the surfaces show them in the document's language (src/i18n/labels.ts, `rfmRules`), like a rule
 * the user saved under a default's name; a name the user wrote stays as written.
 */
export const DEFAULT_RFM_SEGMENTS: readonly RfmSegmentRule[] = [
  { name: 'Champions', r: [4, 5], f: [4, 5], m: [4, 5] },
  { name: 'Loyal Customers', r: [2, 5], f: [3, 5], m: [3, 5] },
  { name: 'Potential Loyalist', r: [3, 5], f: [1, 3], m: [1, 3] },
  { name: 'New Customers', r: [4, 5], f: [1, 1], m: [1, 1] },
  { name: 'Promising', r: [3, 4], f: [1, 1], m: [1, 1] },
  { name: 'Need Attention', r: [2, 3], f: [2, 3], m: [2, 3] },
  { name: 'About To Sleep', r: [2, 3], f: [1, 2], m: [1, 2] },
  { name: 'At Risk', r: [1, 2], f: [2, 5], m: [2, 5] },
  { name: "Can't Lose Them", r: [1, 1], f: [4, 5], m: [4, 5] },
  { name: 'Lost', r: [1, 2], f: [1, 2], m: [1, 2] },
];

/** The default label of customers no rule holds (shown in the document's language, like the rules' names). */
export const OTHER_SEGMENT = 'Others';

/** The first rule whose three ranges hold R, F and M; `other` when none does. */
export function rfmSegment(r: number, f: number, m: number, rules: readonly RfmSegmentRule[] = DEFAULT_RFM_SEGMENTS, other = OTHER_SEGMENT): string {
  const within = (x: number, [lo, hi]: [number, number]) => x >= lo && x <= hi;
  for (const rule of rules) if (within(r, rule.r) && within(f, rule.f) && within(m, rule.m)) return rule.name;
  return other;
}

export interface RfmCustomer {
  account: string;
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  score: number;
  segment: string;
}

export interface RfmSegmentSummary {
  segment: string;
  customers: number;
  /** Orders (distinct order ids) where every row gives `orders`, else order lines: see `counted`. */
  orders: number;
  revenue: number;
  /** Revenue per order, or per line where lines are counted. */
  averageOrderValue: number;
}

/** What the summary's `orders` count: distinct orders (from an order-id column), or order lines. */
export type RfmCounted = 'orders' | 'lines';

/**
 * RFM from per-account recency (days), frequency (order rows) and monetary (revenue sum). The segment
 * summary counts `orders` (distinct order ids) where every row gives them, else order lines.
 */
export function rfmTable(
  rows: readonly { account: string; recency: number; frequency: number; monetary: number; orders?: number }[],
  bins = 5,
  rules: readonly RfmSegmentRule[] = DEFAULT_RFM_SEGMENTS,
  /** The label of customers no rule holds. */
  other = OTHER_SEGMENT,
): { customers: RfmCustomer[]; segments: RfmSegmentSummary[]; counted: RfmCounted } {
  const counted: RfmCounted = rows.length > 0 && rows.every((r) => r.orders !== undefined) ? 'orders' : 'lines';
  const recency = Float64Array.from(rows, (r) => r.recency);
  const frequency = Float64Array.from(rows, (r) => r.frequency);
  const monetary = Float64Array.from(rows, (r) => r.monetary);
  const R = rfmScores(recency, bins, true);
  const F = rfmScores(frequency, bins);
  const M = rfmScores(monetary, bins);
  const customers = rows.map((row, i) => ({
    account: row.account,
    recency: row.recency,
    frequency: row.frequency,
    monetary: row.monetary,
    r: R[i],
    f: F[i],
    m: M[i],
    score: 100 * R[i] + 10 * F[i] + M[i],
    segment: rfmSegment(R[i], F[i], M[i], rules, other),
  }));
  const order = [...rules.map((r) => r.name), other];
  const summary = new Map<string, RfmSegmentSummary>(order.map((s) => [s, { segment: s, customers: 0, orders: 0, revenue: 0, averageOrderValue: Number.NaN }]));
  customers.forEach((c, i) => {
    const s = summary.get(c.segment)!;
    s.customers++;
    s.orders += counted === 'orders' ? rows[i].orders! : c.frequency;
    s.revenue += c.monetary;
  });
  for (const s of summary.values()) s.averageOrderValue = s.orders > 0 ? s.revenue / s.orders : Number.NaN;
  return { customers, segments: [...summary.values()].filter((s) => s.customers > 0), counted };
}
