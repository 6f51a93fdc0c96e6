import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentiles } from '../../src/core';

const p = (xs: number[]) => Array.from(percentiles(Float64Array.from(xs)));

describe('mid-rank percentile (SPEC §3)', () => {
  it('ranks distinct values evenly from 0 to 1', () => {
    expect(p([30, 10, 20])).toEqual([1, 0, 0.5]);
  });

  it('gives ties their average rank: (less + (equal − 1) / 2) / (n − 1)', () => {
    // 5, 5, 5, 9: the 5s have less 0, equal 3 → (0 + 1) / 3; the 9 has less 3 → 3 / 3.
    expect(p([5, 9, 5, 5])).toEqual([1 / 3, 1, 1 / 3, 1 / 3]);
  });

  it('gives 1 to a lone value and ignores missing ones in n', () => {
    expect(p([NaN, 7, NaN])).toEqual([NaN, 1, NaN]);
    // n = 3 present values: 1 → 0, 2 → 0.5, 3 → 1.
    expect(p([1, NaN, 2, 3])).toEqual([0, NaN, 0.5, 1]);
  });

  it('is the same for whole numbers (counted) and fractions (sorted)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }), (xs) => {
      const whole = p(xs);
      const shifted = p(xs.map((x) => x + 0.5)); // same order, not integers: the sorting path
      expect(whole).toEqual(shifted);
    }), { numRuns: 300 });
  });

  it('stays within [0, 1] with mean 0.5 for any column without missing values', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { minLength: 2, maxLength: 80 }), (xs) => {
      const ps = p(xs);
      for (const v of ps) expect(v >= 0 && v <= 1).toBe(true);
      expect(ps.reduce((a, b) => a + b, 0) / ps.length).toBeCloseTo(0.5, 9);
    }), { numRuns: 300 });
  });
});
