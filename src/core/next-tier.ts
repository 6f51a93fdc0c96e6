import type { Analysis } from './analyse';
import type { Message, MessageCode, MessageParam } from './message';
import { sortedIndices } from './percentile';
import { shortHeader } from './parse-cell';
import { round6 } from './round';
import { column, ROW_OK } from './table';
import { NO_TIER, places } from './tiers';

/**
 * What would move an account up a tier (docs/scoring.md, "Next tier"): for each metric the smallest
 * new value that lifts the account's score to the cut-off of the next tier, the other accounts'
 * values and the cut-offs held fixed. The new value's percentile is ranked among the other accounts'
 * values, exactly as §3 would rank it, and the new score is summed in §3's order, so the answer is
 * exact, not a float estimate. The ladder of reachable percentiles is: tie with a value u of the
 * others (less + equal/2), or pass it (less + equal), for each distinct u above the account's own.
 */

export const NEXT_NONE = 0; // no score
export const NEXT_TOP = 1; // already in Tier 1
export const NEXT_CAPPED = 2; // unprofitable: profit must turn positive first
export const NEXT_MOVE = 3;
export const NEXT_NO_METRIC = 4; // no single metric can
export const NEXT_PARETO = 5; // the pareto method tiers by value, not by score

export interface Move {
  /** Metric index (table.mapping.metrics). */
  metric: number;
  from: number;
  /** The value to reach (tie with it), or to pass when `beyond`: above it, or below it for a lower-is-better metric. */
  to: number;
  beyond: boolean;
  pFrom: number;
  pTo: number;
}

export interface NextTiers {
  status: Uint8Array;
  /** Target tier per row (0 = Tier 1, 1 = Tier 2), −1 when none. */
  target: Int8Array;
  /** The easiest move of each row with NEXT_MOVE (smallest rise in percentile, then the earlier column). */
  move: (Move | null)[];
}

/**
 * Rung `s` of a ladder above the value u[k0]: s = 0 passes the account's own ties, s = 2j − 1 ties
 * u[k0 + j], s = 2j passes it. Its percentile among the other rows, (less + (equal − 1) / 2) / (n − 1),
 * is computed as §3 computes it (the numerator is exact: whole numbers and halves).
 */
/** An estimated score close enough to the cut-off for rounding to 6 decimals to decide. */
function near(estimate: number, cut: number): boolean {
  return Math.abs(estimate - cut) < 2e-6;
}

function rung(l: Ladder, k0: number, s: number): number {
  const d = l.n - 1;
  if (s === 0) return (l.below[k0] + l.count[k0] - 1) / d;
  const k = k0 + ((s + 1) >>> 1);
  return s & 1 ? (l.below[k] - 1 + l.count[k] / 2) / d : (l.below[k] - 1 + l.count[k]) / d;
}

interface Ladder {
  m: number;
  w: number;
  lower: boolean;
  /** Distinct values (lower-is-better negated), ascending; rows below, rows equal. */
  u: Float64Array;
  below: Float64Array;
  count: Float64Array;
  n: number;
}

/** Everything the moves of one table need, computed once. */
export class NextTierContext {
  private readonly ladders: Ladder[] = [];
  /** Each ladder's percentile column. */
  private readonly percentile: Float64Array[] = [];
  /** Score cut-off of Tier 1 and Tier 2 (rounded scores compare ≥), +∞ for an empty tier. */
  readonly cut: [number, number];
  private readonly capped: ((i: number) => boolean) | null;

  constructor(readonly analysis: Analysis) {
    const { table, settings, percentiles, score } = analysis;
    const metrics = table.mapping.metrics;
    for (let m = 0; m < metrics.length; m++) {
      const p = percentiles[m];
      if (!p || !(metrics[m].weight > 0)) continue;
      const lower = metrics[m].direction === 'lower';
      const values = table.values[m];
      // No sort: a present row's 2·less + equal − 1 = p·2(n − 1) is a whole number, distinct for each
      // distinct value and in its order, so counting rows by it lists the distinct values in order.
      let n = 0;
      for (let i = 0; i < table.n; i++) if (p[i] === p[i]) n++;
      const span = Math.max(1, 2 * n - 1);
      const rows = new Int32Array(span);
      const at = new Float64Array(span);
      for (let i = 0; i < table.n; i++) {
        const pi = p[i];
        if (pi !== pi) continue;
        const h = n > 1 ? Math.round(pi * 2 * (n - 1)) : 0;
        rows[h]++;
        at[h] = lower ? -values[i] : values[i];
      }
      let k = 0;
      for (let h = 0; h < span; h++) if (rows[h] > 0) k++;
      const u = new Float64Array(k);
      const below = new Float64Array(k);
      const count = new Float64Array(k);
      for (let h = 0, j = 0, seen = 0; h < span; h++) {
        if (rows[h] === 0) continue;
        u[j] = at[h];
        below[j] = seen;
        count[j++] = rows[h];
        seen += rows[h];
      }
      this.percentile.push(p);
      this.ladders.push({ m, w: metrics[m].weight, lower, u, below, count, n });
    }
    if (settings.method === 'threshold') this.cut = [settings.thresholds[0], settings.thresholds[1]];
    else {
      const rounded = new Float64Array(score.length);
      for (let i = 0; i < score.length; i++) rounded[i] = score[i] === score[i] ? round6(score[i]) : Number.NaN;
      const order = sortedIndices(rounded);
      const n = order.length;
      let k1: number;
      let k2: number;
      if (settings.method === 'capacity') {
        const c = settings.capacity;
        k1 = c.strategicMarketers * c.strategicAccounts;
        k2 = k1 + c.liteMarketers * c.liteAccounts;
      } else {
        k1 = places(n, settings.cutoffs[0]);
        k2 = places(n, settings.cutoffs[0] + settings.cutoffs[1]);
      }
      const kth = (k: number) => (k <= 0 ? Number.POSITIVE_INFINITY : k >= n ? Number.NEGATIVE_INFINITY : rounded[order[n - k]]);
      this.cut = [kth(k1), kth(k2)];
    }
    const profit = column(table, 'profit');
    this.capped = settings.unprofitableCap && table.mapping.hasHeader && profit ? (i) => profit[i] < 0 : null;
  }

  /** NEXT_* of row i and its target tier. */
  statusOf(i: number): { status: number; target: number } {
    const { tier, table, settings, score } = this.analysis;
    const t = tier[i];
    if (table.status[i] !== ROW_OK || t === NO_TIER || score[i] !== score[i]) return { status: NEXT_NONE, target: -1 };
    if (t === 0) return { status: NEXT_TOP, target: -1 };
    if (this.capped?.(i)) return { status: NEXT_CAPPED, target: t - 1 };
    if (settings.method === 'pareto') return { status: NEXT_PARETO, target: t - 1 };
    return { status: NEXT_MOVE, target: t - 1 };
  }

  /** Row i's percentile in each ladder's metric (NaN when missing), gathered once per row. */
  private row = new Float64Array(0);
  private rowOf = -1;

  private gather(i: number): Float64Array {
    if (this.row.length !== this.ladders.length) this.row = new Float64Array(this.ladders.length);
    if (this.rowOf !== i) {
      for (let q = 0; q < this.ladders.length; q++) this.row[q] = this.percentile[q][i];
      this.rowOf = i;
    }
    return this.row;
  }

  /** Whether the row gathered, with ladder `skip`'s metric at percentile `p`, scores at least `cut` (§3's sum, in its order). */
  private reaches(skip: number, p: number, cut: number): boolean {
    const row = this.row;
    const ladders = this.ladders;
    let sum = 0;
    let weight = 0;
    for (let q = 0; q < ladders.length; q++) {
      const pm = q === skip ? p : row[q];
      if (pm === pm) {
        const w = ladders[q].w;
        sum += w * pm;
        weight += w;
      }
    }
    return round6((100 * sum) / weight) >= cut;
  }

  /** The smallest move of each metric row i has that lifts it to `target` (empty: none can). */
  movesOf(i: number, target: number): Move[] {
    const cut = this.cut[target];
    const out: Move[] = [];
    if (cut === Number.POSITIVE_INFINITY) return out;
    const row = this.gather(i);
    let W = 0;
    for (let q = 0; q < row.length; q++) if (row[q] === row[q]) W += this.ladders[q].w;
    for (let q = 0; q < this.ladders.length; q++) {
      const move = this.moveIn(q, i, cut, W);
      if (move) out.push(move);
    }
    return out;
  }

  private moveIn(q: number, i: number, cut: number, W: number): Move | null {
    const l = this.ladders[q];
    const p0 = this.row[q];
    if (p0 !== p0 || l.n < 2) return null;
    const { u } = l;
    const s0 = this.analysis.score[i];
    // Even the top of the ladder (above every other value: p = 1) cannot reach: no exact check needed,
    // as §3's sum is within 1e-9 of this estimate and rounding lifts it by at most 5e-7.
    if (s0 + (100 * l.w * (1 - p0)) / W < cut - 1e-6) return null;
    const v = this.analysis.table.values[l.m][i];
    const x = l.lower ? -v : v;
    // k0: the account's own value; ladder steps s = 0 (pass own ties), 2j − 1 (tie u[k0+j]), 2j (pass u[k0+j]).
    let k0 = 0;
    for (let hi = u.length; k0 < hi; ) {
      const mid = (k0 + hi) >>> 1;
      if (u[mid] < x) k0 = mid + 1;
      else hi = mid;
    }
    const last = 2 * (u.length - 1 - k0);
    // The first rung whose estimated score reaches the cut-off; the estimate is within 1e-9 of §3's
    // sum, so only a rung whose estimate lies within 2e-6 of the cut-off (where rounding to 6
    // decimals decides) is settled by the exact sum.
    const scale = (100 * l.w) / W;
    const need = p0 + (cut - s0) / scale;
    let lo = 0;
    let hi = last + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rung(l, k0, mid) < need) lo = mid + 1;
      else hi = mid;
    }
    let s = Math.min(lo, last);
    if ((s > 0 && near(s0 + scale * (rung(l, k0, s - 1) - p0), cut)) || near(s0 + scale * (rung(l, k0, s) - p0), cut) || lo > last) {
      while (s > 0 && this.reaches(q, rung(l, k0, s - 1), cut)) s--;
      while (s <= last && !this.reaches(q, rung(l, k0, s), cut)) s++;
      if (s > last) return null;
    }
    const k = s === 0 ? k0 : k0 + ((s + 1) >>> 1);
    const to = l.lower ? -u[k] : u[k];
    return { metric: l.m, from: v, to: to === 0 ? 0 : to, beyond: s === 0 || s % 2 === 0, pFrom: p0, pTo: rung(l, k0, s) };
  }

  /** Ladders by weight, heaviest first (then in column order): the order `bestOf` tries them. */
  private byWeight: number[] | null = null;

  /**
   * The easiest move: the smallest rise in percentile, then the earlier column. A metric of weight w
   * needs a rise of at least (cut − score)·Σw/(100·w), so once that exceeds the best rise found the
   * lighter metrics need not be tried.
   */
  bestOf(i: number, target: number): Move | null {
    const cut = this.cut[target];
    if (cut === Number.POSITIVE_INFINITY) return null;
    const row = this.gather(i);
    let W = 0;
    for (let q = 0; q < row.length; q++) if (row[q] === row[q]) W += this.ladders[q].w;
    this.byWeight ??= this.ladders.map((_, q) => q).sort((a, b) => this.ladders[b].w - this.ladders[a].w || a - b);
    const gap = cut - this.analysis.score[i];
    let best: Move | null = null;
    let rise = Number.POSITIVE_INFINITY;
    for (const q of this.byWeight) {
      // Rounding to 6 decimals lets a score 5e-7 short of the cut-off reach it: the bound allows for that.
      if (((gap - 1e-6) * W) / (100 * this.ladders[q].w) - 1e-9 > rise) break;
      const move = this.moveIn(q, i, cut, W);
      if (!move) continue;
      const r = move.pTo - move.pFrom;
      if (r < rise || (r === rise && best && move.metric < best.metric)) {
        best = move;
        rise = r;
      }
    }
    return best;
  }
}

/** Every row's status, target and easiest move. */
export function nextTiers(analysis: Analysis, context = new NextTierContext(analysis)): NextTiers {
  const n = analysis.table.n;
  const status = new Uint8Array(n);
  const target = new Int8Array(n).fill(-1);
  const move: (Move | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const s = context.statusOf(i);
    target[i] = s.target;
    if (s.status === NEXT_MOVE) {
      move[i] = context.bestOf(i, s.target);
      status[i] = move[i] ? NEXT_MOVE : NEXT_NO_METRIC;
    } else status[i] = s.status;
  }
  return { status, target, move };
}

/** The words of next-tier messages (rendered by src/i18n). */
export type NextCode =
  | 'next.rise'
  | 'next.riseAbove'
  | 'next.fall'
  | 'next.fallBelow'
  | 'next.none'
  | 'next.top'
  | 'next.capped'
  | 'next.pareto'
  | 'next.account'
  | 'next.noRow';

export type NextMessage = Message<NextCode | MessageCode>;

/** Whole percent of a percentile, as drivers show it. */
export function percentOf(p: number): number {
  return Math.round(100 * p);
}

function valueText(v: number): string {
  return String(round6(v));
}

/** What one move says: `Tier 1 if engagement rises from 62 to 78 (percentile 38 → 61)`. */
export function moveMessage(analysis: Analysis, move: Move, target: number): NextMessage {
  const metric = analysis.table.mapping.metrics[move.metric];
  const name: MessageParam = metric.role === 'custom' ? shortHeader(metric.name) : { code: `role.${metric.role}` };
  const lower = metric.direction === 'lower';
  const code: NextCode = lower ? (move.beyond ? 'next.fallBelow' : 'next.fall') : move.beyond ? 'next.riseAbove' : 'next.rise';
  return {
    code,
    params: {
      tier: analysis.settings.labels[target],
      metric: name,
      from: valueText(move.from),
      to: valueText(move.to),
      pFrom: percentOf(move.pFrom),
      pTo: percentOf(move.pTo),
    },
  } as NextMessage;
}

/** What a status says (a move, or why there is none); null for a row without a score. */
export function statusMessage(analysis: Analysis, status: number, target: number, move: Move | null): NextMessage | null {
  const labels = analysis.settings.labels;
  switch (status) {
    case NEXT_NONE:
      return null;
    case NEXT_TOP:
      return { code: 'next.top', params: { tier: labels[0] } } as NextMessage;
    case NEXT_CAPPED:
      return { code: 'next.capped', params: { tier: labels[2] } } as NextMessage;
    case NEXT_PARETO:
      return { code: 'next.pareto' } as NextMessage;
    case NEXT_MOVE:
      if (move) return moveMessage(analysis, move, target);
  }
  return { code: 'next.none', params: { tier: labels[target] } } as NextMessage;
}

/** Row i's line, `Acme → …`: its easiest move, or why there is none; null for a row without a score. */
export function nextMessage(analysis: Analysis, next: NextTiers, i: number): NextMessage | null {
  const said = statusMessage(analysis, next.status[i], next.target[i], next.move[i]);
  if (!said) return null;
  const account = analysis.table.accounts?.[i]?.trim();
  return account ? ({ code: 'next.account', params: { account: shortHeader(account), said } } as NextMessage) : said;
}
