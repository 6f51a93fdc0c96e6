import { describe, expect, it } from 'vitest';
import { analyseGrid, GRID_CELLS, parseSettings } from '../../src/core';
import { SAMPLE_HEADER } from '../../src/sample/accounts';
import { OUTPUT_COLUMN_KEY, OUTPUTS } from '../../src/sheet/keys';
import { readMark } from '../../src/sheet/read-sheet';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { fingerprint } from '../../src/sheet/written-mark';
import { FakeSpreadsheet, type FakeSheet, type Value } from '../fakes/workbook';
import { accountsGrid, outside, workbook } from './helpers';

/** Issue 18: Score writes each account's fit × engagement cell in a Grid column, the sixth of our block. */

const WIDTH = SAMPLE_HEADER.length; // Q: our block is R:W, Grid in W
const GRID = WIDTH + 6;

/** The Grid cell the engine gives each row of `grid` ('' for none). */
function engineCells(grid: Value[][]): string[] {
  const analysis = analyseGrid(grid, parseSettings({}));
  return Array.from(analysis.axes.cell, (c) => (c >= 0 ? GRID_CELLS[c] : ''));
}

const gridColumn = (sheet: FakeSheet, n: number) =>
  sheet
    .snapshot()
    .values.slice(1, n + 1)
    .map((r) => r[GRID - 1] ?? '');

/**
 * A sheet as the version before Grid left it: our five columns R:V with their metadata (`written`:
 * the mark with its fingerprints; false: the bare names array of still older versions), W empty.
 */
function scoredByPreviousVersion(n: number, written = true) {
  const scored = workbook(accountsGrid(n));
  scoreSheet(scored.session.services);
  const values = scored.sheet.snapshot().values.map((r) => r.slice(0, WIDTH + 5));
  const labels = readMark(scored.sheet.metadata[0].value).written!.labels.filter((l) => !(GRID_CELLS as readonly string[]).includes(l));
  const names = OUTPUTS.slice(0, 5);
  const mark = written ? JSON.stringify({ names, written: { columns: fingerprint(values.slice(1), WIDTH, 5), labels } }) : JSON.stringify(names);
  const book = new FakeSpreadsheet({ Accounts: values });
  const sheet = book.sheet('Accounts');
  const session = book.session();
  sheet.getRange(`R:R`).addDeveloperMetadata(OUTPUT_COLUMN_KEY, mark);
  return { book, sheet, session, values };
}

describe('the Grid column (issue 18)', () => {
  it('a fresh sheet gets six columns, Grid last, each row the cell the engine gives it', () => {
    const grid = accountsGrid(60);
    const { sheet, session } = workbook(grid);
    const before = outside(sheet, WIDTH + 1, WIDTH + 6);
    const report = scoreSheet(session.services);
    expect(report.columns).toBe('R:W');
    expect(sheet.snapshot().values[0].slice(WIDTH)).toEqual([...OUTPUTS]);
    const cells = engineCells(grid);
    expect(cells.filter(Boolean).length).toBe(60);
    expect(new Set(cells).size).toBeGreaterThan(3);
    expect(gridColumn(sheet, 60)).toEqual(cells);
    expect(outside(sheet, WIDTH + 1, WIDTH + 6)).toEqual(before);
    expect(sheet.metadata).toHaveLength(1);
    expect(readMark(sheet.metadata[0].value).names).toEqual([...OUTPUTS]);
  });

  it('a row with an error, or without a metric on one axis, has no cell', () => {
    const grid: Value[][] = [
      ['Account', 'Revenue', 'Engagement'],
      ['A', 10, 50],
      ['B', 'lots', 40],
      ['C', 30, ''],
      ['D', 40, 20],
      ['E', 50, 10],
    ];
    const { sheet, session } = workbook(grid);
    scoreSheet(session.services);
    const v = sheet.snapshot().values;
    const grids = v.slice(1, 6).map((r) => r[8]);
    expect(v[0][8]).toBe('Grid');
    expect(grids).toEqual(engineCells(grid));
    expect(grids[1]).toBe('');
    expect(grids[2]).toBe('');
  });

  for (const written of [true, false]) {
    it(`a sheet scored by the previous version (${written ? 'with' : 'without'} its mark) gains Grid in W, nothing moved`, () => {
      const { book, sheet, session, values } = scoredByPreviousVersion(30, written);
      const report = scoreSheet(session.services);
      expect(report.columns).toBe('R:W');
      expect(report.warnings.join(' ')).not.toContain('new ones written');
      const now = sheet.snapshot().values;
      // The data and our five columns stay where they were; Grid is added on their right.
      expect(now.map((r) => r.slice(0, WIDTH))).toEqual(values.map((r) => r.slice(0, WIDTH)));
      expect(now.slice(0, 31).map((r) => r.slice(WIDTH, WIDTH + 2))).toEqual(values.map((r) => r.slice(WIDTH, WIDTH + 2)));
      expect(now[0].slice(WIDTH)).toEqual([...OUTPUTS]);
      expect(gridColumn(sheet, 30)).toEqual(engineCells(values.map((r) => r.slice(0, WIDTH))));
      expect(now[0].length).toBe(WIDTH + 6);
      expect(sheet.metadata).toHaveLength(1);
      expect(readMark(sheet.metadata[0].value).names).toEqual([...OUTPUTS]);
      // The next run finds six columns of ours, and a re-run writes exactly the same.
      const second = sheet.snapshot();
      book.calls.reset();
      expect(scoreSheet(session.services).columns).toBe('R:W');
      expect(book.calls.total).toBeLessThanOrEqual(25);
      expect(sheet.snapshot()).toEqual(second);
    });
  }

  it("a user's value in the column right of an older block is named with its value, and nothing is written", () => {
    const { book, sheet, session } = scoredByPreviousVersion(20);
    sheet.write(7, GRID, [['ask Dana']]);
    const before = book.sheets.map((s) => ({ name: s.name, ...s.snapshot() }));
    const props = { ...book.properties };
    expect(() => scoreSheet(session.services)).toThrow(
      'Score now writes a Grid column in W, beside the ABM Tier columns R:V, but W7 holds "ask Dana": move or clear that column, then score again. Nothing was written.',
    );
    expect(book.sheets.map((s) => ({ name: s.name, ...s.snapshot() }))).toEqual(before);
    expect(book.properties).toEqual(props);
    expect(readMark(sheet.metadata[0].value).names).toEqual(OUTPUTS.slice(0, 5));
  });

  it('a formula showing nothing there is still the user’s: named by its text', () => {
    const { sheet, session } = scoredByPreviousVersion(20);
    sheet.setFormula(1, GRID, '=IF(FALSE,1,"")', '');
    const before = sheet.snapshot();
    expect(() => scoreSheet(session.services)).toThrow('but W1 holds "=IF(FALSE,1,"")"');
    expect(sheet.snapshot()).toEqual(before);
  });

  it('an older block ending at the last column of the grid gets the column inserted first', () => {
    const { sheet, session } = scoredByPreviousVersion(10);
    // A grid exactly as wide as the data and our block, to V (as after a user deleted the columns past it).
    sheet.maxColumns = WIDTH + 5;
    expect(sheet.getMaxColumns()).toBe(WIDTH + 5);
    expect(scoreSheet(session.services).columns).toBe('R:W');
    expect(sheet.getMaxColumns()).toBe(WIDTH + 6);
    expect(sheet.snapshot().values[0][GRID - 1]).toBe('Grid');
  });

  it('a cell typed into the Grid column is named, never written over', () => {
    const { sheet, session } = workbook(accountsGrid(20));
    scoreSheet(session.services);
    sheet.write(4, GRID, [['Z9']]);
    expect(() => scoreSheet(session.services)).toThrow('W4');
    expect(sheet.snapshot().values[3][GRID - 1]).toBe('Z9');
  });

  it('re-sorting keeps each Grid cell with its account, and the re-run writes the cells of the new order', () => {
    const { sheet, session } = workbook(accountsGrid(40));
    scoreSheet(session.services);
    const rows = sheet.snapshot().values;
    const byAccount = new Map(rows.slice(1, 41).map((r) => [r[0], r[GRID - 1]]));
    // Sorted by revenue, our cells moving with their rows (as Sheets' sort does).
    const sorted = rows.slice(1, 41).sort((a, b) => Number(b[2]) - Number(a[2]));
    sheet.write(2, 1, sorted);
    scoreSheet(session.services);
    const now = sheet.snapshot().values;
    expect(now.slice(1, 41).map((r) => r[GRID - 1])).toEqual(engineCells(now.map((r) => r.slice(0, WIDTH))));
    for (const r of now.slice(1, 41)) expect(r[GRID - 1]).toBe(byAccount.get(r[0]));
  });
});
