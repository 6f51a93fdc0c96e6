import { parseSettings, SettingsError, type Settings } from '../core';
import { translator, type Said, type Translate } from '../i18n';
import { UserError } from './analyse-sheet';
import { SETTINGS_PROPERTY } from './keys';
import type { PropertiesApi } from './apps-script';

/** Settings live in document properties, so everyone on a shared sheet scores with the same ones. */

export interface LoadedSettings {
  settings: Settings;
  /** Set when stored settings were broken or from an older version and defaults were used; said in the document's language. */
  warning?: SettingsWarning;
}

/** `msg.settingsUnreadable`, or `msg.settingsInvalid` with why (the SettingsError's message). */
export type SettingsWarning = Said;

/** The warning in words. */
export function sayWarning(warning: SettingsWarning | undefined, show: (message: Said) => string): string | undefined {
  return warning && show(warning);
}

export function loadSettings(props: PropertiesApi): LoadedSettings {
  return readSettings(props.getProperty(SETTINGS_PROPERTY));
}

/** Stored settings text → settings; broken or outdated text falls back to the defaults with a warning. */
export function readSettings(text: string | null | undefined): LoadedSettings {
  if (!text) return { settings: parseSettings({}) };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { settings: parseSettings({}), warning: { code: 'msg.settingsUnreadable' } };
  }
  try {
    return { settings: parseSettings(raw) };
  } catch (error) {
    const why = error instanceof SettingsError ? error.said : String(error);
    return { settings: parseSettings({}), warning: { code: 'msg.settingsInvalid', params: { why } } };
  }
}

/** A property value holds at most 9 KB, counted in UTF-8 bytes (a Thai or Chinese character is 3); the key counts too, to be safe. */
export const PROPERTY_BYTES = 9 * 1024;

/** UTF-8 bytes of a text (Apps Script has neither Buffer nor TextEncoder). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Validates, then saves. Throws SettingsError with the field's name when invalid, a UserError when too large to store. */
export function saveSettings(props: PropertiesApi, input: unknown, say: Translate = translator('en')): Settings {
  const settings = parseSettings(input);
  const text = JSON.stringify(settings);
  if (utf8Bytes(SETTINGS_PROPERTY) + utf8Bytes(text) > PROPERTY_BYTES) throw new UserError(say('msg.settingsTooLarge'));
  props.setProperty(SETTINGS_PROPERTY, text);
  return settings;
}
