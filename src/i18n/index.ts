import type { Message, MessageCode, MessageParam } from '../core/message';
import { en, type MessageKey } from './en';
import type { Catalogue, Entry } from './entry';
import { hy } from './hy';
import { th } from './th';
import { unpacked } from './unpack';
import { zhCN } from './zh-CN';

/**
 * The add-on's words in English, Thai, Simplified Chinese and Armenian, and the one translator of
 * messages: a missing key falls back to English; a plural entry's form is chosen by `count`.
 */

export const LANGS = ['en', 'th', 'zh-CN', 'hy'] as const;
export type Lang = (typeof LANGS)[number];
export type { Entry, MessageKey };

/** A message any surface may say: the engine's codes, and the surfaces' own keys. */
export type Said = Message<MessageKey>;

// Every code the engine emits has its English text (a code missing from en.ts fails here).
const ENGINE_CODES: Record<MessageCode, Entry> = en;
void ENGINE_CODES;

/**
 * Each language's catalogue. The bundles ship them packed (scripts/build.mjs) and each is unpacked
 * the first time its language is read here: read the catalogues through CATALOGUES, not `en`, `th`….
 */
export const CATALOGUES: Readonly<Record<Lang, Catalogue<MessageKey>>> = {
  get en() {
    return unpacked(en);
  },
  get th() {
    return unpacked(th);
  },
  get 'zh-CN'() {
    return unpacked(zhCN);
  },
  get hy() {
    return unpacked(hy);
  },
};

export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', th: 'ไทย', 'zh-CN': '简体中文', hy: 'Հայերեն' };

/** The language of a spreadsheet locale (`th_TH`, `zh_CN`, `hy_AM`, `en_US`…); English for any other. */
export function langOfLocale(locale: string | null | undefined): Lang {
  const l = String(locale ?? '')
    .replace('-', '_')
    .toLowerCase();
  if (l.startsWith('th')) return 'th';
  if (l === 'zh_cn' || l === 'zh' || l === 'zh_hans' || l.startsWith('zh_hans')) return 'zh-CN';
  if (l.startsWith('hy')) return 'hy';
  return 'en';
}

/** A text with its {placeholders} filled (an unknown one stays as it is). */
export function fill(text: string, params: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/gu, (m, name: string) => (name in params ? String(params[name]) : m));
}

const pluralRules = new Map<Lang, Intl.PluralRules | null>();

/** The plural category of `count` in `lang` (`one`, `other`…); `one`/`other` by 1 where Intl.PluralRules is missing. */
export function pluralCategory(lang: Lang, count: number): string {
  let rules = pluralRules.get(lang);
  if (rules === undefined) {
    rules = typeof Intl === 'object' && typeof Intl.PluralRules === 'function' ? new Intl.PluralRules(lang) : null;
    pluralRules.set(lang, rules);
  }
  return rules ? rules.select(count) : count === 1 ? 'one' : 'other';
}

/** An entry's text for these parameters: its plural form for `count` (else `other`). */
export function textOf(lang: Lang, entry: Entry, count: unknown): string {
  if (typeof entry === 'string') return entry;
  const form = typeof count === 'number' ? pluralCategory(lang, count) : 'other';
  return (entry as unknown as Record<string, string | undefined>)[form] ?? entry.other;
}

/** The entry of `key` in `lang`, else in English. */
function entryOf(lang: Lang, key: MessageKey): Entry {
  return CATALOGUES[lang][key] ?? unpacked(en)[key];
}

/** A message with its {placeholders} filled. */
export function t(lang: Lang, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return fill(textOf(lang, entryOf(lang, key), params.count), params);
}

/**
 * A message in words: its entry in `lang` (English where missing), the plural form for its `count`,
 * each {placeholder} filled, a parameter that is a message rendered first, a list of them joined by `; `.
 */
export function render(lang: Lang, message: Said): string {
  const params = message.params ?? {};
  const words: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) words[name] = typeof value === 'object' ? param(lang, value) : value;
  return fill(textOf(lang, entryOf(lang, message.code), params.count), words);
}

function param(lang: Lang, value: MessageParam<MessageKey>): string | number {
  if (typeof value !== 'object') return value;
  return Array.isArray(value) ? (value as readonly Said[]).map((m) => render(lang, m)).join('; ') : render(lang, value as Said);
}

const renderers = new Map<Lang, (message: Said) => string>();

/** `render` in one language, the same function each time (drivers cache their texts by it). */
export function renderer(lang: Lang): (message: Said) => string {
  let r = renderers.get(lang);
  if (!r) renderers.set(lang, (r = (message) => render(lang, message)));
  return r;
}

/** The columns of a profitability table after its label (SPEC §7), as every surface heads them. */
export const PROFIT_COLUMNS: readonly MessageKey[] = [
  'col.accounts',
  'col.shareAccounts',
  'col.revenue',
  'col.cost',
  'col.profit',
  'col.margin',
  'col.shareProfit',
  'col.profitPerAccount',
];

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}

/** English words, for surfaces that have no document language. */
export const english: Translate = translator('en');

/** Keys a catalogue lacks (they show in English). */
export function missingKeys(lang: Lang): MessageKey[] {
  return (Object.keys(unpacked(en)) as MessageKey[]).filter((k) => !(k in CATALOGUES[lang]));
}
