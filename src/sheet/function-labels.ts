import type { DocumentLabels } from '../functions/args';
import { langOfLocale, type Lang } from '../i18n';
import { realServices, type Services } from './apps-script';
import { documentLanguage } from './language';
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
    const { settings: local, say, lang, locale } = documentLanguage(services.spreadsheetApp.getActiveSpreadsheet(), settings);
    return {
      labels: local.labels,
      segmentLabels: local.segmentLabels,
      programLabels: local.programLabels,
      healthLabels: [say('health.1'), say('health.2'), say('health.3')],
      lang,
      locale,
    };
  } catch {
    return {};
  }
}

/** The menu's language: the spreadsheet's locale where it may be read (onOpen before authorisation may not), else English. */
export function menuLanguage(services?: Services): Lang {
  try {
    return langOfLocale((services ?? realServices()).spreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}
