import { lookalikeOfTier1 } from '../core';
import { documentLanguage } from './language';
import { analyseSheet, UserError } from './analyse-sheet';
import type { Services } from './apps-script';
import { OUTPUT_COLUMN_KEY } from './keys';
import { columnLetter } from './a1';
import { cellValue } from './plain-text';
import { lastUsedColumn, readSheet } from './read-sheet';
import { loadSettings } from './settings-store';

/** "Find lookalikes of Tier 1": a Lookalike column (ours, found again by developer metadata) and the top 10. */

export interface LookalikeReport {
  column: string;
  top: { row: number; account: string; similarity: number; tier: string }[];
}

export const LOOKALIKE = 'Lookalike';

export function findLookalikes(services: Services): LookalikeReport {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(ss, loadSettings(services.properties.getDocumentProperties()).settings);
  const lock = services.lock.getDocumentLock();
  if (!lock.tryLock(5000)) throw new UserError(language.say('msg.busy'));
  try {
    const settings = language.settings;
    const data = readSheet(ss.getActiveSheet());
    const sheet = data.sheet;
    const analysis = analyseSheet(data, language);
    if (!analysis.tier.some((t) => t === 0)) throw new UserError(language.say('msg.noIdeal', { sheet: data.name, tier: settings.labels[0] }));
    const similarity = lookalikeOfTier1(analysis.table, analysis.tier);
    let column = data.extras.get(LOOKALIKE);
    if (!column) {
      column = lastUsedColumn(data.values) + 1;
      if (column > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), column - sheet.getMaxColumns());
      sheet.getRange(`${columnLetter(column)}:${columnLetter(column)}`).addDeveloperMetadata(OUTPUT_COLUMN_KEY, JSON.stringify([LOOKALIKE]));
    }
    const height = Math.max(data.values.length - data.headerRow, analysis.table.n + 1);
    const block: (string | number)[][] = [[language.say('out.lookalike')]];
    for (let i = 0; i < height - 1; i++) block.push([i < analysis.table.n ? cellValue(similarity[i]) : '']);
    sheet.getRange(data.headerRow + 1, column, height, 1).setValues(block);
    const candidates: LookalikeReport['top'] = [];
    for (let i = 0; i < analysis.table.n; i++) {
      if (analysis.tier[i] <= 0 || Number.isNaN(similarity[i])) continue;
      candidates.push({ row: analysis.table.rowNumbers[i], account: analysis.table.accounts?.[i] ?? language.say('cell.row', { row: analysis.table.rowNumbers[i] }), similarity: similarity[i], tier: settings.labels[analysis.tier[i]] });
    }
    candidates.sort((a, b) => b.similarity - a.similarity);
    return { column: columnLetter(column), top: candidates.slice(0, 10) };
  } finally {
    lock.releaseLock();
  }
}
