import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell, type GridAnalysis, places, round6 } from '../../src/core';
import { NEXT_CAPPED, NEXT_MOVE, NEXT_NO_METRIC, NEXT_PARETO, NEXT_TOP, NextTierContext, nextMessage, nextTiers } from '../../src/core/next-tier';
import { accounts, run, say } from './helpers';

const line = (a: GridAnalysis, i: number) => {
  const said = nextMessage(a, nextTiers(a), i);
  return said ? say(said as never) : '';
};

describe('next tier: the smallest single-metric move into the next tier', () => {
  it('says which value of which metric lifts an account, with its percentile before and after', () => {
    // Engagement only (weight 2), 11 accounts 0…100 by tens: p = rank/10. Threshold 70/40.
    // D (30, p .3) is Tier 3; Tier 2 needs p ≥ .4. Among the others, 40 ties E: less 3, equal 1 → p (3 + .5)/10 = .35;
    // passing 40 gives .4: "rises from 30 to above 40". Tier 1 (H, 70) is top already.
    const rows = accounts(['Engagement'], ...Array.from({ length: 11 }, (_, i) => [i * 10] as Cell[]));
    const a = run(rows, { method: 'threshold' });
    expect(line(a, 3)).toBe('D → Tier 2 if engagement rises from 30 to above 40 (percentile 30 → 40)');
    expect(line(a, 8)).toBe('I → already in Tier 1');
    // F (50, Tier 2): Tier 1 needs p ≥ .7: tie with 80 gives (6 + .5)/10 = .65, passing 70 .7 → "above 70".
    expect(line(a, 5)).toBe('F → Tier 1 if engagement rises from 50 to above 70 (percentile 50 → 70)');
    // With Tier 2 from 35, tying 40 is enough: (3 + .5)/10 = .35.
    const b = run(rows, { method: 'threshold', thresholds: [70, 35] });
    expect(line(b, 3)).toBe('D → Tier 2 if engagement rises from 30 to 40 (percentile 30 → 35)');
  });

  it('a lower-is-better metric falls: it must pass the value, as a tie is not enough', () => {
    // Recency (lower better) 10, 20, …, 50 days; E (50 days) has p 0. Tier 2 needs p ≥ .4 among the 4 others:
    // tie 40 → (0 + .5)/4, below 40 → 1/4, tie 30 → (1 + .5)/4 = .375, below 30 → 2/4 = .5: "falls to below 30".
    const a = run(accounts(['Recency'], [10], [20], [30], [40], [50]), { method: 'threshold', thresholds: [90, 40] });
    expect(line(a, 4)).toBe('E → Tier 2 if recency falls from 50 to below 30 (percentile 0 → 50)');
  });

  it('an unprofitable account is told that profit must turn positive first; Tier 1 and the pareto method say so', () => {
    const a = run(accounts(['Revenue', 'Profit'], [100, -5], [90, 10], [80, 20], [70, 30], [60, 40]));
    const next = nextTiers(a);
    expect(next.status[0]).toBe(NEXT_CAPPED);
    expect(line(a, 0)).toBe('A → profit must turn positive first (unprofitable accounts stay in Tier 3)');
    const p = run(accounts(['Revenue', 'Profit'], [100, 5], [90, 10], [80, 20], [70, 30], [60, 40]), { method: 'pareto' });
    expect(Array.from(nextTiers(p).status)).toContain(NEXT_PARETO);
    expect(Array.from(nextTiers(p).status)).toContain(NEXT_TOP);
  });

  it('says when no single metric can', () => {
    // Two metrics of equal weight; E is last in both: the best one metric can give is (1 + 0)/2 = 50 < 70.
    const a = run(accounts(['Engagement', 'Orders'], [5, 5], [4, 4], [3, 3], [2, 2], [1, 1]), { method: 'threshold', thresholds: [90, 70] });
    expect(nextTiers(a).status[4]).toBe(NEXT_NO_METRIC);
    expect(line(a, 4)).toBe('E → no single metric can lift it into Tier 2');
  });

  it('two metrics needing the same rise: the earlier column, even where rounding to 6 decimals decides', () => {
    // A (37.5) needs Tier 2's 41.666667: engagement .875 → 1 (passing 2) or health .125 → .25 (passing its own
    // tie, lower better): both rise .125, and 100·(1 + 2·.125)/3 = 41.6666667 reaches 41.666667 only once rounded.
    const a = run(accounts(['Engagement', 'Orders', 'Health'], [2, 0, 2], [0, 0, 1], [0, 0, 0], [0, 0, 0], [2, 0, 2]), {
      weights: { engagement: 1, orders: 0, health: 2 },
      directions: { health: 'lower' },
    });
    expect(line(a, 0)).toBe('A → Tier 2 if engagement rises from 2 to above 2 (percentile 88 → 100)');
  });

  const table = fc.record({
    rows: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { minLength: 3, maxLength: 12 }),
    weights: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 })),
    lower: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
    method: fc.constantFrom('threshold' as const, 'quantile' as const),
  });

  it('brute force: every move is sufficient (rescored for real) and minimal (against the cut-off held fixed), and "none" is true', () => {
    fc.assert(
      fc.property(table, ({ rows, weights, lower, method }) => {
        const header = ['Engagement', 'Orders', 'Health'];
        const settings = {
          method,
          thresholds: [60, 35] as [number, number],
          weights: { engagement: weights[0], orders: weights[1], health: weights[2] },
          directions: Object.fromEntries(header.map((h, j) => [h.toLowerCase(), lower[j] ? 'lower' : 'higher'])) as Record<string, 'lower' | 'higher'>,
        };
        const grid = (changed?: { i: number; m: number; v: number }) =>
          accounts(header, ...rows.map((r, i) => r.map((v, m) => (changed && changed.i === i && changed.m === m ? changed.v : v)) as Cell[]));
        const a = run(grid(), settings);
        const ctx = new NextTierContext(a);
        const n = rows.length;
        const K = [places(n, 20), places(n, 50)];
        /** Whether row i with score s reaches tier t, the others' scores and the cut-offs held fixed. */
        const reachesFixed = (i: number, s: number, t: number) => {
          if (method === 'threshold') return round6(s) >= settings.thresholds[t];
          let above = 0;
          for (let j = 0; j < n; j++) if (j !== i && round6(a.score[j]) > round6(s)) above++;
          return above < K[t];
        };
        for (let i = 0; i < n; i++) {
          const { status, target } = ctx.statusOf(i);
          if (status !== NEXT_MOVE) continue;
          const moves = ctx.movesOf(i, target);
          // The easiest move is the smallest rise in percentile, then the earlier column.
          const easiest = [...moves].sort((x, y) => x.pTo - x.pFrom - (y.pTo - y.pFrom) || x.metric - y.metric)[0] ?? null;
          expect(ctx.bestOf(i, target)).toEqual(easiest);
          for (let m = 0; m < 3; m++) {
            if (weights[m] === 0) continue;
            const better = (v: number) => (lower[m] ? -v : v);
            const x = better(rows[i][m]);
            // Every value that could matter: the others' values, midway between them, and beyond both ends.
            const others = [...new Set(rows.map((r) => better(r[m])))].sort((p, q) => p - q);
            const probes = [...others, ...others.map((o) => o + 0.5), others[0] - 0.5].filter((v) => v > x).sort((p, q) => p - q);
            const rescore = (bx: number) => run(grid({ i, m, v: lower[m] ? -bx : bx }), settings);
            const move = moves.find((mv) => mv.metric === m);
            if (!move) {
              for (const bx of probes) expect(reachesFixed(i, rescore(bx).score[i], target)).toBe(false);
              continue;
            }
            const reached = better(move.to) + (move.beyond ? 0.5 : 0);
            const after = rescore(reached);
            expect(after.tier[i]).toBeLessThanOrEqual(target);
            expect(reachesFixed(i, after.score[i], target)).toBe(true);
            expect(after.percentiles[m]![i]).toBeCloseTo(move.pTo, 12);
            for (const bx of probes) if (bx < reached) expect(reachesFixed(i, rescore(bx).score[i], target)).toBe(false);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
