import { mapColumns, type CellLocale, type Settings, type SettingsInput } from '../core';
import { HISTORY_SHEET_NAME, OUTPUTS, SUMMARY_SHEET_NAME } from './keys';
import { analyseSheet, UserError } from './analyse-sheet';
import { columnLetter } from './a1';
import { readSheet } from './read-sheet';
import type { Services } from './apps-script';
import { loadSettings, sayWarning } from './settings-store';
import { documentLanguage, inputSettings } from './language';
import type { Lang } from '../i18n';
import { given } from './given';
import { refuseOrderLines } from './orders-sheet';
import { documentPins, PINS_PROPERTY } from './pins';

/** What the sidebar shows when it opens: the columns found, their roles, and the saved settings. */

export interface ColumnInfo {
  /** 0-based column index in the sheet. */
  index: number;
  letter: string;
  header: string;
  /** Role name, `custom`, or null when the column is not used. */
  role: string | null;
  weight: number;
  direction: 'higher' | 'lower';
}

export interface SidebarState {
  sheet: string;
  /** 1-based row of the header; 0 when none was found. */
  headerRow: number;
  /** Data rows under the header (blank ones at the end left out). */
  rows: number;
  columns: ColumnInfo[];
  /** Profit is computed as revenue − cost. */
  derivedProfit: boolean;
  settings: Settings;
  /** The language the sidebar speaks: the saved choice, else the spreadsheet's locale. */
  lang: Lang;
  /** The tier labels as they will be written (the language's, where the settings keep the defaults). */
  shownLabels: [string, string, string];
  /** A problem to show instead of the column list, e.g. no header row. */
  problem?: string;
  warning?: string;
}

export function sidebarState(services: Services, editedInput?: SettingsInput | null): SidebarState {
  const edited = given(editedInput);
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const loaded = edited === undefined ? loadSettings(services.properties.getDocumentProperties()) : { settings: inputSettings(ss, edited), warning: undefined };
  const settings = loaded.settings;
  const language = documentLanguage(ss, settings);
  const data = readSheet(ss.getActiveSheet());
  const state: SidebarState = {
    sheet: data.name,
    headerRow: data.headerRow + 1,
    rows: data.rows.length,
    columns: [],
    derivedProfit: false,
    settings,
    lang: language.lang,
    shownLabels: language.settings.labels,
    warning: sayWarning(loaded.warning, language.show),
  };
  // Our own summary and history sheets are not accounts: the sidebar follows you there and says so.
  if (data.name.startsWith(SUMMARY_SHEET_NAME) || data.name === HISTORY_SHEET_NAME) {
    state.problem = language.say('msg.summarySheet');
    return state;
  }
  if (!data.header) {
    try {
      analyseSheet(data, language);
    } catch (error) {
      state.problem = error instanceof UserError ? error.message : String(error);
    }
    return state;
  }
  const mapping = mapColumns(data.header, data.header.length, settings);
  state.derivedProfit = mapping.derivedProfit;
  const byIndex = new Map(mapping.metrics.filter((m) => m.index >= 0).map((m) => [m.index, m]));
  data.header.forEach((cell, index) => {
    const header = String(cell ?? '').trim();
    if (!header) return;
    const m = byIndex.get(index);
    const category = mapping.categories.find((c) => c.index === index);
    state.columns.push({
      index,
      letter: columnLetter(index + 1),
      header,
      role: index === mapping.account ? 'account' : m ? m.role : index === mapping.outcome?.index ? 'outcome' : category ? 'category' : null,
      weight: m ? m.weight : (category?.weight ?? 0),
      direction: m ? m.direction : 'higher',
    });
  });
  if (mapping.metrics.length === 0) {
    state.problem = language.say('msg.noMetricIn', { sheet: data.name });
  }
  return state;
}

/** A cell as it crosses google.script.run, which passes no Date: a date cell goes as `{ d: milliseconds }`. */
export type SentCell = string | number | boolean | null | { d: number };

/**
 * The sheet as the sidebar's own preview needs it, sent once per sidebar session (again only after a
 * role or language change): the mapped columns of every data row, so the sidebar recomputes tiers in
 * the browser as the sliders move, with no server call.
 */
export interface PreviewData {
  sheet: string;
  /** The header cells of the columns sent (the account and metric columns), in sheet order. */
  header: string[];
  /** Each data row, those columns only. */
  rows: SentCell[][];
  /** Sheet row number of the first data row. */
  firstRow: number;
  /** How the sheet writes numbers and dates, and its time zone. */
  locale: CellLocale;
  /** Per data row, the tier the last Score wrote: '0' to '2', '-' for none; '' when the sheet has no output columns. */
  lastTiers: string;
}

/** The active sheet's mapped columns for the sidebar's local preview. */
export function previewData(services: Services, editedInput?: SettingsInput | null): PreviewData {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(ss, inputSettings(ss, given(editedInput) ?? {}));
  const data = readSheet(ss.getActiveSheet());
  if (!data.header || data.rows.length === 0) analyseSheet(data, language); // throws the sheet's problem in words
  const header = data.header ?? [];
  const mapping = mapColumns(header, header.length, language.settings);
  const sent = [mapping.account, ...mapping.metrics.map((m) => m.index)].filter((i) => i >= 0).sort((a, b) => a - b);
  // A sheet of order lines is refused here as Score refuses it (the preview would count each line as an account).
  if (mapping.account >= 0)
    refuseOrderLines(
      header,
      data.rows.map((row) => String(row[mapping.account] ?? '').trim()),
      language,
    );
  const cell = (v: unknown): SentCell => (v instanceof Date ? { d: v.getTime() } : v === undefined ? null : (v as SentCell));
  let lastTiers = '';
  if (data.block) {
    const col = data.block.column - 1 + OUTPUTS.indexOf('Tier');
    const labels = language.settings.labels;
    for (let r = 0; r < data.rows.length; r++) {
      const k = labels.indexOf(String(data.values[data.headerRow + 1 + r]?.[col] ?? '') as string);
      lastTiers += k < 0 ? '-' : String(k);
    }
    if (!/[012]/u.test(lastTiers)) lastTiers = '';
  }
  return {
    sheet: data.name,
    header: sent.map((i) => String(header[i] ?? '')),
    rows: data.rows.map((row) => sent.map((i) => cell(row[i]))),
    firstRow: data.headerRow + 2,
    locale: language.locale,
    lastTiers,
  };
}

/** The document's pins (src/sheet/pins.ts) as Copy as SQL bakes them in, read when it is pressed: [account, 0–2 a tier or 3 exclude]. */
export function documentPinList(services: Services): [string, number][] {
  const { byAccount } = documentPins(services.properties.getDocumentProperties().getProperty(PINS_PROPERTY));
  return [...(byAccount ?? [])].map(([account, reading]) => [account, reading.pin]);
}

/** The active sheet's name: the sidebar asks every few seconds, to follow the sheet a person is on. */
export function activeSheetName(services: Services): string {
  return services.spreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName();
}

/** Makes the named sheet the active one (the next step after building it) and describes it as the sidebar opens it. */
export function openSheet(services: Services, name: string, editedInput?: SettingsInput | null): SidebarState {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  ss.getSheetByName(name)?.activate();
  return sidebarState(services, editedInput);
}
