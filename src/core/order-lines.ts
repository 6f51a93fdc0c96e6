import type { Message } from './message';
import { mapOrderColumns } from './orders';
import type { Cell } from './parse-cell';

/**
 * Whether a table handed to Score is order lines rather than accounts (docs/scoring.md, "Order lines
 * are not accounts"): a column headed as an order date or an order id (the headers "Build accounts
 * from orders" reads), and account names that repeat on at least ORDER_LINES_REPEAT_SHARE of the rows
 * that name one (a row repeats when its account stands on a row above it), over at least
 * ORDER_LINES_MIN_ROWS such rows. Scored as it is, each line would count as an account.
 */

export const ORDER_LINES_REPEAT_SHARE = 0.3;
export const ORDER_LINES_MIN_ROWS = 10;

export interface OrderLinesFinding {
  /** Rows that name an account. */
  rows: number;
  /** Different accounts among them. */
  accounts: number;
  /** The order-date and order-id headers found. */
  columns: string[];
}

/** Each data row's account name, or null without an account column; or a function giving them, called only when needed. */
type Names = readonly (string | null | undefined)[] | null | (() => readonly (string | null | undefined)[] | null);

/** The finding, or null when the table does not look like order lines. `names`: each data row's account name. */
export function findOrderLines(header: readonly Cell[], names: Names): OrderLinesFinding | null {
  const mapped = mapOrderColumns(header);
  const columns = [mapped.date, mapped.order].filter((c): c is number => c !== undefined).map((c) => String(header[c] ?? '').trim());
  if (columns.length === 0) return null;
  // The names are read only now: a table that keeps them as bytes makes them as text when first read.
  const accounts = typeof names === 'function' ? names() : names;
  if (!accounts) return null;
  // Distinct names counted by their 32-bit hashes, sorted (no Set of a million strings); a rare
  // collision counts two names as one, which cannot move a share of 30 % measurably.
  const hashes = new Uint32Array(accounts.length);
  let rows = 0;
  for (const key of accounts) {
    if (!key) continue;
    let h = 0x811c9dc5; // FNV-1a over the UTF-16 code units
    for (let c = 0; c < key.length; c++) h = Math.imul(h ^ key.charCodeAt(c), 16777619);
    hashes[rows++] = h >>> 0;
  }
  if (rows < ORDER_LINES_MIN_ROWS) return null;
  const sorted = hashes.subarray(0, rows).sort();
  let distinct = 1;
  for (let k = 1; k < rows; k++) if (sorted[k] !== sorted[k - 1]) distinct++;
  if (rows - distinct < ORDER_LINES_REPEAT_SHARE * rows) return null;
  return { rows, accounts: distinct, columns };
}

/** `msg.orderLines` for a table that looks like order lines, else null. */
export function orderLinesMessage(header: readonly Cell[], accounts: Names): Message | null {
  const found = findOrderLines(header, accounts);
  if (!found) return null;
  return {
    code: 'msg.orderLines',
    params: {
      rows: found.rows,
      count: found.accounts,
      share: Math.round((100 * (found.rows - found.accounts)) / found.rows),
      columns: found.columns.map((c) => `"${c.length > 40 ? `${c.slice(0, 39)}…` : c}"`).join(', '),
    },
  };
}

/** `orders.asOfLast` (no as-of date given: the day after the last order) or `orders.asOf`, with the day as YYYY-MM-DD. */
export function asOfMessage(result: { asOf: number; asOfFromData: boolean }): Message {
  return { code: result.asOfFromData ? 'orders.asOfLast' : 'orders.asOf', params: { date: new Date(result.asOf).toISOString().slice(0, 10) } };
}
