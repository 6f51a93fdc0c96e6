import type { RangeApi, SheetApi } from './apps-script';

/**
 * Sheets' grid: every sheet has getMaxRows() × getMaxColumns() cells, and getRange past them throws
 * ("The coordinates of the range are outside the dimensions of the sheet"). A new sheet is 1000 × 26.
 */

/** The grid of a sheet that `insertSheet` makes. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export interface GridSize {
  rows: number;
  columns: number;
}

export function gridOf(sheet: SheetApi): GridSize {
  return { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
}

/** Cells a sheet of grid `now` gains when grown to hold `rows` × `columns` (now null: a new sheet). */
export function cellsAdded(now: GridSize | null, rows: number, columns: number): number {
  const base = now ?? { rows: NEW_SHEET_ROWS, columns: NEW_SHEET_COLUMNS };
  const grown = Math.max(base.rows, rows) * Math.max(base.columns, columns);
  return now ? grown - now.rows * now.columns : grown;
}

/** Inserts rows and columns at the end so that `rows` × `columns` fit; returns the new size. */
export function ensureGrid(sheet: SheetApi, now: GridSize, rows: number, columns: number): GridSize {
  if (rows > now.rows) sheet.insertRowsAfter(now.rows, rows - now.rows);
  if (columns > now.columns) sheet.insertColumnsAfter(now.columns, columns - now.columns);
  return { rows: Math.max(now.rows, rows), columns: Math.max(now.columns, columns) };
}

/**
 * The range `rows` × `columns` from (row, column) when the grid holds it, else null with the grid's
 * real size. Sheets' getRange throws past the grid: trying it costs one call where reading both
 * sizes costs two, and the range is the one then written.
 */
export function rangeIfFits(
  sheet: SheetApi,
  row: number,
  column: number,
  rows: number,
  columns: number,
): { range: RangeApi; grid: null } | { range: null; grid: GridSize } {
  try {
    return { range: sheet.getRange(row, column, rows, columns), grid: null };
  } catch {
    return { range: null, grid: gridOf(sheet) };
  }
}
