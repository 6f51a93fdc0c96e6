import { percentiles, releaseRankingScratch } from './percentile';
import type { Direction } from './roles';
import type { NewColumn } from './table';

export interface ScoreInput {
  values: readonly Float64Array[];
  weights: readonly number[];
  directions: readonly Direction[];
  /** Rows that take part (1); others get no percentile and no score. */
  include: Uint8Array;
  /** Percentiles already computed over the same rows and direction, reused instead of ranking again. */
  known?: readonly (Float64Array | null)[];
  /** Where the arrays of percentiles are made. */
  newColumn?: NewColumn;
}

export interface Scores {
  /** 0–100 at full precision; NaN for a row with no metric value. */
  score: Float64Array;
  /** Mid-rank percentile of each row in each metric, lower-is-better already turned round; null for a metric of weight 0. */
  percentiles: (Float64Array | null)[];
}

/** The weighted score of SPEC §3: 100 × Σ w·p / Σ w over the metrics each row has. */
export function score({ values, weights, directions, include, known, newColumn }: ScoreInput): Scores {
  const n = include.length;
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
      const masked = newColumn ? newColumn(n) : new Float64Array(n);
      const flip = directions[m] === 'lower';
      for (let i = 0; i < n; i++) masked[i] = include[i] ? (flip ? -column[i] : column[i]) : Number.NaN;
      p = percentiles(masked, masked);
    }
    ps.push(p);
  }
  releaseRankingScratch();
  // Row by row, the metrics in column order: the same sums, in the same order, as column by column, with no array for them.
  const ranked: Float64Array[] = [];
  const rankedWeights: number[] = [];
  for (let m = 0; m < ps.length; m++) {
    if (ps[m]) {
      ranked.push(ps[m]!);
      rankedWeights.push(weights[m]);
    }
  }
  const k = ranked.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let weight = 0;
    for (let m = 0; m < k; m++) {
      const pi = ranked[m][i];
      if (pi === pi) {
        sum += rankedWeights[m] * pi;
        weight += rankedWeights[m];
      }
    }
    out[i] = weight > 0 ? (100 * sum) / weight : Number.NaN;
  }
  return { score: out, percentiles: ps };
}
