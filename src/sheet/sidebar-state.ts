import { mapColumns, type Settings, type SettingsInput } from '../core';
import { analyseSheet, UserError } from './analyse-sheet';
import { columnLetter } from './a1';
import { readSheet } from './read-sheet';
import type { Services } from './apps-script';
import { loadSettings, sayWarning } from './settings-store';
import { documentLanguage, inputSettings } from './language';
import type { Lang } from '../i18n';
import { given } from './given';

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
    state.columns.push({
      index,
      letter: columnLetter(index + 1),
      header,
      role: index === mapping.account ? 'account' : m ? m.role : null,
      weight: m ? m.weight : 0,
      direction: m ? m.direction : 'higher',
    });
  });
  if (mapping.metrics.length === 0) {
    state.problem = language.say('msg.noMetricIn', { sheet: data.name });
  }
  return state;
}
