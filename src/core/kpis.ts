import { lifetimeValue } from './ltv';
import type { MetricRole } from './roles';
import type { Settings } from './settings';
import type { ParsedTable } from './table';

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

export const KPI_LABELS: Record<keyof Kpis, string> = {
  accounts: 'Accounts',
  activeAccounts: 'Active accounts',
  newAccounts: 'New accounts',
  revenuePerLead: 'Average revenue per lead',
  spendPerPurchase: 'Spend per purchase',
  averageLifetime: 'Average lifetime (years)',
  averageLtv: 'Average lifetime value',
};

export function kpis(table: ParsedTable, include: Uint8Array, settings: Settings): Kpis {
  const col = (role: MetricRole) => {
    const m = table.mapping.metrics.findIndex((c) => c.role === role);
    return m < 0 ? null : table.values[m];
  };
  const revenue = col('revenue');
  const profit = col('profit');
  const orders = col('orders');
  const recency = col('recency');
  const tenure = col('tenure');
  const leads = col('leads');
  let accounts = 0;
  let active = 0;
  let fresh = 0;
  let revLeads = 0;
  let sumLeads = 0;
  let revOrders = 0;
  let sumOrders = 0;
  let sumTenure = 0;
  let nTenure = 0;
  let sumLtv = 0;
  let nLtv = 0;
  for (let i = 0; i < include.length; i++) {
    if (!include[i]) continue;
    accounts++;
    const r = revenue ? revenue[i] : Number.NaN;
    if (recency && recency[i] <= settings.activeDays) active++;
    // Tenure is days ÷ 365.25: compare in days, with room for the division's rounding.
    if (tenure && tenure[i] * 365.25 <= settings.activeDays + 1e-9) fresh++;
    if (leads && r === r && leads[i] === leads[i]) {
      revLeads += r;
      sumLeads += leads[i];
    }
    const o = orders ? orders[i] : Number.NaN;
    if (r === r && o === o) {
      revOrders += r;
      sumOrders += o;
    }
    const t = tenure ? tenure[i] : Number.NaN;
    if (t === t) {
      sumTenure += t;
      nTenure++;
      if (r === r) {
        const p = profit ? profit[i] : Number.NaN;
        const margin = p === p && r !== 0 ? p / r : 1;
        const ltv = o > 0 ? lifetimeValue(r / o, o, t, margin, settings.discountRate) : lifetimeValue(r, 1, t, margin, settings.discountRate);
        sumLtv += ltv;
        nLtv++;
      }
    }
  }
  return {
    accounts,
    activeAccounts: recency ? active : null,
    newAccounts: tenure ? fresh : null,
    revenuePerLead: leads && sumLeads > 0 ? revLeads / sumLeads : null,
    spendPerPurchase: sumOrders > 0 ? revOrders / sumOrders : null,
    averageLifetime: nTenure > 0 ? sumTenure / nTenure : null,
    averageLtv: nLtv > 0 ? sumLtv / nLtv : null,
  };
}
