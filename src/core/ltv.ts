import { product } from './sum';

/** The years of an LTV: the lifetime itself, or with a yearly discount rate d > 0 the annuity factor (1 − (1 + d)^−years) / d. */
export function discountedYears(years: number, discountRate = 0): number {
  return discountRate > 0 ? (1 - (1 + discountRate) ** -years) / discountRate : years;
}

/**
 * Lifetime value, SPEC §8: spend per purchase × purchases per year × margin × lifetime years (discounted).
 * The factors are multiplied without overflow or underflow on the way (1e300 × 1e10 × 1e-300 is 1e10).
 */
export function lifetimeValue(spendPerPurchase: number, purchasesPerYear: number, years: number, margin = 1, discountRate = 0): number {
  return product([spendPerPurchase, purchasesPerYear, margin, discountedYears(years, discountRate)]);
}
