import { describe, expect, it } from 'vitest';
import { abmLtv, abmScore, abmSegment } from '../../src/functions';
import { checkFunctionCells, frame, inLanguage, MAX_FUNCTION_CELLS, MAX_METRICS_CELLS } from '../../src/functions/args';

/** The size guard of src/functions/args.ts; its figure comes from bench/functions.ts. */
const LIMIT = MAX_FUNCTION_CELLS.toLocaleString('en-US');

describe("the custom functions' size guard", () => {
  it('refuses a range one cell over the limit, saying its size and the limit', () => {
    const over = Array.from({ length: MAX_FUNCTION_CELLS + 1 }, (_, i) => [i]);
    const message = `The range holds ${(MAX_FUNCTION_CELLS + 1).toLocaleString('en-US')} cells, more than the ${LIMIT} a custom function can score within Sheets' 30 seconds: use the ABM Tier sidebar, or a smaller range.`;
    expect(() => abmSegment(over)).toThrow(message);
    // Each range is checked: one over-long column of ABMLTV is enough.
    expect(() => abmLtv(over, 4, 5)).toThrow(message);
  });

  it('lets metrics tables, scored per row over many columns, hold more: up to MAX_METRICS_CELLS', () => {
    expect(MAX_METRICS_CELLS).toBeGreaterThan(MAX_FUNCTION_CELLS);
    const wide = 15;
    const rows = Math.floor(MAX_METRICS_CELLS / wide);
    expect(() => checkFunctionCells(rows, wide, MAX_METRICS_CELLS)).not.toThrow();
    expect(() => inLanguage({}, () => checkFunctionCells(rows + 1, wide, MAX_METRICS_CELLS))).toThrow(
      `more than the ${MAX_METRICS_CELLS.toLocaleString('en-US')} a custom function`,
    );
    const over = Array.from({ length: MAX_METRICS_CELLS + 1 }, (_, i) => [i]);
    expect(() => abmScore(over)).toThrow(`The range holds ${(MAX_METRICS_CELLS + 1).toLocaleString('en-US')} cells`);
  });

  it('lets a range of exactly the limit through', () => {
    const at = Array.from({ length: MAX_FUNCTION_CELLS }, (_, i) => [i]);
    expect(frame(at).rows).toHaveLength(MAX_FUNCTION_CELLS);
  });

  it('counts rows × columns, after the trailing blank rows are trimmed', () => {
    expect(() => checkFunctionCells(MAX_FUNCTION_CELLS / 8, 8)).not.toThrow();
    expect(() => inLanguage({}, () => checkFunctionCells(MAX_FUNCTION_CELLS / 8 + 1, 8))).toThrow(
      `The range holds ${(MAX_FUNCTION_CELLS + 8).toLocaleString('en-US')} cells, more than the ${LIMIT}`,
    );
    // An open range (A1:D) far longer than the limit, holding five rows: scored, not refused.
    const table = [
      ['Account', 'Revenue', 'Profit', 'Engagement'],
      ['Acme', 100, 30, 90],
      ['Birch', 200, 10, 50],
      ['Cobalt', 300, 50, 10],
      ['Dune', 400, -5, 70],
    ];
    const open = [...table, ...Array.from({ length: MAX_FUNCTION_CELLS / 4 }, () => ['', '', '', ''])];
    expect(open.length * 4).toBeGreaterThan(MAX_FUNCTION_CELLS);
    expect(abmScore(open)).toEqual(abmScore(table));
  });
});
