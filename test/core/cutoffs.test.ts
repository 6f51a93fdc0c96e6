import { describe, expect, it } from 'vitest';
import { parseSettings, SettingsError } from '../../src/core';

/** SPEC §4 and §6: the three cut-offs are percent of accounts, and add up to 100 exactly. */
describe('cut-offs add up to 100', () => {
  it.each([[[20, 30, 49.5]], [[20, 30, 50.5]], [[33, 33, 33]], [[20, 30, 49.999]]])('refuses tier cut-offs %j, naming the setting', (cutoffs) => {
    expect(() => parseSettings({ cutoffs })).toThrow(SettingsError);
    expect(() => parseSettings({ cutoffs })).toThrow(/"cutoffs"/u);
  });

  it('refuses segment cut-offs adding to 99.5, naming the setting', () => {
    expect(() => parseSettings({ segmentCutoffs: [20, 40, 39.5] })).toThrow(/"segmentCutoffs"/u);
  });

  it('accepts cut-offs that add up to 100, with decimals', () => {
    expect(parseSettings({ cutoffs: [33.3, 33.3, 33.4] }).cutoffs).toEqual([33.3, 33.3, 33.4]);
    expect(parseSettings({ cutoffs: [0.1, 0.2, 99.7], segmentCutoffs: [12.5, 37.5, 50] }).segmentCutoffs).toEqual([12.5, 37.5, 50]);
  });
});
