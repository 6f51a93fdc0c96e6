import { percentiles, releaseRankingScratch } from './percentile';
import type { Direction } from './roles';
import type { NewColumn } from './table';

/** One metric to rank: its column, whether lower is better, and the array its percentiles go into. */
export interface RankJob {
  column: Float64Array;
  flip: boolean;
  out: Float64Array;
}

/**
 * Ranks each job over the rows of `include` and gives its percentiles, in the jobs' order: `out`
 * itself, or another array (rankAll does them one by one on this thread; the command line shares them
 * with its worker).
 */
export type Ranker = (jobs: readonly RankJob[], include: Uint8Array) => Float64Array[];

/** A job's percentiles into its `out`: the column over the included rows (turned round when lower is better), ranked in place. */
export function rankInto({ column, flip, out }: RankJob, include: Uint8Array): Float64Array {
  return percentiles(included(column, flip, include, out), out);
}

/**
 * The column's included values into `out` (negated by `flip`), NaN elsewhere. A loop in a function of
 * its own: what follows it is then not first met in the loop's compiled code, which V8 would throw away.
 */
function included(column: Float64Array, flip: boolean, include: Uint8Array, out: Float64Array): Float64Array {
  const n = include.length;
  // −1 · v is −v exactly (−0 for 0), and one path for both directions: a column of the other direction
  // met later would otherwise be new to the compiled loop.
  const sign = flip ? -1 : 1;
  for (let i = 0; i < n; i++) out[i] = include[i] ? sign * column[i] : Number.NaN;
  return out;
}

/** Every job on this thread, one after another. */
export const rankAll: Ranker = (jobs, include) => jobs.map((job) => rankInto(job, include));

/** Where score() makes its arrays and ranks its columns; the command line shares both with its worker. */
export interface ScoreHooks {
  /** Where the arrays of percentiles and the scores are made. */
  newColumn?: NewColumn;
  rank?: Ranker;
}

export interface ScoreInput extends ScoreHooks {
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
export function score({ values, weights, directions, include, known, newColumn, rank = rankAll }: ScoreInput): Scores {
  const n = include.length;
  const ps: (Float64Array | null)[] = [];
  // The metrics to rank (weight > 0, not known already), ranked together.
  const jobs: RankJob[] = [];
  const slots: number[] = [];
  for (let m = 0; m < values.length; m++) {
    const w = weights[m];
    const p = w > 0 ? (known?.[m] ?? null) : null;
    ps.push(p);
    if (!(w > 0) || p) continue;
    jobs.push({ column: values[m], flip: directions[m] === 'lower', out: newColumn ? newColumn(n) : new Float64Array(n) });
    slots.push(m);
  }
  if (jobs.length > 0) {
    const ranked = rank(jobs, include);
    for (let j = 0; j < jobs.length; j++) ps[slots[j]] = ranked[j];
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
  const out = newColumn ? newColumn(n) : new Float64Array(n);
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
