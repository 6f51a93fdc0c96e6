// The script's zone in these tests: Etc/UTC, as in appsscript.json (local getters then read UTC).
process.env.TZ = 'Etc/UTC';

import { describe, expect, it } from 'vitest';
import { callByName, scriptRun, viaScriptRun } from './script-run';
import { CELL_LIMIT, FakeSpreadsheet, formatDate, sheetDate, type Value } from './workbook';

const ZONES = ['Asia/Bangkok', 'Asia/Shanghai', 'Asia/Yerevan', 'America/Los_Angeles'] as const;

describe('the in-memory Sheets fake behaves as Sheets does where the shell relies on it', () => {
  it('refuses setValues whose size does not match the range, as Sheets does', () => {
    const book = new FakeSpreadsheet({ S: [['a']] });
    const range = book.sheet('S').getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1], [2]])).toThrow(/number of columns in the data does not match/u);
  });

  it('reads A1 notation, whole columns, whole rows and open ranges', () => {
    const sheet = new FakeSpreadsheet({ S: [new Array(30).fill('a')] }).sheet('S');
    expect(sheet.getRange('B2:D5').getA1Notation()).toBe('B2:D5');
    expect(sheet.getRange('C:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('B2:F').getNumRows()).toBe(999);
    expect(sheet.getRange('AB3').getColumn()).toBe(28);
    expect(sheet.getRange('2:3').getNumColumns()).toBe(30);
  });

  it('moves column metadata, formulas and formats when columns are inserted before them', () => {
    const sheet = new FakeSpreadsheet({ S: [['a', 'b', 'c']] }).sheet('S');
    sheet.getRange('C:C').addDeveloperMetadata('k', 'v');
    sheet.setFormula(1, 3, '=1', 'c');
    sheet.getRange('C:C').setNumberFormat('0.0');
    sheet.insertColumnsAfter(1, 2);
    const [md] = sheet.createDeveloperMetadataFinder().withKey('k').find();
    expect(md.getLocation().getColumn()!.getColumn()).toBe(5);
    expect(sheet.snapshot().values[0]).toEqual(['a', '', '', 'b', 'c']);
    expect(sheet.snapshot().formulas).toEqual([['1,5', '=1']]);
    expect(sheet.formatAt(1, 5)).toBe('0.0');
    expect(sheet.formatAt(1, 3)).toBeNull();
  });

  it('counts the calls that reach the document, one per call whatever the size', () => {
    const book = new FakeSpreadsheet({ S: Array.from({ length: 5000 }, (_, i) => [i, i]) });
    book.calls.reset();
    book.sheet('S').getDataRange().getValues();
    expect(book.calls.total).toBe(2);
    expect(book.calls.byMethod).toEqual({ 'Sheet.getDataRange': 1, 'Range.getValues': 1 });
  });
});

describe('values crossing into and out of a sheet', () => {
  it('Range.setValues reads strings as typed text (USER_ENTERED): "00123" is 123, a 16+ digit id a rounded double, "TRUE" a boolean, "12%" 0.12, "2024-03-15", "3/4" or "1-2" a date, "=…" a formula', () => {
    const now = () => Date.UTC(2026, 5, 1);
    const book = new FakeSpreadsheet({ S: [] }, 'en_US', { now });
    const sheet = book.sheet('S');
    const typed = [
      '00123',
      '123456789012345678',
      'TRUE',
      'false',
      '12%',
      '1,234.5',
      '$12',
      '-5',
      '1e3',
      '(7)',
      '.5',
      ' 42 ',
      'Tier 1',
      'Acme',
      'x1',
      '-',
      '1,23',
      '2024-03-15T10:00',
    ];
    sheet.getRange(1, 1, 1, typed.length).setValues([typed]);
    expect(sheet.getRange(1, 1, 1, typed.length).getValues()[0]).toEqual([
      123,
      123456789012345680,
      true,
      false,
      0.12,
      1234.5,
      12,
      -5,
      1000,
      -7,
      0.5,
      42,
      'Tier 1',
      'Acme',
      'x1',
      '-',
      '1,23',
      '2024-03-15T10:00',
    ]);
    expect(Number('123456789012345678')).toBe(123456789012345680); // the digits past a double's precision are gone

    const dates = ['2024-03-15', '2024-03-15 10:30', '3/15/2024', '3/4', '1-2', 'Mar 5', 'March 5, 2024', '5 Mar 2024', '10:30', '2/30', '13/1/2024', 'Marble'];
    sheet.getRange(2, 1, 1, dates.length).setValues([dates]);
    expect(dates.map((_, c) => sheet.shown(2, c + 1))).toEqual([
      '2024-03-15',
      '2024-03-15 10:30:00',
      '2024-03-15',
      '2026-03-04',
      '2026-01-02',
      '2026-03-05',
      '2024-03-05',
      '2024-03-05',
      '1899-12-30 10:30:00',
      '2/30',
      '13/1/2024',
      'Marble',
    ]);
    expect(sheet.getRange(2, 1).getValues()[0][0]).toEqual(new Date('2024-03-15T00:00:00Z'));

    sheet.getRange(3, 1, 1, 3).setValues([['=A1*2', '+1 555 0100', 7]]);
    expect(sheet.getRange(3, 1, 1, 3).getValues()).toEqual([['', '#ERROR!', 7]]);
    expect(sheet.getRange(3, 1, 1, 3).getFormulas()).toEqual([['=A1*2', '=+1 555 0100', '']]);
  });

  it('reads typed numbers and dates in the spreadsheet locale (de_DE: 1,5 is 1.5 and 1.5 is a date)', () => {
    const book = new FakeSpreadsheet({ S: [] }, 'de_DE', { now: () => Date.UTC(2026, 0, 1) });
    const sheet = book.sheet('S');
    sheet.getRange(1, 1, 1, 4).setValues([['1,5', '1.234', '1.5', '15.03.2024']]);
    expect(sheet.getRange(1, 1, 1, 2).getValues()[0]).toEqual([1.5, 1234]);
    expect([sheet.shown(1, 3), sheet.shown(1, 4)]).toEqual(['2026-05-01', '2024-03-15']);
  });

  it('a leading apostrophe keeps text as typed, and getValues returns it without the apostrophe', () => {
    const sheet = new FakeSpreadsheet({ S: [] }).sheet('S');
    sheet.getRange(1, 1, 1, 5).setValues([["'00123", "'=1+1", "'TRUE", "''x", "'2024-03-15"]]);
    expect(sheet.getRange(1, 1, 1, 5).getValues()).toEqual([['00123', '=1+1', 'TRUE', "'x", '2024-03-15']]);
    expect(sheet.getRange(1, 1, 1, 5).getFormulas()).toEqual([['', '', '', '', '']]);
    // The test helpers keep text as given.
    sheet.setText(2, 1, '007');
    sheet.write(2, 2, [['TRUE']]);
    expect(sheet.getRange(2, 1, 1, 2).getValues()).toEqual([['007', 'TRUE']]);
  });

  it('a number format of plain text (@) set before writing also keeps text as text', () => {
    const sheet = new FakeSpreadsheet({ S: [] }).sheet('S');
    sheet.getRange('A:A').setNumberFormat('@');
    sheet.getRange(1, 1, 1, 2).setValues([['00123', '00123']]);
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([['00123', 123]]);
  });

  it("getValues returns numbers, booleans, strings ('' for a blank) and Date objects", () => {
    const book = new FakeSpreadsheet({ S: [[1, true, 'x', '', sheetDate('2026-03-15')]] });
    const [row] = book.sheet('S').getRange(1, 1, 1, 6).getValues();
    expect(row.map((v: Value) => (v instanceof Date ? 'Date' : typeof v))).toEqual(['number', 'boolean', 'string', 'string', 'Date', 'string']);
    expect(row[5]).toBe('');
  });

  it("getFormulas gives each cell its formula text, '' where there is none (one counted call)", () => {
    const sheet = new FakeSpreadsheet({
      S: [
        ['=SUM(B1:B2)', 1],
        ['x', 2],
      ],
    }).sheet('S');
    sheet.book.calls.reset();
    expect(sheet.getRange(1, 1, 2, 2).getFormulas()).toEqual([
      ['=SUM(B1:B2)', ''],
      ['', ''],
    ]);
    expect(sheet.getRange(1, 1).getValues()).toEqual([['']]); // the fake computes no formula
    expect(sheet.book.calls.byMethod['Range.getFormulas']).toBe(1);
  });

  it('setValues refuses what a cell cannot hold (undefined, NaN, objects): stricter than Sheets', () => {
    const sheet = new FakeSpreadsheet({ S: [] }).sheet('S');
    expect(() => sheet.getRange(1, 1).setValues([[undefined as unknown as Value]])).toThrow(/refuses/u);
    expect(() => sheet.getRange(1, 1).setValues([[NaN]])).toThrow(/refuses/u);
    expect(() => sheet.getRange(1, 1).setValues([[{} as unknown as Value]])).toThrow(/refuses/u);
    sheet.getRange(1, 1).setValues([[null as unknown as Value]]);
    expect(sheet.getRange(1, 1).getValues()).toEqual([['']]);
  });

  it('reads and writes 50,000-row sheets quickly', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => [`Account ${i}`, String(i), i * 1.5, i % 2 === 0 ? 'Tier 1' : 'Tier 2', '2026-03-15']);
    const book = new FakeSpreadsheet({ S: [] }, 'en_US', { timeZone: 'Asia/Bangkok' });
    const sheet = book.sheet('S');
    sheet.insertRowsAfter(1000, 49_000);
    const t0 = performance.now();
    sheet.getRange(1, 1, rows.length, 5).setValues(rows);
    const values = sheet.getRange(1, 1, rows.length, 5).getValues();
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(values[49_999][1]).toBe(49_999);
    expect(values[0][4]).toEqual(new Date('2026-03-14T17:00:00Z'));
  });
});

describe('strict comparisons where Sheets compares', () => {
  const rule = (book: FakeSpreadsheet, formula: string, colour: string) =>
    book
      .session()
      .services.spreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(colour)
      .setRanges([book.sheet('S').getRange('A2:B5')])
      .build();

  it('in Sheets ="1"=1 is FALSE: a rule =$Q2="1" never matches a cell Sheets turned into the number 1', () => {
    const book = new FakeSpreadsheet({
      S: [
        ['h', 'Tier'],
        ['a', 'Tier 1'],
        ['b', 1],
        ['c', true],
        ['d', 'tier 1'],
      ],
    });
    const sheet = book.sheet('S');
    sheet.setConditionalFormatRules([
      rule(book, '=$B2="Tier 1"', 'gold'),
      rule(book, '=$B2="1"', 'text-one'),
      rule(book, '=$B2="TRUE"', 'text-true'),
      rule(book, '=$B2=1', 'number-one'),
    ]);
    expect(sheet.backgroundAt(2, 1)).toBe('gold');
    expect(sheet.backgroundAt(3, 1)).toBe('number-one'); // the number 1: never ="1"
    expect(sheet.backgroundAt(4, 2)).toBeNull(); // a boolean: never ="TRUE", never =1
    expect(sheet.backgroundAt(5, 1)).toBe('gold'); // Sheets compares text case-insensitively
    expect(sheet.backgroundAt(1, 1)).toBeNull(); // outside the rule's range
    // Typed "1" becomes the number 1, and no longer matches ="1".
    sheet.getRange(2, 2).setValues([['1']]);
    expect(sheet.backgroundAt(2, 1)).toBe('number-one');
  });

  it('a rule formula the fake cannot evaluate, or one over a formula nothing computed, throws rather than guesses', () => {
    const book = new FakeSpreadsheet({
      S: [
        ['h', 'Tier'],
        ['a', '=IF(1,"Tier 1","")'],
      ],
    });
    const sheet = book.sheet('S');
    sheet.setConditionalFormatRules([rule(book, '=$B2="Tier 1"', 'gold')]);
    expect(() => sheet.backgroundAt(2, 1)).toThrow(/nothing computed/u);
    sheet.setConditionalFormatRules([rule(book, '=AND($B2="Tier 1", $A2<>"")', 'gold')]);
    expect(() => sheet.backgroundAt(3, 1)).toThrow(/cannot evaluate/u);
    sheet.setConditionalFormatRules([rule(book, '=$B2>100', 'big')]);
    sheet.write(3, 2, [[150]]);
    expect([sheet.backgroundAt(3, 1), sheet.backgroundAt(4, 1)]).toEqual(['big', null]);
  });
});

describe('dates and time zones', () => {
  it('a spreadsheet has its own time zone (getSpreadsheetTimeZone, counted), and a script has another (Session.getScriptTimeZone)', () => {
    const book = new FakeSpreadsheet({}, 'th_TH', { timeZone: 'Asia/Bangkok' });
    const session = book.session();
    expect(session.services.spreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()).toBe('Asia/Bangkok');
    expect(book.calls.byMethod['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
    expect(session.globals().Session.getScriptTimeZone()).toBe('Etc/UTC');
    expect(new FakeSpreadsheet({}).getSpreadsheetTimeZone()).toBe('Etc/UTC');
    expect(() => new FakeSpreadsheet({}, 'en_US', { timeZone: 'Mars/Olympus' })).toThrow();
  });

  it("a date cell reaches the script as the instant of its wall clock in the spreadsheet's zone: 2026-03-15 in Bangkok arrives as 2026-03-14T17:00Z and getDate() says 14", () => {
    const expected: Record<(typeof ZONES)[number], string> = {
      'Asia/Bangkok': '2026-03-14T17:00:00.000Z',
      'Asia/Shanghai': '2026-03-14T16:00:00.000Z',
      'Asia/Yerevan': '2026-03-14T20:00:00.000Z',
      'America/Los_Angeles': '2026-03-15T07:00:00.000Z', // PDT since 8 March
    };
    for (const zone of ZONES) {
      const book = new FakeSpreadsheet({ S: [[sheetDate('2026-03-15'), sheetDate(2026, 3, 15, 10, 30)]] }, 'en_US', { timeZone: zone });
      const [[day, time]] = book.sheet('S').getRange(1, 1, 1, 2).getValues() as Date[][];
      expect(day.toISOString()).toBe(expected[zone]);
      expect(time.getTime() - day.getTime()).toBe(10.5 * 3_600_000);
      expect(book.sheet('S').shown(1, 1)).toBe('2026-03-15');
      expect(book.sheet('S').shown(1, 2)).toBe('2026-03-15 10:30:00');
    }
    const bangkok = new FakeSpreadsheet({ S: [[sheetDate('2026-03-15')]] }, 'th_TH', { timeZone: 'Asia/Bangkok' });
    expect((bangkok.sheet('S').getRange(1, 1).getValues()[0][0] as Date).getDate()).toBe(14);
    // Los Angeles before the clock change is UTC-8.
    const la = new FakeSpreadsheet({ S: [[sheetDate('2026-03-01')]] }, 'en_US', { timeZone: 'America/Los_Angeles' });
    expect((la.sheet('S').getRange(1, 1).getValues()[0][0] as Date).toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  it("the calendar day of a date cell is its day in the spreadsheet's zone (Utilities.formatDate(date, zone, 'yyyy-MM-dd')); \"today\" is today in that zone", () => {
    for (const zone of ZONES) {
      const book = new FakeSpreadsheet({ S: [[sheetDate('2026-03-15 23:45')]] }, 'en_US', { timeZone: zone, now: () => Date.parse('2026-03-15T20:00:00Z') });
      const { Utilities } = book.session().globals();
      const [[cell]] = book.sheet('S').getRange(1, 1).getValues() as Date[][];
      expect(Utilities.formatDate(cell, zone, 'yyyy-MM-dd')).toBe('2026-03-15');
      expect(Utilities.formatDate(cell, zone, 'yyyy-MM-dd HH:mm')).toBe('2026-03-15 23:45');
      expect(Utilities.formatDate(cell, zone, 'HH:mm')).toBe('23:45');
      expect(book.today()).toBe(zone === 'America/Los_Angeles' ? '2026-03-15' : '2026-03-16');
    }
    const instant = new Date('2026-03-14T17:00:00Z');
    expect(formatDate(instant, 'Etc/UTC', 'yyyy-MM-dd')).toBe('2026-03-14');
    expect(formatDate(instant, 'Asia/Bangkok', "EEE d MMM yyyy 'at' h:mm a Z")).toBe('Sun 15 Mar 2026 at 12:00 AM +0700');
    expect(() => formatDate(instant, 'Etc/UTC', 'yyyy-MM-dd q')).toThrow("Illegal pattern character 'q'");
  });

  it("a Date the script writes is shown in the spreadsheet's zone", () => {
    for (const zone of ZONES) {
      const book = new FakeSpreadsheet({ S: [] }, 'en_US', { timeZone: zone });
      const sheet = book.sheet('S');
      const instant = new Date('2026-03-15T00:00:00Z');
      sheet.getRange(1, 1).setValues([[instant]]);
      expect(sheet.shown(1, 1)).toBe(formatDate(instant, zone, 'yyyy-MM-dd HH:mm:ss'));
      expect(sheet.getRange(1, 1).getValues()[0][0]).toEqual(instant); // the same instant comes back
    }
    const bangkok = new FakeSpreadsheet({ S: [[new Date('2026-03-15T00:00:00Z')]] }, 'en_US', { timeZone: 'Asia/Bangkok' });
    expect(bangkok.sheet('S').shown(1, 1)).toBe('2026-03-15 07:00:00');
  });
});

describe('the grid and the cell limit', () => {
  it('every sheet has a grid of getMaxRows() × getMaxColumns(); a new sheet from insertSheet is 1000 × 26, and getRange past it throws', () => {
    const book = new FakeSpreadsheet({ Big: Array.from({ length: 1200 }, () => new Array(30).fill(1)) });
    expect([book.sheet('Big').getMaxRows(), book.sheet('Big').getMaxColumns()]).toEqual([1200, 30]);
    book.insertSheet('New');
    const sheet = book.sheet('New');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    const outside = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(() => sheet.getRange(1000, 26)).not.toThrow();
    expect(() => sheet.getRange(1001, 1)).toThrow(outside);
    expect(() => sheet.getRange(1, 27)).toThrow(outside);
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow(outside);
    expect(() => sheet.getRange('AA1')).toThrow(outside);
    expect(() => sheet.getRange('A1:A1001')).toThrow(outside);
    expect(() => sheet.getRangeList(['A1', 'Z1001'])).toThrow(outside);
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    sheet.insertRowsAfter(1000, 5);
    sheet.insertColumnsAfter(26, 1);
    expect(sheet.getRange(1005, 27).getA1Notation()).toBe('AA1005');
  });

  it('insertRowsAfter and insertColumnsAfter take a position inside the grid', () => {
    const sheet = new FakeSpreadsheet({ S: [] }).sheet('S');
    expect(() => sheet.insertRowsAfter(1001, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertRowsAfter(0, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertColumnsAfter(27, 1)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.insertColumnsAfter(0, 1)).toThrow('Those columns are out of bounds.');
    sheet.insertRowsAfter(1000, 1);
    sheet.insertColumnsAfter(26, 1);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1001, 27]);
  });

  it('a spreadsheet holds at most 10,000,000 cells, counted over the grids of all its sheets (hidden ones too)', () => {
    const book = new FakeSpreadsheet({ Visible: [] });
    const hidden = book.insertSheet('Hidden');
    hidden.hideSheet();
    expect(hidden.isSheetHidden()).toBe(true);
    expect(book.getSheets().map((s) => s.getName())).toEqual(['Visible', 'Hidden']);
    expect(book.calls.byMethod['Spreadsheet.getSheets']).toBe(1);
    const limit = `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`;
    // Grow the hidden sheet to 383,615 rows: with Visible's 26,000 cells the book holds 9,999,990.
    hidden.insertRowsAfter(1000, 383_615 - 1000);
    expect(book.cellCount()).toBe(9_999_990);
    expect(() => hidden.insertRowsAfter(1, 1)).toThrow(limit);
    expect(() => book.sheet('Visible').insertColumnsAfter(26, 1)).toThrow(limit);
    expect(() => book.insertSheet('More')).toThrow(limit);
    expect(book.cellCount()).toBe(9_999_990); // nothing grew
    expect(() => new FakeSpreadsheet({ A: [new Array(10_001).fill('')], B: Array.from({ length: 1000 }, () => []) })).toThrow(limit);
  });
});

describe('google.script.run', () => {
  it('arguments and results travel as JSON-like values: undefined in the argument list or an array arrives as null, an undefined property is dropped', () => {
    const seen: unknown[] = [];
    const server = (...args: unknown[]) => {
      seen.push(...args);
      return { list: [1, undefined, 'x'], gone: undefined, nested: { ok: true, n: null } };
    };
    const result = viaScriptRun(server, undefined, [undefined, 2], { a: 1, b: undefined }, 'text', null);
    expect(seen).toEqual([null, [null, 2], { a: 1 }, 'text', null]);
    expect(Object.keys(seen[2] as object)).toEqual(['a']);
    expect(result).toEqual({ list: [1, null, 'x'], nested: { ok: true, n: null } });
    expect(Object.keys(result as object)).toEqual(['list', 'nested']);
    expect(scriptRun(() => undefined)()).toBeNull();
  });

  it('a Date, a function, a Map or Set and a class instance do not pass (the fake throws where Google breaks them silently)', () => {
    const echo = (x: unknown) => x;
    class Point {
      constructor(readonly x: number) {}
    }
    for (const bad of [new Date(), () => 1, new Map(), new Set(), new Point(1), NaN, [new Date()], { when: new Date() }]) {
      expect(() => viaScriptRun(echo, bad)).toThrow(/google\.script\.run cannot pass/u);
    }
    expect(() => viaScriptRun(() => new Date())).toThrow(/cannot pass a Date.*\(at result\)/u);
    expect(viaScriptRun(echo, Object.create(null))).toEqual({});
  });

  it('a server error reaches the caller as an Error with only its message', () => {
    class QuotaError extends Error {
      code = 42;
    }
    let caught: unknown;
    try {
      viaScriptRun(() => {
        throw new QuotaError('too many');
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).not.toBeInstanceOf(QuotaError);
    expect((caught as Error).message).toBe('too many');
    expect((caught as { code?: number }).code).toBeUndefined();
  });

  it('only top-level functions whose names do not end in _ can be called, with any arguments', () => {
    const server = { run: (n: unknown) => n, helper_: () => 'secret', notAFunction: 3 };
    expect(callByName(server, 'run', 5)).toBe(5);
    expect(() => callByName(server, 'helper_')).toThrow('Script function not found: helper_');
    expect(() => callByName(server, 'notAFunction')).toThrow('Script function not found');
    expect(() => callByName(server, 'toString')).toThrow('Script function not found');
  });
});

describe('properties and locks', () => {
  const props = (book: FakeSpreadsheet) => book.session().services.properties.getDocumentProperties();

  it('a property value holds at most 9 KB, counted in bytes of UTF-8 (a Thai or Chinese character is 3 bytes)', () => {
    const book = new FakeSpreadsheet({});
    const p = props(book);
    const k = 'k';
    p.setProperty(k, 'x'.repeat(9 * 1024 - 1)); // 1 byte of key + 9215 bytes: exactly 9 KB
    expect(() => p.setProperty(k, 'x'.repeat(9 * 1024))).toThrow('Argument too large: value');
    expect(() => p.setProperty(k, 'ก'.repeat(3100))).toThrow('Argument too large: value'); // 3100 characters, 9300 bytes
    expect(() => p.setProperty(k, '中'.repeat(3100))).toThrow('Argument too large: value');
    p.setProperty(k, '中'.repeat(3000)); // 9001 bytes
    expect(p.getProperty(k)).toHaveLength(3000);
  });

  it("all of a store's properties hold at most 500 KB together", () => {
    const book = new FakeSpreadsheet({});
    const p = props(book);
    const value = 'x'.repeat(9 * 1024 - 3); // 9 KB with a 3-byte key
    for (let i = 0; i < 55; i++) p.setProperty(String(i).padStart(3, '0'), value); // 55 × 9 KB = 495 KB
    expect(() => p.setProperty('new', value)).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    p.setProperty('000', 'small'); // replacing a value frees its bytes
    p.setProperty('new', value);
    (p as unknown as { deleteProperty(k: string): void }).deleteProperty('new');
    expect(p.getProperty('new')).toBeNull();
  });

  it('properties reads count against a daily quota (50,000 on consumer accounts)', () => {
    const book = new FakeSpreadsheet({}, 'en_US', { propertyReadsPerDay: 3 });
    const p = props(book);
    p.getProperty('a');
    p.getProperties();
    p.getProperty('a');
    expect(() => p.getProperty('a')).toThrow('Service invoked too many times for one day: properties.');
    expect(new FakeSpreadsheet({}).propertyReadsPerDay).toBe(50_000);
  });

  it('the document lock is held per execution: tryLock is false while another execution, even of the same user, holds it', () => {
    const book = new FakeSpreadsheet({});
    const a = book.session('me');
    const b = book.session('me');
    const other = book.session('other');
    expect(a.services.lock.getDocumentLock().tryLock(1000)).toBe(true);
    expect(a.services.lock.getDocumentLock().tryLock(1000)).toBe(true); // the holder may ask again
    expect(b.services.lock.getDocumentLock().tryLock(1000)).toBe(false);
    expect(other.services.lock.getDocumentLock().tryLock(1000)).toBe(false);
    b.services.lock.getDocumentLock().releaseLock(); // not b's to release
    expect(other.services.lock.getDocumentLock().tryLock(1000)).toBe(false);
    a.services.lock.getDocumentLock().releaseLock();
    expect(b.services.lock.getDocumentLock().tryLock(1000)).toBe(true);
    b.end(); // an execution that ends lets go of its lock
    expect(other.services.lock.getDocumentLock().tryLock(1000)).toBe(true);
  });

  it('beforeCall runs its callback once, the next time that counted method is called, before it acts', () => {
    const book = new FakeSpreadsheet({ S: [['old']] });
    const order: string[] = [];
    book.beforeCall('Range.getValues', () => {
      order.push('hook');
      book.sheet('S').write(1, 1, [['new']]);
    });
    const range = book.sheet('S').getRange(1, 1);
    expect(range.getValues()).toEqual([['new']]); // the hook ran before the read
    order.push('read');
    book.sheet('S').write(1, 1, [['again']]);
    expect(range.getValues()).toEqual([['again']]); // once only
    expect(order).toEqual(['hook', 'read']);
    expect(book.calls.byMethod['Range.getValues']).toBe(2);
  });

  it('what was read before taking the lock may be stale once it is taken: execution B runs in the middle of execution A', () => {
    const book = new FakeSpreadsheet({});
    const a = book.session('me');
    const b = book.session('me');
    const runB = () => {
      const lock = b.services.lock.getDocumentLock();
      expect(lock.tryLock(1000)).toBe(true);
      b.services.properties.getDocumentProperties().setProperty('counter', '1');
      lock.releaseLock();
    };
    const pa = a.services.properties.getDocumentProperties();
    const before = pa.getProperty('counter'); // read before the lock: stale
    book.beforeCall('Lock.tryLock', runB);
    const lock = a.services.lock.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(before).toBeNull();
    expect(pa.getProperty('counter')).toBe('1'); // read after the lock: B's write is there
    lock.releaseLock();

    // B takes the lock in the middle of A's tryLock and keeps it: A does not get it.
    book.beforeCall('Lock.tryLock', () => expect(b.services.lock.getDocumentLock().tryLock(0)).toBe(true));
    expect(a.services.lock.getDocumentLock().tryLock(1000)).toBe(false);
    expect(book.lockHolder).toBe(b.execution);
  });
});

describe('what a person sees: bold, frozen rows, column widths, number formats', () => {
  it('a new sheet has no frozen rows and columns 100 pixels wide; setColumnWidth(s) set each column of the run and refuse columns past the grid', () => {
    const book = new FakeSpreadsheet({ S: [['a']] });
    const sheet = book.sheet('S');
    expect([sheet.frozenRows, sheet.widthOf(1), sheet.widthOf(26)]).toEqual([0, 100, 100]);
    book.calls.reset();
    sheet.setColumnWidth(1, 240);
    sheet.setColumnWidths(2, 3, 120);
    expect([1, 2, 4, 5].map((c) => sheet.widthOf(c))).toEqual([240, 120, 120, 100]);
    expect(book.calls.byMethod).toEqual({ 'Sheet.setColumnWidth': 1, 'Sheet.setColumnWidths': 1 });
    expect(() => sheet.setColumnWidths(25, 3, 50)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.setColumnWidth(1, -5)).toThrow(/width/u);
  });

  it('setFrozenRows freezes the top rows (0 unfreezes) and cannot freeze every row of the grid', () => {
    const sheet = new FakeSpreadsheet({ S: [['a']] }).sheet('S');
    sheet.setFrozenRows(2);
    expect(sheet.frozenRows).toBe(2);
    sheet.setFrozenRows(0);
    expect(sheet.frozenRows).toBe(0);
    expect(() => sheet.setFrozenRows(1000)).toThrow(/freeze all/u);
    expect(() => sheet.setFrozenRows(1.5)).toThrow(/Invalid argument/u);
  });

  it('RangeList.setFontWeight sets "bold" or "normal" (null is normal) on every cell of every range in one call; any other word is refused', () => {
    const book = new FakeSpreadsheet({ S: [['a', 'b']] });
    const sheet = book.sheet('S');
    book.calls.reset();
    sheet.getRangeList(['A1', 'B3:C4']).setFontWeight('bold');
    expect(book.calls.byMethod).toEqual({ 'Sheet.getRangeList': 1, 'RangeList.setFontWeight': 1 });
    expect([sheet.isBold(1, 1), sheet.isBold(3, 2), sheet.isBold(4, 3), sheet.isBold(1, 2)]).toEqual([true, true, true, false]);
    sheet.getRangeList(['C4']).setFontWeight(null);
    expect(sheet.isBold(4, 3)).toBe(false);
    expect(() => sheet.getRangeList(['A1']).setFontWeight('heavy' as 'bold')).toThrow(/fontWeight/u);
  });

  it('clearFormat puts number formats (a column’s too, for those cells) and bold back to automatic and normal, and keeps the values', () => {
    const sheet = new FakeSpreadsheet({
      S: [
        ['a', 1],
        ['b', 2],
      ],
    }).sheet('S');
    sheet.getRange('B:B').setNumberFormat('0.0');
    sheet.getRangeList(['A1:B2']).setNumberFormat('0%');
    sheet.getRangeList(['A1']).setFontWeight('bold');
    sheet.getRange(1, 1, 1, 2).clearFormat();
    expect([sheet.formatAt(1, 1), sheet.formatAt(1, 2), sheet.formatAt(2, 2), sheet.formatAt(3, 2), sheet.isBold(1, 1)]).toEqual([
      null,
      null,
      '0%',
      '0.0',
      false,
    ]);
    expect(sheet.snapshot().values).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('bold cells, widths and frozen rows move with inserted rows and columns', () => {
    const sheet = new FakeSpreadsheet({ S: [['a', 'b']] }).sheet('S');
    sheet.getRangeList(['B2']).setFontWeight('bold');
    sheet.setColumnWidth(2, 150);
    sheet.setFrozenRows(2);
    sheet.insertRowsAfter(1, 3);
    sheet.insertColumnsAfter(1, 2);
    expect([sheet.isBold(5, 4), sheet.isBold(2, 2), sheet.widthOf(4), sheet.widthOf(2), sheet.frozenRows]).toEqual([true, false, 150, 100, 5]);
  });

  it('a chart keeps the options its builder set, and modify() starts from them', () => {
    const sheet = new FakeSpreadsheet({ S: [['a', 1]] }).sheet('S');
    sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B1')).setOption('vAxis.format', '0%').setOption('title', 'T').build());
    const [chart] = sheet.charts;
    expect([chart.getOptions().get('vAxis.format'), chart.getOptions().get('hAxis.title')]).toEqual(['0%', null]);
    sheet.updateChart(chart.modify().setOption('hAxis.title', 'Segment').build());
    expect(sheet.charts.map((c) => [c.options['vAxis.format'], c.options['hAxis.title']])).toEqual([['0%', 'Segment']]);
  });
});

describe('notes', () => {
  it('setNote puts a note on every cell of the range ("" or null removes it); getValues never returns notes', () => {
    const book = new FakeSpreadsheet({ S: [['a', 'b']] });
    const sheet = book.sheet('S');
    sheet.getRange(1, 1, 1, 2).setNote('computed today');
    expect([sheet.noteAt(1, 1), sheet.noteAt(1, 2), sheet.noteAt(2, 1)]).toEqual(['computed today', 'computed today', '']);
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([['a', 'b']]);
    sheet.getRange(1, 2, 1, 1).setNote(null);
    sheet.getRange(1, 1, 1, 1).setNote('');
    expect([sheet.noteAt(1, 1), sheet.noteAt(1, 2)]).toEqual(['', '']);
  });
});

describe('conditional formats: colour scales (the summary heat map, issue 18)', () => {
  const setUp = () => {
    const book = new FakeSpreadsheet({ S: [['h'], [1], [2], [3]] });
    return { book, sheet: book.sheet('S'), app: book.session().services.spreadsheetApp };
  };

  it('setConditionalFormatRules replaces every rule on a sheet: a rule not passed again is gone', () => {
    const { sheet, app } = setUp();
    const a = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$A2>1')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('A2:A4')])
      .build();
    const b = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$A2>2')
      .setBackground('#00ff00')
      .setRanges([sheet.getRange('A2:A4')])
      .build();
    sheet.setConditionalFormatRules([a]);
    sheet.setConditionalFormatRules([b]);
    expect(sheet.getConditionalFormatRules()).toEqual([b]);
  });

  it('a colour-scale rule has a gradient condition and no boolean condition (and a boolean rule no gradient); its ends and ranges read back', () => {
    const { sheet, app } = setUp();
    const scale = app
      .newConditionalFormatRule()
      .setGradientMinpointWithValue('#ffffff', app.InterpolationType.NUMBER, '0')
      .setGradientMaxpoint('#57bb8a')
      .setRanges([sheet.getRange('A2:A4')])
      .build();
    expect(scale.getBooleanCondition()).toBeNull();
    const g = scale.getGradientCondition()!;
    expect([g.getMinColor(), String(g.getMinType()), g.getMinValue()]).toEqual(['#ffffff', 'NUMBER', '0']);
    expect([g.getMaxColor(), String(g.getMaxType()), g.getMaxValue()]).toEqual(['#57bb8a', 'MAX', '']);
    expect(scale.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:A4']);
    const plain = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$A2>1')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('A2:A4')])
      .build();
    expect(plain.getGradientCondition()).toBeNull();
    // A colour scale sets no background a boolean rule would: the cells read as unformatted by rules.
    sheet.setConditionalFormatRules([scale]);
    expect(sheet.backgroundAt(2, 1)).toBeNull();
  });

  it('refuses a rule mixing a condition and a colour scale, a scale with one end, and a NUMBER end that is no number: stricter than Sheets', () => {
    const { sheet, app } = setUp();
    const range = [sheet.getRange('A2:A4')];
    expect(() =>
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$A2>1')
        .setGradientMaxpoint('#57bb8a')
        .setGradientMinpointWithValue('#ffffff', app.InterpolationType.NUMBER, '0')
        .setRanges(range)
        .build(),
    ).toThrow('either a boolean condition or a gradient');
    expect(() => app.newConditionalFormatRule().setGradientMaxpoint('#57bb8a').setRanges(range).build()).toThrow('both a minpoint and a maxpoint');
    expect(() => app.newConditionalFormatRule().setGradientMinpointWithValue('#ffffff', app.InterpolationType.NUMBER, 'none')).toThrow('needs a number');
  });
});
