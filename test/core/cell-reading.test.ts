import { describe, expect, it } from 'vitest';
import { parseCell, parseDateText, parseNumberText } from '../../src/core';
import { accounts, run, values } from './helpers';

const ASOF = Date.parse('2026-06-30T00:00:00Z');
const THAI = { buddhistEra: true };

describe('Thai dates: day/month/Buddhist-era year, the era 543 years ahead of the common era', () => {
  it('reads 15/03/2567 as 15 March 2024', () => {
    expect(parseDateText('15/03/2567', THAI)).toBe(Date.UTC(2024, 2, 15));
  });

  it('reads 29/02/2567 (2024, a leap year) as a date, and 29/02/2568 (2025) as none', () => {
    expect(parseDateText('29/02/2567', THAI)).toBe(Date.UTC(2024, 1, 29));
    expect(parseDateText('29/02/2568', THAI)).toBeNaN();
  });

  it('counts recency and tenure from a Thai date: 30/06/2568 is 365 days (365/365.25 years) before 2026-06-30', () => {
    expect(parseCell('30/06/2568', 'recency', ASOF, THAI)).toEqual({ ok: true, value: 365 });
    expect(parseCell('30/06/2568', 'tenure', ASOF, THAI)).toEqual({ ok: true, value: 365 / 365.25 });
  });

  it('reads a day/month/year date only in a Thai sheet', () => {
    expect(parseDateText('15/03/2567')).toBeNaN();
  });
});

describe('thousands separators in an en locale: groups of three digits after one to three', () => {
  it.each(['1234,567', '12345,678', '1234,567.5', '1,2345'])(
    '%j is not a number (the comma is neither a thousands separator nor, here, a decimal mark)',
    (text) => {
      expect(parseNumberText(text)).toBeNaN();
    },
  );

  it.each([
    ['1,234,567', 1234567],
    ['123,456', 123456],
    ['1,234.5', 1234.5],
  ])('%j is %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it('makes a revenue cell of "1234,567" invalid, naming its row, and scores the others', () => {
    const a = run(accounts(['Revenue'], [10], ['1234,567'], [30]));
    expect(a.table.messages.has(1)).toBe(true);
    expect(values(a, 'revenue')).toEqual([10, Number.NaN, 30]);
    expect(a.scored).toBe(2);
  });

  it('reads 1234,567 as 1234.567 where the locale writes a decimal comma', () => {
    expect(parseNumberText('1234,567', { decimalComma: true })).toBe(1234.567);
  });
});
