import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectInPlace } from '../../src/core/percentile';
import { tiersByPosition } from '../../src/core/tiers';
import { round6 } from '../../src/core/round';

/** The position rule as SPEC §4 states it, by counting: Tier 1 if fewer than k1 rows are strictly higher, Tier 2 if fewer than k2. */
function byCounting(values: number[], k1: number, k2: number): number[] {
  const r = values.map((v) => (Number.isNaN(v) ? Number.NaN : round6(v)));
  return r.map((v) => {
    if (Number.isNaN(v)) return -1;
    const above = r.filter((x) => x > v).length;
    return above < k1 ? 0 : above < k2 ? 1 : 2;
  });
}

const values = fc.array(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(Number.NaN)), {
  maxLength: 200,
});

describe('selecting the k-th value (quickselect) instead of sorting', () => {
  it('puts at k the value a full sort puts there, smaller ones before it and larger ones after', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true })), { minLength: 1, maxLength: 300 }), fc.nat(), (xs, seed) => {
        const a = Float64Array.from(xs);
        const k = seed % a.length;
        const sorted = Float64Array.from(xs).sort();
        const v = selectInPlace(a, k);
        expect(Object.is(v, sorted[k]) || v === sorted[k]).toBe(true);
        for (let i = 0; i < k; i++) expect(a[i] <= v).toBe(true);
        for (let i = k + 1; i < a.length; i++) expect(a[i] >= v).toBe(true);
        expect(Float64Array.from(a).sort()).toEqual(sorted);
      }),
    );
  });

  it('stays fast on inputs that defeat median-of-three pivots (sorted, reversed, organ-pipe, all equal)', () => {
    const n = 200_000;
    const shapes = [
      Float64Array.from({ length: n }, (_, i) => i),
      Float64Array.from({ length: n }, (_, i) => n - i),
      Float64Array.from({ length: n }, (_, i) => (i < n / 2 ? i : n - i)),
      new Float64Array(n).fill(7),
    ];
    for (const a of shapes) {
      const sorted = Float64Array.from(a).sort();
      for (const k of [0, 1, n >> 1, n - 2, n - 1]) expect(selectInPlace(Float64Array.from(a), k)).toBe(sorted[k]);
    }
  });

  it('gives tiersByPosition the tiers the position rule gives, for any cut-offs (k1 ≤ k2 or not)', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: -2, max: 220 }), fc.integer({ min: -2, max: 220 }), (xs, k1, k2) => {
        expect(Array.from(tiersByPosition(Float64Array.from(xs), k1, k2))).toEqual(byCounting(xs, k1, k2));
      }),
      { numRuns: 300 },
    );
  });
});
