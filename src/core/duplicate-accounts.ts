import type { Message } from './message';
import { digitCounts, digitStarts } from './percentile';
import { ROW_OK, type AccountBytesView, type ParsedTable } from './table';

/** Accounts named, and rows named per account, in the one duplicate message. */
export const DUPLICATES_SHOWN = 5;

/**
 * One message for every account name on more than one scored row, however many there are: with
 * one such account `msg.duplicateKey` (its rows), else `msg.duplicateKeys` (how many, and the first
 * DUPLICATES_SHOWN in the order of their first rows). Null when no name repeats.
 *
 * Each name is hashed (FNV-1a over its UTF-16 code units) and the scored rows are sorted by hash,
 * stably, with a two-pass radix sort; only rows whose hash repeats have their names compared, within
 * their group (different names with one hash are told apart there). Names a table keeps as bytes
 * (the command line's) are hashed and compared as bytes: the same groups, with no string made. No Map or Set of a million
 * names: at 1 000 000 rows this is a fraction of what the Map of names cost.
 */
export function duplicateAccounts(table: Pick<ParsedTable, 'accounts' | 'accountBytes' | 'status' | 'rowNumbers'>): Message | null {
  const { status, rowNumbers } = table;
  // Names kept as bytes are compared as bytes (one to one with the text: AccountBytesView.exact); else as text.
  const view = table.accountBytes?.exact ? table.accountBytes : null;
  const accounts = view ? null : table.accounts;
  if (!view && !accounts) return null;
  const n = view ? view.start.length - 1 : accounts!.length;
  const rows = new Uint32Array(n);
  // Int32: a hash read back is a small integer to V8 (as the radix sort's keys, percentile.ts).
  const hashes = new Int32Array(n);
  const counted = view ? hashNameBytes(view, status, hashes, rows) : hashNames(accounts!, status, hashes, rows);
  const same = view ? (a: number, b: number) => sameBytes(view, a, b) : (a: number, b: number) => accounts![a] === accounts![b];
  const name = view ? (i: number) => view.text(i) : (i: number) => accounts![i];
  sortByHash(hashes.subarray(0, counted), rows.subarray(0, counted));
  // The repeated names: how many, and the DUPLICATES_SHOWN with the earliest first rows (kept in that order).
  let count = 0;
  const shown: { account: string; rows: number[] }[] = [];
  const taken = new Uint8Array(counted);
  for (let s = 0; s < counted; ) {
    const h = hashes[s];
    let e = s + 1;
    while (e < counted && hashes[e] === h) e++;
    for (let q = s; e - s > 1 && q < e; q++) {
      if (taken[q]) continue;
      // Rows in table order: the sort is stable and the rows went in in order.
      const found = [rows[q]];
      for (let r = q + 1; r < e; r++) {
        if (!taken[r] && same(rows[q], rows[r])) {
          taken[r] = 1;
          found.push(rows[r]);
        }
      }
      if (found.length < 2) continue; // a hash shared with another name, not a repeat
      count++;
      if (shown.length === DUPLICATES_SHOWN && found[0] > shown[DUPLICATES_SHOWN - 1].rows[0]) continue;
      let at = shown.length;
      while (at > 0 && shown[at - 1].rows[0] > found[0]) at--;
      shown.splice(at, 0, { account: name(rows[q]), rows: found });
      if (shown.length > DUPLICATES_SHOWN) shown.pop();
    }
    s = e;
  }
  if (count === 0) return null;
  const named: Message[] = shown.map(({ account, rows: found }) => ({
    code: 'dup.account',
    params: { account: shortName(account), rows: rowList(found.map((i) => rowNumbers[i])) },
  }));
  if (count === 1) return { code: 'msg.duplicateKey', params: named[0].params };
  if (count > DUPLICATES_SHOWN) named.push({ code: 'dup.more', params: { count: count - DUPLICATES_SHOWN } });
  return { code: 'msg.duplicateKeys', params: { count, accounts: named } };
}

/** Each named scored row's name hashed into `hashes` and its index into `rows`, in table order; how many. */
function hashNames(accounts: readonly string[], status: Uint8Array, hashes: Int32Array, rows: Uint32Array): number {
  let counted = 0;
  for (let i = 0; i < accounts.length; i++) {
    const key = accounts[i];
    if (!key || status[i] !== ROW_OK) continue;
    let h = 0x811c9dc5;
    for (let c = 0; c < key.length; c++) h = Math.imul(h ^ key.charCodeAt(c), 16777619);
    hashes[counted] = h;
    rows[counted++] = i;
  }
  return counted;
}

/** hashNames over names kept as bytes (FNV-1a over the bytes; an empty name is no name). */
function hashNameBytes(view: AccountBytesView, status: Uint8Array, hashes: Int32Array, rows: Uint32Array): number {
  const { bytes, start } = view;
  let counted = 0;
  for (let i = 0; i < status.length; i++) {
    const from = start[i];
    const to = start[i + 1];
    if (from === to || status[i] !== ROW_OK) continue;
    let h = 0x811c9dc5;
    for (let c = from; c < to; c++) h = Math.imul(h ^ bytes[c], 16777619);
    hashes[counted] = h;
    rows[counted++] = i;
  }
  return counted;
}

/** Names a and b are the same bytes. */
function sameBytes({ bytes, start }: AccountBytesView, a: number, b: number): boolean {
  const length = start[a + 1] - start[a];
  if (start[b + 1] - start[b] !== length) return false;
  for (let k = 0; k < length; k++) if (bytes[start[a] + k] !== bytes[start[b] + k]) return false;
  return true;
}

/**
 * Sorts `keys` and `values` (pairs at each position) by key as an unsigned number, ties in their
 * order: a stable LSD radix sort, 16 bits a pass, each pass's loops functions of their own (a cold
 * process compiles each once, for both passes).
 */
function sortByHash(keys: Int32Array, values: Uint32Array): void {
  const n = keys.length;
  const toKeys = new Int32Array(n);
  const toValues = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  pairPass(counts, keys, values, toKeys, toValues, 0);
  // Two passes: the sorted pairs are back in `keys` and `values`.
  pairPass(counts, toKeys, toValues, keys, values, 16);
}

/** One pass: the pairs of `fromKeys`/`fromValues` stably into `toKeys`/`toValues` by the 16 bits of the key at `shift`. */
function pairPass(counts: Uint32Array, fromKeys: Int32Array, fromValues: Uint32Array, toKeys: Int32Array, toValues: Uint32Array, shift: number): void {
  digitCounts(counts, fromKeys, fromKeys.length, shift);
  digitStarts(counts);
  pairScatter(counts, fromKeys, fromValues, toKeys, toValues, shift);
}

function pairScatter(starts: Uint32Array, fromKeys: Int32Array, fromValues: Uint32Array, toKeys: Int32Array, toValues: Uint32Array, shift: number): void {
  for (let p = 0; p < fromKeys.length; p++) {
    const key = fromKeys[p];
    const at = starts[(key >> shift) & 0xffff]++;
    toKeys[at] = key;
    toValues[at] = fromValues[p];
  }
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
