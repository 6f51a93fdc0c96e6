/**
 * Mid-rank percentile of each present value (NaN = missing), SPEC §3: ties share their average rank.
 * p = (less + (equal − 1) / 2) / (n − 1), and 1 when only one value is present. Missing stays NaN.
 * `out` may be `values` itself.
 */
export function percentiles(values: Float64Array, out: Float64Array = new Float64Array(values.length)): Float64Array {
  if (countingPercentiles(values, out)) return out;
  if (values.length >= RADIX_FROM) return radixPercentiles(values, out);
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

/** Columns at least this long are ranked by a radix sort of their indices (no per-row search). */
export const RADIX_FROM = 4096;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Indices of the present values in ascending order: an LSD radix sort, 16 bits a pass, of each
 * double's bits made to sort as unsigned integers (sign flipped; all bits flipped for negatives).
 * −0 counts as 0. Passes whose digit is the same for every value are skipped.
 */
export function sortedIndices(values: Float64Array): Uint32Array {
  const n = presentCount(values);
  return sortInto(values, scratch(n), new Uint32Array(n));
}

/**
 * sortedIndices into `result` (n long), with the working arrays `work`. Each loop is a function of its
 * own: a cold process runs a function's first loop in the interpreter until V8 compiles it (on the
 * stack, mid-loop), and a function of several loops is compiled again at each loop it had not reached,
 * while a function of one loop is compiled once and then runs compiled on every pass and column
 * (bench: the first column of 100 000 rows 31 → 18 ms; a column of a million once warm, 30 → 32 ms).
 */
function sortInto(values: Float64Array, work: ReturnType<typeof scratch>, result: Uint32Array): Uint32Array {
  const { hiKeys, loKeys, index, spare } = work;
  const n = result.length;
  radixKeys(values, hiKeys, loKeys, index);
  let src: Uint32Array = result;
  identity(src, n);
  let dst: Uint32Array = spare;
  for (let pass = 0; pass < 4; pass++) {
    const keys = pass < 2 ? loKeys : hiKeys;
    const shift = (pass & 1) * 16;
    digitCounts(COUNTS, keys, n, shift);
    // Every key with the same digit here: the order stays as it is.
    if (n === 0 || COUNTS[(keys[0] >> shift) & 0xffff] === n) continue;
    digitStarts(COUNTS);
    radixScatter(COUNTS, keys, src, dst, n, shift);
    const t = src;
    src = dst;
    dst = t;
  }
  gather(result, index, src, n);
  return result;
}

/**
 * Each present value's bits as two keys that sort as the value does (as unsigned 32-bit numbers), and
 * its index. The keys are held in Int32Arrays, the same bits: a key read from one is always a small
 * integer to V8, where one of 2^31 or more from a Uint32Array is not, and the compiled passes would
 * be thrown away at the first such key (issue 16: 23 deoptimisations of the pass at 100 000 rows).
 */
function radixKeys(values: Float64Array, hiKeys: Int32Array, loKeys: Int32Array, index: Uint32Array): void {
  const f = new Float64Array(1);
  const bits = new Int32Array(f.buffer);
  const H = LITTLE_ENDIAN ? 1 : 0;
  const L = 1 - H;
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    f[0] = v === 0 ? 0 : v;
    const hi = bits[H];
    const lo = bits[L];
    // Negative: every bit flipped; else the sign bit set. Without a branch: the first negative value,
    // met deep into a column, would be new to the compiled loop, which V8 would throw away.
    const negative = hi >> 31;
    hiKeys[k] = hi ^ (negative | 0x80000000);
    loKeys[k] = lo ^ negative;
    index[k++] = i;
  }
}

function identity(a: Uint32Array, n: number): void {
  for (let p = 0; p < n; p++) a[p] = p;
}

/**
 * One pass of the radix sort, in three functions of one loop each: how many keys have each 16-bit
 * digit at `shift` (`(key >> shift) & 0xffff`, the same digit as of the unsigned key), where each
 * digit's keys start, then `src` (positions into `keys`) stably into `dst` by digit.
 */
export function digitCounts(counts: Uint32Array, keys: Int32Array, n: number, shift: number): void {
  counts.fill(0);
  for (let p = 0; p < n; p++) counts[(keys[p] >> shift) & 0xffff]++;
}

/** Counts (65 536 of them) into the position each digit's first key goes to. */
export function digitStarts(counts: Uint32Array): void {
  let sum = 0;
  for (let d = 0; d < 65536; d++) {
    const c = counts[d];
    counts[d] = sum;
    sum += c;
  }
}

function radixScatter(starts: Uint32Array, keys: Int32Array, src: Uint32Array, dst: Uint32Array, n: number, shift: number): void {
  for (let q = 0; q < n; q++) {
    const p = src[q];
    dst[starts[(keys[p] >> shift) & 0xffff]++] = p;
  }
}

function gather(result: Uint32Array, index: Uint32Array, src: Uint32Array, n: number): void {
  for (let q = 0; q < n; q++) result[q] = index[src[q]];
}

const COUNTS = new Uint32Array(65536);
let scratchSize = 0;
let scratchBuffers = emptyScratch();

function emptyScratch() {
  const none = new Uint32Array(0);
  return { hiKeys: new Int32Array(0), loKeys: new Int32Array(0), index: none, spare: none, order: none };
}

/** Lets go of the ranking's working arrays (five of 4 bytes a value): a ranker of many columns calls it when done. */
export function releaseRankingScratch(): void {
  scratchSize = 0;
  scratchBuffers = emptyScratch();
}

/**
 * The sort's working arrays for n values, and an array for the order of the values ranked: kept
 * between calls (ranking twelve columns of a million rows makes them once, not twelve times).
 */
function scratch(n: number) {
  if (n > scratchSize) {
    scratchSize = n;
    const make = () => new Uint32Array(n);
    scratchBuffers = { hiKeys: new Int32Array(n), loKeys: new Int32Array(n), index: make(), spare: make(), order: make() };
  }
  const { hiKeys, loKeys, index, spare, order } = scratchBuffers;
  return {
    hiKeys: hiKeys.subarray(0, n),
    loKeys: loKeys.subarray(0, n),
    index: index.subarray(0, n),
    spare: spare.subarray(0, n),
    order: order.subarray(0, n),
  };
}

function radixPercentiles(values: Float64Array, out: Float64Array): Float64Array {
  const present = presentCount(values);
  // The order is only read here: it goes into the kept array, not a new one per column.
  const work = scratch(present);
  const order = sortInto(values, work, work.order);
  missingStays(values, out);
  midRanks(values, order, out);
  return out;
}

/** How many values are present (not NaN): a loop in a function of its own, compiled once for every column. */
export function presentCount(values: Float64Array): number {
  let present = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) present++;
  return present;
}

/** NaN in `out` wherever the value is missing. */
function missingStays(values: Float64Array, out: Float64Array): void {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) out[i] = Number.NaN;
}

/** Each present value's mid-rank percentile, from `order` (the present values' indices, ascending). */
function midRanks(values: Float64Array, order: Uint32Array, out: Float64Array): void {
  const n = order.length;
  for (let s = 0; s < n; ) {
    const v = values[order[s]];
    let e = s + 1;
    while (e < n && values[order[e]] === v) e++;
    const rank = n === 1 ? 1 : (s + (e - s - 1) / 2) / (n - 1);
    for (let q = s; q < e; q++) out[order[q]] = rank;
    s = e;
  }
}

/** integerRange's answer: the least and greatest value and how many are present. */
const RANGE = new Float64Array(3);

/** The present values' range into RANGE when all are whole numbers; false at the first that is not. */
function integerRange(values: Float64Array): boolean {
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
  RANGE[0] = lo;
  RANGE[1] = hi;
  RANGE[2] = n;
  return true;
}

/**
 * Whole numbers in a short range (counts, ratings, days): mid-ranks from counts, with no sort.
 * Returns false, leaving `out` alone, when the column is not of that kind. Each loop is a function of
 * its own, as the radix sort's are.
 */
function countingPercentiles(values: Float64Array, out: Float64Array): boolean {
  if (!integerRange(values)) return false;
  const lo = RANGE[0];
  const hi = RANGE[1];
  const n = RANGE[2];
  if (n === 0 || hi - lo > 4 * n + 1024) return false;
  const counts = new Float64Array(hi - lo + 1);
  countWholes(values, counts, lo);
  // counts[k] becomes the percentile of value lo + k: (less + (equal − 1) / 2) / (n − 1).
  let less = 0;
  for (let k = 0; k < counts.length; k++) {
    const equal = counts[k];
    counts[k] = n === 1 ? 1 : (less + (equal - 1) / 2) / (n - 1);
    less += equal;
  }
  percentilesOfWholes(values, counts, lo, out);
  return true;
}

function countWholes(values: Float64Array, counts: Float64Array, lo: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) counts[v - lo]++;
  }
}

function percentilesOfWholes(values: Float64Array, percentile: Float64Array, lo: number, out: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === v ? percentile[v - lo] : Number.NaN;
  }
}

/** The present (non-NaN) values, ascending, in a new typed array. */
export function presentSorted(values: Float64Array): Float64Array {
  const sorted = new Float64Array(presentCount(values));
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) sorted[k++] = values[i];
  return sorted.sort();
}

/**
 * The values of `a` rearranged so that a[k] is the value a full ascending sort would put there,
 * everything before it ≤ it and everything after ≥ it (quickselect, median-of-three pivots; a range
 * that will not shrink fast enough is sorted instead, so no input takes quadratic time). No NaN in `a`.
 */
export function selectInPlace(a: Float64Array, k: number, from = 0, to = a.length): number {
  let lo = from;
  let hi = to - 1;
  let budget = 2 * Math.ceil(Math.log2(to - from + 1)) + 8;
  while (hi > lo) {
    if (hi - lo < 16 || budget-- <= 0) {
      a.subarray(lo, hi + 1).sort();
      return a[k];
    }
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot.
    let x = a[lo];
    let y = a[mid];
    const z = a[hi];
    if (x > y) [x, y] = [y, x];
    if (y > z) y = x > z ? x : z;
    const j = partition(a, lo, hi, y);
    if (k <= j) hi = j;
    else lo = j + 1;
  }
  return a[k];
}

/**
 * Hoare partition of a[lo…hi] around `pivot` (a value in it): returns j with [lo, j] ≤ pivot ≤ [j + 1, hi].
 * A function of its own, so that a cold process compiles it once for every round of every selection.
 */
function partition(a: Float64Array, lo: number, hi: number, pivot: number): number {
  let i = lo - 1;
  let j = hi + 1;
  for (;;) {
    do i++;
    while (a[i] < pivot);
    do j--;
    while (a[j] > pivot);
    if (i >= j) return j;
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
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
