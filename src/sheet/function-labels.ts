import type { DocumentLabels } from '../functions/args';
import { langOfLocale, t, translator, type Lang } from '../i18n';
import { cellLocale, localise } from '../i18n/labels';
import { realServices } from './apps-script';
import { SETTINGS_PROPERTY } from './keys';
import { readSettings } from './settings-store';

/**
 * The labels, words and number habits custom functions use, in the document's language (its saved
 * choice, else its locale). Outside Sheets, or where the services are not there, English.
 */
export function documentLabels(): DocumentLabels {
  try {
    const services = realServices();
    const settings = readSettings(services.properties.getDocumentProperties().getProperty(SETTINGS_PROPERTY)).settings;
    const ss = services.spreadsheetApp.getActiveSpreadsheet();
    const locale = settings.lang === 'auto' ? ss.getSpreadsheetLocale() : null;
    const lang: Lang = settings.lang === 'auto' ? langOfLocale(locale) : settings.lang;
    const local = localise(settings, lang);
    return {
      labels: local.labels,
      segmentLabels: local.segmentLabels,
      programLabels: local.programLabels,
      healthLabels: [t(lang, 'health.1'), t(lang, 'health.2'), t(lang, 'health.3')],
      text: lang === 'en' ? undefined : translator(lang),
      locale: cellLocale(lang, locale),
    };
  } catch {
    return {};
  }
}

/** The menu's language: the spreadsheet's locale where onOpen may read it, else English. */
export function menuLanguage(): Lang {
  try {
    return langOfLocale(realServices().spreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}
