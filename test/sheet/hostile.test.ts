import { describe, expect, it } from 'vitest';
import { checkWorkbookCells, RunClock } from '../../src/sheet/limits';
import { unpackRun } from '../../src/sheet/history';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { saveSettings } from '../../src/sheet/settings-store';
import { NASTY_SHEETS } from '../fixtures/nasty-sheets';
import { FakeSpreadsheet } from '../fakes/workbook';
import { workbook } from './helpers';

/** Every sheet other than ours, and every cell outside our columns, as they are now. */
function userCells(book: FakeSpreadsheet, ourColumns: Set<number>) {
  return book.sheets.filter((s) => !s.name.startsWith('ABM ')).map((s) => ({ name: s.name, values: s.snapshot().values.map((r) => r.filter((_, c) => !ourColumns.has(c + 1))), formulas: s.snapshot().formulas }));
}

describe('a corpus of nasty sheets, through the sidebar path', () => {
  for (const [name, make] of Object.entries(NASTY_SHEETS)) {
    it(`${name}: scores or refuses in words, and changes nothing outside our columns`, () => {
      const { book, sheet, session } = workbook(make());
      const width = sheet.lastColumn();
      const ours = new Set([1, 2, 3, 4, 5].map((k) => width + k));
      const before = userCells(book, ours);
      try {
        const report = scoreSheet(session.services);
        expect(report.scored + report.errorCount).toBeGreaterThan(0);
        for (const w of report.warnings) expect(typeof w).toBe('string');
      } catch (error) {
        expect((error as Error).name).toBe('UserError');
        expect((error as Error).message).not.toMatch(/undefined|NaN|\bat \w+ \(/u);
      }
      expect(userCells(book, ours)).toEqual(before);
      // Text that would run as a formula is written as plain text.
      for (const s of book.sheets) for (const [, f] of s.formulas) expect(before.some((b) => b.formulas.some(([, g]) => g === f))).toBe(true);
    });
  }

  it('writes formula-like names and headers as text on every sheet it writes', () => {
    const { book, sheet, session } = workbook(NASTY_SHEETS['formula-like account names and headers']());
    // In Sheets these were typed as text ('=…): getValues hands them over as text.
    sheet.setText(1, 3, '=1+1');
    sheet.setText(2, 1, '=HYPERLINK("http://x","y")');
    scoreSheet(session.services, { roles: { '=1+1': 'custom', '@cmd': 'custom' } });
    scoreSheet(session.services, { roles: { '=1+1': 'custom', '@cmd': 'custom' } });
    const written = book.sheets.flatMap((s) => s.snapshot().values.flat()).filter((v): v is string => typeof v === 'string');
    const drivers = written.filter((v) => v.includes('(top') || v.includes('(bottom'));
    expect(drivers.length).toBeGreaterThan(0);
    // What we wrote reads back as the text it was, and nothing we wrote became a formula.
    for (const s of book.sheets.filter((x) => x.name.startsWith('ABM '))) expect(s.snapshot().formulas, s.name).toEqual([]);
    const history = book.sheet('ABM History').snapshot().values;
    const keys = [...unpackRun(history.map((r) => r[0])).snapshot.keys()];
    expect(keys).toContain('=HYPERLINK("http://x","y")');
    expect(keys).toContain('+44 20 7946');
  });
});

describe('limits, checked before Google enforces them', () => {
  it('refuses a run past 10 million cells, counted over every sheet\'s grid, with advice', () => {
    const book = new FakeSpreadsheet({ S: [['a']] });
    book.sheet('S').insertRowsAfter(1000, 383_000); // 384 000 rows × 26 columns = 9,984,000 cells
    expect(book.cellCount()).toBe(9_984_000);
    const ss = book.session().services.spreadsheetApp.getActiveSpreadsheet();
    expect(() => checkWorkbookCells(ss, 26_000)).toThrow('Scoring would need 10,010,000 cells, over the 10,000,000 a spreadsheet can hold: split the accounts over two spreadsheets, or score them with the abm-tier command line.');
    expect(() => checkWorkbookCells(ss, 16_000)).not.toThrow();
  });

  it('stops before writing when the 6-minute run is nearly gone, and nothing is half-written', () => {
    const { sheet, session } = workbook(NASTY_SHEETS['a single account']());
    const before = sheet.snapshot();
    let t = 0;
    const clock = new RunClock(() => (t += 3 * 60_000));
    expect(() => scoreSheet(session.services, undefined, clock)).toThrow(/^Stopped before (scoring|writing the results): \d+ s of Apps Script's 6-minute limit are gone and nothing has been written/u);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('refuses settings over the 9 KB a document property holds', () => {
    const book = new FakeSpreadsheet({});
    const roles = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`A rather long custom column name ${i}`, 'custom']));
    expect(() => saveSettings(book.session().services.properties.getDocumentProperties(), { roles })).toThrow(/too large to save \(over 9 KB\)/u);
  });
});
