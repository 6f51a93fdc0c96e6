import { Parser } from 'node-sql-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseGrid, GRID_CELLS, parseSettings, round6, type Cell, type SettingsInput } from '../../src/core';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { generateSql } from '../../src/sql/generate';
import { gridSql } from '../../src/sql/grid';
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
  ['C', 200, -5, '', ''],
  ['D', '', 40, 9, ''],
  ['E', 50, 0, 9, 400],
  ['F', 300, 25, 1, 30],
  ['G', 300, 25, 1, 30],
  ['H', '', '', '', ''],
  ['I', 10, 1, 2, 3],
];

/** gridSql on DuckDB gives each row the engine's fit, engagement and cell. */
async function sameGrid(grid: Cell[][], input: SettingsInput = {}, partitioned = false): Promise<number> {
  const settings = parseSettings(input);
  const table = await bench.load(grid);
  const sql = gridSql(grid[0].map(String), settings, { table, dialect: 'duckdb', rowId: '_row', partitioned, buckets: 7 });
  const rows = (await bench.db.runAndReadAll(`${sql} ORDER BY "_row"`)).getRowObjectsJS() as {
    _row: number;
    fit: number | null;
    engagement: number | null;
    grid: string | null;
  }[];
  const engine = analyseGrid(grid, settings);
  const byRow = new Map(rows.map((r) => [Number(r._row), r]));
  const score = (v: number) => (Number.isNaN(v) ? null : round6(v));
  let compared = 0;
  for (let i = 0; i < engine.table.n; i++) {
    if (engine.table.status[i] !== 0) continue;
    const r = byRow.get(engine.table.rowNumbers[i]);
    const { fit, engagement, cell } = engine.axes;
    expect([r?.fit == null ? null : round6(r.fit), r?.engagement == null ? null : round6(r.engagement), r?.grid ?? null]).toEqual([
      score(fit[i]),
      score(engagement[i]),
      cell[i] >= 0 ? GRID_CELLS[cell[i]] : null,
    ]);
    compared++;
  }
  expect(rows.length).toBe(compared);
  return compared;
}

describe('fit × engagement in SQL, run on DuckDB, gives the engine’s answers', () => {
  it('on 3 000 sample accounts with blanks, unpartitioned and partitioned, default and moved axes', async () => {
    const grid = [[...SAMPLE_HEADER], ...sampleAccounts(3_000, 5)] as Cell[][];
    for (let i = 1; i < grid.length; i += 89) grid[i][2 + (i % 15)] = '';
    expect(await sameGrid(grid)).toBe(3_000);
    expect(await sameGrid(grid, { gridCutoffs: [10, 40, 50], axes: { Tenure: 'engagement', Support: 'fit' } }, true)).toBe(3_000);
  }, 60_000);

  it('on ties, missing axes and an account with no values', async () => {
    expect(await sameGrid(EDGE)).toBe(9);
    expect(await sameGrid(EDGE, { axes: { Engagement: 'fit', Recency: 'fit' } })).toBe(9);
  });

  it('cut-offs at their ends (no band A, all in A, ties across a cut-off), in one pass and partitioned', async () => {
    const grid = [[...SAMPLE_HEADER], ...sampleAccounts(400, 9)] as Cell[][];
    const ends: [number, number, number][] = [
      [0, 50, 50],
      [100, 0, 0],
      [0, 0, 100],
      [33, 34, 33],
    ];
    for (const gridCutoffs of ends) {
      for (const partitioned of [false, true]) {
        expect(await sameGrid(EDGE, { gridCutoffs }, partitioned)).toBe(9);
        expect(await sameGrid(grid, { gridCutoffs }, partitioned)).toBe(400);
      }
    }
  }, 60_000);

  it('the grid method tiers as the engine does (scores, tiers, segments, programs and both tables)', async () => {
    await bench.compare(EDGE, { method: 'grid' });
    const grid = [[...SAMPLE_HEADER], ...sampleAccounts(800, 3)] as Cell[][];
    const { tiers } = await bench.compare(grid, { method: 'grid' });
    expect(new Set(tiers).size).toBe(3);
    await bench.compare(
      grid,
      { method: 'grid', gridPrograms: ['lite', 'lite', 'lite', 'programmatic', 'strategic', 'lite', 'lite', 'lite', 'lite'] },
      { partitioned: true, buckets: 5 },
    );
  }, 60_000);
});

describe('fit × engagement SQL parses as BigQuery', () => {
  const parser = new Parser();
  it('gridSql and the grid method’s queries', () => {
    const settings = parseSettings({ method: 'grid' });
    const headers = [...SAMPLE_HEADER];
    const options = { table: 'my-project.crm.accounts', dialect: 'bigquery' as const, rowId: 'Account' };
    for (const sql of [gridSql(headers, settings, options), ...Object.values(generateSql(headers, settings, options))])
      expect(() => parser.astify(sql, { database: 'BigQuery' })).not.toThrow();
  });
});
