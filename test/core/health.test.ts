import { describe, expect, it } from 'vitest';
import { healthBand } from '../../src/core';
import { t } from '../../src/i18n';

/** The English label of a health index's band, '' for none. */
const healthLabel = (h: number) => {
  const band = healthBand(h);
  return band < 0 ? '' : t('en', `health.${band + 1}` as 'health.1');
};
import { accounts, run } from './helpers';

describe('the health index (SPEC §8)', () => {
  it('scores recency (2, lower better), engagement (2), orders, products, feedback and support (1 each, support lower better)', () => {
    // Recency 10, 20 → p 1, 0. Engagement 5, 9 → 0, 1. Orders 3, 1 → 1, 0. Products 1, 2 → 0, 1.
    // Feedback 4, 4 → .5, .5. Support 1, 4 (lower better) → 1, 0. Σw = 8.
    // A: 100·(2·1 + 2·0 + 1 + 0 + .5 + 1) / 8 = 450 / 8 = 56.25.
    // B: 100·(0 + 2·1 + 0 + 1 + .5 + 0) / 8 = 350 / 8 = 43.75.
    const a = run(accounts(['Recency', 'Engagement', 'Orders', 'Products', 'Feedback', 'Support', 'Revenue'], [10, 5, 3, 1, 4, 1, 1], [20, 9, 1, 2, 4, 4, 2]));
    expect(Array.from(a.health!)).toEqual([56.25, 43.75]);
  });

  it('uses the health metrics the table has, and only those', () => {
    // Recency 10, 20 → 1, 0 (w2); support 1, 4 → 1, 0 (w1). Revenue is not a health metric.
    // A: 100·(2 + 1) / 3 = 100; B: 0.
    const a = run(accounts(['Recency', 'Support', 'Revenue'], [10, 1, 1], [20, 4, 2]));
    expect(Array.from(a.health!)).toEqual([100, 0]);
  });

  it('averages over the health metrics a row has', () => {
    // B has no engagement: its health is its recency percentile alone. Recency 10, 20, 30 → 1, .5, 0.
    // Engagement 5, 9 (A, C) → 0, 1. A: 100·(2·1 + 2·0) / 4 = 50; B: 100·(2·.5) / 2 = 50; C: 100·(0 + 2) / 4 = 50.
    const a = run(accounts(['Recency', 'Engagement'], [10, 5], [20, ''], [30, 9]));
    expect(Array.from(a.health!)).toEqual([50, 50, 50]);
  });

  it("keeps its own weights and directions whatever the score's settings", () => {
    // The score leaves engagement out and takes recency as higher-better; health does not.
    // Recency 10, 20 → 1, 0 (lower better, w2); engagement 9, 5 → 1, 0 (w2). A: 100, B: 0.
    const a = run(accounts(['Recency', 'Engagement', 'Revenue'], [10, 9, 1], [20, 5, 2]), { weights: { engagement: 0 }, directions: { recency: 'higher' } });
    expect(Array.from(a.health!)).toEqual([100, 0]);
  });

  it('is absent when the table has none of the health metrics', () => {
    expect(run(accounts(['Revenue', 'Profit'], [1, 1], [2, 2])).health).toBeNull();
  });

  it('labels Healthy from 70, Watch from 40, else At risk', () => {
    expect([100, 70, 69.99, 40, 39.99, 0].map(healthLabel)).toEqual(['Healthy', 'Healthy', 'Watch', 'Watch', 'At risk', 'At risk']);
    expect(healthLabel(Number.NaN)).toBe('');
  });

  it('compares the health rounded to 6 decimals with 70 and 40', () => {
    expect([69.9999996, 69.9999994, 39.9999996, 39.9999994].map(healthLabel)).toEqual(['Healthy', 'Watch', 'Watch', 'At risk']);
  });

  it("labels a table's health exactly at the boundaries", () => {
    // Recency 30, 10, 20 → p 0, 1, .5 (w2); engagement 9, 5, 1 → 1, .5, 0 (w2); orders 1, 2, 3 → 0, .5, 1 (w1). Σw = 5.
    // A: 100·(0 + 2 + 0) / 5 = 40; B: 100·(2 + 1 + .5) / 5 = 70; C: 100·(1 + 0 + 1) / 5 = 40.
    const a = run(accounts(['Recency', 'Engagement', 'Orders'], [30, 9, 1], [10, 5, 2], [20, 1, 3]));
    expect(Array.from(a.health!)).toEqual([40, 70, 40]);
    expect(Array.from(a.health!, healthLabel)).toEqual(['Watch', 'Healthy', 'Watch']);
  });
});
