import type { Analysis } from './analyse';
import { findHeaderRow } from './columns';
import type { Cell } from './parse-cell';
import { analyseRows } from './pipeline';
import type { Settings } from './settings';

/** A whole 2-D grid (as Sheets or a CSV gives it) → header found, then the one pipeline. */

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

export function analyseGrid(rows: readonly (readonly Cell[])[], settings: Settings, options: GridOptions = {}): GridAnalysis {
  const headerRow = findHeaderRow(rows, options.headerScan);
  const first = headerRow + 1;
  const analysis = analyseRows(headerRow >= 0 ? rows[headerRow] : null, rows.slice(first), settings, { firstRowNumber: (options.firstRowNumber ?? 1) + first });
  return { ...analysis, headerRow, firstDataRow: first };
}
