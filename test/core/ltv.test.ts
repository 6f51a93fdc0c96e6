import { describe, expect, it } from 'vitest';
import { lifetimeValue } from '../../src/core';

describe('lifetime value (SPEC §8)', () => {
  it('is spend per purchase × purchases per year × margin × lifetime years', () => {
    // 100 × 4 × .5 × 5 = 1000.
    expect(lifetimeValue(100, 4, 5, 0.5)).toBe(1000);
    // Half a year: 100 × 1 × 1 × .5 = 50.
    expect(lifetimeValue(100, 1, 0.5, 1)).toBe(50);
  });

  it('takes a margin of 1 when none is given', () => {
    // 100 × 1 × 1 × 3.
    expect(lifetimeValue(100, 1, 3)).toBe(300);
  });

  it('discounts the yearly value with the annuity factor (1 − (1 + d)^−years) / d', () => {
    // d = 10 %, 3 years: 1.1³ = 1.331, (1 − 1/1.331) / .1 = 2.4868519909…; also 1/1.1 + 1/1.21 + 1/1.331.
    expect(lifetimeValue(100, 1, 3, 1, 0.1)).toBeCloseTo(100 / 1.1 + 100 / 1.21 + 100 / 1.331, 9);
    expect(lifetimeValue(100, 1, 3, 1, 0.1)).toBeCloseTo(248.685199098, 8);
    // d = 8 %, 2 years, 50 × 2 × .4 = 40 a year: 40 × (1/1.08 + 1/1.1664) = 40 × 1.7832647462… = 71.3305898491…
    expect(lifetimeValue(50, 2, 2, 0.4, 0.08)).toBeCloseTo(71.3305898491, 9);
  });

  it('discounts a fraction of a year with the same factor', () => {
    // (1 − 1.1^−.5) / .1 = (1 − 1/1.0488088482) / .1 = .4653741075… → × 100.
    expect(lifetimeValue(100, 1, 0.5, 1, 0.1)).toBeCloseTo(46.537410754, 8);
  });

  it('does not discount at a rate of 0', () => {
    expect(lifetimeValue(100, 2, 3, 0.5, 0)).toBe(300);
  });

  it('is always below the undiscounted value for d > 0 and more than one year', () => {
    for (const d of [0.01, 0.05, 0.2, 1]) expect(lifetimeValue(100, 1, 4, 1, d)).toBeLessThan(400);
  });
});
