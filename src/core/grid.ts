import { analyse, type Analysis } from './analyse';
import { findHeaderRow, mapColumns, type ColumnMapping } from './columns';
import { asOfMs, type Cell } from './parse-cell';
import type { Settings } from './settings';
import { readRows } from './table';

/** A whole 2-D grid (as Sheets or a CSV gives it) → header found, columns mapped, rows parsed, analysed. */

export interface GridOptions {
  /** What messages call the grid's first row (a sheet row number or file line); default 1. */
  firstRowNumber?: number;
  /** Where to look for the header; default: the first HEADER_SCAN_ROWS rows. */
  headerScan?: number;
}

export interface GridAnalysis extends Analysis {
  /** Index in the grid of the header row (−1: none) and of the first data row. */
  headerRow: number;
  firstDataRow: number;
}

export function width(rows: readonly (readonly Cell[])[]): number {
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}

export function mapGrid(rows: readonly (readonly Cell[])[], settings: Settings, options: GridOptions = {}): { mapping: ColumnMapping; headerRow: number } {
  const headerRow = findHeaderRow(rows, options.headerScan);
  const mapping = mapColumns(headerRow >= 0 ? rows[headerRow] : null, width(rows), settings);
  return { mapping, headerRow };
}

export function analyseGrid(rows: readonly (readonly Cell[])[], settings: Settings, options: GridOptions = {}): GridAnalysis {
  const { mapping, headerRow } = mapGrid(rows, settings, options);
  const first = headerRow + 1;
  const table = readRows(rows.slice(first), mapping, asOfMs(settings.asOf), (options.firstRowNumber ?? 1) + first);
  return { ...analyse(table, settings), headerRow, firstDataRow: first };
}
