/** Turns one cell (from Sheets, a CSV or a custom function) into a number, per SPEC §2. */
import { dayOfCell, todayIn } from './calendar-day';

export type Cell = string | number | boolean | Date | null | undefined;

/** What a metric column expects: a plain number, or a number or a date (recency in days, tenure in years). */
export type CellKind = 'number' | 'recency' | 'tenure';

export type Parsed = { ok: true; value: number } | { ok: false; missing: true; error?: string } | { ok: false; missing: false; code: InvalidCode };

/** Why a cell is not a number: messages say it as the code `cell.<code>`. */
export type InvalidCode = 'notNumber' | 'boolean' | 'date' | 'notFinite' | 'badDate';

const MISSING: Parsed = { ok: false, missing: true };

export const SHEET_ERRORS = new Set(['#N/A', '#DIV/0!', '#REF!', '#VALUE!', '#NUM!', '#NAME?', '#ERROR!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA']);

const MS_PER_DAY = 86_400_000;
const DAYS_PER_YEAR = 365.25;

// sign, currency, digits grouped by , or spaces, decimals, exponent, percent
const NUMBER_RE = /^(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)?(\.\d*)?(?:[eE]([+-]?\d+))?$/u;
const CURRENCY_RE = /^(?:\p{Sc}|元)|(?:\p{Sc}|元)$/u;
// Where the locale writes 1.234,5: dots or spaces group thousands, the comma is the decimal mark.
const NUMBER_COMMA_RE = /^(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)?(,\d*)?(?:[eE]([+-]?\d+))?$/u;
const INTEGER_RE = /^-?\d+$/u;
const DMY_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u;

/** How a sheet's locale writes numbers and dates in text. */
export interface CellLocale {
  /** `1.234,5`: comma decimal mark. */
  decimalComma?: boolean;
  /** Thai sheets: `15/03/2567` is day/month/Buddhist-era year. */
  buddhistEra?: boolean;
  /** The spreadsheet's time zone (IANA): a date cell counts as the day it shows there. UTC when absent. */
  timeZone?: string;
}
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u;

/**
 * Parses number text: `$1,200.50`, `12%`, `(1,200)`, `−3`, `+4`, `1e3`, `€ 12`. NaN when it is not a number.
 * One currency sign at most (`$$5`, `$5€` are not numbers). A percentage is read by moving the
 * decimal point of its text two places left (`35%` is the number `0.35`, exactly what `0.35` reads as).
 */
export function parseNumberText(text: string, locale?: CellLocale): number {
  const comma = locale?.decimalComma === true;
  // Most cells are plain numbers: let Number() read them when they start like one (a digit, - or .),
  // leaving 0x…/0b…/0o… and anything it refuses to the careful path below.
  const c0 = text.charCodeAt(0);
  if (!comma && ((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 46) && !(c0 === 48 && text.length > 1 && (text.charCodeAt(1) | 32) >= 97)) {
    const v = Number(text);
    if (Number.isFinite(v) && text.charCodeAt(text.length - 1) !== 32) return v;
  } else if (comma ? INTEGER_RE.test(text) : false) {
    return Number(text);
  }
  let s = text.trim();
  if (s === '') return Number.NaN;
  // A currency sign may stand before or after the number (and before or after its sign), once.
  let currencies = 0;
  const dropCurrency = (): boolean => {
    if (!CURRENCY_RE.test(s)) return true;
    s = s.replace(CURRENCY_RE, '').trim();
    return ++currencies === 1;
  };
  if (!dropCurrency()) return Number.NaN;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  // One sign at most, before or after a leading currency sign: "-$5", "$-5"; "--5" is not a number.
  let signs = negative ? 1 : 0;
  for (let pass = 0; pass < 2; pass++) {
    const sign = s[0];
    if (sign === '+' || sign === '-' || sign === '\u2212') {
      if (++signs > 1) return Number.NaN;
      negative = sign !== '+';
      s = s.slice(1).trim();
    }
    if (!dropCurrency()) return Number.NaN;
  }
  const percent = s.endsWith('%');
  if (percent) {
    s = s.slice(0, -1).trim();
    if (!dropCurrency()) return Number.NaN;
  }
  // In a comma locale, text the locale cannot read but the dot reading can ("5.5", "12345.67",
  // "1,234.5") is read with a decimal point: only "1.234" (a dot and three digits) is ambiguous,
  // and that follows the locale.
  const commaMatch = comma ? NUMBER_COMMA_RE.exec(s) : null;
  const m = commaMatch ?? NUMBER_RE.exec(s);
  if (!m || (m[1] === undefined && (m[2] === undefined || m[2] === '.' || m[2] === ','))) return Number.NaN;
  const whole = (m[1] ?? '0').replace(/[,. \u00a0\u202f]/gu, '');
  const fraction = m[2] === undefined ? '' : m[2].slice(1);
  const exponent = m[3] !== undefined ? `e${m[3]}` : '';
  const value = Number(percent ? `${shiftLeft2(whole)}${fraction}${exponent}` : `${whole}.${fraction}${exponent}`);
  if (!Number.isFinite(value)) return Number.NaN;
  return negative ? -value : value;
}

/** The digits of a whole number with the decimal point moved two places left, the fraction's digits to follow: `1234` → `12.34`, `5` → `0.05`. */
function shiftLeft2(whole: string): string {
  return whole.length > 2 ? `${whole.slice(0, -2)}.${whole.slice(-2)}` : `0.${whole.padStart(2, '0')}`;
}

/** A date in text: ISO always; in Thai sheets also day/month/year with a Buddhist-era year (2567 → 2024). */
export function parseDateText(text: string, locale?: CellLocale): number {
  const iso = parseIsoDate(text);
  if (!Number.isNaN(iso) || !locale?.buddhistEra) return iso;
  const m = DMY_RE.exec(text.trim());
  if (!m) return Number.NaN;
  let year = Number(m[3]);
  if (year > 2400) year -= 543;
  const ms = Date.UTC(year, Number(m[2]) - 1, Number(m[1]));
  const d = new Date(ms);
  return d.getUTCDate() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 ? ms : Number.NaN;
}

/** Milliseconds since the epoch of an ISO date text (`2024-03-15`, `2024-03-15T10:00`), read as UTC; NaN otherwise. */
export function parseIsoDate(text: string): number {
  const m = ISO_DATE_RE.exec(text.trim());
  if (!m) return Number.NaN;
  const t = Date.parse(m[4] === undefined ? `${text.trim()}T00:00:00Z` : text.trim());
  if (Number.isNaN(t)) return Number.NaN;
  const d = new Date(t);
  if (d.getUTCMonth() + 1 !== Number(m[2]) && m[4] === undefined) return Number.NaN;
  return t;
}

/** Whole days from `date` to `asOf` (both in ms), counted on calendar days. */
export function daysBetween(dateMs: number, asOfMs: number): number {
  return Math.round((startOfDay(asOfMs) - startOfDay(dateMs)) / MS_PER_DAY);
}

function startOfDay(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}

function fromDate(ms: number, kind: CellKind, asOfMs: number): Parsed {
  if (kind === 'number') return { ok: false, missing: false, code: 'date' };
  const days = daysBetween(ms, asOfMs);
  return { ok: true, value: kind === 'recency' ? days : days / DAYS_PER_YEAR };
}

/**
 * One cell → a number, missing, or a reason it is invalid. Sheets' error values are missing with an
 * error text to warn about. Dates count only in recency (days before as-of) and tenure (years) columns.
 */
export function parseCell(cell: Cell, kind: CellKind, asOfMs: number, locale?: CellLocale): Parsed {
  if (cell === null || cell === undefined) return MISSING;
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, missing: false, code: 'notFinite' };
  }
  if (cell instanceof Date) {
    const ms = cell.getTime();
    if (Number.isNaN(ms)) return { ok: false, missing: false, code: 'badDate' };
    // Sheets hands a date over as the instant of its wall-clock time in the spreadsheet's zone.
    return fromDate(dayOfCell(cell, locale?.timeZone), kind, asOfMs);
  }
  if (typeof cell === 'boolean') return { ok: false, missing: false, code: 'boolean' };
  const text = String(cell);
  const value = parseNumberText(text, locale);
  if (!Number.isNaN(value)) return { ok: true, value };
  const trimmed = text.trim();
  if (trimmed === '') return MISSING;
  if (trimmed[0] === '#' && SHEET_ERRORS.has(trimmed.toUpperCase())) return { ok: false, missing: true, error: trimmed };
  if (kind !== 'number') {
    const ms = parseDateText(trimmed, locale);
    if (!Number.isNaN(ms)) return fromDate(ms, kind, asOfMs);
  }
  return { ok: false, missing: false, code: 'notNumber' };
}

/** A date cell as the YYYY-MM-DD it shows in `timeZone` (UTC when none), or "Invalid Date" (which toISOString would throw on). */
export function dateText(date: Date, timeZone?: string): string {
  return Number.isNaN(date.getTime()) ? 'Invalid Date' : new Date(dayOfCell(date, timeZone)).toISOString().slice(0, 10);
}

/** Text as a message quotes it: at most `max` characters, the rest cut to `…` (a header or a cell may be a megabyte long). */
export function shortText(text: string, max = 40): string {
  if (text.length <= max) return text;
  let cut = max - 3;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--; // never half a surrogate pair
  return `${text.slice(0, cut)}…`;
}

/** A column header as messages and drivers quote it: up to 60 characters. */
export function shortHeader(header: string): string {
  return shortText(header, 60);
}

/** Quotes a cell for a message: `"12,5OO"`, shortened when long; a date as the day it shows in `timeZone`. */
export function quoteCell(cell: Cell, timeZone?: string): string {
  const text = cell instanceof Date ? dateText(cell, timeZone) : String(cell);
  const short = shortText(text);
  return typeof cell === 'string' ? `"${short}"` : short;
}

/** The ISO date given, else today in `timeZone` (UTC when none), as a UTC midnight in ms. */
export function asOfMs(iso?: string, timeZone?: string): number {
  if (iso) return Date.parse(`${iso}T00:00:00Z`);
  return todayIn(timeZone);
}
