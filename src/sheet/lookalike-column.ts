import { lookalikeOfTier1 } from '../core';
import { documentLanguage } from './language';
import { analyseSheet, UserError } from './analyse-sheet';
import type { Services } from './apps-script';
import { OUTPUT_COLUMN_KEY } from './keys';
import { columnLetter } from './a1';
import { cellValue } from './plain-text';
import { lastUsedColumn, readSheet } from './read-sheet';
import { loadSettings } from './settings-store';
import { withDocumentLock } from './document-lock';
import { checkWorkbookCells } from './limits';
import { fingerprint, foreignCells } from './written-mark';

/** "Find lookalikes of Tier 1": a Lookalike column (ours, found again by developer metadata) and the top 10. */

export interface LookalikeReport {
  column: string;
  top: { row: number; account: string; similarity: number; tier: string }[];
}

export const LOOKALIKE = 'Lookalike';

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
    const firstRow = data.headerRow + 1;
    if (ours) {
      // A person's formula or note in our column is named, never written over.
      const height = data.values.length - firstRow;
      const found = foreignCells(data.values, { column: ours.column, kinds: ['number'], firstRow, mark: ours.written }, () =>
        height > 0 ? sheet.getRange(firstRow + 1, ours.column, height, 1).getFormulas() : [],
      );
      if (found.length)
        throw new UserError(language.say('msg.userCells', { cells: found.join(', '), columns: `${columnLetter(ours.column)}:${columnLetter(ours.column)}` }));
    }
    const height = Math.max(data.values.length - data.headerRow, analysis.table.n + 1);
    const body: (string | number)[][] = [];
    for (let i = 0; i < height - 1; i++) body.push([i < analysis.table.n ? cellValue(similarity[i]) : '']);
    const mark = JSON.stringify({ names: [LOOKALIKE], written: { columns: fingerprint(body, 0, 1), labels: [] } });
    let column: number;
    if (ours) {
      column = ours.column;
      ours.meta.setValue(mark);
    } else {
      column = lastUsedColumn(data.values) + 1;
      const max = sheet.getMaxColumns();
      if (column > max) {
        checkWorkbookCells(ss, (column - max) * sheet.getMaxRows(), language.say);
        sheet.insertColumnsAfter(max, column - max);
      }
      sheet.getRange(`${columnLetter(column)}:${columnLetter(column)}`).addDeveloperMetadata(OUTPUT_COLUMN_KEY, mark);
    }
    sheet.getRange(firstRow, column, height, 1).setValues([[cellValue(language.say('out.lookalike'))], ...body]);
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
