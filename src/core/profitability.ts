/** Profitability by segment and by tier, and the whale curve, SPEC §7. */

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
 * Sums per group (group index per row, −1 = outside the table). Cost is the row's cost, or
 * revenue − profit where the row has none; a column that does not exist sums to NaN (blank).
 */
export function profitability(groups: Int8Array, labels: readonly string[], money: Money, totalLabel = 'Total'): ProfitTable {
  const k = labels.length;
  const accounts = new Float64Array(k + 1);
  const revenue = new Float64Array(k + 1);
  const cost = new Float64Array(k + 1);
  const profit = new Float64Array(k + 1);
  const { revenue: rev, profit: pro, cost: cst } = money;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g < 0) continue;
    accounts[g]++;
    const r = rev ? rev[i] : Number.NaN;
    const p = pro ? pro[i] : Number.NaN;
    if (r === r) revenue[g] += r;
    if (p === p) profit[g] += p;
    // A row without a cost uses revenue − profit, whether or not the table has a cost column.
    const ci = cst ? cst[i] : Number.NaN;
    const c = ci === ci ? ci : r - p;
    if (c === c) cost[g] += c;
  }
  for (let g = 0; g < k; g++) {
    accounts[k] += accounts[g];
    revenue[k] += revenue[g];
    cost[k] += cost[g];
    profit[k] += profit[g];
  }
  const hasRevenue = rev !== null;
  const hasProfit = pro !== null;
  const hasCost = cst !== null || (hasRevenue && hasProfit);
  const row = (g: number, label: string): ProfitRow => {
    const R = hasRevenue ? revenue[g] : Number.NaN;
    const P = hasProfit ? profit[g] : Number.NaN;
    return {
      label,
      accounts: accounts[g],
      share: accounts[k] > 0 ? accounts[g] / accounts[k] : Number.NaN,
      revenue: R,
      cost: hasCost ? cost[g] : Number.NaN,
      profit: P,
      margin: R !== 0 ? P / R : Number.NaN,
      profitShare: hasProfit && profit[k] !== 0 ? P / profit[k] : Number.NaN,
      profitPerAccount: accounts[g] > 0 ? P / accounts[g] : Number.NaN,
    };
  };
  return { rows: labels.map((label, g) => row(g, label)), total: row(k, totalLabel) };
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

/** Accounts by profit, highest first. Null when there are no accounts or total profit is not positive. */
export function whaleCurve(profit: Float64Array, include: Uint8Array): WhaleCurve | null {
  let n = 0;
  for (let i = 0; i < profit.length; i++) if (include[i] && profit[i] === profit[i]) n++;
  const sorted = new Float64Array(n);
  let k = 0;
  let total = 0;
  for (let i = 0; i < profit.length; i++) {
    if (include[i] && profit[i] === profit[i]) {
      sorted[k++] = -profit[i];
      total += profit[i];
    }
  }
  if (n === 0 || !(total > 0)) return null;
  sorted.sort();
  const x = new Float64Array(n + 1);
  const y = new Float64Array(n + 1);
  let cumulative = 0;
  let peak = 0;
  let peakAt = 0;
  for (let j = 1; j <= n; j++) {
    cumulative -= sorted[j - 1];
    x[j] = j / n;
    y[j] = cumulative / total;
    if (y[j] > peak) {
      peak = y[j];
      peakAt = j;
    }
  }
  return { x, y, peak, peakAccounts: peakAt / n, accounts: n };
}
