import { findHeaderRow, type Cell } from '../core';
import { OUTPUTS, OUTPUT_COLUMN_KEY, type OutputName } from './keys';
import type { SheetApi } from './apps-script';

/** The active sheet read once: its values, the header row, and where our own output columns are. */

export interface OutputBlock {
  /** 1-based column of the first output column (Score). */
  column: number;
  names: OutputName[];
}

export interface SheetData {
  sheet: SheetApi;
  name: string;
  /** The data range from A1: values as getValues gives them. */
  values: Cell[][];
  /** 0-based index of the header row in `values`, −1 when none was found. */
  headerRow: number;
  /** Our output block found by developer metadata, if any. */
  block: OutputBlock | null;
  /** The header row with our own columns blanked, so they are never read as data. */
  header: Cell[] | null;
  /** Data rows (after the header) with our own columns blanked, trailing blank rows dropped. */
  rows: Cell[][];
}

export function findBlock(sheet: SheetApi): OutputBlock | null {
  const found = sheet.createDeveloperMetadataFinder().withKey(OUTPUT_COLUMN_KEY).find();
  if (found.length === 0) return null;
  const md = found[0];
  let names: OutputName[];
  try {
    names = JSON.parse(md.getValue() ?? '[]') as OutputName[];
  } catch {
    names = [...OUTPUTS];
  }
  const column = md.getLocation().getColumn();
  return column ? { column: column.getColumn(), names } : null;
}

function blank(cell: Cell): boolean {
  return cell === '' || cell === null || cell === undefined;
}

export function readSheet(sheet: SheetApi, name = sheet.getName()): SheetData {
  const values = sheet.getDataRange().getValues() as Cell[][];
  const block = findBlock(sheet);
  const ours = (c: number) => block !== null && c >= block.column - 1 && c < block.column - 1 + block.names.length;
  const clean = block ? values.map((row) => row.map((cell, c) => (ours(c) ? '' : cell))) : values;
  const headerRow = findHeaderRow(clean, 20);
  let end = clean.length;
  while (end > headerRow + 1 && clean[end - 1].every(blank)) end--;
  return {
    sheet,
    name,
    values,
    headerRow,
    block,
    header: headerRow >= 0 ? clean[headerRow] : null,
    rows: clean.slice(headerRow + 1, end),
  };
}
