import { describe, expect, it } from 'vitest';
import { SAMPLE_HEADER } from '../../src/sample/accounts';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { accountsGrid, formulasOutside, outside, workbook } from './helpers';

// In test:slow (50 000 rows through the shell, twice): the rest of Score's tests are in score-sheet.test.ts.
const WIDTH = SAMPLE_HEADER.length; // columns of the sample

describe('Batched service calls', () => {
  it('makes the same number of calls for 10 rows as for 50 000, and every cell outside our columns is unchanged', () => {
    const counts: number[] = [];
    for (const n of [10, 50_000]) {
      const { book, sheet, session } = workbook(accountsGrid(n, 7));
      scoreSheet(session.services); // first run creates columns, sheets and charts
      const before = outside(sheet, WIDTH + 1, WIDTH + 5);
      const formulas = formulasOutside(sheet, WIDTH + 1, WIDTH + 5);
      book.calls.reset();
      scoreSheet(session.services);
      counts.push(book.calls.total);
      expect(outside(sheet, WIDTH + 1, WIDTH + 5)).toEqual(before);
      expect(formulasOutside(sheet, WIDTH + 1, WIDTH + 5)).toEqual(formulas);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(25);
  });
});
