import { percentiles } from './percentile';
import type { Direction } from './roles';

export interface ScoreInput {
  values: readonly Float64Array[];
  weights: readonly number[];
  directions: readonly Direction[];
  /** Rows that take part (1); others get no percentile and no score. */
  include: Uint8Array;
  /** Percentiles already computed over the same rows and direction, reused instead of ranking again. */
  known?: readonly (Float64Array | null)[];
}

export interface Scores {
  /** 0–100 at full precision; NaN for a row with no metric value. */
  score: Float64Array;
  /** Mid-rank percentile of each row in each metric, lower-is-better already turned round; null for a metric of weight 0. */
  percentiles: (Float64Array | null)[];
}

/** The weighted score of SPEC §3: 100 × Σ w·p / Σ w over the metrics each row has. */
export function score({ values, weights, directions, include, known }: ScoreInput): Scores {
  const n = include.length;
  const sum = new Float64Array(n);
  const weight = new Float64Array(n);
  const ps: (Float64Array | null)[] = [];
  for (let m = 0; m < values.length; m++) {
    const w = weights[m];
    if (!(w > 0)) {
      ps.push(null);
      continue;
    }
    let p = known?.[m] ?? null;
    if (!p) {
      const column = values[m];
      const masked = new Float64Array(n);
      const flip = directions[m] === 'lower';
      for (let i = 0; i < n; i++) masked[i] = include[i] ? (flip ? -column[i] : column[i]) : Number.NaN;
      p = percentiles(masked, masked);
    }
    ps.push(p);
    for (let i = 0; i < n; i++) {
      const pi = p[i];
      if (pi === pi) {
        sum[i] += w * pi;
        weight[i] += w;
      }
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = weight[i] > 0 ? (100 * sum[i]) / weight[i] : Number.NaN;
  return { score: out, percentiles: ps };
}
