import { exceptionsReport, minuteText, type Analysis, type Settings } from '../core';
import { analyseSheet, UserError } from './analyse-sheet';
import {
  HISTORY_PROPERTY,
  HISTORY_SHEET_KEY,
  HISTORY_SHEET_NAME,
  OUTPUTS,
  SETTINGS_PROPERTY,
  SUMMARY_PROPERTY,
  SUMMARY_SHEET_KEY,
  SUMMARY_SHEET_NAME,
} from './keys';
import { findOurSheets } from './our-sheets';
import { duplicateKeys, planHistory, tierMovement, writeHistory } from './history';
import { checkOutputs, outputCellsToAdd, writeOutputs } from './output-columns';
import { readSheet, type SheetData } from './read-sheet';
import { columnNumber } from './a1';
import { checkWorkbookCells, RunClock } from './limits';
import { preview, type ScoreReport } from './report';
import type { PropertiesApi, Services, SpreadsheetApi } from './apps-script';
import { documentLanguage, inputSettings, type Language } from './language';
import { readSettings, saveSettings, sayWarning } from './settings-store';
import { colourRows, rulesKey } from './tier-colours';
import { planSummary, writeSummary } from './summary-sheet';
import { summaryLayout } from './summary-layout';
import { refreshLookalikes } from './lookalike-column';
import { withDocumentLock } from './document-lock';
import { given } from './given';
import { refuseOrderLines } from './orders-sheet';
import { REPORT_SHEET_NAME, writeReportCard } from './report-card-sheet';
import { documentPins, PINS_PROPERTY } from './pins';

function activeAccountsSheet(ss: SpreadsheetApi, language: Language) {
  const sheet = ss.getActiveSheet();
  const name = sheet.getName();
  if (name.startsWith(SUMMARY_SHEET_NAME) || name === HISTORY_SHEET_NAME || name.startsWith(REPORT_SHEET_NAME))
    throw new UserError(language.say('msg.summarySheet'));
  return { sheet, name };
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
    const run = startRun(services, input);
    const active = readActive(run);
    clock.check('phase.scoring', run.language.say);
    const scored = analyseActive(run, active);
    const plan = planWrites(run, active, scored);
    clock.check('phase.writing', run.language.say);
    if (input !== undefined) saveGiven(run);
    const columns = writeAccountColumns(run, active, scored.analysis);
    colourTiers(run, active, columns);
    refreshLookalikeColumn(run, active, scored.analysis);
    const summarySheet = writeSummarySheet(run, active, plan);
    writeHistory(run.ss, active.sheet, plan.history, run.props);
    writeReportCard(run.ss, active.sheet, active.data, scored.analysis, run.language, run.stored);
    return scoreReport(run, active, scored, columns, summarySheet);
  });
}

/** One run's context: the document's properties as read once, the settings it scores with, its language, its warnings so far. */
interface Run {
  services: Services;
  ss: SpreadsheetApi;
  props: PropertiesApi;
  stored: Record<string, string>;
  saved: Settings;
  language: Language;
  warnings: string[];
}

/** The settings to score with: the ones given (validated), else the saved ones (a problem reading them becomes a warning). */
function startRun(services: Services, input: unknown): Run {
  const props = services.properties.getDocumentProperties();
  const stored = props.getProperties();
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const loaded = input === undefined ? readSettings(stored[SETTINGS_PROPERTY]) : { settings: inputSettings(ss, input), warning: undefined };
  const language = documentLanguage(ss, loaded.settings);
  const warning = sayWarning(loaded.warning, language.show);
  return { services, ss, props, stored, saved: loaded.settings, language, warnings: warning ? [warning] : [] };
}

type Active = ReturnType<typeof activeAccountsSheet> & { data: SheetData };

/** The active sheet of accounts, read once. */
function readActive(run: Run): Active {
  const active = activeAccountsSheet(run.ss, run.language);
  return { ...active, data: readSheet(active.sheet, active.name) };
}

/** The analysis, and how tiers moved since the last run (duplicate keys become warnings). */
function analyseActive(run: Run, { data }: Active) {
  const analysis = analyseSheet(data, run.language, documentPins(run.stored[PINS_PROPERTY]));
  refuseOrderLines(data.header, analysis.table.accounts, run.language);
  const move = tierMovement(data, analysis);
  run.warnings.push(...duplicateKeys(analysis, run.language.show));
  return { analysis, move };
}

/** Everything is computed. Before anything is written: what we write over is ours, and it fits. */
function planWrites(run: Run, { data }: Active, { analysis, move }: ReturnType<typeof analyseActive>) {
  const { ss, stored, language } = run;
  checkOutputs(data, language.say);
  const when = `${minuteText(Date.now(), language.timeZone)} (${language.timeZone})`;
  const layout = summaryLayout(analysis, data.name, when, move, language.say);
  const ours = findOurSheets(ss, [SUMMARY_SHEET_KEY, HISTORY_SHEET_KEY]);
  const summary = planSummary(ss, stored[SUMMARY_PROPERTY], layout, language.say, ours);
  const history = planHistory(ss, analysis, `${when} · ${data.name}`, stored[HISTORY_PROPERTY], language.say, ours);
  checkWorkbookCells(ss, outputCellsToAdd(data) + summary.added + history.added, language.say);
  return { layout, summary, history };
}

/** The settings given are saved (once valid, and only when they changed). */
function saveGiven(run: Run): void {
  if (run.stored[SETTINGS_PROPERTY] !== JSON.stringify(run.saved)) saveSettings(run.props, run.saved, run.language.say);
}

/** Our output columns beside the accounts; returns where they went (e.g. "N:R"). */
function writeAccountColumns(run: Run, { data }: Active, analysis: Analysis): string {
  const written = writeOutputs(data, analysis, run.language.say, run.language.show);
  if (written.note) run.warnings.push(written.note);
  return written.columns;
}

/** An existing Lookalike column follows the new tiers (or says it is stale, with a warning). */
function refreshLookalikeColumn(run: Run, { data }: Active, analysis: Analysis): void {
  const stale = refreshLookalikes(data, analysis, run.language);
  if (stale) run.warnings.push(stale);
}

/** Tier colours over the accounts' rows, up to the end of our output columns. */
function colourTiers(run: Run, { sheet, name, data }: Active, columns: string) {
  const firstOutput = columnNumber(columns.split(':')[0]);
  colourRows(
    run.services.spreadsheetApp,
    sheet,
    name,
    run.props,
    run.language.settings,
    {
      firstRow: data.headerRow + 2,
      lastRow: data.headerRow + 1 + data.rows.length,
      lastColumn: Math.max(data.values[0]?.length ?? 0, firstOutput + OUTPUTS.length - 1),
      tierColumn: firstOutput + OUTPUTS.indexOf('Tier'),
    },
    run.stored[rulesKey(name)] ?? null,
  );
}

/** The summary sheet (ours, made or rewritten); returns its name. */
function writeSummarySheet(run: Run, { sheet }: Active, { summary, layout }: ReturnType<typeof planWrites>): string {
  return writeSummary(summary, layout, {
    ss: run.ss,
    source: sheet,
    props: run.props,
    recorded: run.stored[SUMMARY_PROPERTY],
    say: run.language.say,
    app: run.services.spreadsheetApp,
  });
}

/** What the sidebar shows after a run. */
function scoreReport(run: Run, { data }: Active, { analysis, move }: ReturnType<typeof analyseActive>, columns: string, summarySheet: string): ScoreReport {
  const shown = preview(analysis, data.name, run.language.show);
  return {
    ...shown,
    warnings: [...run.warnings, ...shown.warnings],
    columns,
    summarySheet,
    kpis: analysis.kpis,
    lang: run.language.lang,
    movement: move ? { up: move.up.length, down: move.down.length } : null,
    exceptions: exceptionsReport(analysis),
  };
}
