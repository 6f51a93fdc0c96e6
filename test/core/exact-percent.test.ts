import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCell, parseNumberText, SHEET_ERRORS } from '../../src/core';
import { accounts, english, percentilesOf, run, tiers } from './helpers';

const ASOF = Date.parse('2026-06-30T00:00:00Z');
const COMMA = { decimalComma: true };

describe('percent text is read exactly (issue "Exact to the last digit")', () => {
  it('ties 35% with 0.35 in one column: same percentile, same score, same tier', () => {
    const a = run(accounts(['Engagement'], ['35%'], [0.35], ['0.35'], [0.1]));
    // Three tied values above one: less 1, equal 3 → p = (1 + 1) / 3 each.
    expect(percentilesOf(a, 'engagement').slice(0, 3)).toEqual([2 / 3, 2 / 3, 2 / 3]);
    expect(a.score[0]).toBe(a.score[1]);
    expect(tiers(a).slice(0, 3)).toEqual(['Tier 1', 'Tier 1', 'Tier 1']);
  });

  it.each([
    ['35%', 0.35],
    ['12.5%', 0.125],
    ['-3%', -0.03],
    ['−3%', -0.03],
    ['1,234.5%', 12.345],
    ['1e2%', 1],
    ['2.5e-1%', 0.0025],
    ['0.5%', 0.005],
    ['.5%', 0.005],
    ['5.%', 0.05],
    ['(5%)', -0.05],
    ['7%', 0.07],
    ['0.07%', 0.0007],
    ['100%', 1],
    ['$12%', 0.12],
    ['29 %', 0.29],
  ])('reads %j as the number %d, exactly (the point moved two places left)', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each([
    ['12,5 %', 0.125],
    ['12,5%', 0.125],
    ['1.234,5%', 12.345],
    ['0,35 %', 0.0035],
    ['35 %', 0.35],
    ['(5 %)', -0.05],
  ])('reads %j exactly where a comma is the decimal mark → %d', (text, value) => {
    expect(parseNumberText(text, COMMA)).toBe(value);
  });

  /** Decimal text: an optional sign, digits, an optional fraction, an optional exponent. */
  interface Decimal {
    sign: string;
    whole: string;
    fraction?: string;
    exponent?: number;
  }
  const decimal: fc.Arbitrary<Decimal> = fc.record({
    sign: fc.constantFrom('', '-', '+'),
    whole: fc.stringMatching(/^\d{1,12}$/u),
    fraction: fc.option(fc.stringMatching(/^\d{0,10}$/u), { nil: undefined }),
    exponent: fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }),
  });
  /** The same digits with the decimal point moved two places left, written out independently of the parser. */
  const shifted = ({ sign, whole, fraction, exponent }: Decimal) => {
    const digits = whole + (fraction ?? '');
    const point = whole.length - 2;
    const body = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
    return `${sign}${body}${exponent === undefined ? '' : `e${exponent}`}`;
  };
  const text = ({ sign, whole, fraction, exponent }: Decimal, mark = '.') =>
    `${sign}${whole}${fraction === undefined ? '' : mark + fraction}${exponent === undefined ? '' : `e${exponent}`}`;

  it('property: d% is Number() of d with the point moved two places left, and what that fraction text reads as', () => {
    fc.assert(
      fc.property(decimal, (d) => {
        const fractionText = shifted(d);
        const percent = parseNumberText(`${text(d)}%`);
        expect(percent).toBe(Number(fractionText));
        expect(percent).toBe(parseNumberText(fractionText));
        // The same in a comma locale, the fraction written with a comma too.
        expect(parseNumberText(`${text(d, ',')} %`, COMMA)).toBe(percent);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('currency signs: one at most, on one side', () => {
  it.each(['$$5', '$5€', '€5$', '€€5', '5$$', '5 € $', '-$5€', '$-5€', '($5€)', '$(5)€', '$5%€', '₹$5'])('refuses %j (two currency signs)', (text) => {
    expect(parseNumberText(text)).toBeNaN();
    expect(parseCell(text, 'number', ASOF)).toMatchObject({ ok: false, missing: false, code: 'notNumber' });
  });

  it.each([
    ['$5', 5],
    ['5$', 5],
    ['5 €', 5],
    ['-$5', -5],
    ['$-5', -5],
    ['-5 €', -5],
    ['($5)', -5],
    ['$(5)', -5],
    ['(5)€', -5],
    ['€12%', 0.12],
  ])('still reads one currency sign: %j → %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });
});

describe('error values (SPEC §2 lists #N/A … #NULL!; the engine also knows #SPILL!, #CALC!, #GETTING_DATA, in any case)', () => {
  it.each(['#SPILL!', '#CALC!', '#GETTING_DATA', '#n/a', '#N/a', '#div/0!', '#spill!', ' #REF! '])(
    'counts %j as missing, keeping its text for the warning',
    (error) => {
      expect(parseCell(error, 'number', ASOF)).toEqual({ ok: false, missing: true, error: error.trim() });
    },
  );

  it('lists every error value of Google Sheets, upper-case', () => {
    expect([...SHEET_ERRORS].sort()).toEqual([
      '#CALC!',
      '#DIV/0!',
      '#ERROR!',
      '#GETTING_DATA',
      '#N/A',
      '#NAME?',
      '#NULL!',
      '#NUM!',
      '#REF!',
      '#SPILL!',
      '#VALUE!',
    ]);
  });

  it.each(['#FOO!', '#N/A!', '#', '#NA'])('names %j as not a number (it is not an error value of Sheets)', (text) => {
    expect(parseCell(text, 'number', ASOF)).toMatchObject({ ok: false, missing: false, code: 'notNumber' });
  });

  it('warns about a lower-case #n/a like #N/A, naming row and column', () => {
    const a = run(accounts(['Revenue', 'Engagement'], [10, '#n/a'], [20, '#SPILL!'], [30, 3]));
    expect(english(a.warnings)).toEqual(['Row 2, column "Engagement": #n/a counted as missing.', 'Row 3, column "Engagement": #SPILL! counted as missing.']);
    expect(Number.isNaN(a.score[0])).toBe(false);
  });
});
