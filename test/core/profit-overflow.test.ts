import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseRows, moneyMayOverflow, parseSettings, type Analysis, type Cell } from '../../src/core';

// warn.tooLarge: a profit table's revenue, cost or profit beyond ±1.8e308. The analysis makes the
// tables for it only when the money's absolute values add up to 1e300 or more (moneyMayOverflow).

/** Whether the tables themselves hold an infinite amount (what the warning says). */
function tablesOverflow(a: Analysis): boolean {
  const rows = [a.byTier.total, a.bySegment.total, ...a.byTier.rows, ...a.bySegment.rows];
  return rows.some((r) => [r.revenue, r.cost, r.profit].some((v) => v === Infinity || v === -Infinity));
}

const warned = (a: Analysis) => a.warnings.some((w) => w.code === 'warn.tooLarge');

const amount = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -100_000, max: 1_000_000 }) },
  { weight: 2, arbitrary: fc.double({ min: 1e299, max: 1.7e308, noNaN: true }).map((v) => v) },
  { weight: 2, arbitrary: fc.double({ min: -1.7e308, max: -1e299, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant('') },
);

describe('warn.tooLarge', () => {
  it('is given exactly when a profit table holds an amount beyond ±1.8e308, with or without a cost column', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(amount, amount, amount, fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 40 }),
        (withCost, rows) => {
          const header: Cell[] = withCost ? ['Account', 'Revenue', 'Profit', 'Cost to serve', 'Engagement'] : ['Account', 'Revenue', 'Profit', 'Engagement'];
          const cells: Cell[][] = rows.map(([r, p, c, e], i) => (withCost ? [`A${i}`, r, p, c, e] : [`A${i}`, r, p, e]));
          const a = analyseRows(header, cells, parseSettings({}));
          expect(warned(a)).toBe(tablesOverflow(a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is given for two revenues that add up past the largest double, and not for ordinary amounts', () => {
    const header: Cell[] = ['Account', 'Revenue', 'Profit', 'Engagement'];
    const huge = analyseRows(
      header,
      [
        ['A', 1.5e308, 1, 5],
        ['B', 1.5e308, 2, 6],
        ['C', 10, 3, 7],
      ],
      parseSettings({}),
    );
    expect(warned(huge)).toBe(true);
    const fine = analyseRows(
      header,
      [
        ['A', 1.5e300, 1, 5],
        ['B', 100, 2, 6],
      ],
      parseSettings({}),
    );
    expect(warned(fine)).toBe(false);
  });

  it('moneyMayOverflow: false below 1e300 in all, true from it or with an infinite value', () => {
    const col = (...v: number[]) => Float64Array.from(v);
    expect(moneyMayOverflow({ revenue: col(1, 2, Number.NaN), profit: col(-5e299, 4e299), cost: null })).toBe(false);
    expect(moneyMayOverflow({ revenue: col(6e299, -5e299), profit: null, cost: null })).toBe(true);
    expect(moneyMayOverflow({ revenue: null, profit: null, cost: col(Number.POSITIVE_INFINITY) })).toBe(true);
    expect(moneyMayOverflow({ revenue: null, profit: null, cost: null })).toBe(false);
  });
});
