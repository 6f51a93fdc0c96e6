/**
 * Mid-rank percentile of each present value (NaN = missing), SPEC §3: ties share their average rank.
 * p = (less + (equal − 1) / 2) / (n − 1), and 1 when only one value is present. Missing stays NaN.
 */
export function percentiles(values: Float64Array, out = new Float64Array(values.length)): Float64Array {
  const sorted = presentSorted(values);
  const n = sorted.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      out[i] = Number.NaN;
      continue;
    }
    if (n === 1) {
      out[i] = 1;
      continue;
    }
    const less = lowerBound(sorted, v);
    const equal = upperBound(sorted, v) - less;
    out[i] = (less + (equal - 1) / 2) / (n - 1);
  }
  return out;
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
