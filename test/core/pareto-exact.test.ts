import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoTiers } from '../../src/core';
import { decimalOf, decimalUnits } from '../../src/core/decimal';
import { accounts, run, tiers } from './helpers';

const T = (xs: Int8Array) => Array.from(xs);
const F = (xs: number[]) => Float64Array.from(xs);
/** Pareto tiers of values, every row scored. */
const pareto = (values: number[]) => T(paretoTiers(new Float64Array(values.length).fill(1), F(values)));
const count = (xs: number[], t: number) => xs.filter((x) => x === t).length;

describe('pareto compares the share ahead exactly, as sums of the values as written (docs/scoring.md, "Pareto")', () => {
  it('puts 8 of ten equal accounts in Tier 1, whether they earn 60.13 or 6013 each', () => {
    // Account k has k·v ahead of 10·v: Tier 1 while 5·k·v < 4·10·v, i.e. k < 8; Tier 2 while 20·k < 19·10, i.e. k < 9.5.
    for (const v of [60.13, 6013, 60, 0.1, 1e-7, 123456789.123]) {
      const t = pareto(Array(10).fill(v));
      expect([count(t, 0), count(t, 1), count(t, 2)], String(v)).toEqual([8, 2, 0]);
    }
  });

  it('puts an account with exactly 80 % of the value ahead of it in Tier 2: 1.2 then 0.3', () => {
    // 1.2 / 1.5 is exactly 0.8 (as 12 / 15), though 1.2 / 1.5 in floating point is 0.7999999999999999.
    expect(pareto([1.2, 0.3])).toEqual([0, 1]);
    expect(pareto([12, 3])).toEqual([0, 1]);
    // 2.5 + 2.3 = 4.8 is exactly 80 % of 6.
    expect(pareto([2.5, 2.3, 1.2])).toEqual([0, 0, 1]);
  });

  it('puts an account with exactly 95 % ahead in Tier 3: 9.5 then 0.5', () => {
    expect(pareto([9.5, 0.5])).toEqual([0, 2]);
    expect(pareto([0.95, 0.05])).toEqual([0, 2]);
  });

  it('decides the same through the sheet pipeline (profit column, ten accounts of 60.13)', () => {
    const a = run(accounts(['Revenue', 'Profit'], ...Array.from({ length: 10 }, (_, i) => [100 + i, 60.13])), { method: 'pareto' });
    expect(tiers(a).filter((t) => t === 'Tier 1')).toHaveLength(8);
  });

  it('is exact at any magnitude: values near 1e300 and 1e-300', () => {
    expect(pareto([1.2e300, 0.3e300])).toEqual([0, 1]);
    expect(pareto([1.2e-300, 0.3e-300])).toEqual([0, 1]);
    const t = pareto(Array(10).fill(1.7976931348623157e308));
    expect([count(t, 0), count(t, 1)]).toEqual([8, 2]);
  });

  it('never changes a tier when every value is scaled by 10^k, k in −2…2 (the decimals n·10^k)', () => {
    // Few small whole numbers make shares of exactly 80 % or 95 % likely; wide ones test the rest.
    const values = fc.oneof(
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
    );
    fc.assert(
      fc.property(values, fc.integer({ min: -2, max: 2 }), (ns, k) => {
        // Number(`${n}e${k}`) is the double nearest n·10^k: the decimal a person would type.
        const scaled = ns.map((n) => Number(`${n}e${k}`));
        expect(pareto(scaled)).toEqual(pareto(ns));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts many small accounts exactly up to each boundary, in any row order', () => {
    // One account of 10 and 200 of 0.05: total 20. The j-th small one has 10 + 0.05·j ahead: Tier 1 while
    // that is under 16 (j < 120), Tier 2 while under 19 (j < 180).
    const values = [10, ...Array(200).fill(0.05)];
    const t = pareto(values);
    expect([count(t, 0), count(t, 1), count(t, 2)]).toEqual([1 + 120, 60, 20]);
    // Shuffled, the same accounts keep their tiers (ties in row order: the first 120 small ones are Tier 1).
    const order = values.map((_, i) => i).sort((a, b) => ((a * 7919) % 201) - ((b * 7919) % 201));
    const shuffled = pareto(order.map((i) => values[i]));
    expect([count(shuffled, 0), count(shuffled, 1), count(shuffled, 2)]).toEqual([121, 60, 20]);
  });
});

describe('decimals as written', () => {
  it('reads a double as the shortest decimal that reads back as it', () => {
    expect(decimalOf(60.13)).toEqual({ digits: 6013n, exponent: -2 });
    expect(decimalOf(1e21)).toEqual({ digits: 1n, exponent: 21 });
    expect(decimalOf(1.5e-7)).toEqual({ digits: 15n, exponent: -8 });
    expect(decimalOf(0.1 + 0.2)).toEqual({ digits: 30000000000000004n, exponent: -17 });
  });

  it('puts values in one unit, the finest any of them needs', () => {
    expect(decimalUnits([60.13, 2, 0.001])).toEqual([60130n, 2000n, 1n]);
  });
});
