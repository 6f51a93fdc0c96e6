/** A magnitude from which a double has no digit below the 6th decimal to drop (its spacing is ≥ 2^-20): 2^32. */
const ROUND6_EXACT_FROM = 4294967296;

/**
 * Scores are compared (tiers, ties) after rounding to 6 decimals, SPEC §3; revenue for segments too.
 * From 2^32 on a value is compared as it is: x · 10^6 would no longer be exact, and past 1.8e302 it
 * would overflow and tie every large value.
 */
export function round6(x: number): number {
  return Math.abs(x) >= ROUND6_EXACT_FROM ? x : Math.round(x * 1e6) / 1e6;
}
