/** Text columns as evidence (issue 17): success rate per category value, and its smoothed rate. */
import { wilson } from './report-card';

/** A value held by fewer accounts (with an outcome) than this is pooled into "Other". */
export const MIN_PER_VALUE = 20;
/** At most this many values are shown, the most accounts first; the rest join "Other". */
export const MAX_VALUES = 12;
/** Empirical Bayes prior strength: a value's rate is pulled towards the base rate as if it had this many more accounts at it. */
export const PRIOR_STRENGTH = 20;
/** Folds of the out-of-fold smoothed rate: row i is in fold i mod FOLDS. */
export const CATEGORY_FOLDS = 5;

export interface CategoryRow {
  /** The value as written (trimmed); '' for the pooled row, which `other` marks. */
  label: string;
  other: boolean;
  accounts: number;
  successes: number;
  rate: number;
  rateLow: number;
  rateHigh: number;
  /** rate ÷ the base rate. */
  lift: number;
}

/** A category cell's value: its text trimmed; '' (blank) for an empty cell. */
export function categoryValue(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/**
 * Success rate per value over the rows with an outcome (`success` 1 or 0): the values with at least
 * `min` accounts, most accounts first (ties in order of first appearance, at most `max`), then
 * "Other" pooling the rest and the blanks (left out when it holds none). Each row has its Wilson 95 % interval.
 */
export function categoryRates(values: ArrayLike<unknown>, success: ArrayLike<number>, min = MIN_PER_VALUE, max = MAX_VALUES): CategoryRow[] {
  const counts = new Map<string, [number, number]>();
  let N = 0;
  let S = 0;
  for (let i = 0; i < values.length; i++) {
    const o = success[i];
    if (o !== 0 && o !== 1) continue;
    const v = categoryValue(values[i]);
    let c = counts.get(v);
    if (!c) counts.set(v, (c = [0, 0]));
    c[0]++;
    c[1] += o;
    N++;
    S += o;
  }
  const base = N > 0 ? S / N : Number.NaN;
  const row = (label: string, other: boolean, n: number, s: number): CategoryRow => {
    const w = wilson(s, n);
    const rate = s / n;
    return { label, other, accounts: n, successes: s, rate, rateLow: w.low, rateHigh: w.high, lift: base > 0 ? rate / base : Number.NaN };
  };
  // A stable sort: equal counts keep the order values first appeared in.
  const big = [...counts].filter(([v, [n]]) => v !== '' && n >= min).sort((a, b) => b[1][0] - a[1][0]);
  const kept = big.slice(0, max).map(([v, [n, s]]) => row(v, false, n, s));
  const on = N - kept.reduce((a, r) => a + r.accounts, 0);
  const os = S - kept.reduce((a, r) => a + r.successes, 0);
  if (on > 0) kept.push(row('', true, on, os));
  return kept;
}

/**
 * Rows grouped by value for a profit table: group k for the k-th value (most rows first, at most
 * `max`), the last group "Other" (the rest and the blanks, when any), −1 for rows not `include`d.
 * `labels`: the values, '' for Other.
 */
export function categoryGroups(values: ArrayLike<unknown>, include: ArrayLike<number>, max = MAX_VALUES): { groups: Int8Array; labels: string[] } {
  const n = values.length;
  const count = new Map<string, number>();
  const text: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (!include[i]) continue;
    text[i] = categoryValue(values[i]);
    count.set(text[i], (count.get(text[i]) ?? 0) + 1);
  }
  const labels = [...count]
    .filter(([v]) => v !== '')
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([v]) => v);
  const at = new Map(labels.map((v, k) => [v, k]));
  const groups = new Int8Array(n).fill(-1);
  let other = false;
  for (let i = 0; i < n; i++) {
    if (!include[i]) continue;
    const k = at.get(text[i]);
    if (k === undefined) other = true;
    groups[i] = k ?? labels.length;
  }
  if (other) labels.push('');
  return { groups, labels };
}

/**
 * Each row's smoothed success rate of its value (empirical Bayes towards the base rate p):
 *
 *     rate_v = (s_v + m · p) / (n_v + m)      m = PRIOR_STRENGTH
 *
 * over the rows with an outcome. A blank or unseen value gets p. `outOfFold`: a row with an outcome
 * gets the rate computed without its own fold (row i in fold i mod `folds`, p too), so that a card
 * judging the score by the same outcomes does not see them twice; rows without an outcome get the rate of all.
 */
export function smoothedRates(
  values: ArrayLike<unknown>,
  success: ArrayLike<number>,
  outOfFold = false,
  m = PRIOR_STRENGTH,
  folds = CATEGORY_FOLDS,
): Float64Array {
  const n = values.length;
  const F = outOfFold ? folds : 1;
  // Per value: accounts and successes in each fold (index F holds the sum over folds).
  const ids = new Int32Array(n).fill(-1);
  const index = new Map<string, number>();
  const cnt: number[] = [];
  const suc: number[] = [];
  const foldN = new Float64Array(F);
  const foldS = new Float64Array(F);
  for (let i = 0; i < n; i++) {
    const v = categoryValue(values[i]);
    if (v === '') continue;
    let id = index.get(v);
    if (id === undefined) {
      id = index.size;
      index.set(v, id);
      for (let f = 0; f < F; f++) {
        cnt.push(0);
        suc.push(0);
      }
    }
    ids[i] = id;
    const o = success[i];
    if (o !== 0 && o !== 1) continue;
    const f = i % F;
    cnt[id * F + f]++;
    suc[id * F + f] += o;
  }
  for (let i = 0; i < n; i++) {
    const o = success[i];
    if (o !== 0 && o !== 1) continue;
    foldN[i % F]++;
    foldS[i % F] += o;
  }
  let N = 0;
  let S = 0;
  for (let f = 0; f < F; f++) {
    N += foldN[f];
    S += foldS[f];
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const o = success[i];
    const skip = outOfFold && (o === 0 || o === 1) ? i % F : -1;
    const nAll = skip >= 0 ? N - foldN[skip] : N;
    const p = nAll > 0 ? (skip >= 0 ? S - foldS[skip] : S) / nAll : Number.NaN;
    if (id < 0) {
      out[i] = p;
      continue;
    }
    let nv = 0;
    let sv = 0;
    for (let f = 0; f < F; f++) {
      if (f === skip) continue;
      nv += cnt[id * F + f];
      sv += suc[id * F + f];
    }
    out[i] = (sv + m * p) / (nv + m);
  }
  return out;
}

/** In-sample column (a score or a percentile) → the same computed with out-of-fold category rates. */
const OUT_OF_FOLD = new WeakMap<Float64Array, Float64Array>();

/** Records that `outOfFold` is `inSample` computed with out-of-fold category rates (pipeline.ts). */
export function keepOutOfFold(inSample: Float64Array, outOfFold: Float64Array): void {
  OUT_OF_FOLD.set(inSample, outOfFold);
}

/**
 * What judges a score by outcomes (the report card's AUC and deciles, learning): the column computed
 * with out-of-fold category rates when a category enters the score, else the column itself.
 */
export function outOfFold(column: Float64Array): Float64Array {
  return OUT_OF_FOLD.get(column) ?? column;
}
