import { describe, expect, it } from 'vitest';
import { analyseGrid, parseSettings } from '../../src/core';
import { findLookalikes } from '../../src/sheet/lookalike-column';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { sheetDate } from '../fakes/workbook';
import { workbook } from './helpers';

/** A user's column right after our output block (C:H here, so I) is the user's: never written, always read as data. */
describe('a user column right after our output block', () => {
  const accounts = () => [
    ['Account', 'Revenue'],
    ['A', 50],
    ['B', 40],
    ['C', 30],
    ['D', 20],
    ['E', 10],
  ];

  it('keeps every cell byte for byte through Score and Find lookalikes', () => {
    const { sheet, session } = workbook(accounts());
    expect(scoreSheet(session.services).columns).toBe('C:H');
    // Column I: a header, text, a number, a date, a formula, an empty cell and text that looks like ours.
    sheet.write(1, 9, [['Notes'], ['call back'], [42], [sheetDate('2026-03-15')]]);
    sheet.setFormula(5, 9, '=B5*2', 40);
    sheet.write(7, 9, [['Tier 1']]);
    const column = (c: number) => sheet.snapshot().values.map((row) => row[c - 1] ?? '');
    const formulas = () => sheet.snapshot().formulas.filter(([k]) => k.endsWith(',9'));
    const before = { values: column(9), formulas: formulas() };
    expect(before.formulas).toEqual([['5,9', '=B5*2']]);
    expect(scoreSheet(session.services).columns).toBe('C:H');
    expect(findLookalikes(session.services).column).toBe('J');
    expect(scoreSheet(session.services).columns).toBe('C:H');
    expect({ values: column(9), formulas: formulas() }).toEqual(before);
  });

  it('is read as data: a metric typed there is scored by the next run', () => {
    const { sheet, session } = workbook(accounts());
    scoreSheet(session.services);
    // Engagement runs against revenue, so it changes every score.
    const engagement = [['Engagement'], [1], [2], [3], [4], [5]];
    sheet.write(1, 9, engagement);
    scoreSheet(session.services);
    const expected = analyseGrid(
      accounts().map((row, r) => [...row, engagement[r][0]]),
      parseSettings({}),
    );
    const scores = sheet
      .snapshot()
      .values.slice(1)
      .map((row) => row[2]);
    expect(scores).toEqual(Array.from(expected.score));
    expect(
      sheet
        .snapshot()
        .values.slice(1)
        .map((row) => row[8]),
    ).toEqual([1, 2, 3, 4, 5]);
  });
});
