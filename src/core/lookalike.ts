import { CompensatedSum, maxAbs, unitScale } from './sum';

/**
 * Lookalike accounts, SPEC §11: standardise each metric over all accounts (population sd; a metric
 * with sd 0 is left out), take the ideal accounts' mean z as the profile, and score each account
 * 100 / (1 + d), d the root mean square distance to the profile over its present metrics.
 */
export function lookalike(values: readonly Float64Array[], include: Uint8Array, ideal: Uint8Array): Float64Array {
  const n = include.length;
  const zs: Float64Array[] = [];
  const profile: number[] = [];
  for (const column of values) {
    // Scaled so the largest magnitude is near 1: no square overflows (1e300²) or underflows (1e-300²).
    const scale = unitScale(maxAbs(column, include));
    let count = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    const sum = new CompensatedSum();
    for (let i = 0; i < n; i++) {
      const v = column[i];
      if (include[i] && v === v) {
        count++;
        sum.add(v * scale);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    // All present values equal: sd 0 exactly, whatever the rounding of their mean.
    if (count === 0 || lo === hi) continue;
    const mean = sum.value / count;
    const ss = new CompensatedSum();
    for (let i = 0; i < n; i++) if (include[i] && column[i] === column[i]) ss.add((column[i] * scale - mean) ** 2);
    const sd = Math.sqrt(ss.value / count);
    if (!(sd > 0)) continue;
    const z = new Float64Array(n);
    let pSum = 0;
    let pCount = 0;
    for (let i = 0; i < n; i++) {
      z[i] = include[i] && column[i] === column[i] ? (column[i] * scale - mean) / sd : Number.NaN;
      if (ideal[i] && z[i] === z[i]) {
        pSum += z[i];
        pCount++;
      }
    }
    if (pCount === 0) continue;
    zs.push(z);
    profile.push(pSum / pCount);
  }
  const out = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    if (!include[i]) continue;
    let s = 0;
    let k = 0;
    for (let m = 0; m < zs.length; m++) {
      const z = zs[m][i];
      if (z === z) {
        s += (z - profile[m]) ** 2;
        k++;
      }
    }
    if (k > 0) out[i] = 100 / (1 + Math.sqrt(s / k));
  }
  return out;
}

type Scored = { values: readonly Float64Array[]; mapping: { metrics: readonly { weight: number }[] }; status: Uint8Array };

/** Similarity of every valid row to the ideal ones (`ideal[i]` = 1), over the metrics that carry weight. */
export function lookalikeOfIdeal(table: Scored, ideal: Uint8Array): Float64Array {
  const include = Uint8Array.from(table.status, (s) => (s === 0 ? 1 : 0));
  const values = table.values.filter((_, m) => table.mapping.metrics[m].weight > 0);
  return lookalike(values, include, ideal);
}

/** Similarity of every valid row to the Tier 1 accounts. */
export function lookalikeOfTier1(table: Scored, tier: Int8Array): Float64Array {
  return lookalikeOfIdeal(
    table,
    Uint8Array.from(tier, (t) => (t === 0 ? 1 : 0)),
  );
}
