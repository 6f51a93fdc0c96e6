import { decimalUnits } from './decimal';
import { MessageError } from './message';
import { presentCount, selectInPlace, sortedIndices } from './percentile';
import { round6 } from './round';
import type { Settings } from './settings';
import { CompensatedSum, unitScale } from './sum';

/** Tier index per row (0 = Tier 1, 1 = Tier 2, 2 = Tier 3, −1 = none), SPEC §4. */

export const NO_TIER = -1;

/** K = floor(n·c/100 + 0.5): how many places a cut-off in percent gives. */
export function places(n: number, percent: number): number {
  return Math.floor((n * percent) / 100 + 0.5);
}

/**
 * Position rule: a row's position is how many rows have a strictly higher value (rounded to 6
 * decimals); Tier 1 if position < k1, Tier 2 if < k2, else Tier 3. Tied values share a tier.
 */
export function tiersByPosition(values: Float64Array, k1: number, k2: number): Int8Array {
  // Each value is rounded where it is read, here and in the last loop, rather than kept in an array
  // of its own: at a million rows that array was 8 MB of new memory, whose page faults cost more than rounding twice.
  const present = new Float64Array(values.length);
  const n = roundedPresent(values, present);
  const chosen = present.subarray(0, n);
  // Fewer than k rows above v ⟺ v is at least the k-th largest value: one comparison per row. The
  // k-th largest is selected, not sorted for: the larger k first, then the smaller within what lies above it.
  const kth = (k: number, above: number) => (k <= 0 ? Number.POSITIVE_INFINITY : k >= n ? Number.NEGATIVE_INFINITY : selectInPlace(chosen, n - k, above));
  const low = Math.max(k1, k2);
  const tLow = kth(low, 0);
  const tHigh = kth(Math.min(k1, k2), low > 0 && low < n ? n - low : 0);
  const t1 = k1 >= k2 ? tLow : tHigh;
  const t2 = k1 >= k2 ? tHigh : tLow;
  return bands(values, t1, t2);
}

/** The present values rounded, one after another into `present`; how many. */
function roundedPresent(values: Float64Array, present: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) present[n++] = round6(v);
  }
  return n;
}

/** Tier 1 at least `t1` (rounded), Tier 2 at least `t2`, else Tier 3; none where the value is missing. */
function bands(values: Float64Array, t1: number, t2: number): Int8Array {
  const out = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) {
      out[i] = NO_TIER;
      continue;
    }
    const v = round6(x);
    out[i] = v >= t1 ? 0 : v >= t2 ? 1 : 2;
  }
  return out;
}

/** Quantile cut-offs c1/c2/c3 in percent of the present values. */
export function quantileTiers(values: Float64Array, cutoffs: readonly number[]): Int8Array {
  const n = presentCount(values);
  return tiersByPosition(values, places(n, cutoffs[0]), places(n, cutoffs[0] + cutoffs[1]));
}

export function thresholdTiers(scores: Float64Array, t1: number, t2: number): Int8Array {
  const out = new Int8Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (Number.isNaN(s)) out[i] = NO_TIER;
    else {
      const r = round6(s);
      out[i] = r >= t1 ? 0 : r >= t2 ? 1 : 2;
    }
  }
  return out;
}

/**
 * ABC on value (profit, else revenue) over the scored rows: highest first, ties in row order;
 * Tier 1 while the positive value ahead is under 80 % of the positive total, Tier 2 under 95 %; a value
 * ≤ 0 or missing is Tier 3. The shares are compared as sums, exactly, on the values as written:
 * 5·ahead < 4·total and 20·ahead < 19·total (docs/scoring.md, "Pareto").
 */
export function paretoTiers(scores: Float64Array, value: Float64Array): Int8Array {
  const n = scores.length;
  const out = new Int8Array(n).fill(NO_TIER);
  // Negated, so that the (stable) ascending radix sort gives highest first, ties in row order.
  const negated = new Float64Array(n).fill(Number.NaN);
  let max = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(scores[i])) continue;
    out[i] = 2;
    if (value[i] > 0) {
      negated[i] = -value[i];
      if (value[i] > max) max = value[i];
    }
  }
  const idx = sortedIndices(negated);
  const m = idx.length;
  // Compensated sums of the values scaled near 1 decide every account whose share is not within
  // 1e-12 of a boundary (they are off the exact decimal sums by far less); those few are decided exactly.
  const scale = unitScale(max);
  const total = new CompensatedSum();
  for (let k = 0; k < m; k++) total.add(value[idx[k]] * scale);
  const t = total.value;
  const tolerance = 1e-12 * 20 * t;
  const before = new CompensatedSum();
  const unsure: number[] = [];
  for (let k = 0; k < m; k++) {
    const b = before.value;
    const d1 = 5 * b - 4 * t;
    const d2 = 20 * b - 19 * t;
    if (Math.abs(d1) <= tolerance || Math.abs(d2) <= tolerance) unsure.push(k);
    else out[idx[k]] = d1 < 0 ? 0 : d2 < 0 ? 1 : 2;
    before.add(value[idx[k]] * scale);
  }
  if (unsure.length > 0) {
    const units = decimalUnits(Array.from(idx, (i) => value[i]));
    let exact = 0n;
    for (const u of units) exact += u;
    let ahead = 0n;
    for (let k = 0, next = 0; next < unsure.length; ahead += units[k++]) {
      if (unsure[next] !== k) continue;
      out[idx[k]] = 5n * ahead < 4n * exact ? 0 : 20n * ahead < 19n * exact ? 1 : 2;
      next++;
    }
  }
  return out;
}

/** Tiers by the settings' method; `paretoValue` is profit, else revenue (null when neither exists). */
export function assignTiers(scores: Float64Array, settings: Settings, paretoValue: Float64Array | null): Int8Array {
  switch (settings.method) {
    case 'quantile':
      return quantileTiers(scores, settings.cutoffs);
    case 'threshold':
      return thresholdTiers(scores, settings.thresholds[0], settings.thresholds[1]);
    case 'capacity': {
      const c = settings.capacity;
      const k1 = c.strategicMarketers * c.strategicAccounts;
      return tiersByPosition(scores, k1, k1 + c.liteMarketers * c.liteAccounts);
    }
    case 'pareto':
      if (!paretoValue) throw new TierError({ code: 'tiers.noValue' });
      return paretoTiers(scores, paretoValue);
    case 'grid':
      // Cells need the metrics, not scores alone: analyse tiers by grid-axes.ts's gridTiers.
      throw new TierError({ code: 'tiers.noGrid' });
  }
}

/** The unprofitable cap: a known negative profit is Tier 3, freeing no place for others. */
export function capUnprofitable(tiers: Int8Array, profit: Float64Array): number {
  let capped = 0;
  for (let i = 0; i < tiers.length; i++) {
    if (tiers[i] !== NO_TIER && profit[i] < 0 && tiers[i] !== 2) {
      tiers[i] = 2;
      capped++;
    }
  }
  return capped;
}

/** Tiers that cannot be made: the pareto method without a profit or revenue column (`tiers.noValue`). */
export class TierError extends MessageError {
  override name = 'TierError';
}
