import { DuckDBInstance } from '@duckdb/node-api';
import { Parser } from 'node-sql-parser';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings, type SettingsInput } from '../../src/core';
import { english } from '../../src/i18n';
import { localise } from '../../src/i18n/labels';
import { pinRows } from '../../src/sheet/pins';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { documentPinList, sidebarState } from '../../src/sheet/sidebar-state';
import { headerRow, sqlExportText } from '../../src/sql/export-text';
import { generateSql } from '../../src/sql/generate';
import { documentPinsTable } from '../../src/sql/pins';
import { DIALECTS } from '../../src/sql/generate';
import type { Value } from '../fakes/workbook';
import { workbook } from '../sheet/helpers';

/**
 * Copy as SQL with the pins kept in the document (src/sheet/pins.ts, `abmTier.pins`): the sidebar reads
 * them when the button is pressed (getDocumentPins) and the script joins them on the account key. Here the
 * shell's own functions do what the sidebar does (sidebar/panels/sql.ts), the sheet is scored, and the
 * script, run on DuckDB over the same rows, gives every account the tier Score wrote.
 */

type Db = Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>;
let db: Db;
const dir = mkdtempSync(join(tmpdir(), 'abm-doc-pins-'));
beforeAll(async () => {
  db = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => db?.closeSync());

const HOSTILE = `O'Brien "x" \\ '; DROP TABLE t; --`;

/** Twelve accounts, revenue and engagement; a Pin column when `pinColumn`. */
function grid(pinColumn: boolean): Value[][] {
  const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', HOSTILE, 'I', 'J', 'K', 'L'];
  return [
    ['Account', 'Revenue', 'Engagement', ...(pinColumn ? ['Pin'] : [])],
    ...names.map((a, i): Value[] => [a, 1200 - 100 * i, (i * 7) % 12, ...(pinColumn ? [i === 2 ? 'Tier 3' : i === 3 ? 'nonsense' : ''] : [])]),
  ];
}

let tables = 0;
/** The grid as a DuckDB table (every cell as text where it is text); its name. */
async function load(rows: Value[][]): Promise<string> {
  const name = `t${++tables}`;
  const quote = (v: Value) => (v === null || v === '' ? '' : typeof v === 'string' ? `"${v.replace(/"/gu, '""')}"` : String(v));
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`);
  await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${path}', header = true, auto_detect = true, all_varchar = false)`);
  return name;
}

/** Pins as the sidebar would (sheet rows), scores the sheet, and returns the sheet's tiers and the SQL's, by account. */
async function sheetAndSql(rows: Value[][], input: SettingsInput, pins: [number, string][], withPins = true) {
  const { sheet, session } = workbook(rows);
  for (const [row, pin] of pins) pinRows(session.services, input, pin, 'a reason', [row]);
  scoreSheet(session.services, input);
  const values = sheet.snapshot().values;
  // Score, Tier, … follow the data columns (their headers are in the sheet's language).
  const tierAt = rows[0].length + 1;
  const written = new Map(values.slice(1, rows.length).map((r) => [String(r[0]), String(r[tierAt] ?? '') || null]));
  // What sidebar/panels/sql.ts does: the state's columns, the settings localised, the document's pins read.
  const state = sidebarState(session.services, input);
  const settings = localise(parseSettings(input), state.lang);
  const table = await load(rows);
  const text = sqlExportText(
    {
      headers: headerRow(state.columns),
      source: state.sheet,
      table,
      dialect: 'duckdb',
      documentPins: withPins ? documentPinList(session.services) : undefined,
    },
    settings,
    english,
  );
  const [create, scores] = text.split(/;\n/u);
  await db.run(create);
  const got = (await db.runAndReadAll(scores)).getRowObjectsJS() as { account: string; tier: string | null }[];
  return { written, sql: new Map(got.map((r) => [r.account, r.tier])), text, session };
}

describe("Copy as SQL with the document's pins gives the sheet's tiers", () => {
  it('pins to each tier and an exclude, kept in the document, a hostile account name among them', async () => {
    const pins: [number, string][] = [
      [13, 'Tier 1'], // L, the lowest revenue
      [9, 'exclude'], // the hostile name
      [2, 'Tier 3'], // A, the highest
      [6, '2'],
    ];
    const { written, sql, session } = await sheetAndSql(grid(false), {}, pins);
    expect(documentPinList(session.services)).toHaveLength(4);
    expect(written.get('L')).toBe('Tier 1');
    expect(written.get(HOSTILE)).toBeNull();
    expect(sql).toEqual(written);
    // Without the document's pins the SQL would disagree with the sheet.
    const plain = await sheetAndSql(grid(false), {}, pins, false);
    expect(plain.sql).not.toEqual(plain.written);
    expect(plain.sql.get('L')).toBe('Tier 3');
  });

  it("a row's own Pin cell wins, even one that is no pin; other methods and the language's labels", async () => {
    // C's cell says Tier 3 and D's cell is no pin: their document pins (Tier 1) do not count, as in the engine.
    const pins: [number, string][] = [
      [4, 'Tier 1'],
      [5, 'Tier 1'],
      [12, 'Tier 2'],
    ];
    for (const input of [
      {},
      { method: 'capacity', capacity: { strategicMarketers: 1, strategicAccounts: 2, liteMarketers: 1, liteAccounts: 3 } },
      { lang: 'th' },
    ] as SettingsInput[]) {
      const { written, sql } = await sheetAndSql(grid(true), input, pins);
      expect(sql, JSON.stringify(input)).toEqual(written);
      if (input.lang === 'th') expect([...written.values()]).toContain('ระดับ 1');
    }
  });
});

describe("the document's pins in SQL text", () => {
  it('quote every account for its dialect: BigQuery parses it, DuckDB reads the names back as they are', async () => {
    const names = [HOSTILE, 'back\\slash', 'new\nline', 'carriage\rreturn', 'tab\tand ünïcode 中文', "'"];
    const pins = names.map((a, k) => [a, k % 4] as const);
    const headers = ['Account', 'Revenue'];
    const bigquery = generateSql(headers, parseSettings({}), { table: 'p.d.accounts', dialect: 'bigquery', documentPins: pins });
    expect(() => new Parser().astify(bigquery.scores, { database: 'BigQuery' })).not.toThrow();
    expect(bigquery.scores).toContain('UNION ALL SELECT');
    const values = documentPinsTable(pins, 'duckdb', DIALECTS.duckdb) as string;
    const read = (await db.runAndReadAll(`SELECT abm_doc_account, abm_doc_pin FROM ${values}`)).getRowObjectsJS();
    expect(read.map((r) => [r.abm_doc_account, r.abm_doc_pin])).toEqual(names.map((a, k) => [a, k % 4 === 3 ? 4 : (k % 4) + 1]));
    // None kept (or none readable): no join at all.
    expect(generateSql(headers, parseSettings({}), { table: 't', dialect: 'duckdb', documentPins: [['A', 9]] }).scores).not.toContain('abm_doc');
  });
});
