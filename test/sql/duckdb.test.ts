import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseGrid, parseSettings, type Cell, type GridAnalysis, type ProfitTable, type SettingsInput } from '../../src/core';
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

type ProfitSqlRow = { label: string; accounts: bigint } & Record<
  'share' | 'revenue' | 'cost' | 'profit' | 'margin' | 'profit_share' | 'profit_per_account',
  number | null
>;

/** A profitability table from SQL equals the engine's: every column, a blank (NaN) being NULL, amounts to 1e-9 of their size. */
function sameTable(sql: ProfitSqlRow[], engine: ProfitTable): void {
  const want = [...engine.rows, engine.total];
  expect(sql.map((p) => [p.label, Number(p.accounts)])).toEqual(want.map((w) => [w.label, w.accounts]));
  sql.forEach((p, k) => {
    const w = want[k];
    const pairs: [number | null, number][] = [
      [p.share, w.share],
      [p.revenue, w.revenue],
      [p.cost, w.cost],
      [p.profit, w.profit],
      [p.margin, w.margin],
      [p.profit_share, w.profitShare],
      [p.profit_per_account, w.profitPerAccount],
    ];
    pairs.forEach(([got, expected], c) => {
      const where = `${w.label}, column ${c}`;
      if (Number.isNaN(expected)) expect(got, where).toBeNull();
      else {
        expect(got, where).not.toBeNull();
        expect(Math.abs((got as number) - expected), where).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }
    });
  });
}

/** Runs the SQL and the engine on one grid and checks they agree on every row and both profitability tables. */
async function compare(
  grid: Cell[][],
  input: SettingsInput = {},
  tierTable = true,
): Promise<{ compared: number; engine: GridAnalysis; tiers: (string | null)[] }> {
  const settings = parseSettings(input);
  const table = await load(grid);
  const { scores, profitability, tierProfitability } = generateSql(grid[0].map(String), settings, { table, dialect: 'duckdb', rowId: '_row' });
  const rows = (await db.runAndReadAll(`${scores} ORDER BY "_row"`)).getRowObjectsJS() as {
    _row: number;
    score: number | null;
    tier: string | null;
    segment: string | null;
    program: string | null;
  }[];
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
    expect([Number(r._row), r.tier, r.segment, r.program]).toEqual([
      engine.table.rowNumbers[i],
      t >= 0 ? settings.labels[t] : null,
      s >= 0 ? settings.segmentLabels[s] : null,
      t >= 0 ? settings.programLabels[t] : null,
    ]);
    compared++;
  }
  sameTable((await db.runAndReadAll(profitability)).getRowObjectsJS() as ProfitSqlRow[], engine.bySegment);
  if (tierTable) sameTable((await db.runAndReadAll(tierProfitability)).getRowObjectsJS() as ProfitSqlRow[], engine.byTier);
  return { compared, engine, tiers: rows.map((r) => r.tier) };
}

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
      // The tier table's SQL is the same whatever the method: once is enough.
      const { compared, tiers } = await compare(grid, { method, capacity: { strategicMarketers: 50, liteMarketers: 300 } }, method === 'pareto');
      expect(compared, method).toBe(5_000);
      expect(new Set(tiers).size, method).toBe(3);
    }
  }, 120_000);

  it('on ties, missing values, negative profit and a row with no values', async () => {
    for (const method of ['quantile', 'threshold', 'pareto', 'capacity'] as const) await compare(EDGE, { method, thresholds: [60, 30] });
    await compare(EDGE, { unprofitableCap: false, weights: { profit: 5 }, directions: { engagement: 'lower' } });
  });

  it('on all-equal columns and a single account', async () => {
    await compare([
      ['Account', 'Revenue', 'Profit'],
      ['A', 5, 5],
      ['B', 5, 5],
      ['C', 5, 5],
    ]);
    await compare([
      ['Account', 'Revenue', 'Profit'],
      ['Solo', 7, 1],
    ]);
  });

  it('counts revenue − profit as the cost of a row without one, as the engine does', async () => {
    await compare([
      ['Account', 'Revenue', 'Profit', 'Cost'],
      ['A', 100, 30, 20],
      ['B', 50, 10, ''],
      ['C', 80, 5, 60],
    ]);
  });

  it('derives profit as revenue − cost, as the engine does', async () => {
    await compare([
      ['Account', 'Revenue', 'Cost to serve', 'Orders'],
      ['A', 100, 120, 3],
      ['B', 80, 20, 1],
      ['C', 60, 10, 2],
      ['D', 300, 100, 2],
    ]);
  });

  it('quotes hostile column names and labels, so they cannot inject SQL', async () => {
    const grid: Cell[][] = [
      ['Account', 'Revenue', 'x"; DROP TABLE t1; --'],
      ['A', 1, 2],
      ['B', 2, 1],
    ];
    const settings = parseSettings({ roles: { 'x"; DROP TABLE t1; --': 'custom' }, labels: ["Top'; --", 'Mid', 'Low'] });
    const table = await load(grid);
    const { scores } = generateSql(grid[0].map(String), settings, { table, dialect: 'duckdb' });
    const rows = (await db.runAndReadAll(scores)).getRowObjectsJS();
    expect(rows).toHaveLength(2);
    expect((await db.runAndReadAll(`SELECT COUNT(*) AS n FROM ${table}`)).getRowObjectsJS()[0].n).toBe(2n);
  });
});

describe('the SQL agrees with the engine where exactness and blanks matter', () => {
  const rows = (...values: Cell[][]) => values.map((v, i) => [`A${i}`, ...v]);

  it('compares pareto shares as exact sums: 8 of ten accounts of 60.13 (or 6013) are Tier 1; 1.2 then 0.3 is Tier 1 then Tier 2', async () => {
    for (const v of [60.13, 6013]) {
      const { tiers } = await compare([['Account', 'Revenue', 'Profit'], ...rows(...Array.from({ length: 10 }, (_, i) => [100 + i, v]))], { method: 'pareto' });
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
      const { tiers } = await compare([['Account', 'Revenue', 'Profit'], ...rows(...profits.map((p) => [1, p]))], { method: 'pareto' });
      expect(tiers).toEqual(want);
    }
    // Beyond a total of 1e26 (NUMERIC's reach) the SQL compares doubles: the same tiers away from the boundaries.
    const { tiers } = await compare([['Account', 'Revenue', 'Profit'], ...rows([1, 5e300], [2, 1e300], [3, 1e300], [4, 3e299])], { method: 'pareto' });
    expect(tiers).toEqual(['Tier 1', 'Tier 1', 'Tier 2', 'Tier 3']);
  });

  it('gives an empty tier or segment sums of 0 and a blank margin and profit per account, and a zero-revenue group a blank margin', async () => {
    // Cut-offs 0/50/50: no Tier 1. Revenues 100, 0, 0, 0, 0: one Money Maker, four Contributors of revenue 0, no Filler.
    const grid: Cell[][] = [['Account', 'Revenue', 'Profit'], ...rows([100, 30], [0, 10], [0, -5], [0, 0], [0, 2])];
    const { engine } = await compare(grid, { cutoffs: [0, 50, 50] });
    expect(engine.byTier.rows[0]).toMatchObject({ accounts: 0, revenue: 0, profit: 0, cost: 0 });
    expect(engine.byTier.rows[0].profitPerAccount).toBeNaN();
    expect(engine.bySegment.rows[1]).toMatchObject({ accounts: 4, revenue: 0, profit: 7 });
    expect(engine.bySegment.rows[1].margin).toBeNaN();
    expect(engine.bySegment.rows[2].accounts).toBe(0);
    // Without a profit column, profit, cost, margin and the shares of profit stay blank, even in an empty group.
    await compare([['Account', 'Revenue', 'Engagement'], ...rows([100, 3], [0, 1], [0, 2])], { cutoffs: [0, 50, 50] });
    // With a cost column only, the profit is revenue − cost.
    await compare([['Account', 'Revenue', 'Cost'], ...rows([100, 40], [0, 5], [50, 50])], { cutoffs: [0, 0, 100] });
  });

  it('ranks revenues above 1.8e302 and above 2^32 as they are, with the engine', async () => {
    const { engine } = await compare([['Account', 'Revenue'], ...rows([1e303], [2e303], [3e303], [4e303], [5e303])]);
    expect(Array.from(engine.segment)).toEqual([2, 2, 1, 1, 0]);
    await compare([['Account', 'Revenue'], ...rows([5e9 + 0.25], [5e9 + 0.5], [5e9 + 0.75], [5e9 + 1], [5e9 + 1.25])]);
  });
});
