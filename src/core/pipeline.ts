import { analyse, type Analysis } from './analyse';
import { mapColumns, type ColumnMapping, type PositionalOptions } from './columns';
import { asOfMs, type Cell, type CellLocale } from './parse-cell';
import type { Settings } from './settings';
import type { RowCode } from './message';
import { TableBuilder } from './table';
import { pinSource, pinsOf, type PinSource } from './pins';

/**
 * The one way from a header and rows of cells to an analysis: columns mapped, rows parsed, scored.
 * The sheet, the custom functions, the grid readers and the command line all come through here.
 */

export interface PipelineOptions {
  /** What messages call the first row (a sheet row number, a file line, a row of a range); default 1. */
  firstRowNumber?: number;
  /** How the cells are written (decimal comma, Buddhist era, time zone); English and UTC when absent. */
  locale?: CellLocale;
  /** How messages name a row ("Row 14" or "Row 14 of the range"). */
  rowCode?: RowCode;
  /** Weights and directions by position, for a range without a header row. */
  positional?: PositionalOptions;
  /** Where pins come from: by default the header's pin column (docs/scoring.md, "Pinned tiers"). */
  pins?: PinSource;
}

/** Rows go in one at a time (`add`), `finish` analyses them: for a reader that streams (the command line). */
export interface RowsReader {
  mapping: ColumnMapping;
  add(row: readonly Cell[], rowNumber: number): void;
  finish(): Analysis;
}

export function rowsReader(header: readonly Cell[] | null, width: number, settings: Settings, options: PipelineOptions = {}, capacity = 4096): RowsReader {
  const mapping = mapColumns(header, width, settings, options.positional);
  const builder = new TableBuilder(mapping, asOfMs(settings.asOf, options.locale?.timeZone), capacity, options.rowCode, options.locale);
  const source = pinSource(header, options.pins);
  // Only the rows with a pin cell are kept (a million-row file with no pins keeps nothing).
  const cells = new Map<number, [Cell, Cell]>();
  let n = 0;
  const add = (row: readonly Cell[], rowNumber: number) => {
    builder.add(row, rowNumber);
    const pin = source.pin >= 0 ? row[source.pin] : source.cells[n];
    if (pin !== null && pin !== undefined && pin !== '') cells.set(n, [pin, source.reason >= 0 ? row[source.reason] : null]);
    n++;
  };
  const finish = () => {
    const table = builder.finish();
    const { pins, warnings } = pinsOf(table, settings, source, cells, options.rowCode);
    if (warnings.length > 0) table.warnings.push(...warnings);
    return analyse(table, settings, pins);
  };
  return { mapping, add, finish };
}

export function analyseRows(header: readonly Cell[] | null, rows: readonly (readonly Cell[])[], settings: Settings, options: PipelineOptions = {}): Analysis {
  const reader = rowsReader(header, widthOf(header, rows), settings, options, rows.length);
  const first = options.firstRowNumber ?? 1;
  for (let i = 0; i < rows.length; i++) reader.add(rows[i], first + i);
  return reader.finish();
}

/** Columns to map: the header's (past its end a column has no name and maps to nothing), else the widest row's. */
function widthOf(header: readonly Cell[] | null, rows: readonly (readonly Cell[])[]): number {
  if (header) return header.length;
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}
