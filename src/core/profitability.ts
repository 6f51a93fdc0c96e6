/** Profitability by segment and by tier, and the whale curve, SPEC §7. */
import { CompensatedSum, exponentOf, maxAbs, product, unitScale } from './sum';

export interface ProfitRow {
  label: string;
  accounts: number;
  /** Share of the table's accounts, 0–1. */
  share: number;
  revenue: number;
  cost: number;
  profit: number;
  /** profit / revenue; NaN when revenue is 0 or unknown. */
  margin: number;
  /** Share of the table's total profit; NaN when the total is 0. */
  profitShare: number;
  profitPerAccount: number;
}

/** A row's numbers in the order of the columns every surface writes (PROFIT_COLUMNS of src/i18n: their headers). */
export const PROFIT_FIELDS = [
  'accounts',
  'share',
  'revenue',
  'cost',
  'profit',
  'margin',
  'profitShare',
  'profitPerAccount',
] as const satisfies readonly (keyof ProfitRow)[];

export interface ProfitTable {
  rows: ProfitRow[];
  total: ProfitRow;
}

export interface Money {
  revenue: Float64Array | null;
  profit: Float64Array | null;
  cost: Float64Array | null;
}

/**
 * Whether a profit table of `money` could hold a sum beyond ±1.8e308 (warn.tooLarge): false when
 * every column's absolute values, over all rows, add up below 1e300, for then no group's revenue,
 * profit or cost (at most |revenue| + |profit| where it is derived) comes near it. One loop a column,
 * no table: the analysis' warnings (all the CSV output reads of the tables) need the tables only past it.
 */
export function moneyMayOverflow(money: Money): boolean {
  for (const column of [money.revenue, money.profit, money.cost]) if (column && !(absoluteSum(column) < 1e300)) return true;
  return false;
}

/** Σ|v| over the values present: ∞ when one is infinite. */
function absoluteSum(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) sum += Math.abs(v);
  }
  return sum;
}

/**
 * Sums per group (group index per row, −1 = outside the table). Cost is the row's cost, or
 * revenue − profit where the row has none; a column that does not exist sums to NaN (blank).
 * Each group's sum is taken in row order on its terms scaled by a power of two near its largest one
 * (the same digits as unscaled, but nothing overflows on the way and a group of tiny amounts keeps
 * them); the Total is the sum of the groups. A sum whose true value is beyond ±1.8e308 is ±Infinity.
 */
export function profitability(groups: Int8Array, labels: readonly string[], money: Money, totalLabel = 'Total'): ProfitTable {
  const k = labels.length;
  const accounts = new Float64Array(k + 1);
  const { revenue: rev, profit: pro, cost: cst } = money;
  // Per group and column (revenue, profit, cost): the largest |term|, then the scaled sum. Costs are
  // halved, so that revenue − profit cannot overflow; their sums are doubled back.
  const max = new Float64Array(3 * k);
  const sum = new Float64Array(3 * k + 3);
  // Each sum is sum × 2^shift; the Total's shifts are set below.
  const shift = new Array<number>(3 * k + 3).fill(0);
  const scale = new Float64Array(3 * k);
  // Two passes over the rows, each a function of one loop (a cold process compiles each once).
  groupMaxima(groups, money, max);
  for (let j = 0; j < 3 * k; j++) {
    shift[j] = exponentOf(max[j]);
    scale[j] = 2 ** -shift[j];
  }
  groupSums(groups, money, scale, sum, accounts);
  // The Total of each column: the groups' sums brought to one power of two (their largest, + 8 for room) and added.
  for (let j = 0; j < 3; j++) {
    let e = -1100;
    for (let g = 0; g < k; g++) if (sum[3 * g + j] !== 0) e = Math.max(e, shift[3 * g + j] + 8);
    if (e === -1100) e = 0;
    for (let g = 0; g < k; g++) sum[3 * k + j] += product([sum[3 * g + j]], shift[3 * g + j] - e);
    shift[3 * k + j] = e;
  }
  for (let g = 0; g < k; g++) accounts[k] += accounts[g];
  const has = [rev !== null, pro !== null, cst !== null || (rev !== null && pro !== null)];
  // Σ column j of group g ÷ d, overflowing only when the true value is beyond ±1.8e308.
  const per = (g: number, j: number, d = 1) => (has[j] ? product([sum[3 * g + j] / d], shift[3 * g + j] + (j === 2 ? 1 : 0)) : Number.NaN);
  // Group g's profit ÷ column j of group h.
  const ratio = (g: number, h: number, j: number) => product([sum[3 * g + 1] / sum[3 * h + j]], shift[3 * g + 1] - shift[3 * h + j]);
  const total = per(k, 1);
  const row = (g: number, label: string): ProfitRow => {
    const R = per(g, 0);
    return {
      label,
      accounts: accounts[g],
      share: accounts[k] > 0 ? accounts[g] / accounts[k] : Number.NaN,
      revenue: R,
      cost: per(g, 2),
      profit: per(g, 1),
      margin: has[0] && has[1] && R !== 0 ? ratio(g, g, 0) : Number.NaN,
      profitShare: has[1] && total !== 0 ? ratio(g, k, 1) : Number.NaN,
      profitPerAccount: has[1] && accounts[g] > 0 ? per(g, 1, accounts[g]) : Number.NaN,
    };
  };
  return { rows: labels.map((label, g) => row(g, label)), total: row(k, totalLabel) };
}

/** A row's cost, halved: its cost, or revenue − profit where it has none (so that the difference cannot overflow). */
function halfCost(r: number, p: number, ci: number): number {
  return ci === ci ? ci / 2 : r / 2 - p / 2;
}

/** Per group and column (revenue, profit, halved cost), the largest |term|. */
function groupMaxima(groups: Int8Array, { revenue: rev, profit: pro, cost: cst }: Money, max: Float64Array): void {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g < 0) continue;
    const r = rev ? rev[i] : Number.NaN;
    const p = pro ? pro[i] : Number.NaN;
    const c = halfCost(r, p, cst ? cst[i] : Number.NaN);
    const a = 3 * g;
    if (Math.abs(r) > max[a]) max[a] = Math.abs(r);
    if (Math.abs(p) > max[a + 1]) max[a + 1] = Math.abs(p);
    if (Math.abs(c) > max[a + 2]) max[a + 2] = Math.abs(c);
  }
}

/** Per group and column, the sum of the terms scaled by `scale`, in row order; and each group's accounts. */
function groupSums(groups: Int8Array, { revenue: rev, profit: pro, cost: cst }: Money, scale: Float64Array, sum: Float64Array, accounts: Float64Array): void {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g < 0) continue;
    const r = rev ? rev[i] : Number.NaN;
    const p = pro ? pro[i] : Number.NaN;
    const c = halfCost(r, p, cst ? cst[i] : Number.NaN);
    const a = 3 * g;
    accounts[g]++;
    if (r === r) sum[a] += r * scale[a];
    if (p === p) sum[a + 1] += p * scale[a + 1];
    if (c === c) sum[a + 2] += c * scale[a + 2];
  }
}

export interface WhaleCurve {
  /** Points (k / n, cumulative profit of the first k / total profit), k = 0…n. */
  x: Float64Array;
  y: Float64Array;
  /** The curve's highest point as a share of total profit, and the share of accounts there. */
  peak: number;
  peakAccounts: number;
  accounts: number;
}

/**
 * Accounts by profit, highest first. Null when there are no accounts or total profit is not positive.
 * Profits are summed scaled near 1 and compensated; a curve whose shares are beyond ±1.8e308 is null too.
 */
export function whaleCurve(profit: Float64Array, include: Uint8Array, known: WhalePeak | null = whalePeak(profit, include)): WhaleCurve | null {
  if (!known) return null;
  const { peak, peakAt, n } = known;
  // The points are made when first read (the sheet's chart reads them; the command line only the peak).
  let points: { x: Float64Array; y: Float64Array } | null = null;
  const made = () => {
    points ??= whalePoints(profit, include, true)!.points!;
    return points;
  };
  return {
    get x() {
      return made().x;
    },
    get y() {
      return made().y;
    },
    peak,
    peakAccounts: peakAt / n,
    accounts: n,
  };
}

/** Where the whale curve peaks: its share of total profit, after how many of the `n` accounts. */
export interface WhalePeak {
  peak: number;
  peakAt: number;
  n: number;
}

/** The whale curve's peak alone (whaleCurve's `known`: the command line's worker computes it); null when there is no curve. */
export function whalePeak(profit: Float64Array, include: Uint8Array): WhalePeak | null {
  const curve = whalePoints(profit, include, false);
  return curve && { peak: curve.peak, peakAt: curve.peakAt, n: curve.n };
}

/**
 * The curve's peak and, with `keep`, its points; null when there is no curve. Each loop is a
 * function of its own (as the radix sort's, percentile.ts): a cold process compiles each once.
 */
function whalePoints(profit: Float64Array, include: Uint8Array, keep: boolean) {
  const n = includedPresent(profit, include);
  const sorted = new Float64Array(n);
  const total = negatedScaled(profit, include, unitScale(maxAbs(profit, include)), sorted);
  if (n === 0 || !(total > 0)) return null;
  sorted.sort();
  const x = keep ? new Float64Array(n + 1) : null;
  const y = keep ? new Float64Array(n + 1) : null;
  const peak = peakOf(sorted, total, x, y);
  return peak && { peak: peak.peak, peakAt: peak.peakAt, n, points: x && y ? { x, y } : null };
}

/** How many included rows have a profit. */
function includedPresent(profit: Float64Array, include: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < profit.length; i++) if (include[i] && profit[i] === profit[i]) n++;
  return n;
}

/** The included profits × `scale`, negated (an ascending sort puts the largest first), into `out`; their sum, compensated. */
function negatedScaled(profit: Float64Array, include: Uint8Array, scale: number, out: Float64Array): number {
  let k = 0;
  const sum = new CompensatedSum();
  for (let i = 0; i < profit.length; i++) {
    if (include[i] && profit[i] === profit[i]) {
      out[k] = -profit[i] * scale;
      sum.add(-out[k++]);
    }
  }
  return sum.value;
}

/** The cumulative shares of `total` down the sorted (negated) profits, into x and y when given; the highest and where; null past ±1.8e308. */
function peakOf(sorted: Float64Array, total: number, x: Float64Array | null, y: Float64Array | null): { peak: number; peakAt: number } | null {
  const n = sorted.length;
  const cumulative = new CompensatedSum();
  let peak = 0;
  let peakAt = 0;
  for (let j = 1; j <= n; j++) {
    cumulative.add(-sorted[j - 1]);
    const share = cumulative.value / total;
    // Shares beyond ±1.8e308 (a total profit cancelled to almost 0): no curve, as for a total of 0.
    if (!Number.isFinite(share)) return null;
    if (x && y) {
      x[j] = j / n;
      y[j] = share;
    }
    if (share > peak) {
      peak = share;
      peakAt = j;
    }
  }
  return { peak, peakAt };
}
