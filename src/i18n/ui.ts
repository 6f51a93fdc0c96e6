import { CATALOGUES, fill, LANGS, textOf, type Entry, type Lang, type MessageKey } from './index';
import { uiEn, type UiKey } from './ui-en';
import { uiHy } from './ui-hy';
import { uiTh } from './ui-th';
import { uiZhCN } from './ui-zh-CN';

/** The sidebar's words: its own catalogue plus the shared labels; a missing key falls back to English. */
export const UI_CATALOGUES: Record<Lang, Partial<Record<UiKey, Entry>>> = { en: uiEn, th: uiTh, 'zh-CN': uiZhCN, hy: uiHy };

export function ui(lang: Lang, key: UiKey | MessageKey, params: Record<string, string | number> = {}): string {
  const entry =
    (UI_CATALOGUES[lang] as Record<string, Entry | undefined>)[key] ??
    (CATALOGUES[lang] as Record<string, Entry | undefined>)[key] ??
    (uiEn as Record<string, Entry>)[key] ??
    (CATALOGUES.en as Record<string, Entry>)[key];
  return fill(textOf(lang, entry, params.count), params);
}

export function missingUiKeys(lang: Lang): UiKey[] {
  return (Object.keys(uiEn) as UiKey[]).filter((k) => !(k in UI_CATALOGUES[lang]));
}

export { LANGS, type Lang, type UiKey };
