import type { Message } from './message';
import { ROW_OK, type ParsedTable } from './table';

/** Accounts named, and rows named per account, in the one duplicate message. */
export const DUPLICATES_SHOWN = 5;

/**
 * One message for every account name on more than one scored row, however many there are: with
 * one such account `msg.duplicateKey` (its rows), else `msg.duplicateKeys` (how many, and the first
 * DUPLICATES_SHOWN in the order of their first rows). Null when no name repeats. Names are hashed
 * into a typed array and the sorted hashes tell which repeat, so only those few go through a Map.
 */
export function duplicateAccounts(table: Pick<ParsedTable, 'accounts' | 'status' | 'rowNumbers'>): Message | null {
  const { accounts, status, rowNumbers } = table;
  if (!accounts) return null;
  const hashes = new Uint32Array(accounts.length);
  const sorted = new Uint32Array(accounts.length);
  let counted = 0;
  for (let i = 0; i < accounts.length; i++) {
    const key = accounts[i];
    if (!key || status[i] !== ROW_OK) continue;
    let h = 0x811c9dc5; // FNV-1a over the UTF-16 code units
    for (let c = 0; c < key.length; c++) h = Math.imul(h ^ key.charCodeAt(c), 16777619);
    hashes[i] = h >>> 0;
    sorted[counted++] = h >>> 0;
  }
  sorted.subarray(0, counted).sort();
  const repeated = new Set<number>();
  for (let k = 1; k < counted; k++) if (sorted[k] === sorted[k - 1]) repeated.add(sorted[k]);
  if (repeated.size === 0) return null;
  const rows = new Map<string, number[]>();
  for (let i = 0; i < accounts.length; i++) {
    const key = accounts[i];
    if (!key || status[i] !== ROW_OK || !repeated.has(hashes[i])) continue;
    const list = rows.get(key);
    if (list) list.push(rowNumbers[i]);
    else rows.set(key, [rowNumbers[i]]);
  }
  const named: Message[] = [];
  let count = 0;
  for (const [account, list] of rows) {
    if (list.length < 2) continue; // a hash collision, not a repeat
    if (count++ < DUPLICATES_SHOWN) named.push({ code: 'dup.account', params: { account: shortName(account), rows: rowList(list) } });
  }
  if (count === 0) return null;
  if (count === 1) return { code: 'msg.duplicateKey', params: named[0].params };
  if (count > DUPLICATES_SHOWN) named.push({ code: 'dup.more', params: { count: count - DUPLICATES_SHOWN } });
  return { code: 'msg.duplicateKeys', params: { count, accounts: named } };
}

/** `2, 7, 9, 14, 20, …`: the first rows, then an ellipsis. */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, DUPLICATES_SHOWN).join(', ');
  return rows.length > DUPLICATES_SHOWN ? `${shown}, …` : shown;
}

/** A name as the message quotes it: a long one cut to its first characters and …. */
function shortName(name: string, max = 40): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
