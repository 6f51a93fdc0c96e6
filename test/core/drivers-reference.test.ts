import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drivers, percentiles as rank } from '../../src/core';

/**
 * drivers() against a plain statement of SPEC §9 as the engine first wrote it: every metric in
 * column order, weights 0 skipped, contributions compared exactly on whole numbers (w·x·den'
 * against w'·x'·den) when the weights are whole after scaling, else as w·x/den. The engine's loop
 * over the ranked metrics only must pick the same three, ties to the earlier column.
 */
function reference(ps: (Float64Array | null)[], weights: number[], scored: Float64Array) {
  const n = scored.length;
  const den = ps.map((p, m) => {
    if (!p || !(weights[m] > 0)) return 1;
    let c = 0;
    for (const v of p) if (v === v) c++;
    return c > 1 ? 2 * (c - 1) : 1;
  });
  let decimals = 0;
  for (const w of weights.map((x) => (x > 0 ? x : 0))) {
    const m = /^\d+(?:\.(\d+))?(?:e([+-]\d+))?$/u.exec(String(w));
    if (m) decimals = Math.max(decimals, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
  }
  let whole: number[] | null = decimals > 15 ? null : weights.map((w) => Math.round((w > 0 ? w : 0) * 10 ** decimals));
  if (whole && Math.max(0, ...whole) * Math.max(...den) ** 2 >= Number.MAX_SAFE_INTEGER) whole = null;
  const W = whole ?? weights;
  const cmp = (a: number, xa: number, b: number, xb: number) => (whole ? W[a] * xa * den[b] - W[b] * xb * den[a] : (W[a] * xa) / den[a] - (W[b] * xb) / den[b]);
  const out: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(scored[i])) {
      out.push([-1, -1, -1]);
      continue;
    }
    const gain = ps.map((p, m) => {
      const v = weights[m] > 0 ? p![i] : Number.NaN;
      return v === v ? Math.round(v * den[m]) : -1;
    });
    let a = -1;
    let b = -1;
    for (let m = 0; m < ps.length; m++) {
      if (gain[m] < 0 || 2 * gain[m] <= den[m]) continue;
      if (a < 0 || cmp(m, gain[m], a, gain[a]) > 0) {
        b = a;
        a = m;
      } else if (b < 0 || cmp(m, gain[m], b, gain[b]) > 0) b = m;
    }
    let w = -1;
    for (let m = 0; m < ps.length; m++) {
      if (m === a || m === b || gain[m] < 0 || gain[m] === den[m]) continue;
      if (w < 0 || cmp(m, den[m] - gain[m], w, den[w] - gain[w]) > 0) w = m;
    }
    out.push([a, b, w]);
  }
  return out;
}

describe('drivers, SPEC §9', () => {
  it('picks the same two strengths and weakest metric as the plain statement of the rule, for any weights and missing values', () => {
    const weight = fc.oneof(fc.constantFrom(0, 1, 2, 3, 0.5, 1.25), fc.double({ min: 0, max: 5, noNaN: true }));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((k) =>
            fc.tuple(
              fc.array(weight, { minLength: k, maxLength: k }),
              fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { minLength: k, maxLength: k }), { minLength: 1, maxLength: 40 }),
            ),
          ),
        ([weights, rows]) => {
          const ps = weights.map((w, m) => (w > 0 ? rank(Float64Array.from(rows, (r) => r[m] ?? Number.NaN)) : null));
          // A row with no ranked value has no score (as score() gives it).
          const scored = Float64Array.from(rows, (r) => (r.some((v, m) => v !== null && weights[m] > 0) ? 1 : Number.NaN));
          const d = drivers(ps, weights, scored);
          const got = rows.map((_, i) => [d.first[i], d.second[i], d.weakest[i]]);
          expect(got).toEqual(reference(ps, weights, scored));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
