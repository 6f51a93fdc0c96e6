import { describeDrivers, ROW_BLANK, ROW_INVALID, type Analysis } from '../core';
import type { Translate } from '../i18n';
import { inEveryLanguage } from './language';
import { OUTPUTS, OUTPUT_COLUMN_KEY } from './keys';
import { columnLetter } from './a1';
import { cellValue } from './plain-text';
import { lastUsedColumn, type SheetData } from './read-sheet';

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

export function outputRows(analysis: Analysis): (string | number)[][] {
  const { table, settings } = analysis;
  const out: (string | number)[][] = new Array(table.n);
  for (let i = 0; i < table.n; i++) {
    const status = table.status[i];
    if (status === ROW_BLANK) out[i] = ['', '', '', '', ''];
    else if (status === ROW_INVALID) out[i] = ['', '', '', '', cellValue(`⚠ ${table.messages.get(i) ?? ''}`)];
    else {
      const t = analysis.tier[i];
      const s = analysis.segment[i];
      out[i] = [
        cellValue(analysis.score[i]),
        t >= 0 ? cellValue(settings.labels[t]) : '',
        s >= 0 ? cellValue(settings.segmentLabels[s]) : '',
        t >= 0 ? cellValue(settings.programLabels[t]) : '',
        t >= 0 ? cellValue(describeDrivers(analysis.drivers, i, table.mapping.metrics, analysis.percentiles, analysis.text)) : '',
      ];
    }
  }
  return out;
}

const OUTPUT_KEYS = ['out.score', 'out.tier', 'out.segment', 'out.program', 'out.drivers'] as const;

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

export function writeOutputs(data: SheetData, analysis: Analysis, say: Translate): WriteResult {
  const { sheet, values, headerRow } = data;
  const width = OUTPUTS.length;
  let note: string | undefined;
  let column: number;
  if (blockIsOurs(data)) column = data.block!.column;
  else {
    if (data.block) {
      for (const md of sheet.createDeveloperMetadataFinder().withKey(OUTPUT_COLUMN_KEY).find()) {
        if (md.getValue() === JSON.stringify(data.block.names)) md.remove();
      }
    }
    // After the last column holding anything: nothing of the user's can be there.
    column = lastUsedColumn(values) + 1;
    const missing = column + width - 1 - sheet.getMaxColumns();
    if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
    const letter = columnLetter(column);
    const first = sheet.getRange(`${letter}:${letter}`);
    first.addDeveloperMetadata(OUTPUT_COLUMN_KEY, JSON.stringify(OUTPUTS));
    first.setNumberFormat('0.0');
    if (data.block) {
      note = say('msg.columnsMoved', { columns: `${letter}:${columnLetter(column + width - 1)}` });
    }
  }
  // From the header row to the last row of the sheet's data, so rows left from a longer run are cleared.
  const rows = outputRows(analysis);
  const height = Math.max(values.length - headerRow, rows.length + 1);
  const block: (string | number)[][] = new Array(height);
  block[0] = OUTPUT_KEYS.map((key) => cellValue(say(key)));
  for (let r = 1; r < height; r++) block[r] = rows[r - 1] ?? ['', '', '', '', ''];
  sheet.getRange(headerRow + 1, column, height, width).setValues(block);
  return { columns: `${columnLetter(column)}:${columnLetter(column + width - 1)}`, note };
}
