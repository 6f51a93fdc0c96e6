import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCell, type Cell } from '../../src/core';
import { abmScore, abmTier } from '../../src/functions';

/** Any value a cell can hold, and some it should not: NaN, ±Infinity, huge and tiny numbers, dates, booleans, errors, Unicode. */
const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1e308, 5e-324, -0),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }),
  fc.boolean(),
  fc.constantFrom('#N/A', '#DIV/0!', '#REF!', '#VALUE!', '#NUM!', '#NAME?', '#ERROR!', '#NULL!', '', ' ', '(1,200)', '12%', '$1,000', '−5', '2026-02-30'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constant(null),
  fc.constant(undefined),
);

const HEADER = ['Account', 'Revenue', 'Profit', 'Engagement', 'Recency', 'Tenure'];
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

describe('fuzzing: arbitrary cells never break the engine', () => {
  it(`parses any cell to a number, missing, or a reason (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyCell, fc.constantFrom('number', 'recency', 'tenure') as fc.Arbitrary<'number' | 'recency' | 'tenure'>, (cell, kind) => {
        const p = parseCell(cell, kind, Date.UTC(2026, 5, 30));
        if (p.ok) expect(Number.isFinite(p.value)).toBe(true);
        else if (!p.missing) expect(p.code).toMatch(/^(notNumber|boolean|date|notFinite|badDate)$/u);
      }),
      { numRuns: RUNS },
    );
  });

  it(`scores any table: one output row per input row, each a score 0–100, blank, or a message (${RUNS} runs)`, () => {
    const rows = fc.array(fc.array(anyCell, { minLength: 0, maxLength: 8 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(rows, (body) => {
        // Ragged rows and empty rows included; the header names the roles.
        const input = [HEADER, ...body.map((r, i) => [`A${i}`, ...r])];
        const out = abmScore(input);
        expect(out).toHaveLength(input.length);
        expect(out[0]).toEqual(['Score']);
        for (const [v] of out.slice(1)) {
          if (typeof v === 'number') expect(v >= 0 && v <= 100).toBe(true);
          else expect(v === '' || /^Row \d+ of the range, /u.test(v)).toBe(true);
        }
        const tiers = abmTier(input);
        expect(tiers).toHaveLength(input.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps blank rows at the end out, and ragged short rows in', () => {
    const out = abmScore([HEADER, ['A', 1], ['B'], ['', '', ''], ['C', 3, 3], ['', ''], ['']]);
    expect(out).toEqual([['Score'], [0], [''], [''], [100]]);
  });
});

describe('regressions the fuzzer found', () => {
  it('names an invalid Date in a metric or account cell instead of throwing', () => {
    const out = abmScore([HEADER, [new Date(Number.NaN), new Date(Number.NaN)], ['B', 5]]);
    expect(out[1][0]).toBe('Row 2 of the range, column "Revenue": Invalid Date is not a valid date.');
    expect(out[2][0]).toBe(100);
  });
});
