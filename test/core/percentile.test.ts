import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentiles } from '../../src/core';

/** p_i = (less + (equal − 1) / 2) / (n − 1), NaN = missing. */
const p = (xs: number[]) => Array.from(percentiles(Float64Array.from(xs)));

describe('mid-rank percentile (SPEC §3)', () => {
  it('ranks distinct values evenly from 0 (lowest) to 1 (highest)', () => {
    // n = 3: less = 2, 0, 1 → 2/2, 0/2, 1/2.
    expect(p([30, 10, 20])).toEqual([1, 0, 0.5]);
  });

  it('gives tied values their average rank: (less + (equal − 1) / 2) / (n − 1)', () => {
    // 5, 5, 5, 9: each 5 has less 0, equal 3 → (0 + 2/2) / 3 = 1/3; the 9 has less 3, equal 1 → 3/3.
    expect(p([5, 9, 5, 5])).toEqual([1 / 3, 1, 1 / 3, 1 / 3]);
  });

  it('gives a tie in the middle the mean of the ranks it spans', () => {
    // Fractions (not whole numbers): 0.5 → 0/3; 2.5, 2.5 → (1 + 1/2) / 3 = 0.5; 4.5 → 3/3.
    expect(p([2.5, 0.5, 4.5, 2.5])).toEqual([0.5, 0, 1, 0.5]);
  });

  it('gives every value 0.5 when all values are equal', () => {
    // less 0, equal 4 → (0 + 3/2) / 3 = 0.5.
    expect(p([7, 7, 7, 7])).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('gives p = 1 when the column has a single value (n = 1)', () => {
    expect(p([42])).toEqual([1]);
    expect(p([Number.NaN, -3, Number.NaN])).toEqual([Number.NaN, 1, Number.NaN]);
  });

  it('leaves missing values missing and does not count them in n', () => {
    // Present: 1, 2, 3 → n = 3, not 5: 0/2, 1/2, 2/2.
    expect(p([1, Number.NaN, 2, 3, Number.NaN])).toEqual([0, Number.NaN, 0.5, 1, Number.NaN]);
    expect(p([Number.NaN, Number.NaN])).toEqual([Number.NaN, Number.NaN]);
  });

  it('ranks negative numbers below positive ones and counts −0 and 0 as one value', () => {
    // −7 → 0/3; −0 and 0 tie: (1 + 1/2) / 3 = 0.5; 4 → 3/3.
    expect(p([0, -7, 4, -0])).toEqual([0.5, 0, 1, 0.5]);
  });

  it('ranks whole numbers spread far apart the same way as close ones', () => {
    // 0, 5e8, 1e9 → 0, 1/2, 1 (the counting shortcut cannot take this column).
    expect(p([1e9, 0, 5e8])).toEqual([1, 0, 0.5]);
  });

  it('gives the same percentiles to whole numbers (counted) and to the same order of fractions (sorted)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(Number.NaN)), { minLength: 1, maxLength: 60 }), (xs) => {
        const whole = p(xs);
        const shifted = p(xs.map((x) => x + 0.5)); // same order, not whole numbers
        expect(shifted).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with counting less and equal by hand for any column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(Number.NaN)), { maxLength: 40 }),
        (xs) => {
          const present = xs.filter((x) => !Number.isNaN(x));
          const n = present.length;
          const expected = xs.map((v) => {
            if (Number.isNaN(v)) return Number.NaN;
            if (n === 1) return 1;
            const less = present.filter((x) => x < v).length;
            const equal = present.filter((x) => x === v).length;
            return (less + (equal - 1) / 2) / (n - 1);
          });
          expect(p(xs)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('long columns are ranked through a radix sort, with the same answers', () => {
  const reference = (xs: Float64Array) => {
    const present = Array.from(xs)
      .filter((x) => !Number.isNaN(x))
      .sort((a, b) => a - b);
    const n = present.length;
    const first = (v: number, strict: boolean) => {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (strict ? present[mid] <= v : present[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return Array.from(xs, (v) => {
      if (Number.isNaN(v)) return Number.NaN;
      if (n === 1) return 1;
      const less = first(v, false);
      return (less + (first(v, true) - less - 1) / 2) / (n - 1);
    });
  };

  it('sorts indices by value: negatives, −0 and 0, fractions, huge and tiny numbers, infinities', async () => {
    const { sortedIndices } = await import('../../src/core/percentile');
    const xs = Float64Array.from([3.5, -0, -1e300, 5e-324, Number.NaN, 0, -2.25, Number.POSITIVE_INFINITY, -5e-324, 1e300, Number.NEGATIVE_INFINITY, 3.5]);
    const order = Array.from(sortedIndices(xs));
    const zero = (x: number) => (x === 0 ? 0 : x); // −0 and 0 tie
    expect(order.map((i) => zero(xs[i]))).toEqual([Number.NEGATIVE_INFINITY, -1e300, -2.25, -5e-324, 0, 0, 5e-324, 3.5, 3.5, 1e300, Number.POSITIVE_INFINITY]);
    expect(order).not.toContain(4);
    expect(order.length).toBe(11);
  });

  it('agrees with counting less and equal for columns past the radix threshold', async () => {
    const { RADIX_FROM } = await import('../../src/core/percentile');
    const value = fc.oneof(
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constantFrom(Number.NaN, 0, -0, 1.5, -1.5),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: RADIX_FROM, maxLength: RADIX_FROM + 500 }), (xs) => {
        const column = Float64Array.from(xs);
        expect(Array.from(percentiles(column))).toEqual(reference(column));
        // Ranking in place (out = values) gives the same.
        const copy = column.slice();
        expect(Array.from(percentiles(copy, copy))).toEqual(reference(column));
      }),
      { numRuns: 30 },
    );
  });
});
