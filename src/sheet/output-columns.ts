import { accountRow, GRID_CELLS, type Analysis, type Cell } from '../core';
import type { Said, Translate } from '../i18n';
import { inEveryLanguage } from './language';
import { OUTPUTS, OUTPUT_COLUMN_KEY } from './keys';
import { columnLetter } from './a1';
import { cellValue } from './plain-text';
import { blank, lastUsedColumn, type SheetData, type WrittenMark } from './read-sheet';
import { UserError } from './analyse-sheet';
import { fingerprint, foreignCells, type ColumnKind } from './written-mark';

/**
 * Writes Score, Tier, Segment, ABM program, Drivers and Grid beside the data in one setValues. A
 * re-run finds the block again by developer metadata and updates it in place; a user's column is
 * never written over: if our block's header cells no longer read as ours, a fresh block is placed
 * after the last used column and the report says so. A five-column block from a version before
 * Grid is taken over in place when the column to its right is empty, else Score refuses.
 */

export interface WriteResult {
  /** A1 notation of the columns written, e.g. `P:T`. */
  columns: string;
  /** Set when the old place could not be used. */
  note?: string;
}

/** One row of our columns per account, as Sheets will give the cells back (text without the apostrophe we write it with); `show`: the document's words. */
export function outputRows(analysis: Analysis, show: (message: Said) => string): (string | number)[][] {
  const out: (string | number)[][] = new Array(analysis.table.n);
  const cells = analysis.axes.cell;
  for (let i = 0; i < out.length; i++) {
    const row = accountRow(analysis, i, show);
    if (!row) out[i] = ['', '', '', '', '', ''];
    else if (row.error !== null) out[i] = ['', '', '', '', `⚠ ${row.error}`, ''];
    else {
      const grid = cells[i] >= 0 ? GRID_CELLS[cells[i]] : '';
      out[i] = [Number.isFinite(row.score) ? row.score : '', row.tier ?? '', row.segment ?? '', row.program ?? '', row.drivers ?? '', grid];
    }
  }
  return out;
}

const OUTPUT_KEYS = ['out.score', 'out.tier', 'out.segment', 'out.program', 'out.drivers', 'out.grid'] as const;
/** What each output column may hold. */
const OUTPUT_KINDS: readonly ColumnKind[] = ['number', 'label', 'label', 'label', 'text', 'label'];

/** Columns of our block as found: all of OUTPUTS, or the first five from a version before Grid; 0 when it is not ours. */
function oursWidth(data: SheetData): number {
  const { block, values, headerRow } = data;
  if (!block || headerRow < 0) return 0;
  const width = block.names.length;
  if ((width !== OUTPUTS.length && width !== OUTPUTS.length - 1) || block.names.some((n, k) => n !== OUTPUTS[k])) return 0;
  const header = values[headerRow] ?? [];
  // Our headers in whichever language wrote them.
  const ours = OUTPUT_KEYS.slice(0, width).every((key, k) => {
    const cell = header[block.column - 1 + k];
    return cell === '' || cell === undefined || inEveryLanguage(key).has(String(cell));
  });
  return ours ? width : 0;
}

/** The first cell of the user's in the column right of an older five-column block, which Grid would take: A1 and its value (a formula as its text). */
function gridColumnTaken(data: SheetData): { cell: string; value: Cell } | null {
  const column = data.block!.column + OUTPUTS.length - 1;
  const values = data.values;
  for (let r = 0; r < values.length; r++) if (!blank(values[r][column - 1])) return { cell: `${columnLetter(column)}${r + 1}`, value: values[r][column - 1] };
  // A formula that shows nothing ("") is still someone's cell (asked once, when the block is taken over).
  if (values.length === 0 || column > data.sheet.getMaxColumns()) return null;
  const formulas = data.sheet.getRange(1, column, values.length, 1).getFormulas();
  const r = formulas.findIndex((row) => row[0] !== '');
  return r < 0 ? null : { cell: `${columnLetter(column)}${r + 1}`, value: formulas[r][0] };
}

/**
 * Before anything is written: refuses, naming the cells, when someone typed into our output
 * columns (a formula, a note) since the last run. Nothing is overwritten silently.
 */
export function checkOutputs(data: SheetData, say: Translate): void {
  const width = oursWidth(data);
  if (!width) return;
  const block = data.block!;
  const firstRow = data.headerRow + 1;
  const height = data.values.length - firstRow;
  const columns = `${columnLetter(block.column)}:${columnLetter(block.column + width - 1)}`;
  const cells = foreignCells(data.values, { column: block.column, kinds: OUTPUT_KINDS.slice(0, width), firstRow, mark: block.written }, () =>
    height > 0 ? data.sheet.getRange(firstRow + 1, block.column, height, width).getFormulas() : [],
  );
  if (cells.length) throw new UserError(say('msg.userCells', { cells: cells.join(', '), columns }));
  if (width === OUTPUTS.length) return;
  const taken = gridColumnTaken(data);
  if (taken)
    throw new UserError(say('msg.gridColumnTaken', { column: columnLetter(block.column + width), columns, cell: taken.cell, value: String(taken.value) }));
}

/** Cells the sheet gains for a new block's columns past its grid (0 when the old block is reused: no call to Sheets). */
export function outputCellsToAdd(data: SheetData): number {
  const width = oursWidth(data);
  if (width === OUTPUTS.length) return 0;
  const last = width ? data.block!.column + width : lastUsedColumn(data.values) + OUTPUTS.length;
  const missing = last - data.sheet.getMaxColumns();
  return missing > 0 ? missing * data.sheet.getMaxRows() : 0;
}

function markOf(rows: (string | number)[][], analysis: Analysis): string {
  const { labels, segmentLabels, programLabels } = analysis.settings;
  const written: WrittenMark = {
    columns: fingerprint(rows, 0, OUTPUTS.length),
    labels: [...new Set([...labels, ...segmentLabels, ...programLabels, ...GRID_CELLS])],
  };
  return JSON.stringify({ names: OUTPUTS, written });
}

export function writeOutputs(data: SheetData, analysis: Analysis, say: Translate, show: (message: Said) => string): WriteResult {
  const { sheet, values, headerRow } = data;
  const width = OUTPUTS.length;
  let note: string | undefined;
  let column: number;
  // From the header row to the last row of the sheet's data, so rows left from a longer run are cleared.
  const rows = outputRows(analysis, show);
  const height = Math.max(values.length - headerRow, rows.length + 1);
  const body: (string | number)[][] = new Array(height - 1);
  for (let r = 0; r < height - 1; r++) body[r] = rows[r] ?? ['', '', '', '', '', ''];
  const mark = markOf(body, analysis);
  const found = oursWidth(data);
  if (found) {
    column = data.block!.column;
    // An older five-column block gains Grid on its right (checkOutputs made sure that column is empty).
    if (found < width) {
      const max = sheet.getMaxColumns();
      if (column + width - 1 > max) sheet.insertColumnsAfter(max, column + width - 1 - max);
    }
    data.block!.meta.setValue(mark);
  } else {
    data.block?.meta.remove();
    // After the last column holding anything: nothing of the user's can be there.
    column = lastUsedColumn(values) + 1;
    const max = sheet.getMaxColumns();
    if (column + width - 1 > max) sheet.insertColumnsAfter(max, column + width - 1 - max);
    const letter = columnLetter(column);
    const first = sheet.getRange(`${letter}:${letter}`);
    first.addDeveloperMetadata(OUTPUT_COLUMN_KEY, mark);
    first.setNumberFormat('0.0');
    if (data.block) {
      note = say('msg.columnsMoved', { columns: `${letter}:${columnLetter(column + width - 1)}` });
    }
  }
  const block: (string | number)[][] = new Array(height);
  block[0] = OUTPUT_KEYS.map((key) => cellValue(say(key)));
  for (let r = 1; r < height; r++) block[r] = body[r - 1].map((v) => cellValue(v));
  sheet.getRange(headerRow + 1, column, height, width).setValues(block);
  return { columns: `${columnLetter(column)}:${columnLetter(column + width - 1)}`, note };
}
