import type { Cell, SettingsInput } from '../../src/core';
import { random } from '../../src/sample/accounts';

/**
 * The option combinations `abm-tier sql` offers, each method on each kind of table, with the options
 * (weights, directions, --no-cap, cut-offs, labels, --row-id) taken in turn, so that every option
 * meets every method without the full product.
 */

export const METHODS = ['quantile', 'threshold', 'pareto', 'capacity'] as const;

export const TABLES: Record<string, string[]> = {
  'profit and a custom column': ['Account', 'Revenue', 'Profit', 'Cost', 'Engagement', 'Recency (days)', 'Support tickets', 'NPS'],
  'profit as revenue − cost': ['Account', 'Revenue', 'Cost to serve', 'Orders', 'Engagement'],
  'no profit': ['Account', 'Revenue', 'Engagement', 'Recency (days)'],
  'neither account nor revenue': ['Engagement', 'Orders', 'Support tickets'],
  // Industry is weighted (CATEGORY_WEIGHT): its smoothed success rate by the Won column enters the score.
  'a weighted category': ['Account', 'Revenue', 'Profit', 'Industry', 'Engagement', 'Won'],
};

/** The weight of a table's Industry column, whatever the option: a weighted category (src/sql/category.ts). */
const CATEGORY_WEIGHT = { Industry: 2 };

const OPTIONS: Record<string, SettingsInput> = {
  defaults: {},
  'custom weights': { weights: { profit: 5, engagement: 0, NPS: 2, orders: 3 } },
  directions: { directions: { engagement: 'lower', recency: 'higher', support: 'higher', NPS: 'lower' } },
  '--no-cap': { unprofitableCap: false },
  'cut-offs and labels': {
    cutoffs: [10, 25, 65],
    thresholds: [55, 35],
    capacity: { strategicMarketers: 2, strategicAccounts: 2, liteMarketers: 1, liteAccounts: 5 },
    labels: ["Top's", 'Mid "x"', 'Low\\'],
    segmentCutoffs: [25, 25, 50],
  },
};

export interface Combination {
  name: string;
  headers: string[];
  input: SettingsInput;
  rowId?: string;
}

export const COMBINATIONS: Combination[] = [];
Object.entries(TABLES).forEach(([table, headers], t) => {
  METHODS.forEach((method, m) => {
    // Pareto ranks profit, else revenue: a table with neither has no pareto.
    if (method === 'pareto' && !headers.includes('Revenue')) return;
    const [option, input] = Object.entries(OPTIONS)[(t + m) % Object.keys(OPTIONS).length];
    const rowId = (t + m) % 2 === 0 ? '_row' : undefined;
    const weights = headers.includes('Industry') ? { weights: { ...CATEGORY_WEIGHT, ...input.weights } } : {};
    COMBINATIONS.push({ name: `${method}, ${table}, ${option}${rowId ? ', --row-id' : ''}`, headers, input: { ...input, ...weights, method }, rowId });
  });
});

const VALUES: Record<string, Cell[]> = {
  Revenue: [0, 50, 100, 100, 250, 1000, 1000.5, '', 60.13, 5e9 + 0.25],
  Profit: [-20, 0, 10, 10, 25, 60.13, 300, '', 1.2, 0.3],
  Cost: [5, 10, 10, 40, ''],
  'Cost to serve': [5, 10, 10, 40, 120, ''],
  Orders: [1, 2, 2, 3, ''],
  Engagement: [1, 2, 3, 3, 4, 5, ''],
  'Recency (days)': [3, 10, 30, 30, 400, ''],
  'Support tickets': [0, 1, 1, 2, ''],
  NPS: [-10, 0, 30, 30, 70, ''],
  Industry: ['Tech', 'Tech', 'Retail', '', ' Mining ', 'Retail', 'Tech', 'Rare'],
  Won: ['Won', 'Lost', 'Lost', '', 'Won', 'maybe', '1', '0', 'Yes'],
};

/** `n` rows for these headers: ties, blanks, negative and zero amounts, a blank row; account names sort in row order. */
export function gridFor(headers: readonly string[], n = 40, seed = 7): Cell[][] {
  const rnd = random(seed);
  const rows: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push(
      headers.map((h) => {
        if (h === 'Account') return i === 5 ? '' : `A${String(i).padStart(3, '0')}`;
        const values = VALUES[h];
        return values[Math.floor(rnd() * values.length)];
      }),
    );
  }
  rows[11] = headers.map(() => '');
  // The row without an account ties with no other on pareto's value: its place among equals would follow the
  // tie-break column, which it lacks.
  rows[5] = rows[5].map((v, c) => (headers[c] === 'Revenue' ? 777.7 : headers[c] === 'Profit' ? 77.7 : v));
  // Two rows equal in everything but the account: tied on every metric.
  rows[20] = headers.map((h, c) => (h === 'Account' ? rows[20][c] : rows[19][c]));
  return [[...headers], ...rows];
}
