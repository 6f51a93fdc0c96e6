import { pinColumns } from '../core/roles';
import type { Settings } from '../core/settings';
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

/** JavaScript's `\s` (what String.prototype.trim and the engine's `\s+` take), for RE2: ASCII and Unicode spaces. */
const WS = '[\\x{0009}-\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';

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
