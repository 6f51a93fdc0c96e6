import { describe, expect, it } from 'vitest';
import { healthLabel, lifetimeValue } from '../../src/core';
import { run } from './helpers';

describe('health, lifetime value and KPIs (SPEC §8)', () => {
  it('scores health over recency (2, lower better), engagement (2), orders, products, feedback, support (lower better)', () => {
    // recency 10, 20 → lower better: p 1, 0. engagement 5, 9 → 0, 1. support 1, 4 → p 1, 0 (lower better).
    // A: (2·1 + 2·0 + 1·1) / 5 = 60; B: (0 + 2 + 0) / 5 = 40.
    const a = run([['Account', 'Recency', 'Engagement', 'Support', 'Revenue'], ['A', 10, 5, 1, 1], ['B', 20, 9, 4, 2]]);
    expect(Array.from(a.health!)).toEqual([60, 40]);
  });

  it('labels Healthy from 70, Watch from 40, else At risk', () => {
    expect([70, 69.9999999, 40, 39.99, NaN].map(healthLabel)).toEqual(['Healthy', 'Healthy', 'Watch', 'At risk', '']);
  });

  it('computes LTV = spend × purchases per year × margin × years, or with the annuity factor when discounted', () => {
    expect(lifetimeValue(100, 4, 5, 0.5)).toBe(1000);
    // 10 % over 3 years: (1 − 1.1^−3) / 0.1 = 2.486851991…
    expect(lifetimeValue(100, 1, 3, 1, 0.1)).toBeCloseTo(248.6851991, 6);
    expect(lifetimeValue(100, 1, 3)).toBe(300);
  });

  it('counts active and new accounts, spend per purchase, revenue per lead, lifetime and LTV', () => {
    const a = run([
      ['Account', 'Revenue', 'Profit', 'Orders', 'Recency', 'Tenure', 'Leads'],
      ['A', 1000, 200, 10, 30, 0.5, 4],
      ['B', 3000, 300, 20, 400, 4, 6],
    ]);
    expect(a.kpis).toEqual({
      accounts: 2,
      activeAccounts: 1, // recency 30 ≤ 365
      newAccounts: 1, // tenure 0.5 years ≤ 365 days
      revenuePerLead: 4000 / 10,
      spendPerPurchase: 4000 / 30,
      averageLifetime: 2.25,
      // A: 100 × 10 × 0.2 × 0.5 = 100; B: 150 × 20 × 0.1 × 4 = 1200.
      averageLtv: 650,
    });
  });

  it('leaves a KPI empty when its columns are missing', () => {
    expect(run([['Account', 'Engagement'], ['A', 1]]).kpis).toMatchObject({ activeAccounts: null, newAccounts: null, revenuePerLead: null, spendPerPurchase: null, averageLtv: null });
  });
});

describe('programs and capacity (SPEC §5)', () => {
  it('needs ceil(T1 / 3) strategic, ceil(T2 / 10) ABM Lite and ceil(T3 / 500) programmatic marketers', () => {
    const rows = [['Account', 'Revenue'], ...Array.from({ length: 50 }, (_, i) => [`A${i}`, i])];
    const a = run(rows);
    expect(a.capacity.accounts).toEqual([10, 15, 25]);
    expect(a.capacity.marketers).toEqual([4, 2, 1]);
    expect(a.capacity.programs).toEqual(['Strategic ABM (1:1)', 'ABM Lite (1:few)', 'Programmatic ABM (1:many)']);
  });
});
