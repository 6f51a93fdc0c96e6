import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { readFileSync } from 'node:fs';
import { cliInFolder, csvOf, records } from '../cli/helpers';

/**
 * `abm-tier sql` takes the scoring options `score` takes, --weights-from included, and its script, run on
 * DuckDB over the same file, gives every account the score and tier `abm-tier score` gives it.
 */

const { file, cli } = cliInFolder('abm-sql-options-');

// Sample accounts with a Won column (so that a weighted Industry enters the score); no field needs quoting.
const grid = [[...SAMPLE_HEADER, 'Won'], ...sampleAccounts(600, 17).map((r, i) => [...r, i % 11 === 0 ? '' : (i * 7) % 10 < 4 ? 'Won' : 'Lost'])];
const accounts = file('accounts.csv', csvOf(grid));
const learned = file('learned.json', JSON.stringify({ weights: { engagement: 4.5, profit: 0.25, revenue: 0, Industry: 1.5 }, cvAuc: 0.6 }));

/** A CSV file's records. */
const csvRows = (path: string) => records(readFileSync(path, 'utf8'));

type Scored = { account: string; score: number | null; tier: string | null };

/** The scores query of `abm-tier sql … --dialect duckdb` run on the file: account → [score, tier]. */
async function sqlScores(...options: string[]): Promise<Map<string, [number | null, string | null]>> {
  const { code, out, err } = await cli('sql', accounts, '--table', 'accounts', '--dialect', 'duckdb', ...options);
  expect({ code, err }).toEqual({ code: 0, err: '' });
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    await db.run(`CREATE TABLE accounts AS SELECT * FROM read_csv('${accounts}', header = true, auto_detect = true)`);
    const [create, scores] = out.split(/;\n/u);
    await db.run(create);
    const rows = (await db.runAndReadAll(scores)).getRowObjectsJS() as Scored[];
    return new Map(rows.map((r) => [String(r.account), [r.score, r.tier]]));
  } finally {
    db.closeSync();
  }
}

/** `abm-tier score` on the file: account → [score, tier]. */
async function engineScores(...options: string[]): Promise<Map<string, [number | null, string | null]>> {
  const { code, out } = await cli('score', accounts, ...options);
  expect(code).toBe(0);
  const rows = JSON.parse(out).rows as Scored[];
  return new Map(rows.map((r) => [r.account, [r.score, r.tier]]));
}

function same(sql: Map<string, [number | null, string | null]>, engine: Map<string, [number | null, string | null]>): void {
  expect(sql.size).toBe(engine.size);
  for (const [account, [score, tier]] of engine) {
    const got = sql.get(account);
    expect(got, account).toBeDefined();
    expect(got?.[1], account).toBe(tier);
    // `score` prints scores to 6 decimals at most.
    if (score === null) expect(got?.[0], account).toBeNull();
    else expect(Math.abs((got?.[0] as number) - score), account).toBeLessThanOrEqual(5e-7);
  }
}

describe('abm-tier sql takes the scoring options of abm-tier score', () => {
  it('--weights-from learned.json: the weights a learn run wrote (a category among them), --weights still winning', async () => {
    const fromFile = await sqlScores('--weights-from', learned);
    same(fromFile, await engineScores('--weights-from', learned));
    // The file's weights are used: without them the scores differ.
    const plain = await sqlScores();
    expect([...plain.values()].map((v) => v[0])).not.toEqual([...fromFile.values()].map((v) => v[0]));
    same(await sqlScores('--weights-from', learned, '--weights', 'engagement=0'), await engineScores('--weights-from', learned, '--weights', 'engagement=0'));
  });

  it('the method, cut-offs, capacity, thresholds, directions, --no-cap and --lang, as score reads them', async () => {
    for (const options of [
      ['--method', 'capacity', '--capacity', '2,5,3,20'],
      ['--method', 'threshold', '--thresholds', '60,35', '--no-cap'],
      ['--cutoffs', '10,40,50', '--directions', 'engagement=lower', '--weights', 'Industry=2'],
      ['--method', 'pareto', '--lang', 'th'],
      ['--method', 'grid', '--axes', 'Support=fit'],
    ]) {
      same(await sqlScores(...options), await engineScores(...options));
    }
  });

  it('--pins COLUMN reaches every query printed: the scores, the report card by tier and the grid', async () => {
    // A pin column under a header no one would guess: only --pins names it.
    const pinned = file(
      'pinned.csv',
      csvOf([
        [...grid[0], 'Team call'],
        ...grid.slice(1).map((r, i) => [...r, i % 23 === 0 ? 'Tier 1' : i % 29 === 0 ? 'exclude' : i % 31 === 0 ? 'Tier 3' : '']),
      ]),
    );
    const options = ['--pins', 'Team call', '--outcome', 'Won', '--grid', '--row-id', '_line'];
    // The file with a row id column, as a warehouse table would have it.
    const withRow = file('pinned-rows.csv', csvOf(csvRows(pinned).map((r, i) => [...r, i === 0 ? '_line' : String(i + 1)])));
    const { code, out, err } = await cli('sql', withRow, '--table', 'accounts', '--dialect', 'duckdb', ...options);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      await db.run(`CREATE TABLE accounts AS SELECT * FROM read_csv('${withRow}', header = true, auto_detect = true)`);
      const statements = out.split(/;\n/u);
      await db.run(statements[0]);
      const read = async (k: number, order = '') => (await db.runAndReadAll(`${statements[k]}${order}`)).getRowObjectsJS();
      const scores = (await read(1, ' ORDER BY "_line"')) as Scored[];
      const engine = JSON.parse((await cli('score', withRow, '--pins', 'Team call', '--grid')).out).rows as (Scored & { grid: string | null })[];
      expect(scores.map((r) => r.tier)).toEqual(engine.map((r) => r.tier));
      // The report card by tier (the fifth statement) and `abm-tier report` agree on every tier's counts.
      const card = JSON.parse((await cli('report', withRow, '--pins', 'Team call', '--outcome', 'Won')).out);
      const byTier = (await read(4)) as { label: string; accounts: bigint; successes: bigint }[];
      expect(byTier.map((t) => [t.label, Number(t.accounts), Number(t.successes)])).toEqual(
        card.tiers.map((t: { label: string; accounts: number; successes: number }) => [t.label, t.accounts, t.successes]),
      );
      // Without the pins the card's counts differ: the test could fail.
      const unpinned = JSON.parse((await cli('report', withRow, '--outcome', 'Won')).out);
      expect(unpinned.tiers.map((t: { accounts: number }) => t.accounts)).not.toEqual(card.tiers.map((t: { accounts: number }) => t.accounts));
      // The grid's statement, after the report card's (by tier, then the pinned accounts apart).
      const gridAt = statements.findIndex((q) => q.includes('fit × engagement grid cell per account'));
      expect(gridAt).toBeGreaterThan(4);
      const cells = (await read(gridAt)) as { _line: bigint; grid: string | null }[];
      const byLine = new Map(cells.map((c) => [Number(c._line), c.grid]));
      expect(engine.map((_, i) => byLine.get(i + 2) ?? null)).toEqual(engine.map((r) => r.grid));
    } finally {
      db.closeSync();
    }
  });

  it('refuses a --weights-from file as score does', async () => {
    file('bad.json', '{"weights":{"orders":-1}}');
    const { code, err } = await cli('sql', accounts, '--table', 't', '--weights-from', 'bad.json');
    expect([code, err]).toEqual([1, 'abm-tier: --weights-from bad.json: the weight of "orders" is -1, not a number ≥ 0.\n']);
  });
});
