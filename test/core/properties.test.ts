import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseGrid, parseSettings, round6, type Cell } from '../../src/core';

const HEADER = ['Account', 'Revenue', 'Profit', 'Engagement', 'Recency'];
const cell = fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.constant(''), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
const table = fc.array(fc.tuple(cell, cell, cell, cell), { minLength: 1, maxLength: 60 })
  .map((rows) => [HEADER, ...rows.map((r, i) => [`A${i}`, ...r])] as Cell[][]);
const method = fc.constantFrom('quantile', 'threshold', 'pareto', 'capacity') as fc.Arbitrary<'quantile' | 'threshold' | 'pareto' | 'capacity'>;

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('what holds for any table', () => {
  it('keeps every score within 0–100', () => {
    fc.assert(fc.property(table, (rows) => {
      const a = analyseGrid(rows, parseSettings({}));
      for (const s of a.score) if (!Number.isNaN(s)) expect(s >= 0 && s <= 100).toBe(true);
    }), { numRuns: 300 });
  });

  it('changes no account\'s score, tier or segment when the rows are shuffled', () => {
    fc.assert(fc.property(table, method, fc.integer({ min: 1, max: 1e6 }), (rows, m, seed) => {
      const settings = parseSettings({ method: m });
      const a = analyseGrid(rows, settings);
      const [header, ...body] = rows;
      const b = analyseGrid([header, ...shuffle(body, seed)], settings);
      const byAccount = (x: typeof a) => new Map(x.table.accounts!.map((acc, i) => [acc, `${round6(x.score[i])}|${x.tier[i]}|${x.segment[i]}`]));
      const ma = byAccount(a);
      const mb = byAccount(b);
      // Pareto breaks ties of equal value by row order, so there only the score and segment must agree.
      for (const [acc, v] of ma) {
        const w = mb.get(acc)!;
        if (m === 'pareto') expect(w.split('|')[0] + w.split('|')[2]).toBe(v.split('|')[0] + v.split('|')[2]);
        else expect(w).toBe(v);
      }
    }), { numRuns: 300 });
  });

  it('never gives a higher score a worse tier under quantile and threshold (cap off)', () => {
    fc.assert(fc.property(table, fc.constantFrom('quantile', 'threshold') as fc.Arbitrary<'quantile' | 'threshold'>, (rows, m) => {
      const a = analyseGrid(rows, parseSettings({ method: m, unprofitableCap: false }));
      const scored = [...a.score.keys()].filter((i) => !Number.isNaN(a.score[i]));
      for (const i of scored) for (const j of scored) if (round6(a.score[i]) > round6(a.score[j])) expect(a.tier[i] <= a.tier[j]).toBe(true);
    }), { numRuns: 200 });
  });

  it('puts exactly K1 accounts in Tier 1 under quantile when no scores tie', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 80 }), (revenues) => {
      const rows: Cell[][] = [['Account', 'Revenue'], ...revenues.map((r, i) => [`A${i}`, r])];
      const a = analyseGrid(rows, parseSettings({}));
      const k1 = Math.floor((revenues.length * 20) / 100 + 0.5);
      expect(Array.from(a.tier).filter((t) => t === 0)).toHaveLength(k1);
    }), { numRuns: 300 });
  });
});
