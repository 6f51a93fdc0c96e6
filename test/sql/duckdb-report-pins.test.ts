import { Parser } from 'node-sql-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings, type Cell, type PinnedCard, type SettingsInput } from '../../src/core';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { reportSqlText } from '../../src/sql/report';
import { reportPinsSql } from '../../src/sql/report-pins';
import { cliInFolder } from '../cli/helpers';
import { engineCard, sqlBench, type SqlBench } from './engine-compare';

/**
 * The report card's pinned accounts apart in SQL (issue 18, src/sql/report-pins.ts), run on DuckDB and
 * compared with the engine's PinnedCard (src/core/report-card.ts): per pinned tier, then up and down.
 */

let bench: SqlBench;
beforeAll(async () => {
  bench = await sqlBench();
});
afterAll(() => bench?.close());

/** The PARTITION BY of each window under `node` (null: none), as text. */
function windows(node: unknown, found: (string[] | null)[] = []): (string[] | null)[] {
  if (Array.isArray(node)) node.forEach((n) => windows(n, found));
  else if (node && typeof node === 'object') {
    const over = (node as { over?: { as_window_specification?: { window_specification?: { partitionby?: unknown[] | null } } } }).over;
    const spec = over?.as_window_specification?.window_specification;
    if (spec)
      found.push(
        spec.partitionby ? spec.partitionby.map((p) => new Parser().exprToSQL((p as { expr: unknown }).expr as never, { database: 'BigQuery' })) : null,
      );
    Object.values(node).forEach((n) => windows(n, found));
  }
  return found;
}

type Row = { label: string | null; move: string | null; accounts: bigint; successes: bigint; rate: number | null; unpinned_rate: number | null };

/** Runs the pinned query on DuckDB and checks every row against the engine's pinned card; returns the card. */
async function compare(
  grid: Cell[][],
  outcome: string,
  input: SettingsInput = {},
  rowId: string | undefined = '_row',
  more: { partitioned?: boolean; buckets?: number } = {},
): Promise<PinnedCard> {
  const settings = parseSettings(input);
  const table = await bench.load(grid);
  const sql = reportPinsSql(grid[0].map(String), settings, { table, dialect: 'duckdb', outcome, rowId, ...more });
  expect(sql).not.toBeNull();
  const rows = (await bench.db.runAndReadAll(sql as string)).getRowObjectsJS() as unknown as Row[];
  const card = engineCard(grid, settings, outcome, true);
  const p = card.pinned as PinnedCard;
  expect(p).not.toBeNull();
  const want = [
    ...p.tiers.map((t) => ({ label: t.label, move: null, accounts: t.accounts, successes: t.successes, rate: t.rate, unpinned: t.unpinnedRate })),
    ...(['up', 'down'] as const).map((m) => ({
      label: null,
      move: m,
      accounts: p[m].accounts,
      successes: p[m].successes,
      rate: p[m].rate,
      unpinned: p[m].scoreRate,
    })),
  ];
  const where = `${input.method ?? 'quantile'} cap ${input.unprofitableCap}`;
  expect(
    rows.map((r) => [r.label, r.move, Number(r.accounts), Number(r.successes)]),
    where,
  ).toEqual(want.map((w) => [w.label, w.move, w.accounts, w.successes]));
  const close = (got: number | null, x: number, what: string) => {
    if (Number.isNaN(x)) expect(got, what).toBeNull();
    else expect(Math.abs((got as number) - x), what).toBeLessThanOrEqual(1e-12);
  };
  rows.forEach((r, k) => {
    close(r.rate, want[k].rate, `${where}: row ${k} rate`);
    close(r.unpinned_rate, want[k].unpinned, `${where}: row ${k} unpinned rate`);
  });
  return p;
}

/** The table of test/cli/report-pins.test.ts: its pinned outcomes counted by hand there (cut-offs 30/30/40). */
const WON = 'WLWWLWLWLW';
const PINS: Record<string, string> = { H: 'Tier 1: strategic logo', D: 'Tier 1', E: 'Tier 2', B: 'Tier 3', J: 'exclude - partner' };
const HAND: Cell[][] = [
  ['Account', 'Revenue', 'Won', 'Pin'],
  ...Array.from({ length: 10 }, (_, i): Cell[] => {
    const a = String.fromCharCode(65 + i);
    return [a, 100 - 10 * i, WON[i] === 'W' ? 'Won' : 'Lost', PINS[a] ?? ''];
  }),
];

const METHODS = ['quantile', 'threshold', 'pareto', 'capacity', 'grid'] as const;

describe("the pinned accounts' query, run on DuckDB, gives the engine's pinned card", () => {
  it('on the hand-counted table: Tier 1 2 of 2, Tier 2 0 of 1, Tier 3 0 of 1; up 2 of 2 against 66.7 %, down 0 of 1 against 100 %', async () => {
    const p = await compare(HAND, 'Won', { cutoffs: [30, 30, 40] });
    expect(p.tiers.map((t) => [t.accounts, t.successes])).toEqual([
      [2, 2],
      [1, 0],
      [1, 0],
    ]);
    expect(p.up).toEqual({ accounts: 2, successes: 2, rate: 1, scoreRate: (1 / 3 + 1) / 2 });
    expect(p.down).toEqual({ accounts: 1, successes: 0, rate: 0, scoreRate: 1 });
    // Without the row id (the tie-break by account) the answer is the same.
    await compare(HAND, 'Won', { cutoffs: [30, 30, 40] }, undefined);
  });

  it('reads the score alone with the unprofitable cap: a pinned account that loses money was Tier 3 by the score', async () => {
    // Profit weighs nothing, so the score is revenue's as before. B (pinned Tier 3) loses money: with the cap the score alone says Tier 3 (neither up nor down), without it a higher tier (down).
    const grid = HAND.map((r, i) => [...r, i === 0 ? 'Profit' : r[0] === 'B' ? -5 : (r[1] as number) / 10]);
    const on = await compare(grid, 'Won', { cutoffs: [30, 30, 40], unprofitableCap: true, weights: { Profit: 0 } });
    const off = await compare(grid, 'Won', { cutoffs: [30, 30, 40], unprofitableCap: false, weights: { Profit: 0 } });
    expect(off.down.accounts).toBe(on.down.accounts + 1);
    for (const method of METHODS) await compare(grid, 'Won', { method, thresholds: [60, 30] });
  });

  it('pareto: the score alone draws the value curve over the excluded accounts too', async () => {
    // Without pins X's 1 000 is ahead of A: 1 000 / 1 160 = 86 % ≥ 80 %, so A is Tier 2 by the score, as pinned: neither up nor down.
    const grid: Cell[][] = [
      ['Account', 'Revenue', 'Won', 'Pin'],
      ['X', 1000, 'Won', 'exclude'],
      ['A', 100, 'Won', 'Tier 2'],
      ['B', 50, 'Lost', ''],
      ['C', 10, 'Won', ''],
    ];
    const p = await compare(grid, 'Won', { method: 'pareto' });
    expect([p.tiers[1].accounts, p.up.accounts, p.down.accounts]).toEqual([1, 0, 0]);
  });

  it('pareto: equal values take their places on the curve in row order', async () => {
    // Ten accounts of revenue 10: ahead of the k-th (0-based) 10·k of 100, so A…H are Tier 1 (ahead < 80) and I, J Tier 2
    // (ahead < 95) by the score. J pinned Tier 1 is up from Tier 2, I pinned Tier 3 down from Tier 2.
    const grid: Cell[][] = [
      ['Account', 'Revenue', 'Won', 'Pin'],
      ...'ABCDEFGHIJ'.split('').map((a, i): Cell[] => [a, 10, i % 2 ? 'Won' : 'Lost', a === 'J' ? 'Tier 1' : a === 'I' ? 'Tier 3' : '']),
    ];
    const p = await compare(grid, 'Won', { method: 'pareto' });
    expect([p.up.accounts, p.down.accounts]).toEqual([1, 1]);
  });

  it("takes the document's pins (joined on the account) as it takes a Pin column", async () => {
    // The engine's card for the Pin column is checked above; the same pins kept in the document give the same rows.
    const run = async (grid: Cell[][], documentPins?: readonly (readonly [string, number])[]) => {
      const table = await bench.load(grid);
      const sql = reportPinsSql(grid[0].map(String), parseSettings({ cutoffs: [30, 30, 40] }), { table, dialect: 'duckdb', outcome: 'Won', documentPins });
      return (await bench.db.runAndReadAll(sql as string)).getRowObjectsJS();
    };
    const kept = [
      ['H', 0],
      ['D', 0],
      ['E', 1],
      ['B', 2],
      ['J', 3],
    ] as const;
    const byColumn = await run(HAND);
    expect(
      await run(
        HAND.map((r) => r.slice(0, 3)),
        kept,
      ),
    ).toEqual(byColumn);
    expect(byColumn.map((r) => Number(r.accounts))).toEqual([2, 1, 1, 2, 1]);
  });

  it('on 2 000 sample accounts with pins of each kind, losses, blanks and Won/Lost: every method, capped and not', async () => {
    const kinds: Cell[] = ['Tier 1: strategic logo', 'Tier 2', 'tier 3 - churn', 'exclude - partner', 1, 'Tier 9', 'excluded', '2'];
    const grid = [
      [...SAMPLE_HEADER, 'Pin', 'Won'],
      ...sampleAccounts(2_000, 7).map((r, i) => [...r, i % 9 === 0 ? kinds[(i / 9) % kinds.length] : '']),
    ] as Cell[][];
    for (let i = 1; i < grid.length; i++) grid[i].push(i % 23 === 0 ? '' : (i * 7919) % 10 < 4 ? 'Won' : 'Lost');
    for (let i = 1; i < grid.length; i += 89) grid[i][3] = '';
    for (const method of METHODS)
      for (const unprofitableCap of [true, false]) {
        const input: SettingsInput = { method, unprofitableCap, capacity: { strategicMarketers: 20, liteMarketers: 100 } };
        const p = await compare(grid, 'Won', input);
        // Ranked in buckets, as BigQuery ranks (a bucket's running sums, then the buckets'), and tied by account.
        await compare(grid, 'Won', input, undefined, { partitioned: true, buckets: 20 });
        expect(
          p.tiers.reduce((s, t) => s + t.accounts, 0),
          method,
        ).toBeGreaterThan(100);
        if (method !== 'threshold' && method !== 'grid') expect(p.up.accounts + p.down.accounts, method).toBeGreaterThan(20);
      }
  }, 120_000);

  it('on a churn column (yes a failure), and leaves a tier without unpinned accounts NULL', async () => {
    // Quantile 20/30/50 of 5: K1 = 1, K2 = ⌊2.5 + ½⌋ = 3; two Tier 1 pins take Tier 1's place and one of Tier 2's.
    const grid: Cell[][] = [
      ['Account', 'Revenue', 'Churned', 'Pin'],
      ['A', 50, 'no', ''],
      ['B', 40, 'yes', ''],
      ['C', 30, 'no', ''],
      ['D', 20, 'no', 'Tier 1'],
      ['E', 10, 'yes', 'Tier 1'],
    ];
    const p = await compare(grid, 'Churned');
    // A, the top unpinned, takes Tier 2 (K2' = 1): Tier 1 has no unpinned account, so its unpinned rate is none.
    expect(p.tiers[0]).toMatchObject({ accounts: 2, successes: 1 });
    expect(p.tiers[0].unpinnedRate).toBeNaN();
    expect(p.up).toMatchObject({ accounts: 2, successes: 1 });
  });
});

describe('the pinned query beside the others', () => {
  it('parses as BigQuery for every method, with a pin column or document pins; each window it adds is partitioned (a bucket, the accounts of one value) or reads the bucket totals', () => {
    const headers = [...SAMPLE_HEADER, 'Pin', 'Closed won'];
    const parser = new Parser();
    let seen = 0;
    for (const method of METHODS)
      for (const [h, documentPins] of [
        [headers, undefined],
        [headers.filter((x) => x !== 'Pin'), [['North Works', 0] as const]],
      ] as const) {
        const options = { table: 'my-project.crm.accounts', dialect: 'bigquery' as const, outcome: 'Closed won', documentPins };
        const sql = reportPinsSql(h, parseSettings({ method }), options) as string;
        const ast = parser.astify(sql, { database: 'BigQuery' }) as unknown as { with: { name: { value: string }; stmt: { ast: unknown } }[] };
        const own = ast.with.filter((c) => /^(?:alone_|pinned_|unpinned)/u.test(c.name.value));
        expect(
          own.map((c) => c.name.value),
          method,
        ).toContain('pinned_counted');
        for (const cte of own)
          for (const w of windows(cte.stmt.ast)) {
            seen++;
            if (w === null) expect(cte.name.value, method).toMatch(/^alone_ranks_buckets$/u);
            // A bucket of distinct values, or (pareto) the accounts of one value, numbered in the tie order.
            else expect(cte.name.value === 'alone_rows' ? ['r.before_c'] : ['x.g'], method).toEqual(w);
          }
      }
    // Quantile, capacity and pareto rank again: the walk saw their windows.
    expect(seen).toBeGreaterThan(0);
  });

  it('abm-tier sql --outcome prints it after the report card when the table has a pin column', async () => {
    const { cli } = cliInFolder('abm-sql-report-pins-');
    const { code, out } = await cli('sql', '--columns', 'Account,Revenue,Won,Team call', '--pins', 'team call', '--outcome', 'Won', '--table', 'accounts');
    expect(code).toBe(0);
    const at = out.indexOf('-- ABM Tier: report card, pinned accounts apart: did the team\'s judgement beat the score? (outcome "Won")');
    expect(at).toBeGreaterThan(out.indexOf('-- ABM Tier: report card by tier'));
    expect(out.slice(at)).toContain('`Team call` AS STRING');
  });

  it('is printed after the report card with pins, and not without', () => {
    const settings = parseSettings({});
    const pinned = reportSqlText(['Account', 'Revenue', 'Won', 'Pin'], settings, { table: 't', dialect: 'duckdb', outcome: 'Won' });
    expect(pinned).toContain('\n-- ABM Tier: report card, pinned accounts apart: did the team\'s judgement beat the score? (outcome "Won")\nWITH raw AS');
    expect(reportSqlText(['Account', 'Revenue', 'Won'], settings, { table: 't', dialect: 'duckdb', outcome: 'Won' })).not.toContain('pinned accounts apart');
    expect(reportPinsSql(['Account', 'Revenue', 'Won'], settings, { table: 't', dialect: 'duckdb', outcome: 'Won' })).toBeNull();
  });
});
