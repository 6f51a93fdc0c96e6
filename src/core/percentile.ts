/**
 * Mid-rank percentile of each present value (NaN = missing), SPEC §3: ties share their average rank.
 * p = (less + (equal − 1) / 2) / (n − 1), and 1 when only one value is present. Missing stays NaN.
 */
export function percentiles(values: Float64Array, out = new Float64Array(values.length)): Float64Array {
  if (countingPercentiles(values, out)) return out;
  const sorted = presentSorted(values);
  const n = sorted.length;
  // Distinct values and their mid-rank percentile: lookups search the (often short) distinct list.
  const distinct = new Float64Array(n);
  const rank = new Float64Array(n);
  let u = 0;
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && sorted[e] === sorted[s]) e++;
    distinct[u] = sorted[s];
    rank[u++] = n === 1 ? 1 : (s + (e - s - 1) / 2) / (n - 1);
    s = e;
  }
  const keys = distinct.subarray(0, u);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === v ? rank[lowerBound(keys, v)] : Number.NaN;
  }
  return out;
}

/**
 * Whole numbers in a short range (counts, ratings, days): mid-ranks from counts, with no sort.
 * Returns false, leaving `out` alone, when the column is not of that kind.
 */
function countingPercentiles(values: Float64Array, out: Float64Array): boolean {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (!Number.isInteger(v)) return false;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    n++;
  }
  if (n === 0 || hi - lo > 4 * n + 1024) return false;
  const counts = new Float64Array(hi - lo + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) counts[v - lo]++;
  }
  // counts[k] becomes the percentile of value lo + k: (less + (equal − 1) / 2) / (n − 1).
  let less = 0;
  for (let k = 0; k < counts.length; k++) {
    const equal = counts[k];
    counts[k] = n === 1 ? 1 : (less + (equal - 1) / 2) / (n - 1);
    less += equal;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === v ? counts[v - lo] : Number.NaN;
  }
  return true;
}

/** The present (non-NaN) values, ascending, in a new typed array. */
export function presentSorted(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const sorted = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) sorted[k++] = values[i];
  return sorted.sort();
}

/** First index whose value is ≥ v. */
export function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > v. */
export function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
