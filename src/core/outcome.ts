/** Outcome cells (SPEC §13): success, failure, a number, or no outcome. Never part of the score. */
import { parseNumberText, SHEET_ERRORS, type Cell } from './parse-cell';
import { normaliseHeader } from './roles';

/** Words read as a success (1) or a failure (0), in English, Thai, Chinese and Armenian, normalised like headers. */
const WORDS = new Map<string, number>();
/** The success (1) and failure (0) words, normalised like headers (the SQL of the report card lists them). */
export const OUTCOME_WORDS: ReadonlyMap<string, number> = WORDS;
for (const w of [
  'true',
  'yes',
  'y',
  'won',
  'win',
  'closed won',
  'converted',
  'renewed',
  'retained',
  'stayed',
  'bought again',
  'repurchased',
  'success',
  'successful',
  'จริง',
  'ใช่',
  'ชนะ',
  'ปิดการขายได้',
  'สำเร็จ',
  'ต่ออายุ',
  'ซื้อซ้ำ',
  '是',
  '真',
  '赢',
  '赢单',
  '成交',
  '成功',
  '已转化',
  '续约',
  '复购',
  'այո',
  'ճիշտ',
  'շահված',
  'հաջողված',
  'երկարաձգված',
  'փոխարկված',
])
  WORDS.set(w, 1);
for (const w of [
  'false',
  'no',
  'n',
  'lost',
  'closed lost',
  'not converted',
  'churned',
  'cancelled',
  'canceled',
  'not renewed',
  'failed',
  'failure',
  'เท็จ',
  'ไม่',
  'ไม่ใช่',
  'แพ้',
  'ปิดการขายไม่ได้',
  'ไม่สำเร็จ',
  'เลิกใช้',
  'ยกเลิก',
  '否',
  '假',
  '输',
  '输单',
  '丢单',
  '未成交',
  '失败',
  '未转化',
  '流失',
  'ոչ',
  'կեղծ',
  'սուտ',
  'պարտված',
  'կորցված',
  'ձախողված',
  'հեռացած',
])
  WORDS.set(w, 0);

/**
 * One outcome cell: 1 for a success word or TRUE, 0 for a failure word or FALSE, the number itself
 * for a number (a success when > 0), null when the cell holds no outcome (blank, an error value, a
 * date, or text that is none of these).
 */
export function outcomeOf(cell: Cell): number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (cell instanceof Date) return null;
  const text = String(cell);
  const n = parseNumberText(text);
  if (!Number.isNaN(n)) return n;
  return WORDS.get(normaliseHeader(text)) ?? null;
}

/** Whether a cell holds text that is not blank, not an error value, and not an outcome: worth a warning. */
export function unreadableOutcome(cell: Cell): boolean {
  if (typeof cell !== 'string') return false;
  const t = cell.trim();
  return t !== '' && !SHEET_ERRORS.has(t.toUpperCase()) && outcomeOf(t) === null;
}

export interface Outcomes {
  /** Per row: 1 success, 0 failure, −1 no outcome. */
  success: Int8Array;
  /** Per row: the outcome's number (1 or 0 for a word), NaN without one. */
  value: Float64Array;
  /** Some outcome is a number other than 0 and 1 (revenue): the card also sums it per tier. */
  numeric: boolean;
  /** Rows with an outcome, and how many of them are successes. */
  used: number;
  successes: number;
  /** Rows whose text is no outcome (left out like blanks), and the index of the first, or −1. */
  unreadable: number;
  firstUnreadable: number;
}

/**
 * Reads an outcome column. `failure`: a churn column (`Churned`, `Lost`), where a yes or a positive
 * number is a failure and its numbers are not summed.
 */
export function readOutcomes(cells: ArrayLike<Cell>, failure = false): Outcomes {
  const n = cells.length;
  const success = new Int8Array(n).fill(-1);
  const value = new Float64Array(n).fill(Number.NaN);
  let numeric = false;
  let used = 0;
  let successes = 0;
  let unreadable = 0;
  let firstUnreadable = -1;
  // A column holds few distinct texts (Won, Lost): each is read once.
  const seen = new Map<string, number | null>();
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    let v: number | null;
    if (typeof cell === 'string') {
      v = seen.get(cell) ?? null;
      if (v === null && !seen.has(cell)) {
        v = outcomeOf(cell);
        if (seen.size < 4096) seen.set(cell, v);
      }
    } else v = outcomeOf(cell);
    if (v === null) {
      if (unreadableOutcome(cell)) {
        if (unreadable++ === 0) firstUnreadable = i;
      }
      continue;
    }
    const won = failure ? !(v > 0) : v > 0;
    success[i] = won ? 1 : 0;
    value[i] = failure ? (won ? 1 : 0) : v;
    if (!failure && v !== 0 && v !== 1) numeric = true;
    used++;
    if (won) successes++;
  }
  return { success, value, numeric, used, successes, unreadable, firstUnreadable };
}
