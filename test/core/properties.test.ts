import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseGrid, parseSettings, percentiles, quantileTiers, round6, type Cell, type GridAnalysis, type SettingsInput } from '../../src/core';

const RUNS = { numRuns: 200 };
const HEADER = ['Account', 'Revenue', 'Profit', 'Engagement', 'Recency', 'Support'];
type Method = 'quantile' | 'threshold' | 'pareto' | 'capacity';

/** A metric cell: mostly numbers (with ties likely), sometimes empty, an error value or invalid text. */
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -50, max: 50 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', 'n/a', '$1,200', '(30)', '12%') },
);
/** A table of accounts A0, A1, … (a blank row now and then), header first. */
const table: fc.Arbitrary<Cell[][]> = fc
  .array(fc.oneof({ weight: 12, arbitrary: fc.array(cell, { minLength: 5, maxLength: 5 }) }, { weight: 1, arbitrary: fc.constant(null) }), {
    minLength: 1,
    maxLength: 50,
  })
  .map((rows) => [HEADER, ...rows.map((r, i) => (r ? [`A${i}`, ...r] : ['', '', '', '', '', '']))]);
const weights = fc.record({
  revenue: fc.integer({ min: 0, max: 5 }),
  profit: fc.integer({ min: 0, max: 5 }),
  engagement: fc.integer({ min: 0, max: 5 }),
  recency: fc.integer({ min: 1, max: 5 }),
  support: fc.integer({ min: 0, max: 5 }),
});
const directions = fc.record({ revenue: fc.constantFrom('higher', 'lower'), support: fc.constantFrom('higher', 'lower') }) as fc.Arbitrary<
  Record<string, 'higher' | 'lower'>
>;
const method = fc.constantFrom<Method>('quantile', 'threshold', 'pareto', 'capacity');
/** Cut-offs c1/c2/c3, whole percentages adding up to 100. */
const cutoffs = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return [lo, hi - lo, 100 - hi] as [number, number, number];
});

function analyseWith(rows: Cell[][], settings: SettingsInput): GridAnalysis {
  return analyseGrid(rows, parseSettings({ asOf: '2026-06-30', ...settings }));
}

/** Fisher–Yates with fast-check's random source, so a failure replays. */
function shuffle<T>(xs: readonly T[], random: (n: number) => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const scoredRows = (a: GridAnalysis) => [...a.score.keys()].filter((i) => !Number.isNaN(a.score[i]));

describe('what holds for any table (SPEC §3–6)', () => {
  it('keeps every score within 0–100', () => {
    fc.assert(
      fc.property(table, weights, directions, (rows, w, d) => {
        const a = analyseWith(rows, { weights: w, directions: d });
        for (const s of a.score) if (!Number.isNaN(s)) expect(s >= 0 && s <= 100).toBe(true);
      }),
      RUNS,
    );
  });

  it("changes no account's score, tier or segment when the rows are shuffled", () => {
    fc.assert(
      fc.property(table, method, cutoffs, fc.infiniteStream(fc.nat()), (rows, m, c, stream) => {
        const iter = stream[Symbol.iterator]();
        const random = (n: number) => (iter.next().value as number) % n;
        const [header, ...body] = rows;
        const settings: SettingsInput = { method: m, cutoffs: c, capacity: { strategicMarketers: 2, liteMarketers: 1 } };
        const a = analyseWith(rows, settings);
        const b = analyseWith([header, ...shuffle(body, random)], settings);
        const byAccount = (x: GridAnalysis) => new Map(x.table.accounts!.map((acc, i) => [acc, i] as const).filter(([acc]) => acc !== ''));
        const ia = byAccount(a);
        const ib = byAccount(b);
        expect(ib.size).toBe(ia.size);
        // Pareto orders equal values by row (SPEC §4), so only accounts whose value no other account shares must keep their tier.
        const profit = a.table.mapping.metrics.findIndex((col) => col.role === 'profit');
        const value = (i: number) => a.table.values[profit][i];
        const shared = (i: number) => scoredRows(a).some((j) => j !== i && value(j) === value(i));
        for (const [acc, i] of ia) {
          const j = ib.get(acc)!;
          expect(Object.is(a.score[i], b.score[j]) || a.score[i] === b.score[j]).toBe(true);
          expect(b.segment[j]).toBe(a.segment[i]);
          if (m !== 'pareto' || !shared(i)) expect(b.tier[j]).toBe(a.tier[i]);
        }
      }),
      RUNS,
    );
  });

  it.each(['quantile', 'threshold'] as const)('never gives a higher rounded score a worse tier under %s (cap off)', (m) => {
    fc.assert(
      fc.property(table, weights, cutoffs, (rows, w, c) => {
        const a = analyseWith(rows, { method: m, weights: w, cutoffs: c, unprofitableCap: false });
        const scored = scoredRows(a);
        for (const i of scored) for (const j of scored) if (round6(a.score[i]) > round6(a.score[j])) expect(a.tier[i]).toBeLessThanOrEqual(a.tier[j]);
      }),
      RUNS,
    );
  });

  it.each(['quantile', 'threshold'] as const)('never gives a higher rounded score a worse tier under %s among the accounts the cap leaves alone', (m) => {
    fc.assert(
      fc.property(table, weights, (rows, w) => {
        const a = analyseWith(rows, { method: m, weights: w });
        const profit = a.table.mapping.metrics.findIndex((col) => col.role === 'profit');
        const uncapped = scoredRows(a).filter((i) => !(a.table.values[profit][i] < 0));
        for (const i of uncapped) for (const j of uncapped) if (round6(a.score[i]) > round6(a.score[j])) expect(a.tier[i]).toBeLessThanOrEqual(a.tier[j]);
      }),
      RUNS,
    );
  });

  it('puts exactly K1 = floor(n·c1/100 + 0.5) accounts in Tier 1 under quantile when no scores tie, and K2 in Tiers 1 and 2', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 80 }), cutoffs, (revenues, c) => {
        const rows: Cell[][] = [['Account', 'Revenue'], ...revenues.map((r, i) => [`A${i}`, r])];
        const a = analyseWith(rows, { cutoffs: c });
        const n = revenues.length;
        const k1 = Math.floor((n * c[0]) / 100 + 0.5);
        const k2 = Math.floor((n * (c[0] + c[1])) / 100 + 0.5);
        const t = Array.from(a.tier);
        expect(t.filter((x) => x === 0)).toHaveLength(k1);
        expect(t.filter((x) => x <= 1)).toHaveLength(k2);
      }),
      RUNS,
    );
  });

  it('puts exactly K1 scores in Tier 1 for any untied scores', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 100 }), cutoffs, (micro, c) => {
        // Distinct at the 6th decimal: 0.000000 … 100.000000.
        const scores = Float64Array.from(micro, (x) => x / 1e6);
        const k1 = Math.floor((scores.length * c[0]) / 100 + 0.5);
        expect(Array.from(quantileTiers(scores, c)).filter((x) => x === 0)).toHaveLength(k1);
      }),
      RUNS,
    );
  });

  it('gives every scored account a tier and no unscored row one', () => {
    fc.assert(
      fc.property(table, method, (rows, m) => {
        const a = analyseWith(rows, { method: m });
        for (let i = 0; i < a.table.n; i++) expect(a.tier[i] >= 0).toBe(!Number.isNaN(a.score[i]));
        expect(a.capacity.accounts.reduce((x, y) => x + y, 0)).toBe(a.scored);
      }),
      RUNS,
    );
  });
});

describe('what holds for any column (SPEC §3)', () => {
  it('keeps percentiles within [0, 1], with mean 0.5 for any column of n ≥ 2 values without missing ones', () => {
    // (n = 1 gives p = 1 by the SPEC, so the mean of 0.5 needs two values at least.)
    const column = fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.integer({ min: -20, max: 20 })), {
      minLength: 2,
      maxLength: 100,
    });
    fc.assert(
      fc.property(column, (xs) => {
        const ps = Array.from(percentiles(Float64Array.from(xs)));
        for (const v of ps) expect(v >= 0 && v <= 1).toBe(true);
        expect(ps.reduce((s, v) => s + v, 0) / ps.length).toBeCloseTo(0.5, 9);
      }),
      RUNS,
    );
  });

  it('keeps percentiles within [0, 1] with missing values, and leaves those missing', () => {
    const column = fc.array(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constant(Number.NaN)), { maxLength: 60 });
    fc.assert(
      fc.property(column, (xs) => {
        const ps = percentiles(Float64Array.from(xs));
        xs.forEach((x, i) => {
          if (Number.isNaN(x)) expect(ps[i]).toBeNaN();
          else expect(ps[i] >= 0 && ps[i] <= 1).toBe(true);
        });
      }),
      RUNS,
    );
  });
});
