import { parseSettings, SettingsError, type CellLocale, type Settings } from '../core';
import { langOfLocale, LANGS, renderer, t, translator, type Lang, type MessageKey, type Said, type Translate } from '../i18n';
import { cellLocale, localise } from '../i18n/labels';
import type { SpreadsheetApi } from './apps-script';
import { UserError } from './analyse-sheet';

/** The language a document speaks: the saved choice, else its spreadsheet locale (one call, only then). */
export interface Language {
  lang: Lang;
  /** How the sheet writes numbers and dates, with its time zone (date cells are days there). */
  locale: CellLocale;
  /** The spreadsheet's time zone (File → Settings), read once per run. */
  timeZone: string;
  /** Any word in this language. */
  say: Translate;
  /** Any message (the engine's, the shell's) in this language. */
  show: (message: Said) => string;
  /** The settings with default labels in this language. */
  settings: Settings;
}

export function documentLanguage(ss: SpreadsheetApi, settings: Settings): Language {
  const locale = settings.lang === 'auto' ? spreadsheetLocale(ss) : null;
  const lang = settings.lang === 'auto' ? langOfLocale(locale) : settings.lang;
  const timeZone = spreadsheetTimeZone(ss);
  return { lang, timeZone, locale: { ...cellLocale(lang, locale), timeZone }, say: translator(lang), show: renderer(lang), settings: localise(settings, lang) };
}

/**
 * Settings the sidebar sent, validated: refused as a UserError in the spreadsheet's language (theirs
 * may be the bad field), or in `show`'s when the run already knows its language.
 */
export function inputSettings(ss: SpreadsheetApi, input: unknown, show?: (message: Said) => string): Settings {
  try {
    return parseSettings(input);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    throw new UserError((show ?? renderer(langOfLocale(spreadsheetLocale(ss))))(error.said));
  }
}

/** The spreadsheet's locale; null where it cannot be read (onOpen before the add-on is enabled: English). */
export function spreadsheetLocale(ss: SpreadsheetApi): string | null {
  try {
    return ss.getSpreadsheetLocale();
  } catch {
    return null;
  }
}

/** The spreadsheet's time zone; UTC where it cannot be read (onOpen before authorisation). */
export function spreadsheetTimeZone(ss: SpreadsheetApi): string {
  try {
    return ss.getSpreadsheetTimeZone() || 'Etc/UTC';
  } catch {
    return 'Etc/UTC';
  }
}

/** A word in every language, to recognise our own headers and chart titles whatever language wrote them. */
export function inEveryLanguage(key: MessageKey): Set<string> {
  return new Set(LANGS.map((l) => t(l, key)));
}
