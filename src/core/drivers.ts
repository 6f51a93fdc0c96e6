import type { MetricColumn } from './columns';
import type { MessageParam, Render } from './message';
import { shortHeader } from './parse-cell';
import { presentCount } from './percentile';

/**
 * What drives each score, SPEC §9: the two metrics adding most (w·p) and the one holding it back
 * most. A strength is above the median (p > ½): a metric where the row is in the bottom half is
 * never shown as "top 76%". A row the unprofitable cap moved says so first.
 */

export interface Drivers {
  /** Metric indices per row; −1 = none. */
  first: Int16Array;
  second: Int16Array;
  weakest: Int16Array;
  /** Rows the unprofitable cap moved (1), and the tier they were moved to; null when the cap moved none. */
  capped: Uint8Array | null;
  cappedTier: string;
}

/** Rows the unprofitable cap moved, and the label of the tier it moved them to. */
export interface CappedRows {
  rows: Uint8Array;
  tier: string;
}

/**
 * Each percentile column's denominator: 2·(n − 1) over its n present values (1 when n ≤ 1), so that
 * p × it is the whole number 2·less + equal − 1 (SPEC §3): drivers are ranked and rounded on those
 * whole numbers, not on p, which a double holds only approximately.
 */
const denominators = new WeakMap<Float64Array, number>();

function percentileDenominator(p: Float64Array): number {
  let d = denominators.get(p);
  if (d === undefined) {
    const n = presentCount(p);
    denominators.set(p, (d = n > 1 ? 2 * (n - 1) : 1));
  }
  return d;
}

/** Round half up of 100·x/den on whole numbers (32.5 % is 33 %, as 67.5 % is 68 %). */
function percentOf(x: number, den: number): number {
  return Math.floor((200 * x + den) / (2 * den));
}

/** Whole numbers in the ratio of the weights as they print (0.1 and 0.3 → 1 and 3); null past 15 decimals. */
function wholeWeights(weights: readonly number[]): number[] | null {
  let decimals = 0;
  for (const w of weights) {
    const m = /^\d+(?:\.(\d+))?(?:e([+-]\d+))?$/u.exec(String(w));
    if (m) decimals = Math.max(decimals, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
  }
  return decimals > 15 ? null : weights.map((w) => Math.round(w * 10 ** decimals));
}

/**
 * The two metrics adding most (largest w·p) among those above the median (p > ½) and, among the
 * others, the one losing most (largest w·(1 − p), above 0); ties go to the earlier column.
 * Contributions w·x/den (x = p·den, or den − p·den for a loss) are compared on whole numbers,
 * exactly, while the products stay below 2^53.
 */
export function drivers(
  percentiles: readonly (Float64Array | null)[],
  weights: readonly number[],
  scored: Float64Array,
  capped: CappedRows | null = null,
  split: DriverSplit | null = null,
): Drivers {
  const plan = driverPlan(percentiles, weights);
  const rows = split?.(plan, scored) ?? driversOf(plan, scored);
  return { ...rows, capped: capped?.rows ?? null, cappedTier: capped?.tier ?? '' };
}

/**
 * What the drivers of every row are worked out from: the ranked metrics (weight > 0) in column
 * order, with their percentiles, weights (whole numbers where they can be: `whole`) and
 * denominators. Plain data, so another thread can work on a range of rows (driverRows).
 */
export interface DriverPlan {
  ranked: number[];
  columns: Float64Array[];
  weights: Float64Array;
  denominators: Float64Array;
  whole: boolean;
}

/** The three arrays of driver indices per row. */
export type DriverRows = Pick<Drivers, 'first' | 'second' | 'weakest'>;

/** Fills the rows' drivers some other way (the command line shares the rows with its worker); null: drivers does them here. */
export type DriverSplit = (plan: DriverPlan, scored: Float64Array) => DriverRows | null;

export function driverPlan(percentiles: readonly (Float64Array | null)[], weights: readonly number[]): DriverPlan {
  const k = percentiles.length;
  const den = percentiles.map((p, m) => (p && weights[m] > 0 ? percentileDenominator(p) : 1));
  let whole = wholeWeights(weights.map((w) => (w > 0 ? w : 0)));
  if (whole && Math.max(0, ...whole) * Math.max(...den) ** 2 >= Number.MAX_SAFE_INTEGER) whole = null;
  const W = whole ?? weights;
  // A metric not ranked is never a driver, and keeping the column order keeps ties going to the earlier column.
  const ranked: number[] = [];
  for (let m = 0; m < k; m++) if (weights[m] > 0) ranked.push(m);
  return {
    ranked,
    columns: ranked.map((m) => percentiles[m]!),
    weights: Float64Array.from(ranked, (m) => W[m]),
    denominators: Float64Array.from(ranked, (m) => den[m]),
    whole: whole !== null,
  };
}

/** New arrays of the drivers of every row (−1 where there is none), made here. */
export function driversOf(plan: DriverPlan, scored: Float64Array): DriverRows {
  const n = scored.length;
  const rows = { first: new Int16Array(n).fill(-1), second: new Int16Array(n).fill(-1), weakest: new Int16Array(n).fill(-1) };
  driverRows(plan, scored, rows, 0, n);
  return rows;
}

/** Sign of w_a·xa/den_a − w_b·xb/den_b (a, b: ranked metrics), on whole weights and denominators: exact. */
function compareWhole(W: Float64Array, D: Float64Array, a: number, xa: number, b: number, xb: number): number {
  return W[a] * xa * D[b] - W[b] * xb * D[a];
}

/** The same on weights that are not whole numbers. */
function compareRatio(W: Float64Array, D: Float64Array, a: number, xa: number, b: number, xb: number): number {
  return (W[a] * xa) / D[a] - (W[b] * xb) / D[b];
}

/** The drivers of rows [from, to) into `out` (left as they are for a row with no score). */
export function driverRows(plan: DriverPlan, scored: Float64Array, out: DriverRows, from: number, to: number): void {
  const { ranked, columns, weights: Wr, denominators: Dr, whole } = plan;
  const { first, second, weakest } = out;
  const r = ranked.length;
  // One function for every call (not a closure made per call), so the compiler inlines it however often this is called.
  const compare = whole ? compareWhole : compareRatio;
  const gain = new Float64Array(r);
  for (let i = from; i < to; i++) {
    if (Number.isNaN(scored[i])) continue;
    let a = -1;
    let b = -1;
    for (let j = 0; j < r; j++) {
      const p = columns[j][i];
      const x = p === p ? Math.round(p * Dr[j]) : -1;
      gain[j] = x;
      // At or below the median (2x ≤ den): not a strength.
      if (x < 0 || 2 * x <= Dr[j]) continue;
      if (a < 0 || compare(Wr, Dr, j, x, a, gain[a]) > 0) {
        b = a;
        a = j;
      } else if (b < 0 || compare(Wr, Dr, j, x, b, gain[b]) > 0) b = j;
    }
    let weak = -1;
    for (let j = 0; j < r; j++) {
      const x = gain[j];
      if (j === a || j === b || x < 0 || x === Dr[j]) continue;
      if (weak < 0 || compare(Wr, Dr, j, Dr[j] - x, weak, Dr[weak] - gain[weak]) > 0) weak = j;
    }
    first[i] = a < 0 ? -1 : ranked[a];
    second[i] = b < 0 ? -1 : ranked[b];
    weakest[i] = weak < 0 ? -1 : ranked[weak];
  }
}

/** Piece ids (DriverText.idsOf): the capped note, the separator before it, `, `, then top, bottom and alone-bottom per metric and percent. */
export const CAP_PIECE = 0;
const SEPARATOR_PIECE = 1;
const COMMA_PIECE = 2;
const FIRST_PIECE = 3;
/** Percents 0–100 (0 never occurs: a percent is at least 1). */
const PCT_SPAN = 101;
/** The most pieces a row has: cap, separator, top, `, `, top, weakest. */
export const MAX_PIECES = 6;

/** A strength's percent: of the rows above the row's own rank (p × den, a whole number), rounded half up, at least 1. */
function topPercent(p: number, den: number): number {
  return Math.max(1, percentOf(den - Math.round(p * den), den));
}

function bottomPercent(p: number, den: number): number {
  return Math.max(1, percentOf(Math.round(p * den), den));
}

/** `top X%` and `bottom X%` texts, rendered once per metric and percent. */
class DriverText {
  private readonly tops: string[][];
  private readonly bottoms: string[][];
  private readonly alone: string[][];
  private readonly names: MessageParam[];

  /** `render`: the surface's words (role names, top, bottom, weakest). */
  constructor(
    metrics: readonly MetricColumn[],
    private readonly render: Render,
  ) {
    this.tops = metrics.map(() => []);
    this.bottoms = metrics.map(() => []);
    this.alone = metrics.map(() => []);
    this.names = metrics.map((m) => (m.role === 'custom' ? shortHeader(m.name) : { code: `role.${m.role}` }));
  }

  /** `top X%` of metric m: X is the row's percentile `p` in a column of denominator `den`, rounded half up on the exact rank, never below 1. */
  private topText(m: number, pct: number): string {
    return (this.tops[m][pct] ??= this.render({ code: 'drivers.top', params: { name: this.names[m], pct } }));
  }

  private bottomText(m: number, pct: number): string {
    return (this.bottoms[m][pct] ??= this.render({
      code: 'drivers.weakest',
      params: { item: { code: 'drivers.bottom', params: { name: this.names[m], pct } } },
    }));
  }

  /** The weakest part without its leading separator: for a row with no strength. */
  private aloneText(m: number, pct: number): string {
    return (this.alone[m][pct] ??= this.bottomText(m, pct).slice(this.separator().length));
  }

  /**
   * The ids of a row's pieces (piecesOf's, in its order) into `ids`, their count returned; `textOf`
   * gives each id's text. An id stands for one text for as long as the capped tier is the same
   * (CAP_PIECE's text names it): a writer keeps each piece encoded by id, with no lookup by text.
   */
  idsOf(a: number, pa: number, b: number, pb: number, w: number, pw: number, capped: boolean, dens: ArrayLike<number>, ids: Int32Array): number {
    // A capped row starts with the cap's note and, before any driver (a second strength comes only
    // with a first), a separator. Both are written on every row and then kept or written over: stores
    // made first on the first capped row, deep into the rows, would be new to the compiled row loop,
    // which V8 would throw away.
    ids[0] = CAP_PIECE;
    ids[1] = SEPARATOR_PIECE;
    let k = capped ? (a >= 0 || w >= 0 ? 2 : 1) : 0;
    const span = this.names.length * PCT_SPAN;
    if (a >= 0) ids[k++] = FIRST_PIECE + a * PCT_SPAN + topPercent(pa, dens[a]);
    if (b >= 0) {
      ids[k++] = COMMA_PIECE;
      ids[k++] = FIRST_PIECE + b * PCT_SPAN + topPercent(pb, dens[b]);
    }
    // No strength: the weakest part without its leading separator (a capped row has put one).
    if (w >= 0) ids[k++] = FIRST_PIECE + (a >= 0 ? span : 2 * span) + w * PCT_SPAN + bottomPercent(pw, dens[w]);
    return k;
  }

  /** The text of piece `id` (idsOf); `cappedTier`: the tier the cap moves rows to (CAP_PIECE's text names it). */
  textOf(id: number, cappedTier: string | null): string {
    if (id === CAP_PIECE) {
      if (this.capTier !== cappedTier) {
        this.capTier = cappedTier;
        this.cap = this.render({ code: 'drivers.capped', params: { tier: cappedTier ?? '' } });
      }
      return this.cap;
    }
    if (id === SEPARATOR_PIECE) return this.separator();
    if (id === COMMA_PIECE) return ', ';
    const span = this.names.length * PCT_SPAN;
    const x = id - FIRST_PIECE;
    const kind = Math.floor(x / span);
    const m = Math.floor((x - kind * span) / PCT_SPAN);
    const pct = x % PCT_SPAN;
    return kind === 0 ? this.topText(m, pct) : kind === 1 ? this.bottomText(m, pct) : this.aloneText(m, pct);
  }

  /**
   * A row's text as the pieces it is joined from, into `out` (their count returned): `unprofitable:
   * moved to Tier 3` and the separator for a capped row, then `profit (top 4%)`, `, `,
   * `engagement (top 11%)`, `; weakest: recency (bottom 20%)`. Each piece but `, ` is rendered once
   * per metric and percent and is then the same string every time, so a writer can encode it once.
   * `a`, `b`, `w`: the row's drivers (−1 = none) and `pa`, `pb`, `pw` its percentiles there; `dens`:
   * each metric's percentile denominator; `cappedTier`: the tier the cap moved the row to, or null.
   */
  piecesOf(a: number, pa: number, b: number, pb: number, w: number, pw: number, cappedTier: string | null, dens: ArrayLike<number>, out: string[]): number {
    const ids = this.ids;
    const n = this.idsOf(a, pa, b, pb, w, pw, cappedTier !== null, dens, ids);
    for (let k = 0; k < n; k++) out[k] = this.textOf(ids[k], cappedTier);
    return n;
  }

  private readonly ids = new Int32Array(MAX_PIECES);

  private readonly dens: number[] = [];

  /** Row i's pieces (piecesOf), from the analysis' drivers and percentile columns. */
  pieces(d: Drivers, i: number, percentiles: readonly (Float64Array | null)[], out: string[]): number {
    const a = d.first[i];
    const b = d.second[i];
    const w = d.weakest[i];
    const dens = this.dens;
    let pa = Number.NaN;
    let pb = Number.NaN;
    let pw = Number.NaN;
    if (a >= 0) pa = percentiles[a]![i];
    if (b >= 0) pb = percentiles[b]![i];
    if (w >= 0) pw = percentiles[w]![i];
    if (a >= 0) dens[a] = percentileDenominator(percentiles[a]!);
    if (b >= 0) dens[b] = percentileDenominator(percentiles[b]!);
    if (w >= 0) dens[w] = percentileDenominator(percentiles[w]!);
    return this.piecesOf(a, pa, b, pb, w, pw, d.capped?.[i] ? d.cappedTier : null, dens, out);
  }

  private readonly parts: string[] = [];

  /** `profit (top 4%), engagement (top 11%); weakest: recency (bottom 20%)`, after `unprofitable: moved to Tier 3` for a capped row. */
  describe(d: Drivers, i: number, percentiles: readonly (Float64Array | null)[]): string {
    const n = this.pieces(d, i, percentiles, this.parts);
    let text = '';
    for (let k = 0; k < n; k++) text += this.parts[k];
    return text;
  }

  private cap = '';
  private capTier: string | null = null;
  private lead: string | undefined;
  /** What the weakest part starts with, in this language ("; " or "；"). */
  private separator(): string {
    if (this.lead === undefined) {
      const probe = this.render({ code: 'drivers.weakest', params: { item: '\u0000' } });
      const at = probe.indexOf('\u0000');
      const head = probe.slice(0, at);
      // "; weakest: " → "; " (up to its first letter); the full-width ；and ，are U+FF1B and U+FF0C.
      this.lead = /^[\s;\uFF1B,\uFF0C]*/u.exec(head)![0];
    }
    return this.lead;
  }
}

const texts = new WeakMap<readonly MetricColumn[], Map<Render, DriverText>>();

function driverText(metrics: readonly MetricColumn[], render: Render): DriverText {
  let byRender = texts.get(metrics);
  if (!byRender) texts.set(metrics, (byRender = new Map()));
  let t = byRender.get(render);
  if (!t) byRender.set(render, (t = new DriverText(metrics, render)));
  return t;
}

/** `profit (top 4%), engagement (top 11%); weakest: recency (bottom 20%)`, in the words of `render`. */
export function describeDrivers(
  d: Drivers,
  i: number,
  metrics: readonly MetricColumn[],
  percentiles: readonly (Float64Array | null)[],
  render: Render,
): string {
  return driverText(metrics, render).describe(d, i, percentiles);
}

/** The pieces of describeDrivers' text for `metrics` in the words of `render`, by id (DriverText.idsOf, textOf): for a writer of many rows. */
export function driverPieces(metrics: readonly MetricColumn[], render: Render): Pick<DriverText, 'idsOf' | 'textOf'> {
  return driverText(metrics, render);
}

/** Each percentile column's denominator (SPEC §3, as drivers use it); 1 for a column not ranked. */
export function percentileDenominators(percentiles: readonly (Float64Array | null)[]): number[] {
  return percentiles.map((p) => (p ? percentileDenominator(p) : 1));
}
