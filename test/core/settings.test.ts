import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core';

describe('settings, one schema for every surface', () => {
  it('fills the defaults of the SPEC', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ method: 'quantile', cutoffs: [20, 30, 50], thresholds: [70, 40], labels: ['Tier 1', 'Tier 2', 'Tier 3'], unprofitableCap: true, ratios: { strategic: 3, lite: 10, programmatic: 500 }, segmentCutoffs: [20, 40, 40] });
  });

  it.each([
    [{ cutoffs: [20, 30, 40] }, 'Settings "cutoffs": the three cut-offs must add up to 100.'],
    [{ thresholds: [30, 40] }, 'Settings "thresholds": the Tier 1 threshold must be at least the Tier 2 threshold.'],
    [{ method: 'magic' }, 'Settings "method": must be one of "quantile", "threshold", "pareto", "capacity".'],
    [{ weights: { profit: -1 } }, 'Settings "weights.profit": must be a number from 0 to 1000.'],
    [{ asOf: '2026-02-30' }, 'Settings "asOf": is not a real date.'],
    [{ labels: ['A', '', 'C'] }, 'Settings "labels.1": must not be empty.'],
    [{ capacity: { strategicMarketers: 1.5 } }, 'Settings "capacity.strategicMarketers": must be a whole number.'],
    [{ colour: 'red' }, 'Settings: unknown setting "colour".'],
  ])('refuses %j naming the field', (input, message) => {
    expect(() => parseSettings(input)).toThrow(message);
  });
});
