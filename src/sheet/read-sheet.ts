import { findHeaderRow, type Cell } from '../core';
import { OUTPUTS, OUTPUT_COLUMN_KEY, type OutputName } from './keys';
import type { DeveloperMetadataApi, SheetApi } from './apps-script';

/** The active sheet read once: its values, the header row, and where our own output columns are. */

/** One extra column of ours (e.g. Lookalike): where it is, what the last run wrote there, and its metadata. */
export interface ExtraColumn {
  /** 1-based column (of a block: its first, Score). */
  column: number;
  /** What the last run wrote, to tell a person's edits from ours (absent on columns from older versions). */
  written?: WrittenMark;
  /** Its developer metadata, to record the next run's mark. */
  meta: DeveloperMetadataApi;
}

/** Our block of output columns, Score first. */
export interface OutputBlock extends ExtraColumn {
  names: OutputName[];
}

/** Kept in a block's developer metadata: a fingerprint per column of what was written, and the labels used. */
export interface WrittenMark {
  /** Per column: [sum of cell hashes mod 2³², count of non-blank cells] over the rows below the header. */
  columns: [number, number][];
  /** Every text label the run wrote in its label columns (tiers, segments, programs). */
  labels: string[];
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
  /** Our single extra columns (e.g. Lookalike), by name. */
  extras: Map<string, ExtraColumn>;
  /** The header row with our own columns blanked, so they are never read as data. */
  header: Cell[] | null;
  /** Data rows (after the header) with our own columns blanked, trailing blank rows dropped. */
  rows: Cell[][];
}

/** Our columns on a sheet, by developer metadata: the output block and any single extra columns (Lookalike). */
export function findColumns(sheet: SheetApi): { block: OutputBlock | null; extras: Map<string, ExtraColumn> } {
  const extras = new Map<string, ExtraColumn>();
  let block: OutputBlock | null = null;
  for (const md of sheet.createDeveloperMetadataFinder().withKey(OUTPUT_COLUMN_KEY).find()) {
    const { names, written } = readMark(md.getValue());
    const column = md.getLocation().getColumn();
    if (!column) continue;
    if (names.length === 1) extras.set(names[0], { column: column.getColumn(), written, meta: md });
    else if (!block) block = { column: column.getColumn(), names: names as OutputName[], written, meta: md };
  }
  return { block, extras };
}

/** A column's metadata value: `{"names":[…],"written":{…}}`, or the bare names array older versions wrote. */
export function readMark(value: string | null): { names: string[]; written?: WrittenMark } {
  try {
    const v = JSON.parse(value ?? '[]') as unknown;
    if (Array.isArray(v)) return { names: v.map(String) };
    const o = v as { names?: unknown; written?: WrittenMark };
    if (o && Array.isArray(o.names)) return { names: o.names.map(String), written: o.written && Array.isArray(o.written.columns) ? o.written : undefined };
  } catch {
    /* unreadable: the usual block */
  }
  return { names: [...OUTPUTS] };
}

/** 1-based number of the last column holding anything in any row (0 for an empty sheet). */
export function lastUsedColumn(values: readonly (readonly Cell[])[]): number {
  let last = 0;
  for (const row of values) {
    for (let c = row.length - 1; c >= last; c--) {
      if (!blank(row[c])) {
        last = c + 1;
        break;
      }
    }
  }
  return last;
}

/** A cell with nothing in it, as getValues gives one ('') or a ragged row leaves one (undefined). */
export function blank(cell: Cell): boolean {
  return cell === '' || cell === null || cell === undefined;
}

export function readSheet(sheet: SheetApi, name = sheet.getName()): SheetData {
  const values = sheet.getDataRange().getValues() as Cell[][];
  const { block, extras } = findColumns(sheet);
  const extraColumns = new Set([...extras.values()].map((x) => x.column - 1));
  const ours = (c: number) => (block !== null && c >= block.column - 1 && c < block.column - 1 + block.names.length) || extraColumns.has(c);
  const clean = block || extras.size ? values.map((row) => row.map((cell, c) => (ours(c) ? '' : cell))) : values;
  const headerRow = findHeaderRow(clean);
  let end = clean.length;
  while (end > headerRow + 1 && clean[end - 1].every(blank)) end--;
  return {
    sheet,
    name,
    values,
    headerRow,
    block,
    extras,
    header: headerRow >= 0 ? clean[headerRow] : null,
    rows: clean.slice(headerRow + 1, end),
  };
}
