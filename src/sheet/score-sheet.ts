import { minuteText, type Settings } from '../core';
import { analyseSheet, UserError } from './analyse-sheet';
import { HISTORY_PROPERTY, HISTORY_SHEET_KEY, HISTORY_SHEET_NAME, OUTPUTS, SETTINGS_PROPERTY, SUMMARY_PROPERTY, SUMMARY_SHEET_KEY, SUMMARY_SHEET_NAME } from './keys';
import { findOurSheets } from './our-sheets';
import { duplicateKeys, planHistory, tierMovement, writeHistory } from './history';
import { checkOutputs, outputCellsToAdd, writeOutputs } from './output-columns';
import { readSheet } from './read-sheet';
import { columnNumber } from './a1';
import { checkWorkbookCells, RunClock } from './limits';
import { preview, type Preview, type ScoreReport } from './report';
import type { Services, SpreadsheetApi } from './apps-script';
import { documentLanguage, inputSettings, type Language } from './language';
import { readSettings, saveSettings, sayWarning, type SettingsWarning } from './settings-store';
import { colourRows, rulesKey } from './tier-colours';
import { planSummary, writeSummary } from './summary-sheet';
import { summaryLayout } from './summary-layout';
import { withDocumentLock } from './document-lock';
import { given } from './given';

function activeAccountsSheet(ss: SpreadsheetApi, language: Language) {
  const sheet = ss.getActiveSheet();
  const name = sheet.getName();
  if (name.startsWith(SUMMARY_SHEET_NAME) || name === HISTORY_SHEET_NAME) throw new UserError(language.say('msg.summarySheet'));
  return { sheet, name };
}

/** Tiers and programs for the given settings, computed without writing anything (the sidebar's live preview). */
export function previewSheet(services: Services, settingsInput: unknown): Preview {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(ss, inputSettings(ss, given(settingsInput) ?? {}));
  const { sheet, name } = activeAccountsSheet(ss, language);
  const data = readSheet(sheet, name);
  return preview(analyseSheet(data, language), data.name, language.show);
}

/**
 * Scores the active sheet: reads it once, computes everything, checks that what it will write is
 * ours and fits the spreadsheet, then writes the output columns, the tier colours, the summary and
 * the history. Under the document lock, taken before anything is read, so two people pressing Score
 * at once cannot interleave; with `settingsInput` the settings are validated and saved first.
 */
export function scoreSheet(services: Services, settingsInput?: unknown, clock = new RunClock()): ScoreReport {
  const input = given(settingsInput);
  return withDocumentLock(services, () => {
    const props = services.properties.getDocumentProperties();
    const stored = props.getProperties();
    const warnings: string[] = [];
    let saved: Settings;
    let loadWarning: SettingsWarning | undefined;
    const ss = services.spreadsheetApp.getActiveSpreadsheet();
    if (input === undefined) {
      const loaded = readSettings(stored[SETTINGS_PROPERTY]);
      saved = loaded.settings;
      loadWarning = loaded.warning;
    } else saved = inputSettings(ss, input);
    const language = documentLanguage(ss, saved);
    const loadMessage = sayWarning(loadWarning, language.show);
    if (loadMessage) warnings.push(loadMessage);
    const settings = language.settings;
    const { sheet, name } = activeAccountsSheet(ss, language);
    const data = readSheet(sheet, name);
    clock.check('phase.scoring', language.say);
    const analysis = analyseSheet(data, language);
    const move = tierMovement(data, analysis);
    warnings.push(...duplicateKeys(analysis, language.say));
    // Everything is computed. Before anything is written: what we write over is ours, and it fits.
    checkOutputs(data, language.say);
    const when = `${minuteText(Date.now(), language.timeZone)} (${language.timeZone})`;
    const layout = summaryLayout(analysis, data.name, when, move, language.say);
    const ours = findOurSheets(ss, [SUMMARY_SHEET_KEY, HISTORY_SHEET_KEY]);
    const summary = planSummary(ss, stored[SUMMARY_PROPERTY], layout, language.say, ours);
    const history = planHistory(ss, analysis, `${when} · ${data.name}`, stored[HISTORY_PROPERTY], language.say, ours);
    checkWorkbookCells(ss, outputCellsToAdd(data) + summary.added + history.added, language.say);
    clock.check('phase.writing', language.say);
    if (input !== undefined && stored[SETTINGS_PROPERTY] !== JSON.stringify(saved)) saveSettings(props, saved, language.say);
    const written = writeOutputs(data, analysis, language.say, language.show);
    if (written.note) warnings.push(written.note);
    const firstOutput = columnNumber(written.columns.split(':')[0]);
    colourRows(services.spreadsheetApp, sheet, name, props, settings, {
      firstRow: data.headerRow + 2,
      lastRow: data.headerRow + 1 + data.rows.length,
      lastColumn: Math.max(data.values[0]?.length ?? 0, firstOutput + OUTPUTS.length - 1),
      tierColumn: firstOutput + OUTPUTS.indexOf('Tier'),
    }, stored[rulesKey(name)] ?? null);
    const summaryName = writeSummary(summary, layout, { ss, source: sheet, props, recorded: stored[SUMMARY_PROPERTY], say: language.say });
    writeHistory(ss, sheet, history, props);
    const shown = preview(analysis, data.name, language.show);
    return {
      ...shown,
      warnings: [...warnings, ...shown.warnings],
      columns: written.columns,
      summarySheet: summaryName,
      kpis: analysis.kpis,
      lang: language.lang,
      movement: move ? { up: move.up.length, down: move.down.length } : null,
    };
  });
}
