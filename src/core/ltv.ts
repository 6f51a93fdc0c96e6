/**
 * Lifetime value, SPEC §8: spend per purchase × purchases per year × margin × lifetime years; with a
 * yearly discount rate d > 0 the years become the annuity factor (1 − (1 + d)^−years) / d.
 */
export function lifetimeValue(spendPerPurchase: number, purchasesPerYear: number, years: number, margin = 1, discountRate = 0): number {
  const yearly = spendPerPurchase * purchasesPerYear * margin;
  const factor = discountRate > 0 ? (1 - (1 + discountRate) ** -years) / discountRate : years;
  return yearly * factor;
}
