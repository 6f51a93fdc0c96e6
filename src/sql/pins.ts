import { pinColumns } from '../core/roles';
import type { Settings } from '../core/settings';
import { WS } from './category';
import type { DIALECTS, Dialect } from './generate';

/**
 * Pinned tiers in SQL (docs/scoring.md, "Pinned tiers"): the pin cell read as the engine reads it
 * (src/core/pins.ts, readPin), and the places left to the unpinned accounts. The chain carries
 * `abm_pin`: 1, 2, 3 a pinned tier, PIN_OUT excluded, NULL no pin (a bad value is no pin, as in the
 * engine). Pins count only on scored rows (a pin on a row without a score is ignored).
 */

/** `abm_pin` of an excluded account. */
export const PIN_OUT = 4;

type Forms = (typeof DIALECTS)[Dialect];

/** The pin column's header: `pins` when given (null: none), else the header's pin column (`Pin`, `Override`…), else null. */
export function pinColumnOf(headers: readonly string[], pins: string | null | undefined): string | null {
  if (pins !== undefined) return pins;
  const found = pinColumns(headers).pin;
  return found >= 0 ? headers[found] : null;
}

/** "Exclude" in the four languages, as src/core/pins.ts accepts it. */
const EXCLUDE_WORDS = ['exclude', 'excluded', 'ไม่รวม', 'ยกเว้น', '排除', '不计入', 'բացառել', 'բացառված'];

const foldText = (text: string) => text.trim().toLowerCase().replace(/\s+/gu, ' ');

/**
 * The pin of one cell as `abm_pin`, from the column `ident` (quoted): the document's labels (renamed
 * ones too: baked in, folded as the engine folds them), `Tier 1`…, 1/2/3 or an exclude word, case and
 * spaces ignored, whole or before a reason (a colon, or a dash with a space on each side). A warehouse
 * column has no number cells: the texts `1`…`3` (and `1.0`…, a DOUBLE column's) stand for them.
 */
export function pinExpr(ident: string, settings: Settings, dialect: Dialect, d: Forms): string {
  const replace = (expr: string, pattern: string, by: string, all: boolean) =>
    dialect === 'duckdb'
      ? `REGEXP_REPLACE(${expr}, ${d.string(pattern)}, ${d.string(by)}${all ? ", 'g'" : ''})`
      : `REGEXP_REPLACE(${expr}, ${d.string(pattern)}, ${d.string(by)})`;
  const fold = (expr: string) => `LOWER(${replace(replace(expr, `^${WS}+|${WS}+$`, '', true), `${WS}+`, ' ', true)})`;
  const list = (words: readonly string[]) => words.map((w) => d.string(w)).join(', ');
  const of = (t: string) =>
    `CASE ${settings.labels
      .map((label, k) => `WHEN ${t} IN (${list([foldText(label), `tier ${k + 1}`, `${k + 1}`, `${k + 1}.0`])}) THEN ${k + 1}`)
      .join(' ')} WHEN ${t} IN (${list(EXCLUDE_WORDS)}) THEN ${PIN_OUT} END`;
  const text = `CAST(${ident} AS ${d.text})`;
  // The text before the first separator (the reason's start), as the engine's REASON_SEPARATOR finds it.
  const head = replace(text, `(?s)(${WS}*[:：]${WS}*|${WS}+[-–—]${WS}+).*$`, '', false);
  return `COALESCE(${of(fold(text))}, ${of(fold(head))})`;
}

/** A pin kept in the document's settings (src/sheet/pins.ts, `abmTier.pins`): the account, and 0–2 a tier, 3 exclude. */
export type DocumentPin = readonly [account: string, pin: number];

/**
 * The document's pins as a table to join on the account key (abm_doc_account, abm_doc_pin as `abm_pin`
 * reads them): DuckDB's `VALUES` list, BigQuery's `SELECT … UNION ALL` (it has no `VALUES`); each account
 * a string literal, quoted for its dialect. The pins the engine could not read (not 0–3) are left out.
 */
export function documentPinsTable(pins: readonly DocumentPin[], dialect: Dialect, d: Forms): string | null {
  const kept = pins.filter(([account, pin]) => typeof account === 'string' && account !== '' && Number.isInteger(pin) && pin >= 0 && pin <= 3);
  if (kept.length === 0) return null;
  const value = (pin: number) => (pin === 3 ? PIN_OUT : pin + 1);
  if (dialect === 'duckdb') return `(VALUES ${kept.map(([a, pin]) => `(${d.string(a)}, ${value(pin)})`).join(', ')}) AS abm_doc(abm_doc_account, abm_doc_pin)`;
  return `(${kept.map(([a, pin], k) => (k === 0 ? `SELECT ${d.string(a)} AS abm_doc_account, ${value(pin)} AS abm_doc_pin` : `SELECT ${d.string(a)}, ${value(pin)}`)).join(' UNION ALL ')}) AS abm_doc`;
}

/**
 * `abm_pin` of a row: its own pin cell (`cell`, the column's ident; null: none) and, where that cell is
 * empty, the document's pin of its account (`documents`: the table is joined), as the engine reads them
 * (src/core/pins.ts: a cell that holds anything, even a bad pin, wins over the document).
 */
export function rowPinExpr(cell: string | null, documents: boolean, settings: Settings, dialect: Dialect, d: Forms): string {
  const own = cell === null ? null : pinExpr(cell, settings, dialect, d);
  if (!documents) return own ?? 'NULL';
  if (own === null || cell === null) return 'abm_doc.abm_doc_pin';
  return `CASE WHEN NULLIF(CAST(${cell} AS ${d.text}), '') IS NULL THEN abm_doc.abm_doc_pin ELSE ${own} END`;
}

/** Whether a row is excluded and scored (the engine's `include` drops it): it leaves the segments' ranking. `present`: the weighted metrics. */
export function pinOut(present: readonly string[]): string {
  return `(COALESCE(abm_pin = ${PIN_OUT}, FALSE) AND (${present.map((m) => `${m} IS NOT NULL`).join(' OR ') || 'FALSE'}))`;
}

/** Over the scored rows: the accounts of the pyramid (n: scored, not excluded, pinned ones included) and the pinned Tier 1 and 2 accounts. */
export function pinCountsCte(from: string): string {
  return `pin_counts AS (
  SELECT COUNT(*) AS pin_n, COALESCE(SUM(CASE WHEN abm_pin = 1 THEN 1 ELSE 0 END), 0) AS pin_p1,
    COALESCE(SUM(CASE WHEN abm_pin = 2 THEN 1 ELSE 0 END), 0) AS pin_p2
  FROM ${from} WHERE rs IS NOT NULL AND (abm_pin IS NULL OR abm_pin <> ${PIN_OUT})
)`;
}

/** K1' = max(0, K1 − P1), K2' = max(0, K2 − P1 − P2): the places left to the unpinned accounts. */
export function placesLeft(k1: string, k2: string): [string, string] {
  return [`GREATEST(0, ${k1} - pin_p1)`, `GREATEST(0, ${k2} - pin_p1 - pin_p2)`];
}

/** The final tier: a scored pinned row takes its pin (a pin wins over the cap), an excluded one none; the others `capped`. */
export function pinnedTier(capped: string): string {
  return `CASE WHEN rs IS NULL THEN NULL WHEN abm_pin = ${PIN_OUT} THEN NULL WHEN abm_pin IS NOT NULL THEN abm_pin ELSE ${capped} END`;
}
