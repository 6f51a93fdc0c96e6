import type { ColumnMapping, MetricColumn } from './columns';
import { normaliseHeader } from './roles';
import { score } from './score';
import type { Settings } from './settings';
import { NO_TIER, quantileTiers } from './tiers';

/**
 * Fit × engagement (SPEC §15, issue 18): each metric on one of two axes, each axis its own score
 * (SPEC §3 over its metrics), each score cut into three bands by the quantile rule, and the
 * account's cell of the 3 × 3 grid, A1 (best fit, most engaged) … C3. Not to be confused with
 * grid.ts, which reads a whole 2-D grid of cells.
 */

export type Axis = 'fit' | 'engagement';
export const AXES = ['fit', 'engagement'] as const;

/** The engagement roles (what an account does now); every other metric, custom ones too, is fit. */
const ENGAGEMENT_ROLES: ReadonlySet<string> = new Set(['engagement', 'recency', 'orders', 'opportunities', 'channels', 'feedback', 'health', 'support']);

/** The nine cells, fit letter then engagement digit: index = 3 × fit band + engagement band. */
export const GRID_CELLS = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3'] as const;
export type GridCell = (typeof GRID_CELLS)[number];

/** The program (0 = Strategic, 1 = ABM Lite, 2 = Programmatic) of each cell, by name in settings. */
export const GRID_PROGRAMS = ['strategic', 'lite', 'programmatic'] as const;
export type GridProgram = (typeof GRID_PROGRAMS)[number];

/** A role's axis when the settings say nothing. */
export function defaultAxis(role: string): Axis {
  return ENGAGEMENT_ROLES.has(role) ? 'engagement' : 'fit';
}

/**
 * A metric's axis: the settings' choice for its header, else for its role name (keys compared as
 * headers are, the first matching key winning, as for weights), else its role's default.
 */
export function axisOf(metric: MetricColumn, axes: Readonly<Record<string, Axis>>): Axis {
  const keys = Object.keys(axes);
  if (keys.length === 0) return defaultAxis(metric.role);
  const find = (name: string) => {
    const want = normaliseHeader(name);
    const key = keys.find((k) => normaliseHeader(k) === want);
    return key === undefined ? undefined : axes[key];
  };
  return find(metric.header) ?? find(metric.name) ?? defaultAxis(metric.role);
}

export interface AxesGrid {
  /** Axis scores 0–100 at full precision; NaN where the row has no metric of that axis. */
  fit: Float64Array;
  engagement: Float64Array;
  /** 0 = A / 1 (best) … 2 = C / 3; −1 = none. */
  fitBand: Int8Array;
  engagementBand: Int8Array;
  /** Index into GRID_CELLS; −1 when either axis has no score. */
  cell: Int8Array;
  /** Accounts per cell, GRID_CELLS order. */
  counts: number[];
  /** Scored metrics on each axis (an axis with none leaves every cell blank). */
  metrics: { fit: number; engagement: number };
}

/**
 * The two axis scores and the cells, from the percentiles the score already ranked (no second
 * ranking): `percentiles[m]` is null for a metric of weight 0, which neither axis counts.
 */
export function axesGrid(mapping: ColumnMapping, percentiles: readonly (Float64Array | null)[], n: number, settings: Settings): AxesGrid {
  const axes = mapping.metrics.map((m) => axisOf(m, settings.axes));
  const one = (axis: Axis) => {
    const known = percentiles.map((p, m) => (axes[m] === axis ? p : null));
    const weights = mapping.metrics.map((m, k) => (known[k] ? m.weight : 0));
    const values = mapping.metrics.map(() => new Float64Array(0));
    const s = score({ values, weights, directions: mapping.metrics.map((m) => m.direction), include: new Uint8Array(n), known }).score;
    return { score: s, metrics: known.filter(Boolean).length };
  };
  const fit = one('fit');
  const engagement = one('engagement');
  const fitBand = quantileTiers(fit.score, settings.gridCutoffs);
  const engagementBand = quantileTiers(engagement.score, settings.gridCutoffs);
  const cell = new Int8Array(n);
  const counts = new Array<number>(9).fill(0);
  for (let i = 0; i < n; i++) {
    const f = fitBand[i];
    const e = engagementBand[i];
    cell[i] = f === NO_TIER || e === NO_TIER ? -1 : 3 * f + e;
    if (cell[i] >= 0) counts[cell[i]]++;
  }
  return { fit: fit.score, engagement: engagement.score, fitBand, engagementBand, cell, counts, metrics: { fit: fit.metrics, engagement: engagement.metrics } };
}

/** A heat-map colour for a cell holding `count` of at most `max` accounts: white for none, Sheets' colour-scale green for the fullest. */
export function heatColour(count: number, max: number): string {
  const t = max > 0 ? count / max : 0;
  const hex = (from: number, to: number) =>
    Math.round(from + (to - from) * t)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(255, 0x57)}${hex(255, 0xbb)}${hex(255, 0x8a)}`;
}

/** The tier method `grid`: each cell's program is its tier; a scored account without a cell is Tier 3. */
export function gridTiers(scores: Float64Array, cells: Int8Array, settings: Settings): Int8Array {
  const out = new Int8Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] !== scores[i]) out[i] = NO_TIER;
    else out[i] = cells[i] < 0 ? 2 : GRID_PROGRAMS.indexOf(settings.gridPrograms[cells[i]]);
  }
  return out;
}
