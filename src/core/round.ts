/** Scores are compared (tiers, ties) after rounding to 6 decimals, SPEC §3. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
