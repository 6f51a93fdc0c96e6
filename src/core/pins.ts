import type { Analysis } from './analyse';
import type { Message, RowCode } from './message';
import { quoteCell, shortHeader, shortText, type Cell } from './parse-cell';
import { pinColumns } from './roles';
import { ROW_INVALID, ROW_OK, type ParsedTable } from './table';
import type { Settings } from './settings';
import { presentCount } from './percentile';
import { NO_TIER, paretoTiers, places, tiersByPosition } from './tiers';

/**
 * Pinned tiers (SPEC §14, docs/scoring.md "Pinned tiers"): the team's tier for an account, or
 * `exclude`, whatever the method. Pinned accounts take their places first; the method places the
 * others in the places left.
 */

export const NO_PIN = -1;
/** A pin that takes the account out of the tiers, the segments' ranking and the tables. */
export const PIN_EXCLUDE = 3;

/** Per row: 0–2 a pinned tier, PIN_EXCLUDE, or NO_PIN; and the reason given, if any. */
export interface Pins {
  pin: Int8Array;
  reason: (string | null)[];
}

export interface PinReading {
  pin: number;
  reason: string | null;
}

/** "Exclude" in the four languages (lower case). */
const EXCLUDE_WORDS = new Set(['exclude', 'excluded', 'ไม่รวม', 'ยกเว้น', '排除', '不计入', 'բացառել', 'բացառված']);

const fold = (text: string) => text.trim().toLowerCase().replace(/\s+/gu, ' ');

/** The pin a text names without a reason: a label (the document's or `Tier 1`…), 1/2/3, or exclude. */
function pinOfText(text: string, labels: readonly string[]): number {
  const t = fold(text);
  for (let k = 0; k < 3; k++) if (t === fold(labels[k]) || t === `tier ${k + 1}` || t === String(k + 1)) return k;
  return EXCLUDE_WORDS.has(t) ? PIN_EXCLUDE : NO_PIN;
}

/** A colon (or a full-width one, U+FF1A), or a dash (-, – or —) with a space on each side: what parts a pin from its reason (`Tier 1: strategic logo`). Written as escapes: the CLI's bundle is ASCII (scripts/build.mjs). */
const REASON_SEPARATOR = /\s*[:\uFF1A]\s*|\s+[-\u2013\u2014]\s+/u;

/**
 * A pin cell: empty → no pin; `Tier 1`, a label, 1/2/3 or `exclude`, optionally followed by a
 * colon or a spaced dash and a reason (`exclude - partner`); anything else → null (not a pin).
 */
export function readPin(cell: Cell, labels: readonly string[]): PinReading | null {
  if (cell === null || cell === undefined) return { pin: NO_PIN, reason: null };
  if (typeof cell === 'number') return cell === 1 || cell === 2 || cell === 3 ? { pin: cell - 1, reason: null } : null;
  if (typeof cell !== 'string') return null;
  if (cell.trim() === '') return { pin: NO_PIN, reason: null };
  const whole = pinOfText(cell, labels);
  if (whole !== NO_PIN) return { pin: whole, reason: null };
  const cut = REASON_SEPARATOR.exec(cell);
  if (!cut) return null;
  const pin = pinOfText(cell.slice(0, cut.index), labels);
  if (pin === NO_PIN) return null;
  const reason = cell.slice(cut.index + cut[0].length).trim();
  return { pin, reason: reason === '' ? null : reason };
}

/** Where an analysis takes its pins: a column (and a reason column) of the rows, and pins kept by account. */
export interface PinSource {
  /** Column index of the pins; absent: the header's pin column (`pinColumns`); −1: none. */
  pin?: number;
  reason?: number;
  /** Pins kept elsewhere (the document's settings), by account name: a row's own pin cell wins. */
  byAccount?: ReadonlyMap<string, PinReading>;
  /** One pin cell per data row, given apart from the rows (`=ABMTIER(…, pins)`): the rows' own pin column is then not read. */
  cells?: readonly Cell[];
  /** What messages call the given cells' column. */
  header?: string;
}

/** The columns a source reads, the header's pin columns by default. */
export function pinSource(header: readonly Cell[] | null, given: PinSource = {}): Required<PinSource> {
  const found = given.cells ? { pin: -1, reason: -1 } : pinColumns(header);
  return {
    pin: given.pin ?? found.pin,
    reason: given.reason ?? (given.pin === undefined ? found.reason : -1),
    byAccount: given.byAccount ?? new Map(),
    cells: given.cells ?? [],
    header: given.header ?? String(header?.[given.pin ?? found.pin] ?? 'pins'),
  };
}

/** Bad pins said one by one, then counted. */
const LISTED_PINS = 20;

/**
 * The pins of a parsed table from its rows' pin cells (`cells`: row index → [pin, reason]) and the
 * pins kept by account. A cell that is not a pin gives a warning naming its row, column and value,
 * and the row is scored unpinned. Null when no row is pinned.
 */
export function pinsOf(
  table: ParsedTable,
  settings: Settings,
  source: Required<PinSource>,
  cells: ReadonlyMap<number, readonly [Cell, Cell]>,
  rowCode: RowCode = 'cell.row',
): { pins: Pins | null; warnings: Message[] } {
  const warnings: Message[] = [];
  if (cells.size === 0 && source.byAccount.size === 0) return { pins: null, warnings };
  const n = table.n;
  const labels = settings.labels;
  const pins: Pins = { pin: new Int8Array(n).fill(NO_PIN), reason: new Array<string | null>(n).fill(null) };
  const column = { code: 'cell.column', params: { column: shortHeader(source.header) } } as const;
  let bad = 0;
  for (const [i, [cell, reason]] of cells) {
    if (table.status[i] !== ROW_OK && table.status[i] !== ROW_INVALID) continue;
    const read = readPin(cell, labels);
    if (!read) {
      if (++bad <= LISTED_PINS)
        warnings.push({
          code: 'pin.bad',
          params: { row: { code: rowCode, params: { row: table.rowNumbers[i] } }, column, value: quoteCell(cell), t1: labels[0], t2: labels[1], t3: labels[2] },
        });
      continue;
    }
    pins.pin[i] = read.pin;
    const given = reason === null || reason === undefined ? '' : String(reason).trim();
    pins.reason[i] = given === '' ? read.reason : shortText(given, 200);
  }
  if (bad > LISTED_PINS) warnings.push({ code: 'warn.more', params: { count: bad - LISTED_PINS } });
  if (source.byAccount.size > 0 && table.accounts) {
    for (let i = 0; i < n; i++) {
      if (pins.pin[i] !== NO_PIN || cells.has(i)) continue;
      const kept = source.byAccount.get(table.accounts[i]);
      if (kept) {
        pins.pin[i] = kept.pin;
        pins.reason[i] = kept.reason;
      }
    }
  }
  return { pins: hasPins(pins) ? pins : null, warnings };
}

export function hasPins(pins: Pins | null | undefined): pins is Pins {
  return !!pins && pins.pin.some((p) => p !== NO_PIN);
}

export interface PinnedTiers {
  /** The tiers with the pins: pinned rows their pin, excluded rows NO_TIER, the others by the method in the places left. */
  tier: Int8Array;
  /** Rows the unprofitable cap moved (among the unpinned). */
  cappedRows: Uint8Array | null;
  capped: number;
  /** Pinned rows (excluded ones included) with a score, in row order. */
  rows: number[];
  /** Pinned rows whose profit is below zero and whose tier is above the last: the pin won over the cap. */
  overCap: number;
}

/**
 * The tiers of the scored rows with pins (pins on rows without a score are ignored: such a row has no
 * tier). `alone` is what the method and the cap give without pins. Quantile and capacity: K1 and K2
 * less the pinned accounts of those tiers (K1 − P1, K2 − P1 − P2, never below 0), n counting the
 * pinned accounts and not the excluded ones; pareto: the value curve of every account not excluded
 * (the pinned ones' value included); threshold and the grid: `byMethod`, each account's own tier.
 */
export function pinnedTiers(
  scores: Float64Array,
  settings: Settings,
  byMethod: Int8Array,
  paretoValue: Float64Array | null,
  capProfit: Float64Array | null,
  pins: Pins,
): PinnedTiers {
  const n = scores.length;
  const free = new Float64Array(n);
  const kept = new Float64Array(n);
  const counts = [0, 0, 0, 0];
  const pinned: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    const p = s === s ? pins.pin[i] : NO_PIN;
    free[i] = p === NO_PIN ? s : Number.NaN;
    kept[i] = p === PIN_EXCLUDE ? Number.NaN : s;
    if (p !== NO_PIN) {
      counts[p]++;
      pinned.push(i);
    }
  }
  const [p1, p2, p3] = counts;
  const left = (k1: number, k2: number) => tiersByPosition(free, Math.max(0, k1 - p1), Math.max(0, k2 - p1 - p2));
  let tier: Int8Array;
  switch (settings.method) {
    case 'quantile': {
      const m = presentCount(free) + p1 + p2 + p3;
      const c = settings.cutoffs;
      tier = left(places(m, c[0]), places(m, c[0] + c[1]));
      break;
    }
    case 'capacity': {
      const c = settings.capacity;
      const k1 = c.strategicMarketers * c.strategicAccounts;
      tier = left(k1, k1 + c.liteMarketers * c.liteAccounts);
      break;
    }
    case 'pareto':
      // assignTiers has refused pareto without a value before pins are applied.
      tier = paretoTiers(kept, paretoValue ?? kept);
      for (const i of pinned) tier[i] = NO_TIER;
      break;
    default:
      // Threshold (and the grid): each account's own tier; there are no places to share.
      tier = byMethod.slice();
      for (const i of pinned) tier[i] = NO_TIER;
  }
  let cappedRows: Uint8Array | null = null;
  let capped = 0;
  let overCap = 0;
  if (capProfit) {
    cappedRows = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (tier[i] === NO_TIER || tier[i] === 2 || !(capProfit[i] < 0)) continue;
      tier[i] = 2;
      cappedRows[i] = 1;
      capped++;
    }
  }
  for (const i of pinned) {
    const p = pins.pin[i];
    tier[i] = p === PIN_EXCLUDE ? NO_TIER : p;
    if (capProfit && p < 2 && capProfit[i] < 0) overCap++;
  }
  return { tier, cappedRows, capped, rows: pinned, overCap };
}

/** What the analysis keeps of the pins for the summary and the report card. */
export interface PinSummary {
  pins: Pins;
  /** Scored pinned rows, in row order (excluded ones included). */
  rows: number[];
  /** What the method and the cap alone give each row (the data's tier). */
  alone: Int8Array;
  /** Pinned accounts that kept a tier above the last although the cap would have moved them. */
  overCap: number;
  excluded: number;
}

/** One pinned account as the summaries list it. */
export interface PinnedRow {
  /** Row index in the table. */
  index: number;
  /** The account's name, else its row number as text. */
  account: string;
  /** The pinned tier's label; null when excluded. */
  tier: string | null;
  /** What the method and the cap alone give it. */
  alone: string | null;
  reason: string | null;
}

/** The pinned accounts of an analysis, in row order (the first `limit`). */
export function pinnedRows(analysis: Pick<Analysis, 'pinned' | 'table' | 'settings'>, limit = Number.POSITIVE_INFINITY): PinnedRow[] {
  const p = analysis.pinned;
  if (!p) return [];
  const { labels } = analysis.settings;
  const { accounts, rowNumbers } = analysis.table;
  return p.rows.slice(0, limit).map((i) => {
    const pin = p.pins.pin[i];
    return {
      index: i,
      account: accounts?.[i] || String(rowNumbers[i]),
      tier: pin === PIN_EXCLUDE ? null : labels[pin],
      alone: p.alone[i] >= 0 ? labels[p.alone[i]] : null,
      reason: p.pins.reason[i],
    };
  });
}

/** What the report card needs of the pins (null without pins). */
export function cardPins(analysis: Pick<Analysis, 'pinned'>): { pin: Int8Array; alone: Int8Array } | null {
  return analysis.pinned && { pin: analysis.pinned.pins.pin, alone: analysis.pinned.alone };
}
