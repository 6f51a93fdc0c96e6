import { parseSettings, SettingsError, type Settings } from '../core';
import { SETTINGS_PROPERTY } from './keys';
import type { PropertiesApi } from './apps-script';

/** Settings live in document properties, so everyone on a shared sheet scores with the same ones. */

export interface LoadedSettings {
  settings: Settings;
  /** Set when stored settings were broken or from an older version and defaults were used. */
  warning?: string;
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
    return { settings: parseSettings({}), warning: 'The saved settings could not be read; the defaults are used.' };
  }
  try {
    return { settings: parseSettings(raw) };
  } catch (error) {
    const why = error instanceof SettingsError ? ` (${error.message})` : '';
    return { settings: parseSettings({}), warning: `The saved settings were not valid${why}; the defaults are used.` };
  }
}

/** Validates, then saves. Throws SettingsError with the field's name when invalid. */
export function saveSettings(props: PropertiesApi, input: unknown): Settings {
  const settings = parseSettings(input);
  const text = JSON.stringify(settings);
  if (text.length > 9000) throw new SettingsError('The settings are too large to save (over 9 KB): remove some column overrides.');
  props.setProperty(SETTINGS_PROPERTY, text);
  return settings;
}
