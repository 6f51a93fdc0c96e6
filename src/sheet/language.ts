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
  let locale: string | null = null;
  let lang: Lang;
  if (settings.lang === 'auto') {
    try {
      locale = ss.getSpreadsheetLocale();
    } catch {
      locale = null; // unauthorised (onOpen before the add-on is enabled): English
    }
    lang = langOfLocale(locale);
  } else lang = settings.lang;
  const timeZone = spreadsheetTimeZone(ss);
  return { lang, timeZone, locale: { ...cellLocale(lang, locale), timeZone }, say: translator(lang), show: renderer(lang), settings: localise(settings, lang) };
}

/** Settings the sidebar sent, validated: refused as a UserError in the spreadsheet's language (theirs may be the bad field). */
export function inputSettings(ss: SpreadsheetApi, input: unknown): Settings {
  try {
    return parseSettings(input);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    let locale: string | null = null;
    try {
      locale = ss.getSpreadsheetLocale();
    } catch {
      locale = null;
    }
    throw new UserError(renderer(langOfLocale(locale))(error.said));
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
