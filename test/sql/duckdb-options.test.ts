import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings, type Cell, type SettingsInput } from '../../src/core';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { generateSql } from '../../src/sql/generate';
import { COMBINATIONS, gridFor } from './combinations';
import { sqlBench, type SqlBench } from './engine-compare';

let bench: SqlBench;
beforeAll(async () => {
  bench = await sqlBench();
});
afterAll(() => bench?.close());

describe("every combination runs on DuckDB and gives the engine's answers", () => {
  for (const c of COMBINATIONS) {
    it(c.name, async () => {
      const grid = gridFor(c.headers);
      await bench.compare(grid, c.input, c.rowId ? {} : { rowId: undefined });
      // BigQuery's form (buckets of distinct values, every window partitioned), run on DuckDB: three buckets, so ties
      // and running sums cross bucket borders.
      await bench.compare(grid, c.input, { partitioned: true, buckets: 3, ...(c.rowId ? {} : { rowId: undefined }) });
    });
  }
});

describe("BigQuery's partitioned form gives the engine's answers, whatever the buckets", () => {
  it('on 2 000 sample accounts with ties and blanks, every method, 1 to 1000 buckets', async () => {
    const grid = [[...SAMPLE_HEADER], ...sampleAccounts(2_000, 5)] as Cell[][];
    for (let i = 1; i < grid.length; i += 89) grid[i][2 + (i % 15)] = '';
    for (let i = 30; i < grid.length; i += 71) grid[i] = [`${grid[i][0]} copy`, ...grid[i - 1].slice(1)];
    for (const [method, buckets] of [
      ['quantile', 1],
      ['threshold', 7],
      ['pareto', 1000],
      ['capacity', 64],
      ['pareto', 2],
    ] as const) {
      const { tiers } = await bench.compare(grid, { method, capacity: { strategicMarketers: 20, liteMarketers: 60 } }, { partitioned: true, buckets });
      expect(new Set(tiers).size, method).toBe(3);
    }
  }, 60_000);

  it('compares pareto shares exactly across buckets: 8 of ten accounts of 60.13 are Tier 1', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`A${i}`, 100 + i, 60.13]);
    const { tiers } = await bench.compare([['Account', 'Revenue', 'Profit'], ...rows], { method: 'pareto' }, { partitioned: true, buckets: 4 });
    expect(tiers.filter((t) => t === 'Tier 1')).toHaveLength(8);
  });

  it('treats NaN as missing and −0 as 0, in both forms', async () => {
    // A warehouse table of DOUBLEs may hold NaN and −0 (a CSV cannot bring them here as numbers).
    await bench.db.run(
      `CREATE TABLE special AS SELECT * FROM (VALUES ('A', 10.0, 1.0), ('B', CAST('NaN' AS DOUBLE), 2.0), ('C', 30.0, CAST('-0.0' AS DOUBLE)), ('D', 40.0, 0.0)) AS t("Account", "Revenue", "Profit")`,
    );
    for (const partitioned of [false, true]) {
      const { scores } = generateSql(['Account', 'Revenue', 'Profit'], parseSettings({}), { table: 'special', dialect: 'duckdb', partitioned, buckets: 2 });
      const rows = (await bench.db.runAndReadAll(`${scores} ORDER BY "account"`)).getRowObjectsJS() as {
        account: string;
        score: number;
        segment: string | null;
      }[];
      // B's revenue is missing: no segment, its profit alone scores it. C's −0 ties with D's 0 (one row each, no more).
      expect(rows.map((r) => [r.account, r.segment])).toEqual([
        ['A', 'Filler'],
        ['B', null],
        ['C', 'Contributor'],
        ['D', 'Money Maker'],
      ]);
      [40, 100, 30, 50].forEach((score, i) => expect(rows[i].score).toBeCloseTo(score, 9));
    }
  });
});

describe("the tiers' and segments' cut-offs at their ends give the engine's answers, in both forms", () => {
  // The SQL compares each rounded score (and revenue) with the K-th greatest; K of 0, K past the count, one account,
  // every account tied, and pins taking every place are where that could go wrong.
  const grid = (rows: Cell[][], pin = false) => [['Account', 'Revenue', 'Profit', 'Engagement', ...(pin ? ['Pin'] : [])], ...rows] as Cell[][];
  const tied = Array.from({ length: 7 }, (_, i) => [`T${i}`, 50, 10, 3]);
  const spread = Array.from({ length: 9 }, (_, i) => [`S${i}`, 100 - 10 * (i % 4), 5 + i, i % 3]);
  const cases: [string, Cell[][], SettingsInput][] = [
    ['no Tier 1 (0 %) and no Money Maker', grid(spread), { cutoffs: [0, 50, 50], segmentCutoffs: [0, 40, 60] }],
    ['every account Tier 1 and Money Maker (100 %)', grid(spread), { cutoffs: [100, 0, 0], segmentCutoffs: [100, 0, 0] }],
    [
      'capacity past the count: all Tier 1',
      grid(spread),
      { method: 'capacity', capacity: { strategicMarketers: 50, strategicAccounts: 3, liteMarketers: 0, liteAccounts: 5 } },
    ],
    [
      'capacity of nobody: all Tier 3',
      grid(spread),
      { method: 'capacity', capacity: { strategicMarketers: 0, strategicAccounts: 3, liteMarketers: 0, liteAccounts: 5 } },
    ],
    ['one account', grid([['Only', 10, 2, 1]]), {}],
    ['every account tied', grid(tied), {}],
    [
      'no account scored',
      grid([
        ['A', '', '', ''],
        ['B', '', '', ''],
      ]),
      {},
    ],
    [
      'pins taking the places of Tier 1 and 2',
      grid(
        spread.map((r, i) => [...r, i < 2 ? 'Tier 1' : i < 6 ? 'Tier 2' : '']),
        true,
      ),
      {},
    ],
    [
      'every account pinned',
      grid(
        spread.map((r) => [...r, 'Tier 3']),
        true,
      ),
      {},
    ],
  ];
  for (const [name, rows, input] of cases) {
    it(name, async () => {
      for (const partitioned of [false, true]) await bench.compare(rows, input, { partitioned, buckets: 2 });
    });
  }
});
