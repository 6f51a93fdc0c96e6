import type { Message } from './message';
import { parseIsoDate, parseNumberText, shortHeader, type Cell, type CellKind } from './parse-cell';
import { ROLE_INFO, isCategoryHeader, normaliseHeader, outcomeOfHeader, roleOfHeader, roleOfKey, type Direction, type MetricRole } from './roles';
import type { Settings } from './settings';

/** Which column holds what (SPEC §1): the account column, the metric columns, the rest carried along. */

export interface MetricColumn {
  /** Column index in the table; −1 for profit derived as revenue − cost. */
  index: number;
  header: string;
  /** Role name, or the header for a custom metric: what drivers and messages call it. */
  name: string;
  role: MetricRole | 'custom';
  weight: number;
  direction: Direction;
  kind: CellKind;
}

export interface ColumnMapping {
  hasHeader: boolean;
  /** Column index of the account name, or −1. */
  account: number;
  metrics: MetricColumn[];
  unmapped: { index: number; header: string }[];
  /** Profit is computed as revenue − cost (no profit column). */
  derivedProfit: boolean;
  /**
   * Weights and directions of the settings that name no column or role of this table
   * (`warn.unknownName`, listing the names that would apply), else null: never a silent skip.
   */
  unknownNames: Message | null;
  /** The outcome column (chosen, else the first whose header names one), or null: never scored. */
  outcome: { index: number; header: string; failure: boolean } | null;
  /** Text columns mapped as category; `weight` > 0 lets its smoothed success rate enter the score (0 by default). */
  categories: { index: number; header: string; weight: number }[];
}

export interface PositionalOptions {
  /** For a range without a header: one weight per column. */
  weights?: readonly number[];
  directions?: readonly Direction[];
}

function kindOf(role: MetricRole | 'custom'): CellKind {
  return role === 'recency' ? 'recency' : role === 'tenure' ? 'tenure' : 'number';
}

/**
 * A settings record (roles, weights, directions) keyed by its keys normalised like headers, the
 * record's first key winning. Only its own keys count, so a column called `constructor` or
 * `__proto__` is a header like any other.
 */
function byHeader<T>(record: Record<string, T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [k, v] of Object.entries(record)) {
    const key = normaliseHeader(k);
    if (!map.has(key)) map.set(key, v);
  }
  return map;
}

/** The value of the first of `keys` the map holds. */
function lookup<T>(map: Map<string, T>, ...keys: string[]): T | undefined {
  for (const key of keys) if (map.has(key)) return map.get(key);
  return undefined;
}

interface Overrides {
  weights: Map<string, number>;
  directions: Map<string, Direction>;
}

function overridesOf(settings: Settings): Overrides {
  return { weights: byHeader(settings.weights), directions: byHeader(settings.directions) };
}

/** A header row: something in it, and nothing in it that reads as a number or a date. */
export function looksLikeHeader(row: readonly Cell[]): boolean {
  let text = 0;
  for (const cell of row) {
    if (cell === null || cell === undefined || cell === '') continue;
    if (typeof cell !== 'string') return false;
    if (!Number.isNaN(parseNumberText(cell)) || !Number.isNaN(parseIsoDate(cell))) return false;
    text++;
  }
  return text > 0;
}

/** How many rows from the top may hold the header (title lines above it are skipped): the same on every surface. */
export const HEADER_SCAN_ROWS = 20;

/** A row with no cell filled ('' , null and undefined are empty, as Sheets and CSV give them). */
export function blankRow(row: readonly Cell[]): boolean {
  for (const cell of row) if (cell !== '' && cell !== null && cell !== undefined) return false;
  return true;
}

/**
 * The header row among the first `scan` rows: the one naming the most roles (the first such),
 * else the first row that looks like a header. −1 when there is none. Only title lines and blank
 * rows may stand above it: a row that looks like data ends the search, so a column of numbers
 * with a text cell further down has no header. The sheet, the command line and the custom
 * functions all find their header here.
 */
export function findHeaderRow(rows: readonly (readonly Cell[])[], scan = HEADER_SCAN_ROWS): number {
  let best = -1;
  let bestCount = 0;
  let limit = Math.min(rows.length, scan);
  for (let r = 0; r < limit; r++) {
    if (!blankRow(rows[r]) && !looksLikeHeader(rows[r])) {
      limit = r;
      break;
    }
  }
  for (let r = 0; r < limit; r++) {
    if (!looksLikeHeader(rows[r])) continue;
    let count = 0;
    for (const cell of rows[r]) if (roleOfHeader(cell)) count++;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  if (best >= 0) return best;
  for (let r = 0; r < limit; r++) if (looksLikeHeader(rows[r])) return r;
  return -1;
}

/** Maps columns to roles: exact role names first, then synonyms, then the user's overrides. */
export function mapColumns(header: readonly Cell[] | null, width: number, settings: Settings, positional: PositionalOptions = {}): ColumnMapping {
  if (!header) return mapWithoutHeader(width, settings, positional);
  const headers = Array.from({ length: width }, (_, i) => String(header[i] ?? '').trim());
  // Each header normalised once: a header may be a megabyte long.
  const keys = headers.map(normaliseHeader);
  const roleAt: (MetricRole | 'account' | 'custom' | 'outcome' | 'category' | null)[] = new Array(width).fill(null);
  const taken = new Set<string>();
  const roles = byHeader(settings.roles);
  const overrides = overridesOf(settings);
  // The user's choices come first; a column set to `ignore` stays unmapped.
  const ignored = new Set<number>();
  headers.forEach((h, i) => {
    const choice = lookup(roles, keys[i]);
    if (!choice || !h) return;
    if (choice === 'ignore') ignored.add(i);
    else if (choice === 'custom' || choice === 'category') roleAt[i] = choice;
    else if (!taken.has(choice)) {
      roleAt[i] = choice;
      taken.add(choice);
    }
  });
  for (const exactPass of [true, false]) {
    headers.forEach((_h, i) => {
      if (roleAt[i] || ignored.has(i)) return;
      const found = roleOfKey(keys[i]);
      if (found && found.exact === exactPass && !taken.has(found.role)) {
        roleAt[i] = found.role;
        taken.add(found.role);
      }
    });
  }
  // Issue 17: the first outcome header is the outcome unless one is chosen; category headers (Industry, Region…) are categories.
  headers.forEach((h, i) => {
    if (roleAt[i] || ignored.has(i) || !h) return;
    if (!taken.has('outcome') && outcomeOfHeader(keys[i])) {
      roleAt[i] = 'outcome';
      taken.add('outcome');
    } else if (isCategoryHeader(keys[i])) roleAt[i] = 'category';
  });
  // SPEC §1: any numeric column can be scored. A column of no role that the settings give a weight
  // above 0, or a direction, is a custom metric (as choosing "custom" for it would make it).
  headers.forEach((h, i) => {
    if (roleAt[i] || ignored.has(i) || !h || roleOfKey(keys[i])) return;
    const weight = lookup(overrides.weights, keys[i]);
    if (weight !== undefined ? weight > 0 : lookup(overrides.directions, keys[i]) !== undefined) roleAt[i] = 'custom';
  });
  const mapping: ColumnMapping = {
    hasHeader: true,
    account: -1,
    metrics: [],
    unmapped: [],
    derivedProfit: false,
    unknownNames: null,
    outcome: null,
    categories: [],
  };
  headers.forEach((h, i) => {
    const role = roleAt[i];
    if (role === 'account') mapping.account = i;
    else if (role === 'outcome' || role === 'category') {
      // Not metrics: carried along untouched like any column the score does not read.
      if (role === 'outcome') mapping.outcome = { index: i, header: h, failure: outcomeOfHeader(keys[i])?.failure ?? false };
      else mapping.categories.push({ index: i, header: h, weight: lookup(overrides.weights, keys[i]) ?? 0 });
      mapping.unmapped.push({ index: i, header: h });
    } else if (role) mapping.metrics.push(metric(i, h, keys[i], role, overrides));
    else if (h || ignored.has(i)) mapping.unmapped.push({ index: i, header: h });
  });
  if (!taken.has('profit') && taken.has('revenue') && taken.has('cost')) {
    mapping.metrics.push(metric(-1, 'Profit (revenue − cost)', 'profit', 'profit', overrides));
    mapping.derivedProfit = true;
  }
  const usable = [...mapping.metrics.map((m) => m.name), ...mapping.unmapped.map((u) => u.header).filter(Boolean)];
  mapping.unknownNames = unknownNames(settings, new Set([...keys, ...usable.map(normaliseHeader)]), usable);
  return mapping;
}

/** Names listed as usable in `warn.unknownName`: enough to spot the one meant. */
const LISTED_NAMES = 20;

/**
 * The weights' and directions' names (as the user wrote them, each once) that normalise to none of
 * `known`: a message naming them and listing the `usable` names, or null when every name applies.
 */
function unknownNames(settings: Settings, known: ReadonlySet<string>, usable: readonly string[]): Message | null {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of [...Object.keys(settings.weights), ...Object.keys(settings.directions)]) {
    const key = normaliseHeader(name);
    if (known.has(key) || seen.has(key)) continue;
    seen.add(key);
    names.push(`"${shortHeader(name)}"`);
  }
  if (names.length === 0) return null;
  const listed = [...new Set(usable.map(shortHeader))];
  const columns = listed.slice(0, LISTED_NAMES).join(', ') + (listed.length > LISTED_NAMES ? ', …' : '');
  return { code: 'warn.unknownName', params: { count: names.length, names: names.join(', '), columns } };
}

function metric(index: number, header: string, key: string, role: MetricRole | 'custom', overrides: Overrides): MetricColumn {
  const name = role === 'custom' ? header : role;
  const defaults = role === 'custom' ? { weight: 1, direction: 'higher' as Direction } : ROLE_INFO[role];
  const weight = lookup(overrides.weights, key, name) ?? defaults.weight;
  const direction = lookup(overrides.directions, key, name) ?? defaults.direction;
  return { index, header, name, role, weight, direction, kind: kindOf(role) };
}

function mapWithoutHeader(width: number, settings: Settings, positional: PositionalOptions): ColumnMapping {
  const metrics: MetricColumn[] = [];
  const overrides = overridesOf(settings);
  const names = Array.from({ length: width }, (_, i) => `column ${i + 1}`);
  for (let i = 0; i < width; i++) {
    const name = names[i];
    metrics.push({
      index: i,
      header: name,
      name,
      role: 'custom',
      weight: positional.weights?.[i] ?? lookup(overrides.weights, name) ?? 1,
      direction: positional.directions?.[i] ?? lookup(overrides.directions, name) ?? 'higher',
      kind: 'number',
    });
  }
  const unknown = unknownNames(settings, new Set(names), names);
  return { hasHeader: false, account: -1, metrics, unmapped: [], derivedProfit: false, unknownNames: unknown, outcome: null, categories: [] };
}
