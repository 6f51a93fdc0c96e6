import { accountRow, type Analysis } from '../core';
import type { Said, Translate } from '../i18n';
import { inEveryLanguage } from './language';
import { OUTPUTS, OUTPUT_COLUMN_KEY } from './keys';
import { columnLetter } from './a1';
import { cellValue } from './plain-text';
import { lastUsedColumn, type SheetData, type WrittenMark } from './read-sheet';
import { UserError } from './analyse-sheet';
import { fingerprint, foreignCells, type ColumnKind } from './written-mark';

/**
 * Writes Score, Tier, Segment, ABM program and Drivers beside the data in one setValues. A re-run
 * finds the block again by developer metadata and updates it in place; a user's column is never
 * written over: if our block's header cells no longer read as ours, a fresh block is placed after
 * the last used column and the report says so.
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
  for (let i = 0; i < out.length; i++) {
    const row = accountRow(analysis, i, show);
    if (!row) out[i] = ['', '', '', '', ''];
    else if (row.error !== null) out[i] = ['', '', '', '', `⚠ ${row.error}`];
    else out[i] = [Number.isFinite(row.score) ? row.score : '', row.tier ?? '', row.segment ?? '', row.program ?? '', row.drivers ?? ''];
  }
  return out;
}

const OUTPUT_KEYS = ['out.score', 'out.tier', 'out.segment', 'out.program', 'out.drivers'] as const;
/** What each output column may hold. */
const OUTPUT_KINDS: readonly ColumnKind[] = ['number', 'label', 'label', 'label', 'text'];

function blockIsOurs(data: SheetData): boolean {
  const { block, values, headerRow } = data;
  if (!block || headerRow < 0) return false;
  if (block.names.length !== OUTPUTS.length || block.names.some((n, k) => n !== OUTPUTS[k])) return false;
  const header = values[headerRow] ?? [];
  // Our headers in whichever language wrote them.
  return OUTPUT_KEYS.every((key, k) => {
    const cell = header[block.column - 1 + k];
    return cell === '' || cell === undefined || inEveryLanguage(key).has(String(cell));
  });
}

/**
 * Before anything is written: refuses, naming the cells, when someone typed into our output
 * columns (a formula, a note) since the last run. Nothing is overwritten silently.
 */
export function checkOutputs(data: SheetData, say: Translate): void {
  if (!blockIsOurs(data)) return;
  const block = data.block!;
  const firstRow = data.headerRow + 1;
  const height = data.values.length - firstRow;
  const cells = foreignCells(data.values, { column: block.column, kinds: OUTPUT_KINDS, firstRow, mark: block.written }, () =>
    height > 0 ? data.sheet.getRange(firstRow + 1, block.column, height, OUTPUTS.length).getFormulas() : [],
  );
  if (cells.length)
    throw new UserError(
      say('msg.userCells', { cells: cells.join(', '), columns: `${columnLetter(block.column)}:${columnLetter(block.column + OUTPUTS.length - 1)}` }),
    );
}

/** Cells the sheet gains for a new block's columns past its grid (0 when the old block is reused: no call to Sheets). */
export function outputCellsToAdd(data: SheetData): number {
  if (blockIsOurs(data)) return 0;
  const missing = lastUsedColumn(data.values) + OUTPUTS.length - data.sheet.getMaxColumns();
  return missing > 0 ? missing * data.sheet.getMaxRows() : 0;
}

function markOf(rows: (string | number)[][], analysis: Analysis): string {
  const { labels, segmentLabels, programLabels } = analysis.settings;
  const written: WrittenMark = { columns: fingerprint(rows, 0, OUTPUTS.length), labels: [...new Set([...labels, ...segmentLabels, ...programLabels])] };
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
  for (let r = 0; r < height - 1; r++) body[r] = rows[r] ?? ['', '', '', '', ''];
  const mark = markOf(body, analysis);
  if (blockIsOurs(data)) {
    column = data.block!.column;
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
