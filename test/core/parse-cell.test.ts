import { describe, expect, it } from 'vitest';
import { parseCell, parseNumberText } from '../../src/core';
import { run } from './helpers';

const ASOF = Date.parse('2026-06-30T00:00:00Z');

describe('cell values (SPEC §2)', () => {
  it.each([
    ['1200', 1200], ['$1,200.50', 1200.5], ['€ 12', 12], ['£7', 7], ['¥300', 300], ['฿1,000', 1000], ['֏ 500', 500], ['₹99', 99],
    ['12%', 0.12], ['+4', 4], ['-3', -3], ['−3', -3], ['(1,200)', -1200], ['($5)', -5], ['-$5', -5], ['  42  ', 42], ['1 234', 1234], ['1e3', 1000],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumberText(text)).toBeCloseTo(value, 12);
  });

  it.each(['12,5OO', '1,2', 'abc', '$', '%', '-', '1.2.3', 'Infinity', '0x10'])('refuses %s', (text) => {
    expect(parseNumberText(text)).toBeNaN();
  });

  it('counts an empty cell as missing and an error value as missing with its text to warn about', () => {
    expect(parseCell('', 'number', ASOF)).toEqual({ ok: false, missing: true });
    expect(parseCell('#DIV/0!', 'number', ASOF)).toEqual({ ok: false, missing: true, error: '#DIV/0!' });
  });

  it('turns a date in a recency column into days before the as-of date, and in tenure into years', () => {
    expect(parseCell('2026-06-20', 'recency', ASOF)).toEqual({ ok: true, value: 10 });
    expect(parseCell(new Date(2025, 5, 30), 'tenure', ASOF)).toEqual({ ok: true, value: 365 / 365.25 });
    expect(parseCell('2026-06-20', 'number', ASOF)).toMatchObject({ ok: false, missing: false });
  });

  it('names the row, the column and the value of a bad cell, and still computes every other row', () => {
    const a = run([['Account', 'Revenue', 'Orders'], ['A', 100, 1], ['B', '12,5OO', 2], ['C', 300, 3]]);
    expect(a.table.messages.get(1)).toBe('Row 3, column "Revenue": "12,5OO" is not a number.');
    expect(a.scored).toBe(2);
    expect(Number.isNaN(a.score[1])).toBe(true);
    expect(a.score[2]).toBe(100);
  });

  it('warns about an error value naming its row and column, and treats the cell as missing', () => {
    const a = run([['Account', 'Revenue', 'Orders'], ['A', 100, '#N/A'], ['B', 200, 2]]);
    expect(a.warnings).toContain('Row 2, column "Orders": #N/A counted as missing.');
    // A has only revenue (0), B has revenue 1 and orders 1 (alone: p = 1).
    expect(Array.from(a.score)).toEqual([0, 100]);
  });

  it('gives a blank row no output and leaves it out of n', () => {
    const a = run([['Account', 'Revenue'], ['A', 10], ['', ''], ['B', 20]]);
    expect(a.scored).toBe(2);
    expect(Array.from(a.score)).toEqual([0, NaN, 100]);
  });
});
