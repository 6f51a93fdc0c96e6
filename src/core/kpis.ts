import { discountedYears } from './ltv';
import { exponentOf, maxAbs, product, scaledSum } from './sum';
import type { Settings } from './settings';
import { column, type ParsedTable } from './table';

/** The usual ABM KPIs, SPEC §8; null where the table lacks the columns a KPI needs. */
export interface Kpis {
  accounts: number;
  /** Last purchase within `activeDays` of the as-of date. */
  activeAccounts: number | null;
  /** First purchase (tenure) within `activeDays` of the as-of date. */
  newAccounts: number | null;
  /** Σ revenue ÷ Σ leads, when a leads column exists. */
  revenuePerLead: number | null;
  /** Σ revenue ÷ Σ orders. */
  spendPerPurchase: number | null;
  /** Mean tenure in years. */
  averageLifetime: number | null;
  /** Mean per-account LTV: spend per purchase × purchases per year × margin × tenure (discounted by the setting). */
  averageLtv: number | null;
}

/** The KPIs in the order every surface lists them (their names: `kpi.<key>` in the catalogues). */
export const KPI_KEYS: readonly (keyof Kpis)[] = [
  'accounts',
  'activeAccounts',
  'newAccounts',
  'revenuePerLead',
  'spendPerPurchase',
  'averageLifetime',
  'averageLtv',
];

/** The columns the KPIs read, by role: null where the table has none. */
export interface KpiColumns {
  revenue: Float64Array | null;
  profit: Float64Array | null;
  orders: Float64Array | null;
  recency: Float64Array | null;
  tenure: Float64Array | null;
  leads: Float64Array | null;
}

/** The settings the KPIs read. */
export type KpiSettings = Pick<Settings, 'activeDays' | 'discountRate'>;

export function kpiColumns(table: ParsedTable): KpiColumns {
  return {
    revenue: column(table, 'revenue'),
    profit: column(table, 'profit'),
    orders: column(table, 'orders'),
    recency: column(table, 'recency'),
    tenure: column(table, 'tenure'),
    leads: column(table, 'leads'),
  };
}

export function kpis(table: ParsedTable, include: Uint8Array, settings: KpiSettings): Kpis {
  return kpisOf(kpiColumns(table), include, settings);
}

/** The KPIs of the rows in `include` (the command line's worker computes them from the columns alone). */
export function kpisOf(columns: KpiColumns, include: Uint8Array, settings: KpiSettings): Kpis {
  const { revenue, profit, orders, recency, tenure, leads } = columns;
  const n = include.length;
  let accounts = 0;
  let active = 0;
  let fresh = 0;
  const withLeads = new Uint8Array(n);
  const withOrders = new Uint8Array(n);
  const withTenure = new Uint8Array(n);
  const yearly = new Float64Array(n).fill(Number.NaN);
  // The largest discounted tenure: the years themselves are computed again below, not kept (8 MB at a million rows).
  let maxYears = 0;
  for (let i = 0; i < n; i++) {
    if (!include[i]) continue;
    accounts++;
    const r = revenue ? revenue[i] : Number.NaN;
    if (recency && recency[i] <= settings.activeDays) active++;
    // Tenure is days ÷ 365.25: compare in days, with room for the division's rounding.
    if (tenure && tenure[i] * 365.25 <= settings.activeDays + 1e-9) fresh++;
    if (leads && r === r && leads[i] === leads[i]) withLeads[i] = 1;
    if (r === r && orders && orders[i] === orders[i]) withOrders[i] = 1;
    if (tenure && tenure[i] === tenure[i]) {
      withTenure[i] = 1;
      // (revenue ÷ orders) × orders × (profit ÷ revenue) is the profit (the revenue without one): no division to overflow.
      const p = profit ? profit[i] : Number.NaN;
      if (r === r) yearly[i] = p === p && r !== 0 ? p : r;
      const y = Math.abs(discountedYears(tenure[i], settings.discountRate));
      if (y > maxYears) maxYears = y;
    }
  }
  // Each LTV = yearly × years, both scaled near 1 (one power of two each), so that none overflows where their mean would not.
  const kY = exponentOf(maxAbs(yearly));
  const kT = exponentOf(maxYears);
  const sY = 2 ** -kY;
  const sT = 2 ** -kT;
  // Into `yearly`'s own array, which nothing reads after this (a new one was 8 MB of page faults at a million rows);
  // only the rows with a tenure are summed.
  const ltv = yearly;
  if (tenure) ltvInto(ltv, tenure, withTenure, sY, sT, settings.discountRate);
  return {
    accounts,
    activeAccounts: recency ? active : null,
    newAccounts: tenure ? fresh : null,
    revenuePerLead: leads && revenue ? per(revenue, leads, withLeads) : null,
    spendPerPurchase: orders && revenue ? per(revenue, orders, withOrders) : null,
    averageLifetime: tenure ? per(tenure, null, withTenure) : null,
    averageLtv: tenure ? per(ltv, null, withTenure, kY + kT) : null,
  };
}

/** Each row's yearly value × its discounted years, both scaled (sY, sT), in place, where it has a tenure: a loop of its own, compiled once. */
function ltvInto(yearly: Float64Array, tenure: Float64Array, withTenure: Uint8Array, sY: number, sT: number, discountRate: number): void {
  for (let i = 0; i < yearly.length; i++) if (withTenure[i]) yearly[i] = yearly[i] * sY * (discountedYears(tenure[i], discountRate) * sT);
}

/**
 * Σ a ÷ Σ b over the rows of the mask (÷ the count of a's values without b) × 2^shift, from sums scaled
 * and compensated, so it overflows only when its true value is beyond ±1.8e308; null unless the divisor is above 0.
 */
function per(a: Float64Array, b: Float64Array | null, mask: Uint8Array, shift = 0): number | null {
  const top = scaledSum(a, mask);
  const bottom = b ? scaledSum(b, mask) : { sum: top.count, k: 0 };
  return bottom.sum > 0 ? product([top.sum / bottom.sum], top.k - bottom.k + shift) : null;
}
