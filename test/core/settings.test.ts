import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, SettingsError } from '../../src/core';
import { refusal } from './helpers';

describe('settings, one schema for every surface', () => {
  it('fills the defaults of the SPEC', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      method: 'quantile',
      cutoffs: [20, 30, 50], // §4
      thresholds: [70, 40], // §4
      labels: ['Tier 1', 'Tier 2', 'Tier 3'], // §4
      capacity: { strategicAccounts: 3, liteAccounts: 10 }, // §4
      unprofitableCap: true, // §4
      ratios: { strategic: 3, lite: 10, programmatic: 500 }, // §5
      programLabels: ['Strategic ABM (1:1)', 'ABM Lite (1:few)', 'Programmatic ABM (1:many)'], // §5
      segmentCutoffs: [20, 40, 40], // §6
      segmentLabels: ['Money Maker', 'Contributor', 'Filler'], // §6
      activeDays: 365, // §8
      discountRate: 0, // §8
    });
    expect(DEFAULT_SETTINGS.asOf).toBeUndefined(); // today
  });

  it('reads no settings as the defaults', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps what the user set and fills the rest', () => {
    const s = parseSettings({ method: 'threshold', thresholds: [80, 50], labels: ['High', 'Medium', 'Low'], capacity: { strategicMarketers: 2 } });
    expect(s).toMatchObject({ method: 'threshold', thresholds: [80, 50], labels: ['High', 'Medium', 'Low'], cutoffs: [20, 30, 50] });
    expect(s.capacity).toEqual({ strategicMarketers: 2, strategicAccounts: 3, liteMarketers: 1, liteAccounts: 10 });
  });

  it.each([
    [{ cutoffs: [20, 30, 40] }, 'Settings "cutoffs": the three cut-offs must add up to 100.'],
    [{ cutoffs: [120, -10, -10] }, 'Settings "cutoffs.0": must be between 0 and 100.'],
    [{ segmentCutoffs: [20, 40, 30] }, 'Settings "segmentCutoffs": the three cut-offs must add up to 100.'],
    [{ thresholds: [30, 40] }, 'Settings "thresholds": the Tier 1 threshold must be at least the Tier 2 threshold.'],
    [{ thresholds: [70, -1] }, 'Settings "thresholds.1": must be between 0 and 100.'],
    [{ method: 'magic' }, 'Settings "method": must be one of "quantile", "threshold", "pareto", "capacity".'],
    [{ weights: { profit: -1 } }, 'Settings "weights.profit": must be between 0 and 1000.'],
    [{ weights: { profit: 'high' } }, 'Settings "weights.profit": must be a number.'],
    [{ directions: { recency: 'down' } }, 'Settings "directions.recency": must be one of "higher", "lower".'],
    [{ asOf: '2026-02-30' }, 'Settings "asOf": is not a real date.'],
    [{ asOf: '30/06/2026' }, 'Settings "asOf": must be a date written YYYY-MM-DD.'],
    [{ labels: ['A', '', 'C'] }, 'Settings "labels.1": must not be empty.'],
    [{ capacity: { strategicMarketers: 1.5 } }, 'Settings "capacity.strategicMarketers": must be a whole number.'],
    [{ ratios: { strategic: 0 } }, 'Settings "ratios.strategic": must be a whole number from 1 to 100000.'],
    [{ unprofitableCap: 'yes' }, 'Settings "unprofitableCap": must be true or false.'],
    [{ discountRate: 2 }, 'Settings "discountRate": must be between 0 and 1.'],
    [{ activeDays: 0 }, 'Settings "activeDays": must be a whole number from 1 to 36500.'],
    [{ colour: 'red' }, 'Settings: unknown setting "colour".'],
  ])('refuses %j with a message naming the field', (input, message) => {
    expect(() => parseSettings(input)).toThrow(SettingsError);
    // The first bad field's sentence; others may follow it after `; `.
    expect(refusal(() => parseSettings(input))).toMatch(new RegExp(`^${message.slice(0, -1).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}[.;]`, 'u'));
  });

  it.each([
    [{ roles: { Revenue: 'money' } }, 'roles.Revenue'],
    [{ cutoffs: [50, 50] }, 'cutoffs'],
    [{ labels: 'High' }, 'labels'],
  ])('names the field of %j', (input, field) => {
    expect(refusal(() => parseSettings(input))).toMatch(new RegExp(`^Settings "${field.replace('.', '\\.')}[".]`, 'u'));
  });

  it('names every bad field in one message', () => {
    expect(refusal(() => parseSettings({ method: 'magic', cutoffs: [1, 2, 3] }))).toMatch(/^Settings "method": .*; Settings "cutoffs": .*\.$/u);
  });
});
