import type { CellLocale, Settings } from '../core';
import { langOfLocale, LANGS, t, translator, type Lang, type MessageKey, type Translate } from '../i18n';
import { cellLocale, localise } from '../i18n/labels';
import type { SpreadsheetApi } from './apps-script';

/** The language a document speaks: the saved choice, else its spreadsheet locale (one call, only then). */
export interface Language {
  lang: Lang;
  /** How the sheet writes numbers and dates, with its time zone (date cells are days there). */
  locale: CellLocale;
  /** The spreadsheet's time zone (File → Settings), read once per run. */
  timeZone: string;
  /** Catalogue messages; undefined for English, whose messages the engine writes itself. */
  text: Translate | undefined;
  /** Any message in this language. */
  say: Translate;
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
  return { lang, timeZone, locale: { ...cellLocale(lang, locale), timeZone }, text: lang === 'en' ? undefined : translator(lang), say: translator(lang), settings: localise(settings, lang) };
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
