import { parseSettings, type Settings } from '../core';
import { analyseSheet, UserError } from './analyse-sheet';
import { HISTORY_PROPERTY, HISTORY_SHEET_NAME, OUTPUTS, SETTINGS_PROPERTY, SUMMARY_PROPERTY, SUMMARY_SHEET_NAME } from './keys';
import { duplicateKeys, tierMovement, writeHistory } from './history';
import { writeOutputs } from './output-columns';
import { readSheet } from './read-sheet';
import { columnNumber } from './a1';
import { checkCells, RunClock } from './limits';
import { preview, type Preview, type ScoreReport } from './report';
import type { Services, SpreadsheetApi } from './apps-script';
import { documentLanguage, type Language } from './language';
import { readSettings, saveSettings, sayWarning, type SettingsWarning } from './settings-store';
import { colourRows, rulesKey } from './tier-colours';
import { writeSummary } from './summary-sheet';

/** Seconds to wait for someone else's run before saying so. */
const LOCK_WAIT_MS = 5000;

function activeAccountsSheet(ss: SpreadsheetApi, language: Language) {
  const sheet = ss.getActiveSheet();
  const name = sheet.getName();
  if (name.startsWith(SUMMARY_SHEET_NAME) || name === HISTORY_SHEET_NAME) throw new UserError(language.say('msg.summarySheet'));
  return { sheet, name };
}

/** Tiers and programs for the given settings, computed without writing anything (the sidebar's live preview). */
export function previewSheet(services: Services, settingsInput: unknown): Preview {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(ss, parseSettings(settingsInput));
  const { sheet, name } = activeAccountsSheet(ss, language);
  const data = readSheet(sheet, name);
  return preview(analyseSheet(data, language), data.name);
}

/**
 * Scores the active sheet: reads it once, computes everything, then writes the output columns,
 * the tier colours and the summary sheet. Under a document lock, so two people pressing Score at
 * once cannot interleave; with `settingsInput` the settings are validated and saved first.
 */
export function scoreSheet(services: Services, settingsInput?: unknown, clock = new RunClock()): ScoreReport {
  const props = services.properties.getDocumentProperties();
  const stored = props.getProperties();
  const warnings: string[] = [];
  let saved: Settings;
  let loadWarning: SettingsWarning | undefined;
  if (settingsInput === undefined) {
    const loaded = readSettings(stored[SETTINGS_PROPERTY]);
    saved = loaded.settings;
    loadWarning = loaded.warning;
  } else saved = parseSettings(settingsInput);
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(ss, saved);
  const loadMessage = sayWarning(loadWarning, language.say);
  if (loadMessage) warnings.push(loadMessage);
  const settings = language.settings;
  const lock = services.lock.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError(language.say('msg.busy'));
  try {
    if (settingsInput !== undefined && stored[SETTINGS_PROPERTY] !== JSON.stringify(saved)) saveSettings(props, saved, language.say);
    const { sheet, name } = activeAccountsSheet(ss, language);
    const data = readSheet(sheet, name);
    checkCells(data.values.length, data.values[0]?.length ?? 0, data.block ? 0 : OUTPUTS.length, language.say);
    clock.check('phase.scoring', language.say);
    const analysis = analyseSheet(data, language);
    const move = tierMovement(data, analysis);
    clock.check('phase.writing', language.say);
    warnings.push(...duplicateKeys(analysis, language.say));
    // Everything is computed: only now is anything written.
    const written = writeOutputs(data, analysis, language.say);
    if (written.note) warnings.push(written.note);
    const tierColumn = columnNumber(written.columns.split(':')[0]) + OUTPUTS.indexOf('Tier');
    const lastColumn = Math.max(data.values[0]?.length ?? 0, columnNumber(written.columns.split(':')[0]) + OUTPUTS.length - 1);
    colourRows(services.spreadsheetApp, sheet, name, props, settings, {
      firstRow: data.headerRow + 2,
      lastRow: data.headerRow + 1 + data.rows.length,
      lastColumn,
      tierColumn,
    }, stored[rulesKey(name)] ?? null);
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const summary = writeSummary(analysis, { ss, source: sheet, props, recorded: stored[SUMMARY_PROPERTY], sourceName: data.name, when, move, say: language.say });
    writeHistory(ss, sheet, analysis, data.name, when, stored[HISTORY_PROPERTY], props);
    return {
      ...preview(analysis, data.name),
      warnings: [...warnings, ...analysis.warnings],
      columns: written.columns,
      summarySheet: summary,
      kpis: analysis.kpis,
      lang: language.lang,
      movement: move ? { up: move.up.length, down: move.down.length } : null,
    };
  } finally {
    lock.releaseLock();
  }
}
