/** The report card (SPEC §13): how well the tiers and the score separate successes from failures. */
import { outOfFold } from './category';
import type { Message } from './message';
import type { Outcomes } from './outcome';
import { sortedIndices } from './percentile';
import { round6 } from './round';

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/** Below this many successes or failures the card shows rates only, without a verdict. */
export const MIN_FOR_VERDICT = 20;

/** MadKudu's bar: Tier 1 + 2 hold at most 35 % of the accounts and at least 60 % of the successes; Tier 1 converts ≥ 10 × Tier 3. */
export const MADKUDU = { accounts: 0.35, successes: 0.6, ratio: 10 } as const;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson 95 % interval of s successes in n: centre ± half, both divided by 1 + z²/n. NaN for n = 0. */
export function wilson(s: number, n: number, z = Z95): Interval {
  if (!(n > 0)) return { low: Number.NaN, high: Number.NaN };
  const r = s / n;
  const z2 = z * z;
  const d = 1 + z2 / n;
  const centre = (r + z2 / (2 * n)) / d;
  const half = (z * Math.sqrt((r * (1 - r)) / n + z2 / (4 * n * n))) / d;
  // At r = 0 (r = 1) the bound is exactly 0 (1); the arithmetic would leave a rounding error.
  return { low: s <= 0 ? 0 : Math.max(0, centre - half), high: s >= n ? 1 : Math.min(1, centre + half) };
}

export interface Auc extends Interval {
  auc: number;
  /** DeLong's variance of the AUC (NaN with fewer than 2 successes or 2 failures). */
  variance: number;
}

/**
 * AUC = P(score of a success > score of a failure), ties ½, with DeLong's 95 % interval
 * (auc ± z·√(S10/P + S01/Q), clipped to [0, 1]). `score`: NaN is left out; `success`: 1, 0, or
 * −1 (left out). One sort of the scores; each tie group is walked once.
 */
export function aucDeLong(score: Float64Array, success: ArrayLike<number>, z = Z95): Auc {
  const keys = new Float64Array(score.length);
  for (let i = 0; i < score.length; i++) keys[i] = success[i] === 0 || success[i] === 1 ? score[i] : Number.NaN;
  return aucOfSorted(keys, sortedIndices(keys), success, z);
}

/** aucDeLong over `keys` (NaN: left out) already sorted into `order` (their present indices, ascending). */
function aucOfSorted(keys: Float64Array, order: Uint32Array, success: ArrayLike<number>, z: number): Auc {
  let P = 0;
  for (let k = 0; k < order.length; k++) P += success[order[k]];
  const Q = order.length - P;
  const none = { auc: Number.NaN, low: Number.NaN, high: Number.NaN, variance: Number.NaN };
  if (P === 0 || Q === 0) return none;
  let posBelow = 0;
  let negBelow = 0;
  let sum10 = 0;
  let sq10 = 0;
  let sq01 = 0;
  for (let s = 0; s < order.length; ) {
    const v = keys[order[s]];
    let e = s;
    let p = 0;
    while (e < order.length && keys[order[e]] === v) p += success[order[e++]];
    const q = e - s - p;
    const v10 = (negBelow + q / 2) / Q;
    const v01 = (P - posBelow - p / 2) / P;
    sum10 += p * v10;
    sq10 += p * v10 * v10;
    sq01 += q * v01 * v01;
    posBelow += p;
    negBelow += q;
    s = e;
  }
  const auc = sum10 / P;
  if (P < 2 || Q < 2) return { ...none, auc };
  const s10 = Math.max(0, (sq10 - P * auc * auc) / (P - 1));
  const s01 = Math.max(0, (sq01 - Q * auc * auc) / (Q - 1));
  const variance = s10 / P + s01 / Q;
  const half = z * Math.sqrt(variance);
  return { auc, variance, low: Math.max(0, auc - half), high: Math.min(1, auc + half) };
}

export interface TierRow {
  label: string;
  accounts: number;
  successes: number;
  rate: number;
  rateLow: number;
  rateHigh: number;
  /** rate ÷ the base rate. */
  lift: number;
  /** A numeric outcome: its sum over the tier and that sum's share of the total (else NaN). */
  sum: number;
  share: number;
}

export interface DecileRow {
  /** 1 = the lowest scores … 10 = the highest; tied scores share a decile, so one may be missing. */
  decile: number;
  accounts: number;
  successes: number;
  rate: number;
  rateLow: number;
  rateHigh: number;
  minScore: number;
  maxScore: number;
}

export interface ReportCard {
  /** Accounts with both a tier and an outcome, and their successes. */
  accounts: number;
  successes: number;
  failures: number;
  baseRate: number;
  /** Accounts with a tier but no outcome (scored, left out of the card). */
  leftOut: number;
  numeric: boolean;
  /** A numeric outcome's total over the accounts counted (else NaN). */
  total: number;
  tiers: TierRow[];
  /** Tier 1's rate ÷ Tier 3's (Infinity when Tier 3 has none and Tier 1 some; NaN when neither). */
  tier1OverTier3: number;
  /** Tier 1 + 2's share of the accounts and of the successes. */
  captureTop2: { accounts: number; successes: number };
  madKudu: { capture: boolean; ratio: boolean; pass: boolean };
  auc: number;
  aucLow: number;
  aucHigh: number;
  /** Success rate by score decile; empty when only tiers were given. */
  calibration: DecileRow[];
  /** At least 20 successes and 20 failures. */
  enough: boolean;
  verdict: Message;
  /** Pinned accounts' outcomes, apart from the tiers above (which judge the score); null without pins. */
  pinned: PinnedCard | null;
}

/** Did the team's judgement beat the score? (docs/scoring.md, "Pinned tiers"). */
export interface PinnedCard {
  /** Per pinned tier: its pinned accounts with an outcome, and the rate of that tier's unpinned accounts beside it. */
  tiers: { label: string; accounts: number; successes: number; rate: number; unpinnedRate: number }[];
  /** Pinned above (`up`) or below (`down`) the tier the score gave: their rate, and the unpinned rate of the tiers the score gave them. */
  up: PinnedMove;
  down: PinnedMove;
}

export interface PinnedMove {
  accounts: number;
  successes: number;
  rate: number;
  /** The mean, over these accounts, of the unpinned success rate of the tier the score gave each. */
  scoreRate: number;
}

export interface ReportInput {
  /** Per row: 0 = Tier 1, 1 = Tier 2, 2 = Tier 3, −1 = none. */
  tier: ArrayLike<number>;
  /** Per row: the score (NaN = none); null ranks by tier alone. */
  score: Float64Array | null;
  outcomes: Outcomes;
  labels: readonly string[];
  /** Per row: the pinned tier (0–2; 3 excluded) or −1, and the tier the score alone gives (analysis.pinned). */
  pins?: { pin: ArrayLike<number>; alone: ArrayLike<number> } | null;
}

/** The report card of the tiers (and scores) against the outcomes, over the rows that have both. */
export function reportCard({ tier, score: given, outcomes, labels, pins }: ReportInput): ReportCard {
  const n = tier.length;
  const { success, value } = outcomes;
  // A category in the score is judged by its out-of-fold rates (docs/scoring.md, "Categories").
  const score = given && outOfFold(given);
  const counted = new Int8Array(n).fill(-1);
  const rank = new Float64Array(n);
  const nT = [0, 0, 0];
  const sT = [0, 0, 0];
  const sumT = [0, 0, 0];
  let leftOut = 0;
  for (let i = 0; i < n; i++) {
    const t = tier[i];
    if (t !== 0 && t !== 1 && t !== 2) {
      rank[i] = Number.NaN;
      continue;
    }
    const o = success[i];
    const sc = score ? score[i] : 2 - t;
    // Pinned accounts are counted apart (pinnedCard): the tiers here judge the score.
    if (pins && pins.pin[i] >= 0) {
      rank[i] = Number.NaN;
      continue;
    }
    if ((o !== 0 && o !== 1) || sc !== sc) {
      leftOut++;
      rank[i] = Number.NaN;
      continue;
    }
    counted[i] = o;
    rank[i] = score ? round6(sc) : sc;
    nT[t]++;
    sT[t] += o;
    sumT[t] += value[i];
  }
  const N = nT[0] + nT[1] + nT[2];
  const S = sT[0] + sT[1] + sT[2];
  const base = N > 0 ? S / N : Number.NaN;
  const numeric = outcomes.numeric;
  const total = numeric ? sumT[0] + sumT[1] + sumT[2] : Number.NaN;
  const tiers: TierRow[] = [0, 1, 2].map((t) => {
    const rate = nT[t] > 0 ? sT[t] / nT[t] : Number.NaN;
    const w = wilson(sT[t], nT[t]);
    return {
      label: labels[t],
      accounts: nT[t],
      successes: sT[t],
      rate,
      rateLow: w.low,
      rateHigh: w.high,
      lift: base > 0 ? rate / base : Number.NaN,
      sum: numeric ? sumT[t] : Number.NaN,
      share: numeric && total !== 0 ? sumT[t] / total : Number.NaN,
    };
  });
  const [r1, , r3] = tiers.map((t) => t.rate);
  const tier1OverTier3 = r3 > 0 ? r1 / r3 : r1 > 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  const captureTop2 = { accounts: N > 0 ? (nT[0] + nT[1]) / N : Number.NaN, successes: S > 0 ? (sT[0] + sT[1]) / S : Number.NaN };
  const capture = captureTop2.accounts <= MADKUDU.accounts && captureTop2.successes >= MADKUDU.successes;
  const ratio = tier1OverTier3 >= MADKUDU.ratio;
  // One sort of the counted scores serves the AUC and the deciles.
  const order = sortedIndices(rank);
  const auc = aucOfSorted(rank, order, counted, Z95);
  const failures = N - S;
  const enough = S >= MIN_FOR_VERDICT && failures >= MIN_FOR_VERDICT;
  return {
    accounts: N,
    successes: S,
    failures,
    baseRate: base,
    leftOut,
    numeric,
    total,
    tiers,
    tier1OverTier3,
    captureTop2,
    madKudu: { capture, ratio, pass: capture && ratio },
    auc: auc.auc,
    aucLow: auc.low,
    aucHigh: auc.high,
    calibration: score ? calibration(rank, counted, order) : [],
    enough,
    verdict: verdict(enough, S, failures, tiers, auc),
    pinned: pins ? pinnedCard(pins, success, labels, tiers) : null,
  };
}

function pinnedCard(pins: NonNullable<ReportInput['pins']>, success: ArrayLike<number>, labels: readonly string[], unpinned: readonly TierRow[]): PinnedCard {
  const n = [0, 0, 0];
  const s = [0, 0, 0];
  const move = () => ({ accounts: 0, successes: 0, expected: 0 });
  const up = move();
  const down = move();
  for (let i = 0; i < pins.pin.length; i++) {
    const p = pins.pin[i];
    const o = success[i];
    const a = pins.alone[i];
    // A pin on a row without a score is no pin (the row has no tier).
    if (p < 0 || p > 2 || a < 0 || (o !== 0 && o !== 1)) continue;
    n[p]++;
    s[p] += o;
    const m = a > p ? up : a < p ? down : null;
    if (!m) continue;
    m.accounts++;
    m.successes += o;
    m.expected += unpinned[a].rate;
  }
  const done = (m: ReturnType<typeof move>): PinnedMove => ({
    accounts: m.accounts,
    successes: m.successes,
    rate: m.accounts > 0 ? m.successes / m.accounts : Number.NaN,
    scoreRate: m.accounts > 0 ? m.expected / m.accounts : Number.NaN,
  });
  return {
    tiers: [0, 1, 2].map((t) => ({
      label: labels[t],
      accounts: n[t],
      successes: s[t],
      rate: n[t] > 0 ? s[t] / n[t] : Number.NaN,
      unpinnedRate: unpinned[t].rate,
    })),
    up: done(up),
    down: done(down),
  };
}

/** Success rate by score decile: decile = ⌊10 · (accounts scored strictly lower) / N⌋ + 1, so ties share one. */
export function calibration(rank: Float64Array, counted: ArrayLike<number>, order = sortedIndices(rank)): DecileRow[] {
  const N = order.length;
  const rows: DecileRow[] = [];
  for (let s = 0; s < N; ) {
    const v = rank[order[s]];
    let e = s;
    let wins = 0;
    while (e < N && rank[order[e]] === v) wins += counted[order[e++]];
    const decile = Math.floor((10 * s) / N) + 1;
    let row = rows[rows.length - 1];
    if (!row || row.decile !== decile) {
      row = { decile, accounts: 0, successes: 0, rate: 0, rateLow: 0, rateHigh: 0, minScore: v, maxScore: v };
      rows.push(row);
    }
    row.accounts += e - s;
    row.successes += wins;
    row.maxScore = v;
    s = e;
  }
  for (const row of rows) {
    const w = wilson(row.successes, row.accounts);
    row.rate = row.successes / row.accounts;
    row.rateLow = w.low;
    row.rateHigh = w.high;
  }
  return rows;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The plain-words verdict. Fewer than 20 successes or failures: rates only. Else the AUC's interval
 * says it: above ½, the best tier's lift (`report.separates`); below ½, the score ranks failures
 * first (`report.reversed`); containing ½, no separation (`report.noSeparation`).
 */
function verdict(enough: boolean, successes: number, failures: number, tiers: TierRow[], auc: Auc): Message {
  if (!enough) return { code: 'report.tooFew', params: { successes, failures, min: MIN_FOR_VERDICT } };
  const a = { auc: round(auc.auc, 2), low: round(auc.low, 2), high: round(auc.high, 2) };
  if (auc.low > 0.5) {
    const top = tiers.find((t) => t.accounts > 0) ?? tiers[0];
    return { code: 'report.separates', params: { tier: top.label, lift: round(top.lift, 1), ...a } };
  }
  return { code: auc.high < 0.5 ? 'report.reversed' : 'report.noSeparation', params: a };
}

/**
 * Backtest (issue 17): the tiers and scores an earlier run gave each account, matched to today's rows
 * by account key (trimmed, as the history keeps it), to judge them by today's outcomes. A row whose
 * key the run does not hold has no tier (−1) and stays out of the card; `matched` counts the others.
 */
export function earlierTiers(
  snapshot: ReadonlyMap<string, { tier: number; score: number }>,
  accounts: readonly (string | null)[] | null,
  n: number,
): { tier: Int8Array; score: Float64Array; matched: number } {
  const tier = new Int8Array(n).fill(-1);
  const score = new Float64Array(n).fill(Number.NaN);
  let matched = 0;
  for (let i = 0; i < n; i++) {
    const key = accounts?.[i]?.trim();
    const then = key ? snapshot.get(key) : undefined;
    if (!then) continue;
    tier[i] = then.tier;
    score[i] = then.score;
    matched++;
  }
  return { tier, score, matched };
}

/** A rate row's figures as JSON gives them (NaN and ±Infinity as null), in the order the CLI and the sidebar show them. */
export function rateFigures(r: { accounts: number; successes: number; rate: number; rateLow: number; rateHigh: number; lift: number }) {
  return { accounts: r.accounts, successes: r.successes, rate: finite(r.rate), rateLow: finite(r.rateLow), rateHigh: finite(r.rateHigh), lift: finite(r.lift) };
}

/** A number as JSON gives it: NaN and ±Infinity as null. */
export const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
