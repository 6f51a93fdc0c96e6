import type { Settings } from './settings';

/** ABM programs and the marketers they need, SPEC §5. Program i serves tier i. */

export interface Capacity {
  /** Accounts per tier, Tier 1 first. */
  accounts: [number, number, number];
  /** Marketers each program needs: ceil(accounts / accounts per marketer). */
  marketers: [number, number, number];
  programs: [string, string, string];
}

export function capacity(tiers: Int8Array, settings: Settings): Capacity {
  const accounts: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < tiers.length; i++) if (tiers[i] >= 0) accounts[tiers[i]]++;
  const r = settings.ratios;
  return {
    accounts,
    marketers: [Math.ceil(accounts[0] / r.strategic), Math.ceil(accounts[1] / r.lite), Math.ceil(accounts[2] / r.programmatic)],
    programs: [...settings.programLabels],
  };
}
