import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  analyseGrid,
  cardPins,
  outcomeOfHeader,
  parseSettings,
  readOutcomes,
  reportCard,
  type Cell,
  type GridAnalysis,
  type ProfitTable,
  type ReportCard,
  type Settings,
  type SettingsInput,
} from '../../src/core';
import { generateScript, generateSql, type SqlOptions, type SqlQueries } from '../../src/sql/generate';

/** A DuckDB in memory that runs the generated SQL on grids and checks it against the engine, row by row. */
export interface SqlBench {
  /** Loads a grid (header first) with a `_row` column (the row's line, header being 1); returns the table's name. */
  load(grid: Cell[][]): Promise<string>;
  /** Runs the three stand-alone queries, then the script (its kept rows and the three reading them), on the grid and checks every row and both profitability tables of each. */
  compare(grid: Cell[][], input?: SettingsInput, options?: Partial<SqlOptions>): Promise<Compared>;
  db: DuckDBConnection;
  close(): void;
}

export interface Compared {
  /** The SQL's tiers, in row order. */
  tiers: (string | null)[];
  /** The engine's analysis of the grid. */
  engine: GridAnalysis;
  /** The rows compared: those the engine read (blank and invalid rows are left out). */
  compared: number;
}

type ProfitSqlRow = { label: string; accounts: bigint } & Record<
  'share' | 'revenue' | 'cost' | 'profit' | 'margin' | 'profit_share' | 'profit_per_account',
  number | null
>;

/** A profitability table from SQL equals the engine's: every column, a blank (NaN) being NULL, amounts to 1e-9 of their size. */
function sameTable(sql: ProfitSqlRow[], engine: ProfitTable, where: string): void {
  const want = [...engine.rows, engine.total];
  expect(
    sql.map((p) => [p.label, Number(p.accounts)]),
    where,
  ).toEqual(want.map((w) => [w.label, w.accounts]));
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
      const at = `${where}: ${w.label}, column ${c}`;
      if (Number.isNaN(expected)) expect(got, at).toBeNull();
      else {
        expect(got, at).not.toBeNull();
        expect(Math.abs((got as number) - expected), at).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }
    });
  });
}

export async function sqlBench(): Promise<SqlBench> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const dir = mkdtempSync(join(tmpdir(), 'abm-sql-'));
  let tables = 0;
  const load = async (grid: Cell[][]) => {
    const name = `t${++tables}`;
    const quote = (v: Cell) => (v === null || v === undefined || v === '' ? '' : typeof v === 'string' ? `"${v.replace(/"/gu, '""')}"` : String(v));
    const lines = [['_row', ...grid[0]].map(quote).join(','), ...grid.slice(1).map((r, i) => [i + 2, ...grid[0].map((_, c) => r[c])].map(quote).join(','))];
    const path = join(dir, `${name}.csv`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${path}', header = true, auto_detect = true)`);
    return name;
  };
  const compare = async (grid: Cell[][], input: SettingsInput = {}, options: Partial<SqlOptions> = {}) => {
    const settings = parseSettings(input);
    const table = await load(grid);
    const sqlOptions = { table, dialect: 'duckdb' as const, rowId: '_row', ...options };
    const engine = analyseGrid(grid, settings);
    const alone = generateSql(grid[0].map(String), settings, sqlOptions);
    const script = generateScript(grid[0].map(String), settings, sqlOptions);
    const first = await check(alone, JSON.stringify({ input, options }));
    await db.run(script.create);
    const second = await check(script, JSON.stringify({ input, options, script: true }));
    // In row order where rows have a key (the query has no ORDER BY otherwise).
    const order = (tiers: (string | null)[]) => (sqlOptions.rowId || grid[0].includes('Account') ? tiers : [...tiers].sort());
    expect(order(second.tiers), 'the script').toEqual(order(first.tiers));
    return first;

    async function check({ scores, profitability, tierProfitability }: SqlQueries, where: string): Promise<Compared> {
      type Row = { _row?: number; account?: string | null; score: number | null; tier: string | null; segment: string | null; program: string | null };
      // Rows are matched by --row-id, else by account (names unique here), else compared as a sorted list.
      const accountColumn = grid[0].indexOf('Account');
      const key = sqlOptions.rowId ? '_row' : accountColumn >= 0 ? 'account' : null;
      const rows = (await db.runAndReadAll(`${scores}${key ? ` ORDER BY "${key}"` : ''}`)).getRowObjectsJS() as Row[];
      const engineKey = (rowNumber: number) =>
        key === '_row' ? rowNumber : key === 'account' ? String(grid[rowNumber - 1][accountColumn] ?? '').trim() || null : null;
      const got: unknown[][] = [];
      const want: unknown[][] = [];
      const byKey = new Map(rows.map((r) => [key === '_row' ? Number(r._row) : key === 'account' ? (r.account ?? null) : null, r]));
      for (let i = 0; i < engine.table.n; i++) {
        if (engine.table.status[i] !== 0) continue;
        const t = engine.tier[i];
        const s = engine.segment[i];
        const k = engineKey(engine.table.rowNumbers[i]);
        want.push([
          k,
          Number.isNaN(engine.score[i]) ? null : Math.round(engine.score[i] * 1e6) / 1e6,
          t >= 0 ? settings.labels[t] : null,
          s >= 0 ? settings.segmentLabels[s] : null,
          t >= 0 ? settings.programLabels[t] : null,
        ]);
        const r = key ? byKey.get(k) : rows[got.length];
        expect(r, `${where}: row ${engine.table.rowNumbers[i]}`).toBeDefined();
        if (key && !Number.isNaN(engine.score[i])) expect(Math.abs((r!.score as number) - engine.score[i]), where).toBeLessThanOrEqual(1e-9);
        got.push([k, r!.score === null ? null : Math.round(r!.score * 1e6) / 1e6, r!.tier, r!.segment, r!.program]);
      }
      expect(rows.length, where).toBe(want.length);
      if (!key) {
        // Without a key, the sorted rows of each must be the same.
        const sort = (xs: unknown[][]) => xs.map((x) => JSON.stringify(x.slice(1))).sort();
        expect(sort(rows.map((r) => [null, r.score === null ? null : Math.round(r.score * 1e6) / 1e6, r.tier, r.segment, r.program])), where).toEqual(
          sort(want),
        );
      } else expect(got, where).toEqual(want);
      sameTable((await db.runAndReadAll(profitability)).getRowObjectsJS() as ProfitSqlRow[], engine.bySegment, `${where} by segment`);
      sameTable((await db.runAndReadAll(tierProfitability)).getRowObjectsJS() as ProfitSqlRow[], engine.byTier, `${where} by tier`);
      return { tiers: rows.map((r) => r.tier), engine, compared: want.length };
    }
  };
  return { load, compare, db, close: () => db.closeSync() };
}

/** The engine's report card of `grid` judged by its column `outcome` (with `pins`, pinned accounts counted apart). */
export function engineCard(grid: readonly (readonly Cell[])[], settings: Settings, outcome: string, pins = false): ReportCard {
  const engine = analyseGrid(grid, settings);
  const column = grid[0].indexOf(outcome);
  const cells = Array.from(engine.table.rowNumbers, (r) => grid[r - 1][column]);
  return reportCard({
    tier: engine.tier,
    score: engine.score,
    outcomes: readOutcomes(cells, outcomeOfHeader(outcome)?.failure ?? false),
    labels: settings.labels,
    ...(pins ? { pins: cardPins(engine) } : {}),
  });
}
