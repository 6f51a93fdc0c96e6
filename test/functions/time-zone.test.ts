import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet, sheetDate, type CellInput } from '../fakes/workbook';

/**
 * Custom functions in Sheets, through dist/Code.js with the spreadsheet's services: a date cell
 * reaches them as the instant of its wall clock in the spreadsheet's zone (the test process, like
 * the script, runs in Etc/UTC). A cell showing 2026-03-15 is 15 March, whatever the zone.
 */

const ZONES = ['Asia/Bangkok', 'Asia/Shanghai', 'Asia/Yerevan', 'America/Los_Angeles'];

function codeIn(timeZone: string, cells: CellInput[][]) {
  const book = new FakeSpreadsheet({ Orders: cells }, { timeZone });
  const context = vm.createContext({ ...book.session().globals() });
  vm.runInContext(readFileSync(join(__dirname, '..', '..', 'dist', 'Code.js'), 'utf8'), context);
  // What Sheets passes a custom function: the range's values as getValues gives them, made in the
  // script's own realm (as in Apps Script), so its `instanceof Date` holds.
  const ScriptDate = vm.runInContext('Date', context) as DateConstructor;
  const own = (v: unknown): unknown => (v instanceof Date ? new ScriptDate(v.getTime()) : Array.isArray(v) ? v.map(own) : v);
  const range = (a1: string) => own(book.sheet('Orders').getRange(a1).getValues()) as unknown[][];
  return { code: context as unknown as Record<string, (...args: unknown[]) => unknown[][]>, range, book };
}

describe('custom functions count dates as the days the spreadsheet shows', () => {
  for (const zone of ZONES) {
    it(`ABMRFM in ${zone}: an order on 2026-03-15 is 10 days before an analysis date cell of 2026-03-25`, () => {
      const { code, range } = codeIn(zone, [
        ['Account', 'Order date', 'Revenue', 'As of'],
        ['Acme', sheetDate('2026-03-15'), 100, sheetDate('2026-03-25')],
        ['Birch', sheetDate('2026-03-01'), 50, ''],
      ]);
      const rfm = code.ABMRFM(range('A1:A3'), range('B1:B3'), range('C1:C3'), range('D2')[0][0]);
      const recency = Object.fromEntries(rfm.slice(1).map((r) => [r[0], r[1]]));
      expect(recency).toEqual({ Acme: 10, Birch: 24 });
      // The same with the analysis date written as text: the order dates alone decide.
      const typed = code.ABMRFM(range('A1:A3'), range('B1:B3'), range('C1:C3'), '2026-03-25');
      expect(Object.fromEntries(typed.slice(1).map((r) => [r[0], r[1]]))).toEqual({ Acme: 10, Birch: 24 });
    });

    it(`ABMSCORE in ${zone}: a "Last order" column of dates is recency in days as the sheet shows them`, () => {
      const { code, range } = codeIn(zone, [
        ['Account', 'Revenue', 'Last order'],
        ['Acme', 100, sheetDate('2026-03-15')],
        ['Birch', 100, sheetDate('2026-03-16')],
      ]);
      // Equal revenue; the more recent order (fewer days) scores higher whatever the zone.
      const scores = code
        .ABMSCORE(range('A1:C3'))
        .slice(1)
        .map((r) => r[0] as number);
      expect(scores[1]).toBeGreaterThan(scores[0]);
    });
  }

  it('a bad cell next to a date names the date as the sheet shows it (Bangkok: 2026-03-15, not the 14th)', () => {
    const { code, range } = codeIn('Asia/Bangkok', [
      ['Account', 'Revenue'],
      ['Acme', sheetDate('2026-03-15')],
      ['Birch', 5],
    ]);
    expect(String(code.ABMSCORE(range('A1:B3'))[1][0])).toContain('2026-03-15');
  });
});

describe('custom functions read the document once per call', () => {
  it('one settings read, one locale read and one time-zone read per cell, whatever the range', () => {
    const grid: CellInput[][] = [['Account', 'Revenue', 'Profit'], ...Array.from({ length: 500 }, (_, i) => [`A${i}`, i * 10, i])];
    const { code, range, book } = codeIn('Asia/Bangkok', grid);
    const input = range('A1:C501');
    book.calls.reset();
    code.ABMSCORE(input);
    expect(book.calls.byMethod['Properties.getProperty']).toBe(1);
    expect(book.calls.byMethod['Spreadsheet.getSpreadsheetLocale']).toBe(1);
    expect(book.calls.byMethod['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
    expect(book.calls.total).toBeLessThanOrEqual(6);
  });
});
