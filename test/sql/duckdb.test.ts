import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings, type Cell } from '../../src/core';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { generateSql } from '../../src/sql/generate';
import { sqlBench, type SqlBench } from './engine-compare';

let bench: SqlBench;
beforeAll(async () => {
  bench = await sqlBench();
});
afterAll(() => bench?.close());

const EDGE: Cell[][] = [
  ['Account', 'Revenue', 'Profit', 'Engagement', 'Recency'],
  ['A', 100, 10, 5, 30],
  ['B', 100, 10, 5, 30],
  ['C', 200, -5, '', 10],
  ['D', '', 40, 9, ''],
  ['E', 50, 0, 9, 400],
  ['F', 300, 25, 1, 30],
  ['G', 300, 25, 1, 30],
  ['H', '', '', '', ''],
  ['I', 10, 1, 2, 3],
];

describe("the generated SQL, run on DuckDB, gives the engine's answers", () => {
  it('on a synthetic 5 000-account table with blanks and tied rows, every method, each giving all three tiers', async () => {
    // 5 000 rows reach every case 100 000 did (every tier and segment filled, more accounts than capacity's two tiers hold,
    // tied scores, a quarter of profits negative) in a fifteenth of the time; blanks and exact duplicates add NULLs and ties.
    const grid = [[...SAMPLE_HEADER], ...sampleAccounts(5_000, 11)] as Cell[][];
    for (let i = 1; i < grid.length; i += 97) grid[i][2 + (i % 15)] = '';
    for (let i = 50; i < grid.length; i += 101) grid[i] = [`${grid[i][0]} copy`, ...grid[i - 1].slice(1)];
    for (const method of ['quantile', 'threshold', 'pareto', 'capacity'] as const) {
      const { compared, tiers } = await bench.compare(grid, { method, capacity: { strategicMarketers: 50, liteMarketers: 300 } });
      expect(compared, method).toBe(5_000);
      expect(new Set(tiers).size, method).toBe(3);
    }
  }, 120_000);

  it('on ties, missing values, negative profit and a row with no values', async () => {
    for (const method of ['quantile', 'threshold', 'pareto', 'capacity'] as const) await bench.compare(EDGE, { method, thresholds: [60, 30] });
    await bench.compare(EDGE, { unprofitableCap: false, weights: { profit: 5 }, directions: { engagement: 'lower' } });
  });

  it('on all-equal columns and a single account', async () => {
    await bench.compare([
      ['Account', 'Revenue', 'Profit'],
      ['A', 5, 5],
      ['B', 5, 5],
      ['C', 5, 5],
    ]);
    await bench.compare([
      ['Account', 'Revenue', 'Profit'],
      ['Solo', 7, 1],
    ]);
  });

  it('counts revenue − profit as the cost of a row without one, as the engine does', async () => {
    await bench.compare([
      ['Account', 'Revenue', 'Profit', 'Cost'],
      ['A', 100, 30, 20],
      ['B', 50, 10, ''],
      ['C', 80, 5, 60],
    ]);
  });

  it('derives profit as revenue − cost, as the engine does', async () => {
    await bench.compare([
      ['Account', 'Revenue', 'Cost to serve', 'Orders'],
      ['A', 100, 120, 3],
      ['B', 80, 20, 1],
      ['C', 60, 10, 2],
      ['D', 300, 100, 2],
    ]);
  });

  it('quotes hostile column names and labels, so they cannot inject SQL', async () => {
    // The hostile header names a table that exists: were it not quoted, the query would drop it.
    const victim = await bench.load([
      ['Account', 'Revenue'],
      ['A', 1],
      ['B', 2],
    ]);
    const hostile = `x"; DROP TABLE ${victim}; --`;
    const grid: Cell[][] = [
      ['Account', 'Revenue', hostile],
      ['A', 1, 2],
      ['B', 2, 1],
    ];
    const settings = parseSettings({ roles: { [hostile]: 'custom' }, labels: ["Top'; --", 'Mid', 'Low'] });
    const table = await bench.load(grid);
    const { scores } = generateSql(grid[0].map(String), settings, { table, dialect: 'duckdb' });
    const rows = (await bench.db.runAndReadAll(scores)).getRowObjectsJS();
    expect(rows).toHaveLength(2);
    expect((await bench.db.runAndReadAll(`SELECT COUNT(*) AS n FROM ${victim}`)).getRowObjectsJS()[0].n).toBe(2n);
  });
});

describe('the SQL agrees with the engine where exactness and blanks matter', () => {
  const rows = (...values: Cell[][]) => values.map((v, i) => [`A${i}`, ...v]);

  it('compares pareto shares as exact sums: 8 of ten accounts of 60.13 (or 6013) are Tier 1; 1.2 then 0.3 is Tier 1 then Tier 2', async () => {
    for (const v of [60.13, 6013]) {
      const { tiers } = await bench.compare([['Account', 'Revenue', 'Profit'], ...rows(...Array.from({ length: 10 }, (_, i) => [100 + i, v]))], {
        method: 'pareto',
      });
      expect(
        tiers.filter((t) => t === 'Tier 1'),
        String(v),
      ).toHaveLength(8);
    }
    for (const [profits, want] of [
      [
        [1.2, 0.3],
        ['Tier 1', 'Tier 2'],
      ],
      [
        [2.5, 2.3, 1.2],
        ['Tier 1', 'Tier 1', 'Tier 2'],
      ],
      [
        [9.5, 0.5],
        ['Tier 1', 'Tier 3'],
      ],
    ] as const) {
      const { tiers } = await bench.compare([['Account', 'Revenue', 'Profit'], ...rows(...profits.map((p) => [1, p]))], { method: 'pareto' });
      expect(tiers).toEqual(want);
    }
    // Beyond a total of 1e26 (NUMERIC's reach) the SQL compares doubles: the same tiers away from the boundaries.
    const { tiers } = await bench.compare([['Account', 'Revenue', 'Profit'], ...rows([1, 5e300], [2, 1e300], [3, 1e300], [4, 3e299])], { method: 'pareto' });
    expect(tiers).toEqual(['Tier 1', 'Tier 1', 'Tier 2', 'Tier 3']);
  });

  it('gives an empty tier or segment sums of 0 and a blank margin and profit per account, and a zero-revenue group a blank margin', async () => {
    // Cut-offs 0/50/50: no Tier 1. Revenues 100, 0, 0, 0, 0: one Money Maker, four Contributors of revenue 0, no Filler.
    const grid: Cell[][] = [['Account', 'Revenue', 'Profit'], ...rows([100, 30], [0, 10], [0, -5], [0, 0], [0, 2])];
    const { engine } = await bench.compare(grid, { cutoffs: [0, 50, 50] });
    expect(engine.byTier.rows[0]).toMatchObject({ accounts: 0, revenue: 0, profit: 0, cost: 0 });
    expect(engine.byTier.rows[0].profitPerAccount).toBeNaN();
    expect(engine.bySegment.rows[1]).toMatchObject({ accounts: 4, revenue: 0, profit: 7 });
    expect(engine.bySegment.rows[1].margin).toBeNaN();
    expect(engine.bySegment.rows[2].accounts).toBe(0);
    // Without a profit column, profit, cost, margin and the shares of profit stay blank, even in an empty group.
    await bench.compare([['Account', 'Revenue', 'Engagement'], ...rows([100, 3], [0, 1], [0, 2])], { cutoffs: [0, 50, 50] });
    // With a cost column only, the profit is revenue − cost.
    await bench.compare([['Account', 'Revenue', 'Cost'], ...rows([100, 40], [0, 5], [50, 50])], { cutoffs: [0, 0, 100] });
  });

  it('ranks revenues above 1.8e302 and above 2^32 as they are, with the engine', async () => {
    const { engine } = await bench.compare([['Account', 'Revenue'], ...rows([1e303], [2e303], [3e303], [4e303], [5e303])]);
    expect(Array.from(engine.segment)).toEqual([2, 2, 1, 1, 0]);
    await bench.compare([['Account', 'Revenue'], ...rows([5e9 + 0.25], [5e9 + 0.5], [5e9 + 0.75], [5e9 + 1], [5e9 + 1.25])]);
  });
});
