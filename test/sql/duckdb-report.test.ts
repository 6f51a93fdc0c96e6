import { Parser } from 'node-sql-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings, type Cell, type SettingsInput } from '../../src/core';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { reportSql } from '../../src/sql/report';
import { engineCard, sqlBench, type SqlBench } from './engine-compare';

let bench: SqlBench;
beforeAll(async () => {
  bench = await sqlBench();
});
afterAll(() => bench?.close());

type Row = Record<'accounts' | 'successes', bigint> & { label: string } & Record<
    'rate' | 'rate_low' | 'rate_high' | 'lift' | 'base_rate' | 'outcome_sum' | 'outcome_share',
    number | null
  >;

/** Runs the report card query on DuckDB and checks each tier against the engine's card, a blank (NaN) being NULL. */
async function compare(grid: Cell[][], outcome: string, input: SettingsInput = {}) {
  const settings = parseSettings(input);
  const table = await bench.load(grid);
  const sql = reportSql(grid[0].map(String), settings, { table, dialect: 'duckdb', outcome });
  const rows = (await bench.db.runAndReadAll(sql)).getRowObjectsJS() as unknown as Row[];
  const card = engineCard(grid, settings, outcome);
  expect(rows.map((r) => [r.label, Number(r.accounts), Number(r.successes)])).toEqual(card.tiers.map((t) => [t.label, t.accounts, t.successes]));
  const close = (got: number | null, want: number, what: string) => {
    if (Number.isNaN(want)) expect(got, what).toBeNull();
    else expect(Math.abs((got as number) - want), what).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
  };
  rows.forEach((r, k) => {
    const t = card.tiers[k];
    close(r.rate, t.rate, `${t.label} rate`);
    close(r.rate_low, t.rateLow, `${t.label} low`);
    close(r.rate_high, t.rateHigh, `${t.label} high`);
    close(r.lift, t.lift, `${t.label} lift`);
    close(r.base_rate, card.baseRate, 'base rate');
    if (card.numeric) {
      close(r.outcome_sum, t.sum, `${t.label} sum`);
      close(r.outcome_share, t.share, `${t.label} share`);
    }
  });
  return card;
}

describe("the report card query, run on DuckDB, gives the engine's card", () => {
  it('on 2 000 sample accounts with a Won/Lost column, blanks and words it cannot read', async () => {
    const grid = [[...SAMPLE_HEADER, 'Won'], ...sampleAccounts(2_000, 5)] as Cell[][];
    for (let i = 1; i < grid.length; i++) grid[i].push(i % 17 === 0 ? '' : i % 53 === 0 ? 'maybe' : (i * 7919) % 10 < 4 ? 'Won' : 'lost');
    const card = await compare(grid, 'Won');
    expect(card.accounts).toBeGreaterThan(1_800);
  }, 60_000);

  it('on a numeric outcome (next year revenue), with its sums and shares', async () => {
    const grid = [[...SAMPLE_HEADER, 'Next year revenue'], ...sampleAccounts(500, 9)] as Cell[][];
    for (let i = 1; i < grid.length; i++) grid[i].push((i * 37) % 5 === 0 ? 0 : ((i * 131) % 1000) - 100);
    const card = await compare(grid, 'Next year revenue', { method: 'threshold' });
    expect(card.numeric).toBe(true);
  }, 60_000);

  it('on a churn column of TRUE/FALSE, read with yes as a failure, and on 1/0', async () => {
    const grid: Cell[][] = [['Account', 'Revenue', 'Churned', 'Converted']];
    for (let i = 0; i < 40; i++) grid.push([`A${i}`, (i * 13) % 40, i % 3 === 0, i % 4 === 0 ? 1 : 0]);
    await compare(grid, 'Churned');
    await compare(grid, 'Converted');
  });
});

describe('the report card query in BigQuery', () => {
  it('parses as BigQuery (node-sql-parser)', () => {
    const headers = [...SAMPLE_HEADER, 'Closed won'];
    for (const method of ['quantile', 'threshold', 'pareto', 'capacity'] as const) {
      const sql = reportSql(headers, parseSettings({ method }), { table: 'my-project.crm.accounts', dialect: 'bigquery', outcome: 'Closed won' });
      expect(() => new Parser().astify(sql, { database: 'BigQuery' }), method).not.toThrow();
    }
  });

  it('refuses an outcome that is not a column', () => {
    expect(() => reportSql(['Account', 'Revenue'], parseSettings({}), { table: 't', dialect: 'duckdb', outcome: 'Won' })).toThrow(
      '--outcome "Won" is not one of the columns (Account, Revenue).',
    );
  });
});
