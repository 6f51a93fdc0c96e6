/**
 * Sums and products that neither overflow nor underflow on the way. Values are scaled by a power of
 * two that brings the largest magnitude near 1 (exact: only the exponent changes), and summed with
 * Neumaier's compensation where asked; squares of scaled values can neither overflow (1e300²) nor
 * underflow (1e-300²). A result is ±Infinity only when its true value is beyond ±1.8e308.
 */

/** k = ⌊log₂ maxAbs⌋ (give or take one), kept within ±1023 so that 2^±k is a double; 0 for 0 or a non-finite max. */
export function exponentOf(maxAbs: number): number {
  if (!(maxAbs > 0) || maxAbs === Number.POSITIVE_INFINITY) return 0;
  return Math.max(-1023, Math.min(1023, Math.floor(Math.log2(maxAbs))));
}

/** A power of two s with maxAbs·s in [1, 2) where that is representable (1 for 0 or a non-finite max). */
export function unitScale(maxAbs: number): number {
  return 2 ** -exponentOf(maxAbs);
}

/** Π xs × 2^shift: the factors' mantissas multiplied, their powers of two added, applied once at the end. */
export function product(xs: readonly number[], shift = 0): number {
  // Ordinary factors cannot overflow or underflow on the way: multiply them as they are (scaling by
  // powers of two rounds the same, so both paths give the same digits).
  if (shift === 0) {
    let plain = 1;
    let ordinary = true;
    for (const x of xs) {
      const a = Math.abs(x);
      if (a !== 0 && (a < 1e-70 || a > 1e70)) ordinary = false;
      plain *= x;
    }
    if (ordinary && xs.length <= 4) return plain; // within 1e±280: no overflow, no subnormal
  }
  let m = 1;
  let e = shift;
  for (const x of xs) {
    const k = exponentOf(Math.abs(x));
    m *= x * 2 ** -k;
    e += k;
  }
  // 2^e in two steps, each representable.
  const half = Math.trunc(e / 2);
  return m * 2 ** half * 2 ** (e - half);
}

/** Neumaier's compensated running sum: `add` terms, read `value`. */
export class CompensatedSum {
  private s = 0;
  private c = 0;

  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }

  get value(): number {
    return this.s + this.c;
  }
}

/** The largest |v| over the present values (NaN = missing) of the rows with `include[i]`. */
export function maxAbs(values: Float64Array, include?: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && (!include || include[i]) && Math.abs(v) > m) m = Math.abs(v);
  }
  return m;
}

/** Σ of the present values of the included rows, compensated, as sum × 2^-k with that k (no overflow on the way); `count`: how many. */
export function scaledSum(values: Float64Array, include?: ArrayLike<number>): { sum: number; k: number; count: number } {
  const k = exponentOf(maxAbs(values, include));
  const scale = 2 ** -k;
  const acc = new CompensatedSum();
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && (!include || include[i])) {
      acc.add(v * scale);
      count++;
    }
  }
  return { sum: acc.value, k, count };
}
