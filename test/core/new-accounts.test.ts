import { describe, expect, it } from 'vitest';
import { accounts, run } from './helpers';

/** SPEC §8: new accounts have their first purchase within the active window (365 days by default); tenure is in years of 365.25 days. */
describe('new accounts', () => {
  it('does not count a tenure of exactly one year (365.25 days) as new in the 365-day window', () => {
    expect(run(accounts(['Tenure'], [1])).kpis.newAccounts).toBe(0);
  });

  it('counts a tenure of 365 days written in years (365/365.25) as new, and one a day longer not', () => {
    expect(run(accounts(['Tenure'], [365 / 365.25], [366 / 365.25])).kpis.newAccounts).toBe(1);
  });

  it('counts a first purchase one calendar year before the as-of date (365 days) as new, and a tenure of 1.5 years not', () => {
    // As of 2026-06-30: 2025-06-30 is 365 days back.
    expect(run(accounts(['Tenure'], ['2025-06-30'], [1], [1.5], [0.5])).kpis.newAccounts).toBe(2);
  });
});
