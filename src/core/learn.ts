import type { Analysis } from './analyse';
import { outOfFold } from './category';
import { MessageError, type Message, type MessageCode } from './message';
import { round6 } from './round';
import { random } from './random';

/**
 * Weights learned from outcomes (docs/scoring.md, "Learned weights"): an L2-regularised logistic
 * regression of success on the metrics' mid-rank percentiles (the score's own features, lower-is-
 * better already turned round), its coefficients held non-negative by a projected Newton method
 * (the bound-active coefficients fixed at 0, Newton on the others, an Armijo search along the
 * projected path). Cross-validated AUC of the learned and of the current weights on the same
 * stratified folds; everything deterministic (a fixed seed shuffles the folds).
 */

export const LEARN_MINIMUM = 50;
export const LEARN_FOLDS = 5;
/** λ of (λ/2)·‖β‖² added to the mean log-loss (the intercept is not penalised). */
export const LEARN_LAMBDA = 1e-3;
const SEED = 0x5eed17;

export type LearnCode = 'learn.tooFew' | 'learn.rows' | 'learn.noOutcome' | 'learn.nothing';

export class LearnError extends MessageError<LearnCode | MessageCode> {
  override name = 'LearnError';
}

export interface Learned {
  /** Settings keys of the metrics (role name, or the header of a custom metric), in the table's order. */
  names: string[];
  /** Learned weights, scaled to the current weights' sum, 3 decimals. */
  weights: number[];
  current: number[];
  cvAuc: number;
  currentCvAuc: number;
  folds: number;
  successes: number;
  failures: number;
  /** Every learned weight is 0: no metric ranks successes above failures. */
  nothing: boolean;
}

export interface LearnOptions {
  folds?: number;
  lambda?: number;
  minimum?: number;
}

/** AUC (Mann–Whitney, ties ½) of `score` for the rows `rows`, `y` 1 = success. 0.5 without both classes. */
export function aucOf(score: Float64Array, y: Uint8Array, rows: Uint32Array): number {
  const n = rows.length;
  const order = Uint32Array.from(rows).sort((a, b) => score[a] - score[b]);
  let rankSum = 0;
  let pos = 0;
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && score[order[e]] === score[order[s]]) e++;
    const mid = (s + e + 1) / 2; // average of ranks s+1 … e
    for (let q = s; q < e; q++) {
      if (y[order[q]]) {
        rankSum += mid;
        pos++;
      }
    }
    s = e;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return 0.5;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

interface Data {
  /** N × M percentiles, row-major; NaN where the metric is missing. */
  x: Float64Array;
  /** The same with 0.5 for a missing percentile: the regression's features. */
  filled: Float64Array;
  y: Uint8Array;
  n: number;
  m: number;
}

/** §3's score of each row with weights `w` over the metrics it has (50 when none of its metrics weighs). */
function scoresWith(d: Data, w: ArrayLike<number>): Float64Array {
  const out = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) {
    let sum = 0;
    let weight = 0;
    for (let j = 0, o = i * d.m; j < d.m; j++) {
      const p = d.x[o + j];
      if (p === p && w[j] > 0) {
        sum += w[j] * p;
        weight += w[j];
      }
    }
    out[i] = weight > 0 ? round6((100 * sum) / weight) : 50;
  }
  return out;
}

/**
 * Non-negative L2 logistic regression on `rows`: β ≥ 0 per metric, free intercept; missing
 * percentiles count as 0.5. `start`: [intercept, β…] to start from (the answer is the same, the
 * problem being strictly convex; a good start only saves steps). Returns [intercept, β…].
 */
export function fitLogistic(d: Data, rows: Uint32Array, lambda: number, start?: Float64Array): Float64Array {
  const k = d.m + 1; // intercept first
  const m = d.m;
  const x = d.filled;
  const theta = new Float64Array(k);
  const g = new Float64Array(k);
  const h = new Float64Array(k * k);
  const count = rows.length;
  if (count === 0) return theta;
  if (start) theta.set(start);
  else {
    let pos = 0;
    for (let r = 0; r < count; r++) pos += d.y[rows[r]];
    const rate = Math.min(Math.max(pos / count, 1e-6), 1 - 1e-6);
    theta[0] = Math.log(rate / (1 - rate));
  }
  const loss = (t: Float64Array): number => {
    let f = 0;
    for (let r = 0; r < count; r++) {
      const i = rows[r];
      let z = t[0];
      for (let j = 0, o = i * m; j < m; j++) z += t[j + 1] * x[o + j];
      // log(1 + e^z) − y·z, stably
      f += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - d.y[i] * z;
    }
    let q = 0;
    for (let j = 1; j < k; j++) q += t[j] * t[j];
    return f / count + (lambda / 2) * q;
  };
  let f = loss(theta);
  const next = new Float64Array(k);
  const free: number[] = [];
  for (let iter = 0; iter < 60; iter++) {
    g.fill(0);
    h.fill(0);
    // Gradient and Hessian (lower triangle; row 0 is the intercept, whose feature is 1).
    for (let r = 0; r < count; r++) {
      const i = rows[r];
      const o = i * m;
      let z = theta[0];
      for (let j = 0; j < m; j++) z += theta[j + 1] * x[o + j];
      const p = 1 / (1 + Math.exp(-z));
      const e = p - d.y[i];
      const s = p * (1 - p);
      g[0] += e;
      h[0] += s;
      for (let a = 0; a < m; a++) {
        const xa = x[o + a];
        g[a + 1] += e * xa;
        const sa = s * xa;
        const row = (a + 1) * k;
        h[row] += sa;
        for (let b = 0; b <= a; b++) h[row + b + 1] += sa * x[o + b];
      }
    }
    for (let a = 0; a < k; a++) {
      g[a] /= count;
      for (let b = 0; b <= a; b++) h[a * k + b] = h[b * k + a] = h[a * k + b] / count;
    }
    for (let a = 1; a < k; a++) {
      g[a] += lambda * theta[a];
      h[a * k + a] += lambda;
    }
    // Projected gradient: converged when no coefficient can still improve the loss.
    let pg = Math.abs(g[0]);
    free.length = 0;
    free.push(0);
    for (let a = 1; a < k; a++) {
      const atBound = theta[a] <= 0 && g[a] > 0;
      pg = Math.max(pg, atBound ? 0 : Math.abs(g[a]));
      if (!atBound) free.push(a);
    }
    if (pg < 1e-8) break;
    const step = newtonStep(h, g, k, free);
    let alpha = 1;
    let moved = false;
    for (let tries = 0; tries < 40; tries++, alpha /= 2) {
      next.set(theta);
      for (let q = 0; q < free.length; q++) {
        const a = free[q];
        next[a] = theta[a] + alpha * step[q];
        if (a > 0 && next[a] < 0) next[a] = 0;
      }
      let decrease = 0;
      for (let a = 0; a < k; a++) decrease += g[a] * (next[a] - theta[a]);
      const fNext = loss(next);
      if (fNext <= f + 1e-4 * decrease) {
        moved = f - fNext > 1e-15 * Math.max(1, Math.abs(f));
        theta.set(next);
        f = fNext;
        break;
      }
    }
    if (!moved) break;
  }
  return theta;
}

/** −H_FF⁻¹ g_F by Cholesky (a tiny ridge keeps it positive definite). */
function newtonStep(h: Float64Array, g: Float64Array, k: number, free: readonly number[]): Float64Array {
  const f = free.length;
  const l = new Float64Array(f * f);
  for (let a = 0; a < f; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = h[free[a] * k + free[b]] + (a === b ? 1e-10 : 0);
      for (let c = 0; c < b; c++) sum -= l[a * f + c] * l[b * f + c];
      l[a * f + b] = a === b ? Math.sqrt(Math.max(sum, 1e-300)) : sum / l[b * f + b];
    }
  }
  const z = new Float64Array(f);
  for (let a = 0; a < f; a++) {
    let sum = -g[free[a]];
    for (let c = 0; c < a; c++) sum -= l[a * f + c] * z[c];
    z[a] = sum / l[a * f + a];
  }
  for (let a = f - 1; a >= 0; a--) {
    let sum = z[a];
    for (let c = a + 1; c < f; c++) sum -= l[c * f + a] * z[c];
    z[a] = sum / l[a * f + a];
  }
  return z;
}

/** Fold of each row (0…k−1): successes and failures each shuffled with a fixed seed and dealt in turn. */
export function stratifiedFolds(y: Uint8Array, k: number, seed = SEED): Uint8Array {
  const next = random(seed);
  const fold = new Uint8Array(y.length);
  for (const cls of [1, 0]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) idx.push(i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    for (let q = 0; q < idx.length; q++) fold[idx[q]] = q % k;
  }
  return fold;
}

/**
 * Learns weights from `success` (per row: 1 success, 0 failure, −1 none) over the rows that have a
 * score and an outcome. Refuses (LearnError `learn.tooFew`) below 50 successes or 50 failures.
 */
export function learnWeights(analysis: Analysis, success: Int8Array, options: LearnOptions = {}): Learned {
  const folds = options.folds ?? LEARN_FOLDS;
  const lambda = options.lambda ?? LEARN_LAMBDA;
  const minimum = options.minimum ?? LEARN_MINIMUM;
  // The score's own features: the weighted metrics (a metric of weight 0 stays out).
  const index = analysis.table.mapping.metrics.flatMap((c, j) => (c.weight > 0 && analysis.percentiles[j] ? [j] : []));
  const metrics = index.map((j) => analysis.table.mapping.metrics[j]);
  const m = metrics.length;
  const rows: number[] = [];
  let successes = 0;
  for (let i = 0; i < analysis.table.n; i++) {
    if (analysis.score[i] !== analysis.score[i] || !(success[i] >= 0)) continue;
    rows.push(i);
    if (success[i] === 1) successes++;
  }
  const failures = rows.length - successes;
  if (successes < minimum || failures < minimum) {
    throw new LearnError({ code: 'learn.tooFew', params: { successes, failures, minimum } } as Message<LearnCode | MessageCode>);
  }
  // A category's rate is learned from out-of-fold rates, as the report card judges it (category.ts).
  const ps = index.map((j) => outOfFold(analysis.percentiles[j]!));
  const n = rows.length;
  const x = new Float64Array(n * m);
  const filled = new Float64Array(n * m);
  const y = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const i = rows[r];
    y[r] = success[i] === 1 ? 1 : 0;
    for (let j = 0; j < m; j++) {
      const p = ps[j][i];
      x[r * m + j] = p;
      filled[r * m + j] = p === p ? p : 0.5;
    }
  }
  const data: Data = { x, filled, y, n, m };
  const current = metrics.map((c) => c.weight);
  const all = new Uint32Array(n);
  for (let r = 0; r < n; r++) all[r] = r;
  const full = fitLogistic(data, all, lambda);
  const fold = stratifiedFolds(y, folds);
  const currentScores = scoresWith(data, current);
  let cv = 0;
  let cvCurrent = 0;
  for (let f = 0; f < folds; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let r = 0; r < n; r++) (fold[r] === f ? test : train).push(r);
    const testRows = Uint32Array.from(test);
    const theta = fitLogistic(data, Uint32Array.from(train), lambda, full);
    cv += aucOf(scoresWith(data, theta.subarray(1)), y, testRows);
    cvCurrent += aucOf(currentScores, y, testRows);
  }
  const beta = full.subarray(1);
  let total = 0;
  for (const b of beta) total += b;
  const currentSum = current.reduce((a, b) => a + b, 0);
  const weights = Array.from(beta, (b) => (total > 0 ? Math.round((b * currentSum * 1000) / total) / 1000 : 0));
  return {
    names: metrics.map((c) => c.name),
    weights,
    current,
    cvAuc: cv / folds,
    currentCvAuc: cvCurrent / folds,
    folds,
    successes,
    failures,
    nothing: !(total > 0),
  };
}
