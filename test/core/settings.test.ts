import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, parseGiven, parseSettings, SettingsError, settingsSchema } from '../../src/core';
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

  it('the schema, given nothing, gives exactly DEFAULT_SETTINGS (written out so that loading builds no schema)', () => {
    const schema = settingsSchema().parse({});
    expect(schema).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(schema)).toEqual(Object.keys(DEFAULT_SETTINGS));
    // Each run gets its own copy: changing one changes neither the defaults nor the next.
    const a = parseSettings({});
    a.cutoffs[0] = 99;
    expect(parseSettings(undefined).cutoffs).toEqual([20, 30, 50]);
    expect(DEFAULT_SETTINGS.cutoffs).toEqual([20, 30, 50]);
  });

  it.each([
    [{ cutoffs: [20, 30, 40] }, 'Tier 1 %, Tier 2 % and Tier 3 % add up to 90, not 100.'],
    [{ cutoffs: [60, 50, -10] }, 'Tier 1 % and Tier 2 % add up to 110, more than 100: lower one of them.'],
    [{ cutoffs: [120, -10, -10] }, 'Tier 1 %: 120 is not a number from 0 to 100; Tier 2 %: -10 is not a number from 0 to 100.'],
    [{ segmentCutoffs: [20, 40, 30] }, 'Money Maker %, Contributor % and Filler % add up to 90, not 100.'],
    [{ method: 'threshold', thresholds: [30, 40] }, 'Tier 2 minimum score (40) is above Tier 1 minimum score (30): the higher tier needs the higher score.'],
    [{ method: 'threshold', thresholds: [70, -1] }, 'Tier 2 minimum score: -1 is not a number from 0 to 100.'],
    [{ method: 'magic' }, 'Method: "magic" is not one of "quantile", "threshold", "pareto", "capacity", "grid".'],
    [{ weights: { profit: -1 } }, 'Weight of profit: -1 is not a number from 0 to 1000.'],
    [{ weights: { profit: 'high' } }, 'Weight of profit: "high" is not a number.'],
    [{ directions: { recency: 'down' } }, 'Direction of recency: "down" is not one of "higher", "lower".'],
    [{ asOf: '2026-02-30' }, 'As of: "2026-02-30" is not a day of the calendar.'],
    [{ asOf: '30/06/2026' }, 'As of: "30/06/2026" is not a date written YYYY-MM-DD, e.g. 2026-06-30.'],
    [{ labels: ['A', '', 'C'] }, 'Label of Tier 2: it is empty: give it a name.'],
    [{ method: 'capacity', capacity: { strategicMarketers: 1.5 } }, 'Strategic marketers: 1.5 is not a whole number from 0 to 10000.'],
    [{ ratios: { strategic: 0 } }, 'Accounts per marketer in Strategic ABM (1:1): 0 is not a whole number from 1 to 100000.'],
    [{ unprofitableCap: 'yes' }, 'Unprofitable accounts go to the last tier: "yes" is neither true (on) nor false (off).'],
    [{ discountRate: 2 }, 'Discount rate: 2 is not a number from 0 to 1.'],
    [{ activeDays: 0 }, 'Active within (days): 0 is not a whole number from 1 to 36500.'],
    [{ colour: 'red' }, '"colour" is not a setting; the settings are roles, weights,'],
  ])('refuses %j in the words of the sidebar, with the value and what is accepted', (input, message) => {
    expect(() => parseSettings(input)).toThrow(SettingsError);
    expect(refusal(() => parseSettings(input)).startsWith(message)).toBe(true);
  });

  it.each([
    [{ roles: { Revenue: 'money' } }, 'Role of Revenue: "money" is not one of "account", "revenue"'],
    [{ cutoffs: [50, 50] }, 'Tier %: [50,50] is not a list like 20, 30, 50.'],
    [{ labels: 'High' }, 'Tier labels: "High" is not a list like Tier 1, Tier 2, Tier 3.'],
  ])('names the field of %j', (input, message) => {
    expect(refusal(() => parseSettings(input)).startsWith(message)).toBe(true);
  });

  it('names every bad field in one message, in the order of the form', () => {
    expect(refusal(() => parseSettings({ labels: ['A', '', 'C'], cutoffs: [1, 2, 3] }))).toBe(
      'Label of Tier 2: it is empty: give it a name; Tier 1 %, Tier 2 % and Tier 3 % add up to 6, not 100.',
    );
  });
});

describe('parseGiven: the settings parsed by the schemas of the fields given only', () => {
  /** A value with undefined and key order kept, for comparing two parses exactly. */
  const exact = (v: unknown) => JSON.stringify(v, (_k, x) => (x === undefined ? '(undefined)' : x));
  /** The same result to the issue and the key order as the whole schema's. */
  const same = (input: unknown) => {
    const whole = settingsSchema().safeParse(input);
    const given = parseGiven(input);
    expect(given.success).toBe(whole.success);
    if (whole.success && given.success) expect(exact(given.data)).toBe(exact(whole.data));
    else expect(exact(given.error?.issues)).toBe(exact(whole.error?.issues));
  };
  // For each field: good values, values of the wrong type or range, and anything at all.
  const good: Record<string, unknown[]> = {
    roles: [{ Spend: 'revenue', X: 'ignore' }, {}],
    weights: [{ health: 0, revenue: 2 }, { __proto__: 1 }],
    directions: [{ recency: 'lower' }],
    method: ['threshold', 'grid'],
    cutoffs: [[10, 30, 60]],
    thresholds: [[80, 20]],
    capacity: [{ strategicMarketers: 2 }, {}],
    labels: [[' High ', 'Mid', 'Low']],
    unprofitableCap: [false],
    asOf: ['2026-01-01', undefined],
    ratios: [{ lite: 12 }],
    segmentCutoffs: [[30, 30, 40]],
    segmentLabels: [['A', 'B', 'C']],
    programLabels: [['1:1', '1:few', '1:many']],
    activeDays: [90],
    colours: [['#000000', '#ffffff', '#123abc']],
    rfmSegments: [[{ name: 'Champions', r: [4, 5], f: [4, 5], m: [4, 5] }]],
    lang: ['th', 'auto'],
    discountRate: [0.1],
    axes: [{ Engagement: 'fit' }],
    gridCutoffs: [[25, 25, 50]],
    gridPrograms: [['lite', 'lite', 'lite', 'lite', 'lite', 'lite', 'lite', 'lite', 'programmatic']],
  };
  const bad = [-1, 1.5, 1e9, '', '2026-02-30', 'x', null, [], [1, 2], {}, { a: 'b' }, true, Number.NaN];

  it('knows every field of the schema, in its order', () => {
    expect(Object.keys(good)).toEqual(Object.keys(settingsSchema().def.shape));
  });

  it('gives what the whole schema gives, for any mix of good, bad and unknown fields', () => {
    const field = (key: string) => fc.oneof(fc.constantFrom(...good[key]), fc.constantFrom(...bad), fc.anything());
    const fields = Object.fromEntries(Object.keys(good).map((key) => [key, field(key)]));
    const settings = fc.tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(fc.string(), fc.anything(), { maxKeys: 2 }));
    fc.assert(
      fc.property(settings, ([known, unknown]) => {
        same(known);
        same({ ...unknown, ...known });
      }),
      { numRuns: 400 },
    );
  });

  it('gives what the whole schema gives for what is not a settings object', () => {
    for (const input of [undefined, null, 3, 'text', [], [1], true]) same(input);
  });
});
