import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { driverPlan, driversOf, rankAll, type DriverRows, type RankJob } from '../../src/core';
import { collectGarbage } from '../../src/cli/parallel-rows';
import {
  sharedDrivers,
  sharedRanker,
  sideReply,
  SHARE_FROM,
  type SideHelper,
  type SideName,
  type SideReply,
  type SideRequest,
} from '../../src/cli/side-results';

// The ranks and drivers the command line shares with its rows worker (side-results.ts): whichever
// thread is free takes the next metric or block of rows. However the work falls (the worker takes
// none, all, or some and then fails), the figures are those of one thread alone.

const n = SHARE_FROM + 4321;

/** A column of n values with ties, gaps and negatives, from a seed (no Math.random: a failure can be replayed). */
function columnOf(seed: number, shared: boolean): Float64Array {
  const out = new Float64Array(shared ? new SharedArrayBuffer(8 * n) : new ArrayBuffer(8 * n));
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    out[i] = x % 13 === 0 ? Number.NaN : (x % 977) - 200;
  }
  return out;
}

const include = Uint8Array.from({ length: n }, (_, i) => (i % 29 === 3 ? 0 : 1));

/** Five metrics; the jobs' arrays in shared memory but for the fourth (which this thread always ranks itself). */
function jobs(): RankJob[] {
  return [1, 2, 3, 4, 5].map((seed, m) => ({
    column: columnOf(seed, false),
    flip: m === 1,
    out: new Float64Array(m === 3 ? new ArrayBuffer(8 * n) : new SharedArrayBuffer(8 * n)),
  }));
}

const expected = rankAll(jobs(), include);

/** A helper whose worker does `work` with the request when asked, then answers `reply` (or nothing). */
function helper(work: (request: SideRequest) => SideReply | null): SideHelper & { asked: SideName[] } {
  const replies = new Map<SideName, SideReply | null>();
  const asked: SideName[] = [];
  return {
    asked,
    ask(request) {
      asked.push(request.side);
      replies.set(request.side, work(request));
    },
    answer<S extends SideName>(side: S) {
      const reply = replies.get(side);
      return reply && 'value' in reply ? (reply as Extract<SideReply, { side: S; value: unknown }>) : null;
    },
  };
}

describe('ranks shared with the worker', () => {
  it('ranks every metric here when the worker takes none (it is busy until the end, then answers)', () => {
    const h = helper((request) => ({ side: request.side, value: true }) as SideReply);
    const ranked = sharedRanker(h)(jobs(), include);
    expect(h.asked).toEqual(['rank']);
    expect(ranked).toEqual(expected);
  });

  it('gives the worker’s ranks when it takes every shared metric (it answers before this thread starts)', () => {
    let claimed = 0;
    const h = helper((request) => {
      const reply = sideReply(request);
      if (request.side === 'rank') claimed = Atomics.load(request.claims, 0);
      return reply;
    });
    const given = jobs();
    const ranked = sharedRanker(h)(given, include);
    expect(ranked).toEqual(expected);
    // The four shared metrics were the worker's (it claimed them all, then found none left); the fourth job stayed here.
    expect(claimed).toBe(5);
    expect(ranked[0]).toBe(given[0].out);
  });

  it('ranks afresh, into new arrays, the metrics a worker took and then failed on', () => {
    const h = helper((request) => {
      if (request.side !== 'rank') return null;
      // It takes the first two and writes nonsense into them before it fails.
      for (let k = 0; k < 2; k++) {
        Atomics.add(request.claims, 0, 1);
        request.jobs[k].out.fill(42);
      }
      return { side: 'rank', error: 'out of memory' };
    });
    const given = jobs();
    const ranked = sharedRanker(h)(given, include);
    expect(ranked).toEqual(expected);
    expect(ranked[0]).not.toBe(given[0].out);
    expect(ranked[2]).toBe(given[2].out);
  });

  it('does not ask the worker for a small table, nor for a single shared metric', () => {
    const h = helper(() => null);
    const small = Uint8Array.from({ length: 1000 }, () => 1);
    const one = [{ column: new Float64Array(1000).map((_, i) => i % 7), flip: false, out: new Float64Array(new SharedArrayBuffer(8000)) }];
    expect(sharedRanker(h)(one, small)).toEqual(rankAll(one, small));
    expect(sharedRanker(h)(jobs().slice(3, 5), include)).toEqual(rankAll(jobs().slice(3, 5), include));
    expect(h.asked).toEqual([]);
  });
});

describe('drivers shared with the worker', () => {
  const plan = driverPlan(expected, [3, 1, 0, 2, 1.5]);
  const scored = Float64Array.from({ length: n }, (_, i) => (include[i] && i % 31 !== 0 ? (i * 37) % 100 : Number.NaN));
  const alone = driversOf(plan, scored);
  const rowsOf = (rows: DriverRows | null) => rows && { first: rows.first, second: rows.second, weakest: rows.weakest };

  it('finds the same drivers one thread alone would (a metric without weight is never one)', () => {
    expect(alone.first.some((d) => d === 2) || alone.weakest.some((d) => d === 2)).toBe(false);
    expect(new Set(alone.first)).toEqual(new Set([-1, 0, 1, 3, 4]));
    for (const work of [(request: SideRequest) => ({ side: request.side, value: true }) as SideReply, (request: SideRequest) => sideReply(request)]) {
      expect(rowsOf(sharedDrivers(helper(work))(plan, scored))).toEqual(alone);
    }
  });

  it('finds every row’s drivers here when the worker took blocks and then failed', () => {
    const h = helper((request) => {
      if (request.side !== 'drivers') return null;
      Atomics.add(request.claims, 0, 1);
      request.out.first.fill(7, 0, 1000);
      return { side: 'drivers', error: 'gone' };
    });
    expect(rowsOf(sharedDrivers(h)(plan, scored))).toEqual(alone);
  });

  it('leaves a small table to the analysis (null: found there)', () => {
    const h = helper(() => null);
    expect(sharedDrivers(h)(plan, scored.subarray(0, 1000))).toBeNull();
    expect(h.asked).toEqual([]);
  });
});

describe('the worker’s garbage', () => {
  it('is collected in one full collection when the rows begin (gc is given to a new context)', () => {
    expect(collectGarbage()).toBe(true);
    expect(runInNewContext('typeof gc')).toBe('function');
  });
});
