import { describe, expect, it } from 'vitest';
import { parseCell, parseNumberText, SHEET_ERRORS } from '../../src/core';
import { accounts, english, run, say, segments, tiers, values } from './helpers';

const ASOF = Date.parse('2026-06-30T00:00:00Z');

describe('cell values (SPEC §2): number text', () => {
  it.each([
    ['1200', 1200],
    ['  42  ', 42],
    ['0.5', 0.5],
  ])('reads the plain number %j as %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each([
    ['$1,200.50', 1200.5],
    ['€ 12', 12],
    ['12 €', 12],
    ['£7', 7],
    ['¥300', 300],
    ['฿1,000', 1000],
    ['֏ 500', 500],
    ['₹99', 99],
  ])('strips the currency sign of %j → %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each([
    ['1,234', 1234],
    ['1,234,567.89', 1234567.89],
    ['1 234', 1234],
    ['12\u00a0000', 12000],
  ])('drops the thousands separators of %j → %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each([
    ['12%', 0.12],
    ['12.5%', 0.125],
    ['100%', 1],
    ['−12%', -0.12],
  ])('reads a trailing %% as hundredths: %j → %d', (text, value) => {
    expect(parseNumberText(text)).toBeCloseTo(value, 15);
  });

  it.each([
    ['+4', 4],
    ['-3', -3],
    ['−3', -3], // U+2212 MINUS SIGN
    ['-$5', -5],
  ])('reads a leading sign: %j → %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each([
    ['(1,200)', -1200],
    ['($5)', -5],
    ['(€1,200.50)', -1200.5],
  ])('reads accounting parentheses as negative: %j → %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each(['12,5OO', '1,2', '12,34', 'abc', 'N/A', '$', '%', '-', '1.2.3', '(5', '5)', '()'])('refuses %j (not a number)', (text) => {
    expect(parseNumberText(text)).toBeNaN();
  });

  // SPEC §2 allows one leading sign or accounting parentheses; two signs are "any other text", so invalid.
  it.each(['--5', '+-5', '-−5', '(-5)', '-$-5'])('refuses %j, which carries two signs', (text) => {
    expect(parseNumberText(text)).toBeNaN();
  });
});

describe('cell values in a locale that writes a decimal comma (Armenian, German…)', () => {
  const comma = { decimalComma: true };
  it.each([
    ['1.234,5', 1234.5],
    ['1 234,5', 1234.5],
    ['12,5', 12.5],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['1.234,5 ֏', 1234.5],
  ])("reads %j the locale's way → %d", (text, value) => {
    expect(parseNumberText(text, comma)).toBe(value);
  });

  it.each([
    ['5.5', 5.5],
    ['12345.67', 12345.67],
    ['1,234.5', 1234.5],
    ['0.25', 0.25],
  ])('still reads %j, which only a decimal point explains, as %d', (text, value) => {
    expect(parseNumberText(text, comma)).toBe(value);
  });

  it.each(['1.2.3', '1,2,3', '1.234,5.6'])('refuses %j', (text) => {
    expect(parseNumberText(text, comma)).toBeNaN();
  });
});

describe('cell values (SPEC §2): one cell', () => {
  it('counts an empty cell as missing, with nothing to warn about', () => {
    for (const empty of ['', '   ', null, undefined]) expect(parseCell(empty, 'number', ASOF)).toEqual({ ok: false, missing: true });
  });

  it('takes a number as it is', () => {
    expect(parseCell(-12.5, 'number', ASOF)).toEqual({ ok: true, value: -12.5 });
  });

  it.each(['#N/A', '#DIV/0!', '#REF!', '#VALUE!', '#NUM!', '#NAME?', '#ERROR!', '#NULL!'])(
    'counts the error value %s as missing, keeping its text for the warning',
    (error) => {
      expect(SHEET_ERRORS.has(error)).toBe(true);
      expect(parseCell(error, 'number', ASOF)).toEqual({ ok: false, missing: true, error });
    },
  );

  it('turns a date in a recency column into the days before the as-of date', () => {
    // 2026-06-20 → 2026-06-30: 10 days.
    expect(parseCell('2026-06-20', 'recency', ASOF)).toEqual({ ok: true, value: 10 });
    // 2025-06-30 → 2026-06-30: 365 days (no 29 February in between).
    expect(parseCell('2025-06-30', 'recency', ASOF)).toEqual({ ok: true, value: 365 });
    // A spreadsheet date (a Date cell) counts its calendar day: 2026-06-01 → 29 days.
    expect(parseCell(new Date(2026, 5, 1), 'recency', ASOF)).toEqual({ ok: true, value: 29 });
  });

  it('turns a date in a tenure column into years before the as-of date (days / 365.25)', () => {
    // Code's choice of year length (the SPEC says "years"): 2024-06-30 → 2026-06-30 is 730 days = 730 / 365.25 years.
    expect(parseCell('2024-06-30', 'tenure', ASOF)).toEqual({ ok: true, value: 730 / 365.25 });
    expect(parseCell(new Date(2025, 5, 30), 'tenure', ASOF)).toEqual({ ok: true, value: 365 / 365.25 });
  });

  it('still reads a number in a recency or tenure column as days or years', () => {
    expect(parseCell('45', 'recency', ASOF)).toEqual({ ok: true, value: 45 });
    expect(parseCell(2.5, 'tenure', ASOF)).toEqual({ ok: true, value: 2.5 });
  });

  it('refuses a date in any other metric column', () => {
    expect(parseCell('2026-06-20', 'number', ASOF)).toMatchObject({ ok: false, missing: false, code: 'notNumber' });
    expect(parseCell(new Date(2026, 5, 20), 'number', ASOF)).toMatchObject({ ok: false, missing: false });
  });

  it("refuses TRUE/FALSE and an impossible date (code's choice: SPEC §2 names only text)", () => {
    expect(parseCell(true, 'number', ASOF)).toMatchObject({ ok: false, missing: false, code: 'boolean' });
    expect(parseCell('2026-02-30', 'recency', ASOF)).toMatchObject({ ok: false, missing: false });
  });
});

describe('cell values (SPEC §2) in a table', () => {
  it('names the row, the column and the value of invalid text, and still computes every other row', () => {
    // Header on sheet row 1, data on rows 2–14; the bad cell is on row 14.
    const rows = accounts(['Revenue'], ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((v) => [v]), ['12,5OO']);
    const a = run(rows);
    expect(say(a.table.messages.get(12)!)).toBe('Row 14, column "Revenue": "12,5OO" is not a number.');
    expect(a.table.messages.size).toBe(1);
    // The 12 other rows are scored among themselves: n = 12, revenue v → p = (v − 1) / 11.
    expect(a.scored).toBe(12);
    expect(a.score[0]).toBe(0);
    expect(a.score[11]).toBe(100);
    expect(a.score[5]).toBeCloseTo((100 * 5) / 11, 12);
    // The invalid row has no score, tier or segment.
    expect(a.score[12]).toBeNaN();
    expect(tiers(a)[12]).toBe('');
    expect(segments(a)[12]).toBe('');
  });

  it('names every bad cell of a row in its one message', () => {
    const a = run(accounts(['Revenue', 'Orders'], [1, 2], ['lots', 'x1'], [3, 4]));
    expect(say(a.table.messages.get(1)!)).toBe('Row 3, column "Revenue": "lots" is not a number; column "Orders": "x1" is not a number.');
  });

  it('keeps a bad row out of n for every other row', () => {
    // Without the bad row n = 2: 10 → 0, 20 → 100. Counted as a third row, 20 could not reach 100 alone.
    const a = run(accounts(['Revenue'], [10], ['ten'], [20]));
    expect(Array.from(a.score)).toEqual([0, Number.NaN, 100]);
  });

  it('warns about an error value naming its row and column, and scores the row on its other metrics', () => {
    const a = run(accounts(['Revenue', 'Orders'], [100, '#N/A'], [200, 2]));
    expect(english(a.warnings)).toContain('Row 2, column "Orders": #N/A counted as missing.');
    expect(a.table.messages.size).toBe(0);
    // Orders has one value (B: n = 1 → p = 1). A: revenue p 0 alone → 0. B: 100·(2·1 + 1·1) / 3 = 100.
    expect(Array.from(a.score)).toEqual([0, 100]);
  });

  it('reads currency, separators, percentages, signs and parentheses in a table', () => {
    const a = run(accounts(['Revenue', 'Profit'], ['$1,200', '(300)'], ['€ 2,000.50', '12%'], ['−5', '+7']));
    expect(values(a, 'revenue')).toEqual([1200, 2000.5, -5]);
    expect(values(a, 'profit')).toEqual([-300, 0.12, 7]);
  });

  it('measures recency and tenure dates from the as-of date setting', () => {
    const a = run(accounts(['Recency', 'Tenure'], ['2026-06-20', '2024-06-30'], [30, 1.5]), { asOf: '2026-06-30' });
    // 2026-06-20 → 10 days; 2024-06-30 → 730 days → 730 / 365.25 years.
    expect(values(a, 'recency')).toEqual([10, 30]);
    expect(values(a, 'tenure')).toEqual([730 / 365.25, 1.5]);
    // Another as-of date moves the days: 2026-06-20 → 2026-07-10 is 20 days.
    expect(values(run(accounts(['Recency'], ['2026-06-20']), { asOf: '2026-07-10' }), 'recency')).toEqual([20]);
  });

  it('measures dates from today when no as-of date is set', () => {
    const today = new Date().toISOString().slice(0, 10);
    const a = run(accounts(['Recency'], [today], [3]), { asOf: undefined });
    expect(values(a, 'recency')).toEqual([0, 3]);
  });

  it('gives a blank row no output and leaves it out of n', () => {
    // n = 2 (A, B): 10 → 0, 20 → 100. The blank row between them has no score, tier, segment or message.
    const a = run([
      ['Account', 'Revenue'],
      ['A', 10],
      ['', ''],
      ['B', 20],
    ]);
    expect(a.scored).toBe(2);
    expect(Array.from(a.score)).toEqual([0, Number.NaN, 100]);
    // n = 2: K1 = floor(2·20/100 + .5) = 0, K2 = floor(2·50/100 + .5) = 1 → B Tier 2, A Tier 3.
    expect(tiers(a)).toEqual(['Tier 3', '', 'Tier 2']);
    expect(segments(a)[1]).toBe('');
    expect(a.table.messages.size).toBe(0);
    expect(english(a.warnings)).toEqual([]);
    expect(a.kpis.accounts).toBe(2);
  });

  it('counts a row whose mapped cells are empty as blank even when an unmapped column has text', () => {
    const a = run([
      ['Account', 'Revenue', 'Notes'],
      ['A', 10, ''],
      ['', '', 'call back'],
      ['B', 20, ''],
    ]);
    expect(a.scored).toBe(2);
    expect(a.kpis.accounts).toBe(2);
    expect(english(a.warnings)).toEqual([]);
  });

  it('names the sheet row of a bad cell below a blank row', () => {
    const a = run([
      ['Account', 'Revenue'],
      ['A', 10],
      ['', ''],
      ['B', 'n/a'],
    ]);
    expect(say(a.table.messages.get(2)!)).toBe('Row 4, column "Revenue": "n/a" is not a number.');
  });
});
