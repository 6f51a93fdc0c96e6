/**
 * How Sheets reads text a person types into a cell (what Range.setValues does with a string; the
 * Sheets API calls it USER_ENTERED), for the spreadsheet's locale: numbers, percentages, currency,
 * booleans, dates, times and formulas become what they look like, anything else stays text.
 */

/** A date cell: its wall-clock date-time (ms since 1970-01-01 as if UTC), not an instant. */
export class SheetDate {
  constructor(readonly wall: number) {
    if (!Number.isFinite(wall)) throw new Error('Invalid date');
  }
}

/** A formula typed into a cell; value null when it is unknown until something computes it. */
export class TypedFormula {
  constructor(
    readonly formula: string,
    readonly value: string | null,
  ) {}
}

export type Typed = string | number | boolean | SheetDate | TypedFormula;

/** How a locale writes numbers and dates. */
export interface TypingRules {
  decimal: '.' | ',';
  /** Thousands separators accepted. */
  groups: string[];
  /** Order of the parts of a numeric date. */
  order: 'MDY' | 'DMY' | 'YMD';
}

const SPACE_GROUPS = [' ', '\u00a0', '\u202f'];
const COMMA_DOT = ['de', 'es', 'it', 'nl', 'tr', 'id', 'da', 'el', 'ro', 'hr', 'sl', 'sr', 'vi', 'pt', 'is', 'az', 'ca', 'gl', 'eu'];
const COMMA_SPACE = ['fr', 'ru', 'pl', 'hy', 'cs', 'sk', 'uk', 'bg', 'fi', 'sv', 'nb', 'no', 'nn', 'lt', 'lv', 'et', 'kk', 'be', 'ka', 'hu', 'ky', 'uz', 'mn'];
const YMD = ['zh', 'ja', 'ko', 'hu', 'lt', 'mn'];

/** The typing rules of a Sheets locale such as en_US, de_DE, th_TH, zh_CN or hy_AM (unknown: en_US's). */
export function typingRules(locale: string): TypingRules {
  const [lang = 'en', region = ''] = locale.split(/[_-]/u);
  const monthFirst = (lang === 'en' && ['US', 'PH', ''].includes(region)) || (lang === 'es' && region === 'US');
  const order: TypingRules['order'] = YMD.includes(lang) ? 'YMD' : monthFirst ? 'MDY' : 'DMY';
  if (lang === 'es' && (region === 'MX' || region === 'US')) return { decimal: '.', groups: [','], order };
  if (COMMA_DOT.includes(lang)) return { decimal: ',', groups: ['.'], order };
  if (COMMA_SPACE.includes(lang)) return { decimal: ',', groups: SPACE_GROUPS, order };
  return { decimal: '.', groups: [','], order };
}

const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The cheap first check: false for a string Sheets keeps as text whatever follows (most text in a
 * sheet), so only the rest goes through the slow reader.
 */
export function mayBeTyped(s: string): boolean {
  const c = s.charCodeAt(0);
  // digits, + - . $ = ' ( and leading white space
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 36 || c === 61 || c === 39 || c === 40 || c === 32 || c === 9 || c === 0xa0)
    return true;
  if (s.length === 4 || s.length === 5) {
    const l = s.toLowerCase();
    if (l === 'true' || l === 'false') return true;
  }
  if (isLetter(c) && s.length >= 3 && isLetter(s.charCodeAt(1)) && isLetter(s.charCodeAt(2))) return MONTH_ABBR.includes(s.slice(0, 3).toLowerCase());
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

const numberPatterns = new Map<string, RegExp>();
function numberPattern(rules: TypingRules): RegExp {
  const key = rules.decimal + rules.groups.join('');
  let re = numberPatterns.get(key);
  if (!re) {
    const g = `[${rules.groups.map(escapeRegExp).join('')}]`;
    const d = escapeRegExp(rules.decimal);
    re = new RegExp(`^(?:(\\d{1,3}(?:${g}\\d{3})+)|(\\d*))(?:${d}(\\d*))?(?:[eE]([+-]?\\d+))?(%)?$`, 'u');
    numberPatterns.set(key, re);
  }
  return re;
}

/** A number as a person types it (sign, currency, grouping, decimals, exponent, percent, parentheses), or null. */
export function typedNumber(text: string, rules: TypingRules): number | null {
  let s = text;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  let signed = false;
  const sign = () => {
    if (!signed && (s[0] === '-' || s[0] === '+')) {
      if (s[0] === '-') negative = !negative;
      signed = true;
      s = s.slice(1);
    }
  };
  sign();
  if (s[0] === '$') {
    s = s.slice(1);
    sign();
  }
  if (negative && text.startsWith('(') && signed) return null;
  const m = numberPattern(rules).exec(s);
  if (!m) return null;
  const whole = m[1] !== undefined ? m[1].replace(/\D/gu, '') : m[2];
  const fraction = m[3] ?? '';
  if (whole === '' && fraction === '') return null;
  if (m[4] !== undefined && m[5]) return null;
  let n = Number(`${whole || '0'}.${fraction || '0'}${m[4] !== undefined ? `e${m[4]}` : ''}`);
  if (!Number.isFinite(n)) return null;
  if (m[5]) n /= 100;
  if (negative) n = -n;
  return n + 0; // no -0
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function wall(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  if (y.length === 2) return n < 30 ? 2000 + n : 1900 + n;
  return NaN;
}

const TIME = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,3}))?)?\s*(am|pm|a\.m\.|p\.m\.)?$/iu;

/** [hours, minutes, seconds, ms] of a typed time, or null. */
function typedTime(s: string): [number, number, number, number] | null {
  const m = TIME.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  const ms = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  if (m[5]) {
    if (h < 1 || h > 12) return null;
    const pm = m[5].toLowerCase().startsWith('p');
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || mi > 59 || sec > 59) return null;
  return [h, mi, sec, ms];
}

function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/u, '');
  let i = MONTH_FULL.indexOf(w);
  if (i < 0) i = MONTH_ABBR.indexOf(w);
  if (i < 0 && w === 'sept') i = 8;
  return i + 1;
}

const NUMERIC_DATE = /^(\d{1,2})([-/])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/u;
const NUMERIC_DATE_DOTS = /^(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{2}|\d{4}))?\.?$/u;

/** The wall clock of a date (with or without time) as a person types it, or null. */
export function typedDate(text: string, rules: TypingRules, currentYear: () => number): number | null {
  const s = /\s\s|[\t\n\r\u00a0]/u.test(text) ? text.replace(/\s+/gu, ' ') : text;
  const time = typedTime(s);
  if (time) return wall(1899, 12, 30, ...time);
  // A date, then optionally white space and a time.
  let datePart = s;
  let t: [number, number, number, number] = [0, 0, 0, 0];
  const cut = s.search(/ \d{1,2}:\d/u);
  if (cut > 0) {
    const tt = typedTime(s.slice(cut + 1));
    if (!tt) return null;
    t = tt;
    datePart = s.slice(0, cut);
  }
  // Year first: 2024-03-15, 2024/3/5, 2024-03 (the 1st).
  let m = /^(\d{4})([-/])(\d{1,2})(?:\2(\d{1,2}))?$/u.exec(datePart);
  if (m) return wall(Number(m[1]), Number(m[3]), m[4] ? Number(m[4]) : 1, ...t);
  if (rules.order === 'YMD') {
    m = /^(\d{4})\.(\d{1,2})\.(\d{1,2})\.?$/u.exec(datePart);
    if (m) return wall(Number(m[1]), Number(m[2]), Number(m[3]), ...t);
  }
  // Numeric in the locale's order: 3/15/2024, 3/4, 1-2 (en_US); 15/3/2024, 15.3.2024 (day first).
  m = (rules.decimal === ',' ? NUMERIC_DATE_DOTS : NUMERIC_DATE).exec(datePart);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = m[4] ? fullYear(m[4]) : currentYear();
    if (rules.order === 'DMY') return wall(y, b, a, ...t);
    return wall(y, a, b, ...t); // MDY, and YMD's month/day
  }
  // Month names: Mar 5, March 5 2024, Mar 5, 2024, 5 Mar, 5 March 2024, 5-Mar-2024, Mar 2024.
  m = /^([A-Za-z]{3,9}\.?)[ -](\d{1,2})(?:(?:, ?| |-)(\d{4}|\d{2}))?$/u.exec(datePart);
  if (m && monthOf(m[1]) > 0) return wall(m[3] ? fullYear(m[3]) : currentYear(), monthOf(m[1]), Number(m[2]), ...t);
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9}\.?)(?:[ -](\d{4}|\d{2}))?$/u.exec(datePart);
  if (m && monthOf(m[2]) > 0) return wall(m[3] ? fullYear(m[3]) : currentYear(), monthOf(m[2]), Number(m[1]), ...t);
  m = /^([A-Za-z]{3,9}\.?)[ -](\d{4})$/u.exec(datePart);
  if (m && monthOf(m[1]) > 0) return wall(Number(m[2]), monthOf(m[1]), 1, ...t);
  return null;
}

const ALL_DIGITS = /^\d{1,300}$/u;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/**
 * What Sheets stores for a typed string. Call it only where mayBeTyped(text) is true (the rest is
 * text anyway).
 */
export function readTyped(text: string, rules: TypingRules, currentYear: () => number): Typed {
  const first = text[0];
  if (first === "'") return text.slice(1);
  if (first === '=') return new TypedFormula(text, null);
  // Fast paths for the commonest typed text: digits only, and yyyy-MM-dd.
  if (ALL_DIGITS.test(text)) return Number(text);
  const iso = ISO_DAY.exec(text);
  if (iso) {
    const w = wall(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return w === null ? text : new SheetDate(w);
  }
  const s = text.trim();
  if (s === '') return text;
  if (s !== text && !mayBeTyped(s)) return text;
  const lower = s.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (s[0] === '=') return text; // only a formula when "=" comes first
  const n = typedNumber(s, rules);
  if (n !== null) return n;
  const w = typedDate(s, rules, currentYear);
  if (w !== null) return new SheetDate(w);
  // "+1 555 0100" or "- item": Sheets reads a leading + or - as the start of a formula, which fails.
  if ((s[0] === '+' || s[0] === '-') && s.length > 1) return new TypedFormula(`=${s}`, '#ERROR!');
  return text;
}
