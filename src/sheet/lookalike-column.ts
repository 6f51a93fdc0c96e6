import { lookalikeOfTier1, minuteText, type Analysis } from '../core';
import { documentLanguage, type Language } from './language';
import { analyseSheet, UserError } from './analyse-sheet';
import type { Services } from './apps-script';
import { OUTPUT_COLUMN_KEY } from './keys';
import { columnLetter } from './a1';
import { cellValue } from './plain-text';
import { lastUsedColumn, readSheet, type ExtraColumn, type SheetData } from './read-sheet';
import { loadSettings } from './settings-store';
import { withDocumentLock } from './document-lock';
import { checkWorkbookCells } from './limits';
import { fingerprint, foreignCells } from './written-mark';

/**
 * "Find lookalikes of Tier 1": a Lookalike column (ours, found again by developer metadata) and the
 * top 10. A note on its header says when it was computed and from which tier, its values carry a
 * number format, and each Score refreshes it from the new tiers, or heads it "Lookalike (stale
 * since …)" when it cannot.
 */

export interface LookalikeReport {
  column: string;
  top: { row: number; account: string; similarity: number; tier: string }[];
}

export const LOOKALIKE = 'Lookalike';
/** Similarity 0–100 with one decimal (shown with the spreadsheet locale's decimal mark). */
export const LOOKALIKE_FORMAT = '0.0';

/** When the run happened, as the summary writes it: the spreadsheet's wall clock. */
function now(language: Language): string {
  return minuteText(Date.now(), language.timeZone);
}

/** The cells in our column that a person typed since we wrote it (named, never written over). */
function editedCells(data: SheetData, ours: ExtraColumn): string[] {
  const firstRow = data.headerRow + 1;
  const height = data.values.length - firstRow;
  return foreignCells(data.values, { column: ours.column, kinds: ['number'], firstRow, mark: ours.written }, () =>
    height > 0 ? data.sheet.getRange(firstRow + 1, ours.column, height, 1).getFormulas() : [],
  );
}

/**
 * The header and the similarity of each row, in one setValues from the header row, and the note on
 * the header that says when; returns the mark of what was written.
 */
function writeColumn(data: SheetData, analysis: Analysis, similarity: Float64Array, column: number, language: Language): string {
  const height = Math.max(data.values.length - data.headerRow, analysis.table.n + 1);
  const body: (string | number)[][] = [];
  for (let i = 0; i < height - 1; i++) body.push([i < analysis.table.n ? cellValue(similarity[i]) : '']);
  data.sheet.getRange(data.headerRow + 1, column, height, 1).setValues([[cellValue(language.say('out.lookalike'))], ...body]);
  data.sheet.getRange(data.headerRow + 1, column, 1, 1).setNote(language.say('out.lookalikeNote', { tier: language.settings.labels[0], when: now(language) }));
  return JSON.stringify({ names: [LOOKALIKE], written: { columns: fingerprint(body, 0, 1), labels: [] } });
}

export function findLookalikes(services: Services): LookalikeReport {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(services, () => {
    const language = documentLanguage(ss, loadSettings(services.properties.getDocumentProperties()).settings);
    const settings = language.settings;
    const data = readSheet(ss.getActiveSheet());
    const sheet = data.sheet;
    const analysis = analyseSheet(data, language);
    if (!analysis.tier.some((t) => t === 0)) throw new UserError(language.say('msg.noIdeal', { sheet: data.name, tier: settings.labels[0] }));
    const similarity = lookalikeOfTier1(analysis.table, analysis.tier);
    const ours = data.extras.get(LOOKALIKE);
    if (ours) {
      // A person's formula or note in our column is named, never written over.
      const found = editedCells(data, ours);
      if (found.length)
        throw new UserError(language.say('msg.userCells', { cells: found.join(', '), columns: `${columnLetter(ours.column)}:${columnLetter(ours.column)}` }));
    }
    let column: number;
    if (ours) column = ours.column;
    else {
      column = lastUsedColumn(data.values) + 1;
      const max = sheet.getMaxColumns();
      if (column > max) {
        checkWorkbookCells(ss, (column - max) * sheet.getMaxRows(), language.say);
        sheet.insertColumnsAfter(max, column - max);
      }
    }
    const mark = writeColumn(data, analysis, similarity, column, language);
    const whole = ours ? null : sheet.getRange(`${columnLetter(column)}:${columnLetter(column)}`);
    if (ours) ours.meta.setValue(mark);
    else whole!.addDeveloperMetadata(OUTPUT_COLUMN_KEY, mark);
    // Set on every run (columns made by older versions had none); the header is text, which a number format leaves alone.
    (whole ?? sheet.getRange(`${columnLetter(column)}:${columnLetter(column)}`)).setNumberFormat(LOOKALIKE_FORMAT);
    const candidates: LookalikeReport['top'] = [];
    for (let i = 0; i < analysis.table.n; i++) {
      if (analysis.tier[i] <= 0 || Number.isNaN(similarity[i])) continue;
      candidates.push({
        row: analysis.table.rowNumbers[i],
        account: analysis.table.accounts?.[i] ?? language.say('cell.row', { row: analysis.table.rowNumbers[i] }),
        similarity: similarity[i],
        tier: settings.labels[analysis.tier[i]],
      });
    }
    candidates.sort((a, b) => b.similarity - a.similarity);
    return { column: columnLetter(column), top: candidates.slice(0, 10) };
  });
}

/**
 * Score keeps an existing Lookalike column true to the tiers it just wrote: recomputed from them,
 * with the time in its header. Where it cannot be (someone typed in it, or no account is in Tier 1
 * now) its values stay, its header says "stale since …", and the returned warning says why.
 * Nothing happens (no call to Sheets) on a sheet without the column.
 */
export function refreshLookalikes(data: SheetData, analysis: Analysis, language: Language): string | null {
  const ours = data.extras.get(LOOKALIKE);
  if (!ours) return null;
  const letter = columnLetter(ours.column);
  const when = now(language);
  const found = editedCells(data, ours);
  const ideal = analysis.tier.some((t) => t === 0);
  if (found.length === 0 && ideal) {
    ours.meta.setValue(writeColumn(data, analysis, lookalikeOfTier1(analysis.table, analysis.tier), ours.column, language));
    return null;
  }
  data.sheet.getRange(data.headerRow + 1, ours.column, 1, 1).setValues([[cellValue(language.say('out.lookalikeStale', { when }))]]);
  return found.length
    ? language.say('msg.lookalikeKept', { column: letter, cells: found.join(', ') })
    : language.say('msg.lookalikeNoIdeal', { column: letter, tier: language.settings.labels[0] });
}
