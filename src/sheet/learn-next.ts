/**
 * The sidebar's calls for the next-tier moves of the selected row and for weights learned from an
 * outcome column (docs/scoring.md, "Next tier" and "Learned weights"). Reads the active sheet once;
 * writes only the settings (and the weights they replace, one click away), under the document lock.
 */
import { MessageError, normaliseHeader, outcomeOfHeader, readOutcomes, type Analysis } from '../core';
import { learnWeights } from '../core/learn';
import { moveMessage, NEXT_MOVE, NextTierContext, statusMessage, type NextMessage } from '../core/next-tier';
import type { Said } from '../i18n';
import { analyseSheet, UserError } from './analyse-sheet';
import type { Services } from './apps-script';
import { withDocumentLock } from './document-lock';
import { given } from './given';
import { HISTORY_SHEET_NAME, SETTINGS_PROPERTY, SUMMARY_SHEET_NAME } from './keys';
import { documentLanguage, inputSettings, type Language } from './language';
import { readSheet, type SheetData } from './read-sheet';
import { chosenOutcome, OUTCOME_PROPERTY } from './report-card-sheet';
import { readSettings, saveSettings } from './settings-store';

/** Document property holding the weights "Use these weights" replaced, for "Back to my weights". */
export const PREVIOUS_WEIGHTS_PROPERTY = 'abmTier.previousWeights';

export interface NextTierReport {
  /** The sheet row the moves are for. */
  row: number;
  account: string;
  tier: string;
  /** The easiest move, or why there is none. */
  best: string;
  /** Every other metric's smallest move, easiest first. */
  others: string[];
}

export interface LearnReport {
  /** The outcome column's header. */
  outcome: string;
  /** One per weighted metric: the settings key (its header), current and learned weight. */
  metrics: { key: string; name: string; current: number; learned: number }[];
  cvAuc: number;
  currentCvAuc: number;
  folds: number;
  successes: number;
  failures: number;
  /** Set when every learned weight is 0 (then there is nothing to use). */
  nothing: string | null;
}

interface Read {
  language: Language;
  data: SheetData;
  analysis: Analysis;
}

function readActive(services: Services, settingsInput: unknown): Read {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(ss, inputSettings(ss, given(settingsInput) ?? {}));
  const sheet = ss.getActiveSheet();
  const name = sheet.getName();
  if (name.startsWith(SUMMARY_SHEET_NAME) || name === HISTORY_SHEET_NAME) throw new UserError(language.say('msg.summarySheet'));
  const data = readSheet(sheet, name);
  return { language, data, analysis: analyseSheet(data, language) };
}

/** The row of the active cell, when the sheet can say (Apps Script's Sheet.getActiveCell). */
function activeRow(data: SheetData): number | null {
  const sheet = data.sheet as unknown as { getActiveCell?: () => { getRow(): number } | null };
  return sheet.getActiveCell?.()?.getRow() ?? null;
}

/** Next-tier moves for one sheet row: `row`, else the active cell's, else the first account's. */
export function nextTierOfRow(services: Services, settingsInput?: unknown, row?: number | null): NextTierReport {
  const { language, data, analysis } = readActive(services, settingsInput);
  const { table } = analysis;
  const wanted = given(row) ?? activeRow(data) ?? table.rowNumbers[0];
  let i = table.rowNumbers.indexOf(wanted);
  if (i < 0 || table.status[i] !== 0) i = -1;
  if (i < 0) throw new UserError(language.show({ code: 'next.noRow', params: { row: wanted } } as unknown as Said));
  const context = new NextTierContext(analysis);
  const { status, target } = context.statusOf(i);
  const show = (said: NextMessage) => language.show(said as Said);
  const moves = status === NEXT_MOVE ? context.movesOf(i, target).sort((a, b) => a.pTo - a.pFrom - (b.pTo - b.pFrom)) : [];
  const best = show(statusMessage(analysis, status, target, moves[0] ?? null) ?? ({ code: 'next.noRow', params: { row: wanted } } as unknown as NextMessage));
  return {
    row: wanted,
    account: table.accounts?.[i] ?? '',
    tier: analysis.tier[i] >= 0 ? analysis.settings.labels[analysis.tier[i]] : '',
    best,
    others: moves.slice(1).map((m) => show(moveMessage(analysis, m, target))),
  };
}

/**
 * The outcome column as the report card picks it: one the settings map as outcome, else the one
 * chosen in the sidebar (older documents, `chosen`), else the first whose header names an outcome; −1 without one.
 */
export function outcomeOfSheet(header: readonly unknown[], analysis: Analysis, chosen: string | null): number {
  const mapped = analysis.table.mapping.outcome;
  const roles = analysis.settings.roles;
  if (mapped && Object.keys(roles).some((k) => roles[k] === 'outcome' && normaliseHeader(k) === normaliseHeader(mapped.header))) return mapped.index;
  const picked = chosen ? header.findIndex((h) => String(h ?? '').trim() === chosen) : -1;
  if (picked >= 0) return picked;
  return mapped ? mapped.index : header.findIndex((h) => outcomeOfHeader(h) !== null);
}

/** Weights learned from the sheet's outcome column: `outcome` (a header), else as the report card picks it (outcomeOfSheet). */
export function learnOnSheet(services: Services, settingsInput?: unknown, outcome?: string | null): LearnReport {
  const { language, data, analysis } = readActive(services, settingsInput);
  const header = data.header ?? [];
  // The column asked for, else the report card's order: the settings' outcome mapping, the sidebar's older choice, the first outcome header.
  const asked = given(outcome);
  let column = asked ? header.findIndex((h) => String(h ?? '').trim() === asked) : -1;
  if (column < 0)
    column = outcomeOfSheet(header, analysis, chosenOutcome(services.properties.getDocumentProperties().getProperty(OUTCOME_PROPERTY), data.name));
  if (column < 0) throw new UserError(language.show({ code: 'learn.noOutcome' } as Said));
  const outcomes = readOutcomes(
    data.rows.map((r) => r[column]),
    outcomeOfHeader(header[column])?.failure ?? false,
  );
  let learned: ReturnType<typeof learnWeights>;
  try {
    learned = learnWeights(analysis, outcomes.success);
  } catch (error) {
    if (error instanceof MessageError) throw new UserError(language.show(error.said as Said));
    throw error;
  }
  const weighted = analysis.table.mapping.metrics.filter((m) => m.weight > 0);
  return {
    outcome: String(header[column]),
    metrics: weighted.map((m, k) => ({
      key: m.index >= 0 ? m.header : m.name,
      name: m.role === 'custom' ? m.header : language.say(`role.${m.role}`),
      current: learned.current[k],
      learned: learned.weights[k],
    })),
    cvAuc: learned.cvAuc,
    currentCvAuc: learned.currentCvAuc,
    folds: learned.folds,
    successes: learned.successes,
    failures: learned.failures,
    nothing: learned.nothing ? language.show({ code: 'learn.nothing' } as Said) : null,
  };
}

/** "Use these weights": saves the settings (with the learned weights), keeping the weights they replace. */
export function useLearnedWeights(services: Services, settingsInput: unknown): { saved: true } {
  return withDocumentLock(services, () => {
    const props = services.properties.getDocumentProperties();
    const ss = services.spreadsheetApp.getActiveSpreadsheet();
    const language = documentLanguage(ss, inputSettings(ss, given(settingsInput) ?? {}));
    const before = readSettings(props.getProperty(SETTINGS_PROPERTY)).settings;
    saveSettings(props, given(settingsInput) ?? {}, language.say);
    props.setProperty(PREVIOUS_WEIGHTS_PROPERTY, JSON.stringify(before.weights));
    return { saved: true };
  });
}

/** "Back to my weights": the weights "Use these weights" replaced, saved again; returns them. */
export function restoreWeights(services: Services, settingsInput: unknown): Record<string, number> {
  return withDocumentLock(services, () => {
    const props = services.properties.getDocumentProperties();
    const ss = services.spreadsheetApp.getActiveSpreadsheet();
    const input = (given(settingsInput) ?? {}) as Record<string, unknown>;
    const language = documentLanguage(ss, inputSettings(ss, input));
    const text = props.getProperty(PREVIOUS_WEIGHTS_PROPERTY);
    if (!text) throw new UserError(language.show({ code: 'learn.noPrevious' } as unknown as Said));
    const weights = JSON.parse(text) as Record<string, number>;
    saveSettings(props, { ...input, weights }, language.say);
    props.setProperty(PREVIOUS_WEIGHTS_PROPERTY, '');
    return weights;
  });
}
