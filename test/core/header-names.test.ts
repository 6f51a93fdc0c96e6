import { describe, expect, it } from 'vitest';
import { analyse, mapColumns, parseSettings, readRows, SettingsError } from '../../src/core';
import { refusal } from './helpers';

const ASOF = Date.parse('2026-06-30T00:00:00Z');
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** Settings as they come back from JSON (saved in the document, sent by the sidebar, read by the CLI). */
const saved = (json: string) => parseSettings(JSON.parse(json));

describe('a header named like a property of every object (__proto__, constructor, toString, hasOwnProperty)', () => {
  const settings = saved(`{
    "roles": { "__proto__": "custom", "constructor": "custom", "toString": "custom", "hasOwnProperty": "custom" },
    "weights": { "__proto__": 4, "constructor": 0, "toString": 2, "hasOwnProperty": 1 },
    "directions": { "__proto__": "lower", "hasOwnProperty": "lower" }
  }`);

  it('keeps each of them in the settings, __proto__ included, as an own key', () => {
    expect(Object.keys(settings.roles)).toEqual(NAMES);
    expect(Object.keys(settings.weights)).toEqual(NAMES);
    expect(Object.keys(settings.directions)).toEqual(['__proto__', 'hasOwnProperty']);
    expect(Object.getPrototypeOf(settings.weights)).toBe(Object.prototype);
    // Saved again and read back, nothing is lost.
    expect(saved(JSON.stringify(settings)).weights).toEqual(settings.weights);
    expect(JSON.parse(JSON.stringify(settings)).weights).toEqual({ ...JSON.parse('{"__proto__":4}'), constructor: 0, toString: 2, hasOwnProperty: 1 });
  });

  it('maps, weighs and directs each like any other header', () => {
    const mapping = mapColumns(['Account', ...NAMES, 'Revenue'], 6, settings);
    expect(mapping.metrics.map((m) => [m.header, m.role, m.weight, m.direction])).toEqual([
      ['__proto__', 'custom', 4, 'lower'],
      ['constructor', 'custom', 0, 'higher'],
      ['toString', 'custom', 2, 'higher'],
      ['hasOwnProperty', 'custom', 1, 'lower'],
      ['Revenue', 'revenue', 2, 'higher'],
    ]);
    expect(mapping.unmapped).toEqual([]);
  });

  it('scores them: 100 × Σ w·p / Σ w over __proto__ (w4, lower better), toString (w2), hasOwnProperty (w1, lower) and revenue (w2)', () => {
    const mapping = mapColumns(['Account', ...NAMES, 'Revenue'], 6, settings);
    const table = readRows(
      [
        ['A', 1, 9, 1, 5, 20],
        ['B', 2, 9, 2, 5, 10],
      ],
      mapping,
      ASOF,
      2,
    );
    const a = analyse(table, settings);
    // A: __proto__ lower (p 1, w4), toString p 0, hasOwnProperty tied (p .5, w1), revenue p 1 (w2) → 100 × 6.5 / 9.
    // B: __proto__ p 0, toString p 1 (w2), hasOwnProperty .5, revenue p 0 → 100 × 2.5 / 9. Constructor has weight 0.
    expect(Array.from(a.score)).toEqual([(100 * 6.5) / 9, (100 * 2.5) / 9]);
    expect(a.percentiles[0]).toEqual(new Float64Array([1, 0]));
  });

  it('without settings, is an unmapped column and never borrows an inherited member as a weight or role', () => {
    const mapping = mapColumns(['Account', ...NAMES, 'Revenue'], 6, parseSettings({}));
    expect(mapping.unmapped.map((u) => u.header)).toEqual(NAMES);
    const custom = mapColumns(['Account', ...NAMES], 5, parseSettings({ roles: Object.fromEntries(NAMES.map((n) => [n, 'custom'])) }));
    expect(custom.metrics.map((m) => [m.weight, m.direction])).toEqual(NAMES.map(() => [1, 'higher']));
  });

  it('names a bad value under __proto__ like any other', () => {
    expect(() => saved('{"weights":{"__proto__":-1}}')).toThrow(SettingsError);
    expect(refusal(() => saved('{"weights":{"__proto__":-1}}'))).toBe('Weight of __proto__: -1 is not a number from 0 to 1000.');
    expect(refusal(() => saved('{"roles":{"__proto__":"boss"}}'))).toMatch(/^Role of __proto__: "boss" is not one of /u);
  });
});
