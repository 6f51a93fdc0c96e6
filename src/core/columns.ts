import { parseCell, parseIsoDate, parseNumberText, type Cell, type CellKind } from './parse-cell';
import { ROLE_INFO, normaliseHeader, roleOfHeader, type Direction, type MetricRole } from './roles';
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
}

export interface PositionalOptions {
  /** For a range without a header: one weight per column. */
  weights?: readonly number[];
  directions?: readonly Direction[];
}

function kindOf(role: MetricRole | 'custom'): CellKind {
  return role === 'recency' ? 'recency' : role === 'tenure' ? 'tenure' : 'number';
}

function lookup<T>(record: Record<string, T>, ...keys: string[]): T | undefined {
  for (const key of keys) {
    for (const [k, v] of Object.entries(record)) if (normaliseHeader(k) === key) return v;
  }
  return undefined;
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

/**
 * The header row among the first `scan` rows: the one naming the most roles (the first such),
 * else the first row that looks like a header. −1 when there is none.
 */
export function findHeaderRow(rows: readonly (readonly Cell[])[], scan = 10): number {
  let best = -1;
  let bestCount = 0;
  const limit = Math.min(rows.length, scan);
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
  const roleAt: (MetricRole | 'account' | 'custom' | null)[] = new Array(width).fill(null);
  const taken = new Set<string>();
  const overrides = settings.roles;
  // The user's choices come first; a column set to `ignore` stays unmapped.
  const ignored = new Set<number>();
  headers.forEach((h, i) => {
    const choice = lookup(overrides, normaliseHeader(h));
    if (!choice || !h) return;
    if (choice === 'ignore') ignored.add(i);
    else if (choice === 'custom') roleAt[i] = 'custom';
    else if (!taken.has(choice)) {
      roleAt[i] = choice;
      taken.add(choice);
    }
  });
  for (const exactPass of [true, false]) {
    headers.forEach((h, i) => {
      if (roleAt[i] || ignored.has(i)) return;
      const found = roleOfHeader(h);
      if (found && found.exact === exactPass && !taken.has(found.role)) {
        roleAt[i] = found.role;
        taken.add(found.role);
      }
    });
  }
  const mapping: ColumnMapping = { hasHeader: true, account: -1, metrics: [], unmapped: [], derivedProfit: false };
  headers.forEach((h, i) => {
    const role = roleAt[i];
    if (role === 'account') mapping.account = i;
    else if (role) mapping.metrics.push(metric(i, h, role, settings));
    else if (h || ignored.has(i)) mapping.unmapped.push({ index: i, header: h });
  });
  if (!taken.has('profit') && taken.has('revenue') && taken.has('cost')) {
    mapping.metrics.push({ ...metric(-1, 'Profit (revenue − cost)', 'profit', settings) });
    mapping.derivedProfit = true;
  }
  return mapping;
}

function metric(index: number, header: string, role: MetricRole | 'custom', settings: Settings): MetricColumn {
  const name = role === 'custom' ? header : role;
  const key = normaliseHeader(header);
  const defaults = role === 'custom' ? { weight: 1, direction: 'higher' as Direction } : ROLE_INFO[role];
  const weight = lookup(settings.weights, key, name) ?? defaults.weight;
  const direction = lookup(settings.directions, key, name) ?? defaults.direction;
  return { index, header, name, role, weight, direction, kind: kindOf(role) };
}

function mapWithoutHeader(width: number, settings: Settings, positional: PositionalOptions): ColumnMapping {
  const metrics: MetricColumn[] = [];
  for (let i = 0; i < width; i++) {
    const name = `column ${i + 1}`;
    metrics.push({
      index: i,
      header: name,
      name,
      role: 'custom',
      weight: positional.weights?.[i] ?? lookup(settings.weights, name) ?? 1,
      direction: positional.directions?.[i] ?? lookup(settings.directions, name) ?? 'higher',
      kind: 'number',
    });
  }
  return { hasHeader: false, account: -1, metrics, unmapped: [], derivedProfit: false };
}

/** The first metric column of a role, if mapped. */
export function metricOf(mapping: ColumnMapping, role: MetricRole): number {
  return mapping.metrics.findIndex((m) => m.role === role);
}

