import { describe, expect, it } from 'vitest';
import { accounts, run } from './helpers';

describe('KPIs (SPEC §8)', () => {
  it('counts active and new accounts, revenue per lead, spend per purchase, lifetime and LTV', () => {
    const a = run(accounts(['Revenue', 'Profit', 'Orders', 'Recency', 'Tenure', 'Leads'], [1000, 200, 10, 30, 0.5, 4], [3000, 300, 20, 400, 4, 6]));
    expect(a.kpis).toEqual({
      accounts: 2,
      activeAccounts: 1, // recency 30 ≤ 365; 400 is not
      newAccounts: 1, // tenure .5 years (182.6 days) ≤ 365; 4 years is not
      revenuePerLead: 4000 / 10,
      spendPerPurchase: 4000 / 30,
      averageLifetime: (0.5 + 4) / 2,
      // A: 1000/10 × 10 × 200/1000 × .5 = 100; B: 3000/20 × 20 × 300/3000 × 4 = 1200. Mean 650.
      averageLtv: 650,
    });
  });

  it('counts an account active when its last purchase is at most 365 days before the as-of date', () => {
    // 2025-06-30 is 365 days before 2026-06-30; 2025-06-29 is 366.
    const a = run(accounts(['Recency'], [365], [366], ['2025-06-30'], ['2025-06-29'], ['']));
    expect(a.kpis.activeAccounts).toBe(2);
  });

  it('takes the active window from the settings', () => {
    const a = run(accounts(['Recency'], [30], [31], [0]), { activeDays: 30 });
    expect(a.kpis.activeAccounts).toBe(2);
  });

  it('counts an account new when its first purchase is within the window', () => {
    // First purchase 365 days before the as-of date → new; 366 days → not.
    const a = run(accounts(['Tenure'], ['2025-06-30'], ['2025-06-29']));
    expect(a.kpis.newAccounts).toBe(1);
  });

  it('counts an account new when its first purchase is exactly as many days back as the window, whatever the window', () => {
    // Window 13 days; 2026-06-17 is 13 days before 2026-06-30, 2026-06-16 is 14.
    const a = run(accounts(['Tenure'], ['2026-06-17'], ['2026-06-16']), { activeDays: 13 });
    expect(a.kpis.newAccounts).toBe(1);
  });

  it("divides the revenue by the leads over the accounts that have both (code's choice: Σ revenue ÷ Σ leads)", () => {
    // (100 + 300) / (1 + 2) = 133.33…, not the mean of 100/1 and 300/2 (125). C has no leads and is left out.
    const a = run(accounts(['Revenue', 'Leads'], [100, 1], [300, 2], [1000, '']));
    expect(a.kpis.revenuePerLead).toBe(400 / 3);
  });

  it('divides revenue by orders for the spend per purchase', () => {
    // (100 + 300) / (4 + 1) = 80.
    expect(run(accounts(['Revenue', 'Orders'], [100, 4], [300, 1])).kpis.spendPerPurchase).toBe(80);
  });

  it('takes a margin of 1 for the LTV when there is no profit', () => {
    // 500/5 × 5 × 1 × 2 = 1000.
    expect(run(accounts(['Revenue', 'Orders', 'Tenure'], [500, 5, 2])).kpis.averageLtv).toBe(1000);
  });

  it('discounts the LTV with the discount rate setting', () => {
    // 100/1 × 1 × 1 × (1 − 1.1^−3) / .1 = 100 / 1.1 + 100 / 1.21 + 100 / 1.331.
    const a = run(accounts(['Revenue', 'Orders', 'Tenure'], [100, 1, 3]), { discountRate: 0.1 });
    expect(a.kpis.averageLtv).toBeCloseTo(100 / 1.1 + 100 / 1.21 + 100 / 1.331, 9);
  });

  it('counts only the valid, non-blank rows', () => {
    const a = run([
      ['Account', 'Revenue', 'Orders'],
      ['A', 100, 4],
      ['', '', ''],
      ['B', 'lots', 1],
      ['C', 300, 1],
    ]);
    expect(a.kpis.accounts).toBe(2);
    expect(a.kpis.spendPerPurchase).toBe(80);
  });

  it('leaves a KPI empty when its columns are missing', () => {
    expect(run(accounts(['Engagement'], [1])).kpis).toEqual({
      accounts: 1,
      activeAccounts: null,
      newAccounts: null,
      revenuePerLead: null,
      spendPerPurchase: null,
      averageLifetime: null,
      averageLtv: null,
    });
  });
});
