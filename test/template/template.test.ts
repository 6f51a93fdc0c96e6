import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publicFunctions } from '../../scripts/build.mjs';
import { evaluateFormulas } from '../../scripts/preview/formulas';
import { loadAddon } from '../../scripts/preview/runtime';
import { writeTemplate } from '../../scripts/template';
import { abmRfm } from '../../src/functions';
import { SAMPLE_HEADER } from '../../src/sample/accounts';
import { EXAMPLES_ROW, HOW_TO_SHEET, ORDERS_SHEET, rectangle, SAMPLE_AS_OF, templateSheets } from '../../src/sample/template';
import { createTemplate } from '../../src/sheet/template';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';

/** The custom functions main.ts documents for Sheets (the list dist.test.ts derives too). */
const CUSTOM = publicFunctions(readFileSync(join(__dirname, '..', '..', 'src', 'main.ts'), 'utf8'))
  .filter((f) => f.jsdoc.includes('@customfunction'))
  .map((f) => f.name);

const dir = mkdtempSync(join(tmpdir(), 'abm-tpl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sheets = templateSheets();
const how = sheets.find((s) => s.name === HOW_TO_SHEET)!;
const text = how.rows.flat().filter((c): c is string => typeof c === 'string' && !c.startsWith('='));

/** Each formula cell of "How to use": `row,column` (1-based) → formula. */
function formulas(): Map<string, string> {
  const out = new Map<string, string>();
  how.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell === 'string' && cell.startsWith('=')) out.set(`${r + 1},${c + 1}`, cell);
    }),
  );
  return out;
}

/**
 * The template in the preview's stand-in for Sheets, every example computed by dist/Code.js as
 * Sheets would, and the rows × columns each example's answer fills (keyed like `formulas()`).
 */
function evaluated(): { book: FakeSpreadsheet; shapes: Map<string, [number, number]> } {
  const book = new FakeSpreadsheet(Object.fromEntries(sheets.map((s) => [s.name, rectangle(s.rows) as Value[][]])));
  const runtime = loadAddon(book.session().globals());
  // The runner computes the cells in row, then column order: the answers' shapes come in that order.
  const order = [...formulas().keys()].sort((a, b) => {
    const [ra, ca] = a.split(',').map(Number);
    const [rb, cb] = b.split(',').map(Number);
    return ra - rb || ca - cb;
  });
  const shapes = new Map<string, [number, number]>();
  for (const name of CUSTOM) {
    const fn = runtime.context[name] as (...a: unknown[]) => unknown;
    runtime.context[name] = (...args: unknown[]) => {
      const key = order[shapes.size];
      shapes.set(key, [0, 0]);
      const out = fn(...args);
      shapes.set(key, Array.isArray(out) ? [out.length, Math.max(...out.map((r) => (Array.isArray(r) ? r.length : 1)))] : [1, 1]);
      return out;
    };
  }
  evaluateFormulas(book, runtime);
  return { book, shapes };
}

describe('the template explains itself and shows every custom function live', () => {
  const { book, shapes } = evaluated();
  const sheet = book.sheet(HOW_TO_SHEET);

  it('reads the list of custom functions from main.ts (an empty list would check nothing)', () => {
    expect(CUSTOM).toEqual(expect.arrayContaining(['ABMSCORE', 'ABMTIER', 'ABMREPORT', 'ABMLEARN', 'ABMNEXT']));
    // Every example names a function of that list: none is left over from a renamed one.
    const named = new Set([...formulas().values()].flatMap((f) => [...f.matchAll(/\b(ABM[A-Z]+)\(/gu)].map((m) => m[1])));
    expect([...named].filter((n) => !CUSTOM.includes(n))).toEqual([]);
  });

  it.each(CUSTOM)('%s has an example cell that evaluates through the formula runner without error', (name) => {
    const cells = [...formulas()].filter(([, f]) => f.startsWith(`=${name}(`));
    expect(cells.length, `no example of ${name}`).toBeGreaterThan(0);
    for (const [key, formula] of cells) {
      const [r, c] = key.split(',').map(Number);
      const first = sheet.read(r, c, 1, 1)[0][0];
      expect([formula, first]).not.toEqual([formula, '']);
      expect([formula, String(first)]).not.toEqual([formula, expect.stringMatching(/^#/u)]);
    }
  });

  it('no example spills over another cell of the template (Sheets would answer #REF!)', () => {
    const filled = new Set<string>();
    how.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell !== '') filled.add(`${r + 1},${c + 1}`);
      }),
    );
    expect([...shapes.keys()].sort()).toEqual([...formulas().keys()].sort());
    for (const [key, [rows, columns]] of shapes) {
      const [r, c] = key.split(',').map(Number);
      const over: string[] = [];
      for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) if ((i || j) && filled.has(`${r + i},${c + j}`)) over.push(`${r + i},${c + j}`);
      expect({ example: formulas().get(key), over }).toEqual({ example: formulas().get(key), over: [] });
    }
    // Nor over another example's answer.
    const boxes = [...shapes].map(([key, [rows, columns]]) => {
      const [r, c] = key.split(',').map(Number);
      return { key, top: r, left: c, bottom: r + rows - 1, right: c + columns - 1 };
    });
    for (const a of boxes) {
      const hit = boxes.filter((b) => b !== a && a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom).map((b) => b.key);
      expect({ example: a.key, hit }).toEqual({ example: a.key, hit: [] });
    }
  });

  it('the live examples of ABMPROGRAM and ABMTIER on one value give the Tier 1 program and Tier 1', () => {
    const one = [...formulas()].filter(([, f]) => f === '=ABMPROGRAM("Tier 1")' || f === '=ABMTIER(85, "threshold")');
    expect(one.map(([k]) => sheet.read(...(k.split(',').map(Number) as [number, number]), 1, 1)[0][0])).toEqual(['Strategic ABM (1:1)', 'Tier 1']);
  });

  it('ABMRFM over the sample orders agrees with the Accounts sheet: each recency is the account’s Recency (days)', () => {
    const accounts = sheets[0].rows;
    const orders = sheets.find((s) => s.name === ORDERS_SHEET)!.rows;
    const col = (h: string) => orders.map((r) => [r[['Account', 'Order date', 'Revenue'].indexOf(h)]]);
    const rfm = abmRfm(col('Account'), col('Order date'), col('Revenue'), SAMPLE_AS_OF);
    const recency = new Map(rfm.slice(1).map((r) => [r[0], r[1]]));
    const at = SAMPLE_HEADER.indexOf('Recency (days)');
    expect(recency.size).toBe(accounts.length - 1);
    for (const a of accounts.slice(1)) expect([a[0], recency.get(String(a[0]))]).toEqual([a[0], a[at]]);
  });

  it('warns that formula cells show #NAME? until the script is bound, at the top', () => {
    expect(how.rows.slice(0, 3).flat().join(' ')).toMatch(/#NAME\?.*until/u);
  });

  it('says what Tier 1–3 and Money Maker / Contributor / Filler mean and how each is cut', () => {
    for (const label of ['Tier 1', 'Tier 2', 'Tier 3', 'Money Maker', 'Contributor', 'Filler']) {
      const row = how.rows.find((r) => r[0] === label);
      expect(row, label).toBeDefined();
      expect(row!.filter((c) => typeof c === 'string' && c.length > 10).length, label).toBeGreaterThanOrEqual(2);
    }
    expect(text.join(' ')).toMatch(/top 20 % of scored accounts by score/u);
    expect(text.join(' ')).toMatch(/top 20 % of accounts by revenue/u);
    expect(text.join(' ')).toMatch(/profit below 0\) is Tier 3/u);
  });
});

describe('the .xlsx template (npm run template)', () => {
  it('opens again with its sheets, headers, number formats, dates, formulas and tier colours', async () => {
    const path = await writeTemplate(join(dir, 'template.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Accounts', 'Sample orders', 'How to use']);
    const accounts = wb.getWorksheet('Accounts')!;
    expect((accounts.getRow(1).values as unknown[]).slice(1)).toEqual([...SAMPLE_HEADER]);
    expect(accounts.rowCount).toBe(251);
    const format = (h: string, row = 2) => accounts.getCell(row, SAMPLE_HEADER.indexOf(h as (typeof SAMPLE_HEADER)[number]) + 1).numFmt;
    expect([format('Revenue'), format('Profit', 251), format('Cost to serve'), format('Tenure (years)'), format('Engagement')]).toEqual([
      '#,##0',
      '#,##0',
      '#,##0',
      '0.0',
      '0',
    ]);
    const orders = wb.getWorksheet('Sample orders')!;
    expect(orders.getCell(2, 2).value).toBeInstanceOf(Date);
    expect(orders.getCell(2, 2).numFmt).toBe('yyyy-mm-dd');
    const sheet = wb.getWorksheet('How to use')!;
    const written: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) written.push(`=${cell.formula}`);
      }),
    );
    expect(written.sort()).toEqual([...formulas().values()].sort());
    const cf = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe(`A${EXAMPLES_ROW + 1}:E${EXAMPLES_ROW + 250}`);
    expect(cf[0].rules.map((r) => r.formulae[0])).toEqual([1, 2, 3].map((t) => `$B${EXAMPLES_ROW + 1}="Tier ${t}"`));
  });
});

describe('"Create template" in Sheets', () => {
  it('adds the three sheets with the formulas in place and number formats, in one call per format', () => {
    const book = new FakeSpreadsheet({ Sheet1: [] });
    const made = createTemplate(book.session().services);
    expect(made).toEqual(['Accounts', 'Sample orders', 'How to use']);
    const accounts = book.sheet('Accounts');
    expect(accounts.snapshot().values[0]).toEqual([...SAMPLE_HEADER]);
    const at = (row: number, h: string) => accounts.formatAt(row, SAMPLE_HEADER.indexOf(h as (typeof SAMPLE_HEADER)[number]) + 1);
    expect([at(2, 'Revenue'), at(251, 'Profit'), at(2, 'Tenure (years)'), at(2, 'Account'), at(1, 'Revenue')]).toEqual(['#,##0', '#,##0', '0.0', null, null]);
    expect(book.sheet(ORDERS_SHEET).formatAt(2, 3)).toBe('#,##0');
    expect(book.sheet(HOW_TO_SHEET).formulas.get(`${EXAMPLES_ROW},2`)).toBe('=ABMTIER(Accounts!A1:Q251)');
    expect(book.calls.byMethod['RangeList.setNumberFormat']).toBe(5);
    expect(book.active.name).toBe('Accounts');
  });

  it('refuses, naming the sheet, when a sheet of that name exists, and changes nothing', () => {
    const book = new FakeSpreadsheet({ 'Sample orders': [['my', 'data']] });
    expect(() => createTemplate(book.session().services)).toThrow('Already in this spreadsheet: "Sample orders". Rename it first, or use a new spreadsheet.');
    expect(book.sheets.map((s) => s.name)).toEqual(['Sample orders']);
    expect(book.sheet('Sample orders').snapshot().values).toEqual([['my', 'data']]);
  });
});
