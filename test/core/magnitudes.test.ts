import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifetimeValue, lookalike, profitability, quantileTiers, round6, whaleCurve, type Cell } from '../../src/core';
import { CompensatedSum, product, unitScale } from '../../src/core/sum';
import { accounts, english, run, segments } from './helpers';

const F = (xs: number[]) => Float64Array.from(xs);
const ones = (n: number) => new Uint8Array(n).fill(1);
/** |a − b| within 1e-9 of their size: the same number but for the last digits. */
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
const ints = (min: number, max: number, minLength = 2, maxLength = 20) => fc.array(fc.integer({ min, max }), { minLength, maxLength });
/**
 * Factors that put values near ±1e300 and 1e-300, and near the largest double: powers of two, so that the
 * scaled values are exactly c × the whole numbers and their sums exactly c × theirs.
 */
const HUGE = [2 ** 997, -(2 ** 997), 2 ** -997, -(2 ** -997), 2 ** 1016, 2 ** -1010];

describe('sums, products and squares at any magnitude (docs/scoring.md, "Extreme magnitudes")', () => {
  it('scales by a power of two, which changes no digit', () => {
    for (const x of [1e300, 1e-300, 1.7976931348623157e308, 2.2250738585072014e-308, 1, 3]) {
      const s = unitScale(x);
      expect(x * s >= 0.5 && x * s < 4).toBe(true);
      expect((x * s) / s).toBe(x);
    }
    // A subnormal is scaled up as far as a double's exponent goes: 2^1023.
    expect(5e-324 * unitScale(5e-324)).toBe(2 ** -51);
  });

  it('multiplies without overflow or underflow on the way', () => {
    expect(product([1e300, 1e10, 1e-300])).toBeCloseTo(1e10, 0);
    expect(product([1e-200, 1e-200, 1e300])).toBe(1e-100);
    expect(product([100, 4, 0.5, 5])).toBe(1000);
    expect(product([1e308, 10])).toBe(Number.POSITIVE_INFINITY);
  });

  it('adds with compensation: 1 + 1e100 − 1e100 is 1', () => {
    const s = new CompensatedSum();
    for (const x of [1, 1e100, -1e100]) s.add(x);
    expect(s.value).toBe(1);
  });
});

describe('lookalikes of values near ±1e300 and 1e-300 (SPEC §11)', () => {
  it('give the same similarities as the values unscaled: z-scores do not depend on the unit', () => {
    fc.assert(
      fc.property(ints(-1000, 1000, 3), ints(0, 50, 3), fc.constantFrom(1e300, -1e300, 1e-300, 1e305, ...HUGE.slice(0, 4)), (xs, ys, c) => {
        const n = Math.min(xs.length, ys.length);
        const cols = [F(xs.slice(0, n)), F(ys.slice(0, n))];
        const ideal = Uint8Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));
        const plain = lookalike(cols, ones(n), ideal);
        const scaled = lookalike(
          cols.map((col) => col.map((v) => v * c)),
          ones(n),
          ideal,
        );
        for (let i = 0; i < n; i++) {
          if (Number.isNaN(plain[i])) expect(scaled[i]).toBeNaN();
          else expect(near(scaled[i], plain[i]), `${scaled[i]} vs ${plain[i]}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keep a metric of 1e-300, 2e-300, 3e-300 (its sd is not 0) and one of 1e300, 2e300, 3e300 (its sd is not Infinity)', () => {
    const want = lookalike([F([1, 2, 3])], ones(3), Uint8Array.from([1, 0, 0]));
    for (const c of [1e-300, 1e300]) {
      const got = lookalike([F([1 * c, 2 * c, 3 * c])], ones(3), Uint8Array.from([1, 0, 0]));
      expect(Array.from(got).map((v, i) => near(v, want[i]))).toEqual([true, true, true]);
    }
    expect(want[2]).toBeLessThan(100);
  });
});

describe('segments of revenues above 1.8e302 (SPEC §6)', () => {
  it('ranks them as they are: rounding to 6 decimals no longer overflows and ties them all', () => {
    const big = run(accounts(['Revenue'], [1e303], [2e303], [3e303], [4e303], [5e303]));
    const small = run(accounts(['Revenue'], [1], [2], [3], [4], [5]));
    expect(segments(big)).toEqual(segments(small));
    expect(segments(big)).toEqual(['Filler', 'Filler', 'Contributor', 'Contributor', 'Money Maker']);
  });

  it('keeps a value from 2^32 on as it is, and rounds below', () => {
    // biome-ignore lint/correctness/noPrecisionLoss: the literal is the double nearest it, as in the rule under test
    expect(round6(4294967296.1234567)).toBe(4294967296.1234567);
    expect(round6(1e303)).toBe(1e303);
    expect(round6(-1.7976931348623157e308)).toBe(-1.7976931348623157e308);
    expect(round6(1000.0000002)).toBe(1000);
  });

  it('never changes a segment when distinct whole revenues are scaled up to near the largest double', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 40 }), fc.constantFrom(1e290, 1e300, 1.7e303), (ns, c) => {
        expect(Array.from(quantileTiers(F(ns.map((n) => n * c)), [20, 40, 40]))).toEqual(Array.from(quantileTiers(F(ns), [20, 40, 40])));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the whale curve of profits near ±1e300 and 1e-300 (SPEC §7)', () => {
  it('peaks where the unscaled curve peaks, finite, for any positive unit', () => {
    fc.assert(
      fc.property(ints(-1000, 1000, 1, 30), fc.constantFrom(2 ** 997, 2 ** -997, 2 ** 1013, 2 ** -1020), (ps, c) => {
        const plain = whaleCurve(F(ps), ones(ps.length));
        const scaled = whaleCurve(F(ps.map((p) => p * c)), ones(ps.length));
        expect(scaled === null).toBe(plain === null);
        if (!plain) return;
        expect(Number.isFinite(scaled!.peak)).toBe(true);
        expect(near(scaled!.peak, plain.peak)).toBe(true);
        expect(scaled!.peakAccounts).toBe(plain.peakAccounts);
      }),
      { numRuns: 300 },
    );
  });

  it('peaks at 200 % for 1e308, −1e308, 1e308 (the running sum no longer overflows)', () => {
    const w = whaleCurve(F([1e308, -1e308, 1e308]), ones(3))!;
    expect([w.peak, w.peakAccounts]).toEqual([2, 2 / 3]);
  });
});

describe('profitability of amounts near ±1e300 and 1e-300 (SPEC §7)', () => {
  it('gives c × the unscaled sums, and the same margins and shares; ±Infinity only when the sum itself is beyond ±1.8e308', () => {
    fc.assert(
      fc.property(ints(-100, 100, 1, 12), ints(-100, 100, 1, 12), fc.constantFrom(...HUGE), (rs, ps, c) => {
        const n = Math.min(rs.length, ps.length);
        const groups = Int8Array.from({ length: n }, (_, i) => i % 2);
        const plain = profitability(groups, ['A', 'B'], { revenue: F(rs.slice(0, n)), profit: F(ps.slice(0, n)), cost: null });
        const scaled = profitability(groups, ['A', 'B'], {
          revenue: F(rs.slice(0, n).map((r) => r * c)),
          profit: F(ps.slice(0, n).map((p) => p * c)),
          cost: null,
        });
        [...plain.rows, plain.total].forEach((p, g) => {
          const s = g < 2 ? scaled.rows[g] : scaled.total;
          for (const key of ['revenue', 'cost', 'profit', 'profitPerAccount'] as const) {
            const exact = p[key] * c; // exact: whole sums times a power of two
            if (Number.isNaN(p[key])) expect(s[key]).toBeNaN();
            else if (Math.abs(p[key]) * Math.abs(c) > 1.7976931348623157e308) expect(s[key]).toBe(Math.sign(exact) * Number.POSITIVE_INFINITY);
            else expect(near(s[key], exact), `${key} ${s[key]} vs ${exact}`).toBe(true);
          }
          for (const key of ['share', 'margin', 'profitShare'] as const) {
            if (Number.isNaN(p[key])) expect(s[key]).toBeNaN();
            else expect(near(s[key], p[key]), `${key} ${s[key]} vs ${p[key]}`).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('sums 1e308 + 1e308 − 1e308 to 1e308, and keeps a group of tiny amounts beside a group of huge ones', () => {
    const t = profitability(Int8Array.from([0, 0, 0, 1]), ['Big', 'Tiny'], {
      revenue: F([1e308, 1e308, -1e308, 1e-300]),
      profit: F([1e-300, 1e-300, 1e-300, 5e-301]),
      cost: null,
    });
    expect(t.rows[0].revenue).toBe(1e308);
    expect(t.rows[1].revenue).toBe(1e-300);
    expect(t.rows[1].margin).toBe(0.5);
    expect(t.rows[0].profit).toBeCloseTo(3e-300, 310);
    expect(t.rows[0].profitPerAccount).toBe(1e-300);
  });

  it('reports a margin beyond ±1.8e308 (profit 1e300 on revenue 1e-300) as ±Infinity, never NaN', () => {
    const t = profitability(Int8Array.from([0, 1]), ['A', 'B'], { revenue: F([1e-300, 5]), profit: F([1e300, -1]), cost: null });
    expect(t.rows[0].margin).toBe(Number.POSITIVE_INFINITY);
    expect(t.rows[1].margin).toBe(-0.2);
  });
});

describe('KPIs of amounts near ±1e300 and 1e-300 (SPEC §8)', () => {
  const table = (rows: Cell[][]) => accounts(['Revenue', 'Profit', 'Orders', 'Tenure'], ...rows);

  it('give the average LTV as profit × years, however far apart revenue and profit are', () => {
    // LTV = spend per purchase × purchases × (profit ÷ revenue) × years = profit × years: 2e-300 × 3 and 4e-300 × 1.
    const tiny = run(
      table([
        [1e300, 2e-300, 4, 3],
        [3e300, 4e-300, 2, 1],
      ]),
    );
    expect(near(tiny.kpis.averageLtv!, 5e-300)).toBe(true);
    // Profit 1e300 on revenue 1e-300: the margin is 1e600, the LTV 1e300 × 2.
    const huge = run(table([[1e-300, 1e300, 1, 2]]));
    expect(near(huge.kpis.averageLtv!, 2e300)).toBe(true);
  });

  it("scale with the money: profit × c gives c × the average LTV, revenue × c' gives c' × the spend per purchase, whatever c and c'", () => {
    const factor = fc.constantFrom(1, 2 ** 997, 2 ** -997, 2 ** 1000, 2 ** -1010);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 30 })),
          { minLength: 1, maxLength: 15 },
        ),
        factor,
        factor,
        (rows, c, cr) => {
          const plain = run(table(rows));
          const scaled = run(table(rows.map(([r, p, o, t]) => [r * cr, p * c, o, t])));
          // The LTV is profit × years (revenue cancels out); the spend per purchase is Σ revenue ÷ Σ orders.
          for (const [key, by] of [
            ['averageLtv', c],
            ['spendPerPurchase', cr],
          ] as const) {
            const want = plain.kpis[key]! * by;
            const got = scaled.kpis[key]!;
            expect(Number.isFinite(got)).toBe(true);
            expect(near(got, want), `${key} ${got} vs ${want}`).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('average tenures near the largest double without overflow', () => {
    const a = run(accounts(['Revenue', 'Tenure'], [1, 1.5e308], [2, 1.5e308]));
    expect(a.kpis.averageLifetime).toBe(1.5e308);
  });

  it("multiply an LTV's factors without overflow on the way: 1e300 × 1e10 × 1e-300 × 1", () => {
    expect(near(lifetimeValue(1e300, 1e10, 1, 1e-300), 1e10)).toBe(true);
  });
});

describe('amounts too large to add up are said, never a silent blank', () => {
  it("two revenues of 1e308 give a warning in the analysis, in the document's language", async () => {
    const { analyseGrid, parseSettings } = await import('../../src/core');
    const grid = [
      ['Account', 'Revenue', 'Profit'],
      ['A', 1e308, 1],
      ['B', 1e308, 2],
      ['C', 5, 1],
    ];
    const analysis = analyseGrid(grid, parseSettings({}));
    expect(english(analysis.warnings).some((w) => w.includes('±1.8e308'))).toBe(true);
    const ordinary = analyseGrid(
      [
        ['Account', 'Revenue', 'Profit'],
        ['A', 10, 1],
        ['B', 20, 2],
      ],
      parseSettings({}),
    );
    expect(english(ordinary.warnings).some((w) => w.includes('1.8e308'))).toBe(false);
  });
});
