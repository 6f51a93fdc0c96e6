import { en, type MessageKey } from './en';
import { hy } from './hy';
import { th } from './th';
import { zhCN } from './zh-CN';

/** The add-on's words in English, Thai, Simplified Chinese and Armenian; a missing key falls back to English. */

export const LANGS = ['en', 'th', 'zh-CN', 'hy'] as const;
export type Lang = (typeof LANGS)[number];
export type { MessageKey };

export const CATALOGUES: Record<Lang, Partial<Record<MessageKey, string>>> = { en, th, 'zh-CN': zhCN, hy };

export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', th: 'ไทย', 'zh-CN': '简体中文', hy: 'Հայերեն' };

/** The language of a spreadsheet locale (`th_TH`, `zh_CN`, `hy_AM`, `en_US`…); English for any other. */
export function langOfLocale(locale: string | null | undefined): Lang {
  const l = String(locale ?? '').replace('-', '_').toLowerCase();
  if (l.startsWith('th')) return 'th';
  if (l === 'zh_cn' || l === 'zh' || l === 'zh_hans' || l.startsWith('zh_hans')) return 'zh-CN';
  if (l.startsWith('hy')) return 'hy';
  return 'en';
}

/** A text with its {placeholders} filled (an unknown one stays as it is). */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/gu, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A message with its {placeholders} filled. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(CATALOGUES[lang][key] ?? en[key], params);
}

/** The columns of a profitability table after its label (SPEC §7), as every surface heads them. */
export const PROFIT_COLUMNS: readonly MessageKey[] = [
  'col.accounts', 'col.shareAccounts', 'col.revenue', 'col.cost', 'col.profit', 'col.margin', 'col.shareProfit', 'col.profitPerAccount',
];

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}

/** English words, for surfaces that have no document language. */
export const english: Translate = translator('en');

/** Keys a catalogue lacks (they show in English). */
export function missingKeys(lang: Lang): MessageKey[] {
  return (Object.keys(en) as MessageKey[]).filter((k) => !(k in CATALOGUES[lang]));
}
