import { Parser } from 'node-sql-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseGrid, categoryRates, outcomeOfHeader, parseSettings, readOutcomes, type Cell, type SettingsInput } from '../../src/core';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { reportCategorySql, reportSqlText } from '../../src/sql/report';
import { sqlBench, type SqlBench } from './engine-compare';

/**
 * The report card's success rate per category value in SQL (`abm-tier sql --outcome`), against the
 * engine's (src/core/category.ts, categoryRates, over the accounts with a tier and an outcome, as
 * `abm-tier report` gives it): values of fewer than 20 accounts and blanks pooled as Other.
 */

let bench: SqlBench;
beforeAll(async () => {
  bench = await sqlBench();
});
afterAll(() => bench?.close());

type Row = { category: string; value: string | null; other: boolean; accounts: bigint; successes: bigint } & Record<
  'rate' | 'rate_low' | 'rate_high' | 'lift',
  number | null
>;

/** Runs the query on DuckDB and checks each column's values against the engine's, a blank (NaN) being NULL; returns the SQL's rows. */
async function compare(grid: Cell[][], outcome: string, input: SettingsInput = {}, rowId: string | undefined = '_row') {
  const settings = parseSettings(input);
  const table = await bench.load(grid);
  const headers = grid[0].map(String);
  const sql = reportCategorySql(headers, settings, { table, dialect: 'duckdb', outcome, rowId });
  expect(sql).not.toBeNull();
  const rows = (await bench.db.runAndReadAll(sql as string)).getRowObjectsJS() as unknown as Row[];
  const engine = analyseGrid(grid, settings);
  const at = headers.indexOf(outcome);
  const cell = (c: number) => Array.from(engine.table.rowNumbers, (r) => grid[r - 1][c]);
  const outcomes = readOutcomes(cell(at), outcomeOfHeader(outcome)?.failure ?? false);
  const counted = Int8Array.from(outcomes.success, (o, i) => (engine.tier[i] >= 0 && engine.tier[i] <= 2 ? o : -1));
  const columns = engine.table.mapping.categories.filter((c) => c.index !== at);
  const want = columns.flatMap((c) => categoryRates(cell(c.index), counted).map((r) => ({ column: c.header, ...r })));
  expect(
    rows.map((r) => [r.category, r.value, r.other, Number(r.accounts), Number(r.successes)]),
    'values',
  ).toEqual(want.map((w) => [w.column, w.other ? null : w.label, w.other, w.accounts, w.successes]));
  const close = (got: number | null, expected: number, what: string) => {
    if (Number.isNaN(expected)) expect(got, what).toBeNull();
    else expect(Math.abs((got as number) - expected), what).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
  };
  rows.forEach((r, k) => {
    const w = want[k];
    close(r.rate, w.rate, `${w.label} rate`);
    close(r.rate_low, w.rateLow, `${w.label} low`);
    close(r.rate_high, w.rateHigh, `${w.label} high`);
    close(r.lift, w.lift, `${w.label} lift`);
  });
  return rows;
}

/** The table of test/cli/report-category.test.ts: Retail 22 (2 won), Software 21 (14 won), Mining 7 (all won, pooled). */
const CLI_TABLE: Cell[][] = [
  ['Account', 'Industry', 'Revenue', 'Closed won'],
  ...Array.from({ length: 50 }, (_, i) => {
    const industry = i < 22 ? 'Retail' : i < 43 ? 'Software' : 'Mining';
    const won = i < 22 ? i < 2 : i < 43 ? i < 36 : true;
    return [`A${i + 1}`, industry, i + 1, won ? 'Won' : 'Lost'];
  }),
];

describe("the report card's rates by category value, run on DuckDB, are the engine's", () => {
  it('on the table of the CLI test: Retail 22 (2), Software 21 (14), Other 7 (7)', async () => {
    const rows = await compare(CLI_TABLE, 'Closed won');
    expect(rows.map((r) => [r.value, Number(r.accounts), Number(r.successes)])).toEqual([
      ['Retail', 22, 2],
      ['Software', 21, 14],
      [null, 7, 7],
    ]);
    // Without a row id too (no tie to break).
    await compare(CLI_TABLE, 'Closed won', {}, undefined);
  });

  it('on 3 000 sample accounts: two columns, rare and blank values pooled, missing and unreadable outcomes, a weighted category', async () => {
    const grid = [[...SAMPLE_HEADER, 'Region', 'Won'], ...sampleAccounts(3_000, 31)] as Cell[][];
    for (let i = 1; i < grid.length; i++) {
      const h = (i * 7919) % 101;
      const region = i % 29 === 0 ? '' : i % 37 === 0 ? `Rare ${i % 5}` : i % 41 === 0 ? ' North ' : ['North', 'South', 'East', 'West'][h % 4];
      grid[i].push(region, i % 13 === 0 ? '' : i % 31 === 0 ? 'maybe' : h < 40 ? 'Won' : 'Lost');
    }
    for (let i = 3; i < grid.length; i += 53) grid[i][1] = '';
    const rows = await compare(grid, 'Won');
    // Each column has its Other: Region's rare values and blanks, Industry's blanks.
    expect(rows.filter((r) => r.other).map((r) => r.category)).toEqual(['Industry', 'Region']);
    await compare(grid, 'Won', { weights: { Industry: 2 }, method: 'capacity', capacity: { strategicMarketers: 20, liteMarketers: 40 } });
  }, 60_000);

  it('keeps the 12 largest values, ties in the order they first appear, and reads a churn header the other way', async () => {
    // 14 values of 20 to 26 accounts (several tied), interleaved so that first appearance differs from the names' order.
    const grid: Cell[][] = [['Account', 'Revenue', 'Region', 'Churned']];
    const sizes = [20, 26, 21, 21, 25, 20, 22, 22, 24, 23, 20, 26, 21, 22];
    const values = sizes.flatMap((n, k) => Array.from({ length: n }, () => `V${String.fromCharCode(90 - k)}`));
    values.forEach((v, i) => {
      grid.push([`A${i}`, (i * 37) % 101, v, i % 3 === 0 ? 'yes' : 'no']);
    });
    grid.splice(1, 0, grid.splice(200, 1)[0]);
    const rows = await compare(grid, 'Churned');
    expect(rows).toHaveLength(13);
    expect(rows[12]).toMatchObject({ other: true });
  });
});

describe('the category query in BigQuery and in `abm-tier sql --outcome`', () => {
  it('parses as BigQuery; each window is partitioned by the column', () => {
    const headers = [...SAMPLE_HEADER, 'Region', 'Closed won'];
    for (const method of ['quantile', 'pareto'] as const) {
      const sql = reportCategorySql(headers, parseSettings({ method, weights: { Region: 1 } }), {
        table: 'my-project.crm.accounts',
        dialect: 'bigquery',
        outcome: 'Closed won',
      }) as string;
      expect(() => new Parser().astify(sql, { database: 'BigQuery' }), method).not.toThrow();
      const tail = sql.slice(sql.indexOf('\ncategory_values AS ('));
      expect(tail.match(/OVER \(/gu)).toHaveLength(3);
      expect(tail.match(/OVER \(PARTITION BY j\b/gu)).toHaveLength(3);
    }
  });

  it('is printed after the card by tier, and only when a column is a category', () => {
    const settings = parseSettings({});
    const text = reportSqlText(['Account', 'Revenue', 'Industry', 'Won'], settings, { table: 't', dialect: 'duckdb' });
    expect(text).toContain('-- ABM Tier: report card, success rate by category value (outcome "Won")');
    expect(reportSqlText(['Account', 'Revenue', 'Won'], settings, { table: 't', dialect: 'duckdb' })).not.toContain('by category value');
  });
});
