import { Parser } from 'node-sql-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings, type Cell, type SettingsInput } from '../../src/core';
import { english } from '../../src/i18n';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { sqlExportText } from '../../src/sql/export-text';
import { generateScript, generateSql } from '../../src/sql/generate';
import { cliInFolder } from '../cli/helpers';
import { sqlBench, type SqlBench } from './engine-compare';

/**
 * Pinned tiers in SQL (docs/scoring.md, "Pinned tiers"): the engine reads a `Pin` column by default, and so
 * does the SQL; every row (score, tier, segment, program) and both profitability tables are compared with the
 * engine's by engine-compare.ts, for the stand-alone queries and the script.
 */

let bench: SqlBench;
beforeAll(async () => {
  bench = await sqlBench();
});
afterAll(() => bench?.close());

const METHODS = ['quantile', 'threshold', 'pareto', 'capacity', 'grid'] as const;

/** The worked example of docs/scoring.md: revenue 100 … 10, H pinned Tier 1 with a reason, J excluded. */
const WORKED: Cell[][] = [
  ['Account', 'Revenue', 'Pin'],
  ...'ABCDEFGHIJ'.split('').map((a, i): Cell[] => [a, 100 - 10 * i, a === 'H' ? 'Tier 1: strategic logo' : a === 'J' ? 'exclude - partner' : '']),
];

/** Ties, losses, a row without a score, and pins of every kind, some bad. */
const HAND: Cell[][] = [
  ['Account', 'Revenue', 'Profit', 'Engagement', 'Pin'],
  ['A', 500, 50, 9, ''],
  ['B', 400, -20, 8, 'Tier 1'],
  ['C', 400, -20, 8, ''],
  ['D', 300, 30, 7, 'exclude'],
  ['E', 300, 30, 7, ''],
  ['F', 200, -5, 6, ' tier  2 - partner '],
  ['G', 150, 15, 5, 'Tier 9'],
  ['H', 100, 10, 4, 'Tier-1'],
  ['I', 90, 9, 3, '3: churn risk'],
  ['J', 80, -8, 2, 'EXCLUDED'],
  ['K', '', '', '', 'Tier 1'],
  ['L', 60, 6, 1, '2'],
  ['M', 50, 5, 1, ''],
];

describe('pinned tiers in the SQL, run on DuckDB, give the engine’s answers', () => {
  it('on the worked example of docs/scoring.md: A Tier 1; B, C, D Tier 2; H Tier 1 (pinned); J none', async () => {
    const { tiers, engine } = await bench.compare(WORKED);
    expect(tiers).toEqual(['Tier 1', 'Tier 2', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 1', 'Tier 3', null]);
    expect(engine.pinned?.excluded).toBe(1);
    // Without the pins the SQL tiers differ (the test could fail): H is Tier 3 and J has a tier.
    const table = await bench.load(WORKED);
    const plain = generateSql(WORKED[0].map(String), parseSettings({}), { table, dialect: 'duckdb', rowId: '_row', pins: null });
    const rows = (await bench.db.runAndReadAll(`${plain.scores} ORDER BY _row`)).getRowObjectsJS();
    expect(rows.map((r) => r.tier)).toEqual(['Tier 1', 'Tier 1', 'Tier 2', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 3']);
  });

  it('on ties, losses (a pin wins over the cap), bad pins, a pin without a score: every method, capped and not, partitioned and not', async () => {
    for (const method of METHODS)
      for (const unprofitableCap of [true, false])
        for (const partitioned of [false, true]) {
          const input: SettingsInput = {
            method,
            unprofitableCap,
            thresholds: [60, 30],
            capacity: { strategicMarketers: 1, strategicAccounts: 2, liteMarketers: 1, liteAccounts: 3 },
          };
          const { engine, tiers } = await bench.compare(HAND, input, { partitioned, buckets: 3 });
          expect(engine.pinned, method).not.toBeNull();
          expect(tiers[1], method).toBe('Tier 1'); // B: pinned, although it loses money
          expect(tiers[3], method).toBeNull(); // D: excluded
        }
  });

  it('more Tier 1 pins than Tier 1 places use up Tier 2 places, and pins as numbers (a numeric column)', async () => {
    const grid: Cell[][] = [
      ['Account', 'Revenue', 'Override'],
      ...Array.from({ length: 12 }, (_, i): Cell[] => [`A${i}`, 10 + i, i < 5 ? 1 : i === 6 ? 3 : '']),
    ];
    for (const method of ['quantile', 'capacity'] as const) {
      const { tiers } = await bench.compare(grid, { method, capacity: { strategicMarketers: 1, strategicAccounts: 2, liteMarketers: 1, liteAccounts: 2 } });
      expect(tiers.slice(0, 5), method).toEqual(Array(5).fill('Tier 1'));
      expect(tiers.filter((t) => t === 'Tier 1').length, method).toBe(5);
    }
  });

  it('reads renamed labels and exclude in the four languages, case and spaces ignored', async () => {
    const pins = ['GOLD', ' silver : partner', 'bronze', 'ไม่รวม', '排除 - 竞争对手', 'բացառված', 'ยกเว้น', '不计入', 'Gold — x', 'Tier 2', 'tier 3', 'gold-x'];
    const grid: Cell[][] = [['Account', 'Revenue', 'Manual tier'], ...Array.from({ length: 30 }, (_, i): Cell[] => [`A${i}`, 5 * i + 1, pins[i] ?? ''])];
    for (const method of ['quantile', 'pareto', 'threshold'] as const) {
      const { engine, tiers } = await bench.compare(grid, { method, labels: ['Gold', 'Silver', 'Bronze'] });
      expect(engine.pinned?.excluded, method).toBe(5);
      expect(tiers.slice(0, 3), method).toEqual(['Gold', 'Silver', 'Bronze']);
      expect(tiers[11], method).not.toBeNull(); // `gold-x` is no pin
    }
  });

  it('on a generated 2 000-row table with pins of each kind, every method, all three tiers filled', async () => {
    const kinds: Cell[] = ['Tier 1: strategic logo', 'Tier 2', 'tier 3 - churn', 'exclude - partner', 1, 'Tier 9', 'excluded', '2'];
    const grid = [[...SAMPLE_HEADER, 'Pin'], ...sampleAccounts(2_000, 7).map((r, i) => [...r, i % 9 === 0 ? kinds[(i / 9) % kinds.length] : ''])] as Cell[][];
    for (let i = 1; i < grid.length; i += 89) grid[i][3] = '';
    for (const method of METHODS) {
      const input: SettingsInput = { method, capacity: { strategicMarketers: 20, liteMarketers: 100 } };
      const { compared, tiers, engine } = await bench.compare(grid, input);
      expect(compared, method).toBe(2_000);
      expect(engine.pinned!.rows.length, method).toBeGreaterThan(150);
      expect(new Set(tiers.filter((t) => t !== null)).size, method).toBe(3);
      await bench.compare(grid, input, { partitioned: true, buckets: 20 });
    }
  }, 120_000);

  it('takes the pins from a column named by `pins` (the CLI’s --pins), and none with pins: null', async () => {
    const named = WORKED.map((r, i) => [...r.slice(0, 2), i === 0 ? 'Team call' : r[2]]);
    const table = await bench.load(named);
    const headers = named[0].map(String);
    const run = async (pins: string | null) => {
      const { scores } = generateSql(headers, parseSettings({}), { table, dialect: 'duckdb', rowId: '_row', pins });
      return (await bench.db.runAndReadAll(`${scores} ORDER BY _row`)).getRowObjectsJS().map((r) => r.tier);
    };
    expect(await run('Team call')).toEqual((await bench.compare(WORKED)).tiers);
    expect(await run(null)).toEqual((await bench.compare(WORKED.map((r) => r.slice(0, 2)))).tiers);
  });
});

describe('abm-tier sql --pins', () => {
  const { cli } = cliInFolder('abm-sql-pins-');
  it('gives the script of the pins the column named holds (its header found as --pins finds it), and refuses a column the table lacks', async () => {
    const named = WORKED.map((r, i) => [...r.slice(0, 2), i === 0 ? 'Team call' : r[2]]);
    const table = await bench.load(named);
    const { code, out } = await cli(
      'sql',
      '--columns',
      '_row,Account,Revenue,Team call',
      '--pins',
      'team call',
      '--table',
      table,
      '--dialect',
      'duckdb',
      '--row-id',
      '_row',
    );
    expect(code).toBe(0);
    const [create, scores] = out.split(/;\n/u);
    await bench.db.run(create);
    const rows = (await bench.db.runAndReadAll(`${scores} ORDER BY _row`)).getRowObjectsJS();
    expect(rows.map((r) => r.tier)).toEqual((await bench.compare(WORKED)).tiers);
    const refused = await cli('sql', '--columns', 'Account,Revenue', '--pins', 'Team call', '--table', 't');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('--pins "Team call"');
  });
});

describe('pinned tiers in the BigQuery SQL', () => {
  const parser = new Parser();
  it('parse as BigQuery, every method, the queries and the script', () => {
    const headers = [...SAMPLE_HEADER, 'Pin'];
    for (const method of METHODS) {
      const settings = parseSettings({ method, labels: ["Top'; --", 'Mid', 'Low'] });
      const options = { table: 'my-project.crm.accounts', dialect: 'bigquery' as const, rowId: 'Account' };
      const q = generateSql(headers, settings, options);
      expect(q.scores, method).toContain('abm_pin');
      for (const sql of Object.values(q)) expect(() => parser.astify(sql, { database: 'BigQuery' }), method).not.toThrow();
      expect(generateScript(headers, settings, options).create).toContain('abm_pin');
      const text = sqlExportText({ headers, source: 'Accounts', table: options.table, dialect: 'bigquery', pins: 'Pin' }, settings, english);
      expect(() => parser.astify(text, { database: 'BigQuery' }), method).not.toThrow();
    }
  });
});
