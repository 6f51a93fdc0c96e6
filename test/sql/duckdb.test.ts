import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseGrid, parseSettings, type Cell, type SettingsInput } from '../../src/core';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { generateSql } from '../../src/sql/generate';

let db: DuckDBConnection;
const dir = mkdtempSync(join(tmpdir(), 'abm-sql-'));
let tableCount = 0;

beforeAll(async () => {
  db = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  db?.closeSync();
});

/** Loads a grid (header first) into DuckDB with a `_row` column: the row's line, header being 1. */
async function load(grid: Cell[][]): Promise<string> {
  const name = `t${++tableCount}`;
  const quote = (v: Cell) => (v === null || v === undefined || v === '' ? '' : typeof v === 'string' ? `"${v.replace(/"/gu, '""')}"` : String(v));
  const lines = [['_row', ...grid[0]].map(quote).join(','), ...grid.slice(1).map((r, i) => [i + 2, ...grid[0].map((_, c) => r[c])].map(quote).join(','))];
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${path}', header = true, auto_detect = true)`);
  return name;
}

async function compare(grid: Cell[][], input: SettingsInput = {}): Promise<number> {
  const settings = parseSettings(input);
  const table = await load(grid);
  const { scores, profitability } = generateSql(grid[0].map(String), settings, { table, dialect: 'duckdb', rowId: '_row' });
  const rows = (await db.runAndReadAll(`${scores} ORDER BY "_row"`)).getRowObjectsJS() as { _row: number; score: number | null; tier: string | null; segment: string | null; program: string | null }[];
  const engine = analyseGrid(grid, settings);
  const byRow = new Map(rows.map((r) => [Number(r._row), r]));
  let compared = 0;
  for (let i = 0; i < engine.table.n; i++) {
    if (engine.table.status[i] !== 0) continue;
    const r = byRow.get(engine.table.rowNumbers[i])!;
    const t = engine.tier[i];
    const s = engine.segment[i];
    if (Number.isNaN(engine.score[i])) expect(r.score).toBeNull();
    else expect(Math.abs((r.score as number) - engine.score[i])).toBeLessThanOrEqual(1e-9);
    expect([Number(r._row), r.tier, r.segment, r.program]).toEqual([engine.table.rowNumbers[i], t >= 0 ? settings.labels[t] : null, s >= 0 ? settings.segmentLabels[s] : null, t >= 0 ? settings.programLabels[t] : null]);
    compared++;
  }
  const prof = (await db.runAndReadAll(profitability)).getRowObjectsJS() as { label: string; accounts: number; revenue: number; profit: number; cost: number }[];
  const want = [...engine.bySegment.rows, engine.bySegment.total];
  expect(prof.map((p) => [p.label, Number(p.accounts)])).toEqual(want.map((w) => [w.label, w.accounts]));
  prof.forEach((p, k) => {
    if (Number.isFinite(want[k].revenue)) expect(p.revenue).toBeCloseTo(want[k].revenue, 6);
    if (Number.isFinite(want[k].profit)) expect(p.profit).toBeCloseTo(want[k].profit, 6);
    if (Number.isFinite(want[k].cost)) expect(p.cost).toBeCloseTo(want[k].cost, 6);
  });
  return compared;
}

const EDGE: Cell[][] = [
  ['Account', 'Revenue', 'Profit', 'Engagement', 'Recency'],
  ['A', 100, 10, 5, 30], ['B', 100, 10, 5, 30], ['C', 200, -5, '', 10], ['D', '', 40, 9, ''], ['E', 50, 0, 9, 400],
  ['F', 300, 25, 1, 30], ['G', 300, 25, 1, 30], ['H', '', '', '', ''], ['I', 10, 1, 2, 3],
];

describe('the generated SQL, run on DuckDB, gives the engine\'s answers', () => {
  it('on the synthetic 100 000-account table, every method', async () => {
    const grid = [[...SAMPLE_HEADER], ...sampleAccounts(100_000, 11)] as Cell[][];
    for (const method of ['quantile', 'threshold', 'pareto', 'capacity'] as const) {
      expect(await compare(grid, { method, capacity: { strategicMarketers: 50, liteMarketers: 300 } })).toBe(100_000);
    }
  }, 240_000);

  it('on ties, missing values, negative profit and a row with no values', async () => {
    for (const method of ['quantile', 'threshold', 'pareto', 'capacity'] as const) await compare(EDGE, { method, thresholds: [60, 30] });
    await compare(EDGE, { unprofitableCap: false, weights: { profit: 5 }, directions: { engagement: 'lower' } });
  });

  it('on all-equal columns and a single account', async () => {
    await compare([['Account', 'Revenue', 'Profit'], ['A', 5, 5], ['B', 5, 5], ['C', 5, 5]]);
    await compare([['Account', 'Revenue', 'Profit'], ['Solo', 7, 1]]);
  });

  it('counts revenue − profit as the cost of a row without one, as the engine does', async () => {
    await compare([['Account', 'Revenue', 'Profit', 'Cost'], ['A', 100, 30, 20], ['B', 50, 10, ''], ['C', 80, 5, 60]]);
  });

  it('derives profit as revenue − cost, as the engine does', async () => {
    await compare([['Account', 'Revenue', 'Cost to serve', 'Orders'], ['A', 100, 120, 3], ['B', 80, 20, 1], ['C', 60, 10, 2], ['D', 300, 100, 2]]);
  });

  it('quotes hostile column names and labels, so they cannot inject SQL', async () => {
    const grid: Cell[][] = [['Account', 'Revenue', 'x"; DROP TABLE t1; --'], ['A', 1, 2], ['B', 2, 1]];
    const settings = parseSettings({ roles: { 'x"; DROP TABLE t1; --': 'custom' }, labels: ["Top'; --", 'Mid', 'Low'] });
    const table = await load(grid);
    const { scores } = generateSql(grid[0].map(String), settings, { table, dialect: 'duckdb' });
    const rows = (await db.runAndReadAll(scores)).getRowObjectsJS();
    expect(rows).toHaveLength(2);
    expect((await db.runAndReadAll(`SELECT COUNT(*) AS n FROM ${table}`)).getRowObjectsJS()[0].n).toBe(2n);
  });
});
