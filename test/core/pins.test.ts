import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignTiers,
  capUnprofitable,
  NO_PIN,
  parseSettings,
  PIN_EXCLUDE,
  pinnedTiers,
  places,
  readOutcomes,
  readPin,
  reportCard,
  type Pins,
} from '../../src/core';
import { accounts, run, say, segments, tiers } from './helpers';

const LABELS = ['Tier 1', 'Tier 2', 'Tier 3'];
/** Ten accounts A…J, revenue 100, 90, … 10: the score falls from A to J. */
const tenAccounts = (pins: string[]) => accounts(['Revenue', 'Pin'], ...pins.map((p, i) => [100 - 10 * i, p]));

describe('reading a pin', () => {
  it('reads labels, Tier 1/2/3, 1/2/3 and exclude in the four languages, with a reason after a colon or a spaced dash', () => {
    const labels = ['High', 'Medium', 'Low'];
    expect(readPin('high', labels)).toEqual({ pin: 0, reason: null });
    expect(readPin(' Tier 2 ', labels)).toEqual({ pin: 1, reason: null });
    expect(readPin(3, labels)).toEqual({ pin: 2, reason: null });
    expect(readPin('Low: competitor', labels)).toEqual({ pin: 2, reason: 'competitor' });
    expect(readPin('exclude - partner', labels)).toEqual({ pin: PIN_EXCLUDE, reason: 'partner' });
    for (const word of ['Excluded', 'ไม่รวม', '排除', 'բացառել']) expect(readPin(word, labels)?.pin).toBe(PIN_EXCLUDE);
    expect(readPin('', labels)).toEqual({ pin: NO_PIN, reason: null });
    expect(readPin(null, labels)).toEqual({ pin: NO_PIN, reason: null });
  });

  it('refuses what is not a pin', () => {
    for (const bad of ['Tier 4', 4, 'Gold', 'High-ish', true, 'Tier-1 x']) expect(readPin(bad, ['High', 'Medium', 'Low'])).toBeNull();
  });
});

describe('pinned tiers (docs/scoring.md, "Pinned tiers")', () => {
  it('quantile: a pinned Tier 1 takes a Tier 1 place, an excluded account leaves the pyramid (the worked example)', () => {
    const a = run(tenAccounts(['', '', '', '', '', '', '', 'Tier 1: strategic logo', '', 'exclude - partner']));
    // n = 9 (J excluded): K1 = 2, K2 = 5; H takes one Tier 1 place: K1 = 1, K2 = 4 for the others.
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 2', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 1', 'Tier 3', '']);
    expect(a.pinned?.rows).toEqual([7, 9]);
    expect(a.pinned?.pins.reason[7]).toBe('strategic logo');
    expect(a.pinned?.pins.reason[9]).toBe('partner');
    // What the data alone said: H Tier 3, J Tier 3.
    expect(a.pinned?.alone[7]).toBe(2);
    expect(a.pinned?.alone[9]).toBe(2);
    expect(a.pinned?.excluded).toBe(1);
    expect(a.capacity.accounts).toEqual([2, 3, 4]);
  });

  it('an excluded account leaves the segments’ ranking and the tables', () => {
    const a = run(tenAccounts(['exclude', '', '', '', '', '', '', '', '', '']));
    // Nine accounts B…J ranked by revenue with 20/40/40: K1 = floor(1.8 + 0.5) = 2, K2 = floor(5.4 + 0.5) = 5.
    expect(segments(a)).toEqual(['', 'Money Maker', 'Money Maker', 'Contributor', 'Contributor', 'Contributor', 'Filler', 'Filler', 'Filler', 'Filler']);
    expect(a.byTier.total.accounts).toBe(9);
    expect(a.bySegment.total.revenue).toBe(450);
  });

  it('capacity: pinned accounts use the marketers’ places', () => {
    const rows = tenAccounts(['', '', '', '', '', '', '', '', 'Tier 1', 'Tier 2']);
    const a = run(rows, { method: 'capacity', capacity: { strategicMarketers: 1, strategicAccounts: 3, liteMarketers: 1, liteAccounts: 3 } });
    // K1 = 3, K2 = 6; I takes a Tier 1 place, J a Tier 2 place: the others get K1 = 2, K2 = 4.
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 1', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 1', 'Tier 2']);
  });

  it('more pins than places: the places left are never below 0', () => {
    const a = run(tenAccounts(['', '', '', '', '', '', 'Tier 1', 'Tier 1', 'Tier 1', 'Tier 1']));
    // K1 = 2 < 4 pinned: no Tier 1 place left; K2 = 5 − 4 = 1 Tier 2 place.
    expect(tiers(a)).toEqual(['Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 1', 'Tier 1', 'Tier 1', 'Tier 1']);
  });

  it('threshold: pins move no other account', () => {
    const settings = { method: 'threshold' as const };
    const without = tiers(run(tenAccounts(Array(10).fill('')), settings));
    const pinned = tiers(run(tenAccounts(['Tier 3', '', '', '', '', '', '', '', '', 'Tier 1']), settings));
    expect(pinned).toEqual(['Tier 3', ...without.slice(1, 9), 'Tier 1']);
  });

  it('pareto: excluded accounts leave the value curve; pinned ones stay in it', () => {
    const rows = accounts(['Profit', 'Pin'], [50, ''], [30, 'Tier 3'], [10, ''], [10, 'exclude']);
    // Curve without D: total 90; A before 0 → Tier 1, B (pinned), C before 80/90 = 89 % → Tier 2.
    expect(tiers(run(rows, { method: 'pareto' }))).toEqual(['Tier 1', 'Tier 3', 'Tier 2', '']);
  });

  it('a pin wins over the unprofitable cap, and the warnings say so', () => {
    const rows = accounts(['Profit', 'Revenue', 'Pin'], [-5, 1000, 'Tier 1'], [-5, 900, ''], [10, 10, ''], [20, 20, '']);
    const a = run(rows);
    expect(tiers(a)[0]).toBe('Tier 1');
    expect(a.capped).toBe(a.cappedRows?.reduce((s, v) => s + v, 0));
    expect(a.cappedRows?.[0]).toBe(0);
    expect(a.warnings.map(say)).toContain('1 pinned account loses money and keeps its pinned tier: a pin wins over the unprofitable cap (Tier 3).');
  });

  it('a bad pin is said with its row, column and value, and the row is tiered unpinned', () => {
    const a = run(tenAccounts(['Tier 9', '', '', '', '', '', '', '', '', '']));
    expect(tiers(a)).toEqual(tiers(run(tenAccounts(Array(10).fill('')))));
    const said = a.warnings.map(say).find((w) => w.includes('Tier 9'));
    expect(said).toBe(
      'Row 2, column "Pin": "Tier 9" is not a pin: write Tier 1, Tier 2, Tier 3 or exclude, with a reason after a colon if you like ("Tier 1: strategic logo"). The account is tiered without a pin.',
    );
  });

  it('a pin-reason column gives the reason; renamed labels pin too', () => {
    const rows = accounts(['Revenue', 'Manual tier', 'Pin reason'], [10, 'low', 'competitor'], [20, '', ''], [30, '', '']);
    const a = run(rows, { labels: ['High', 'Medium', 'Low'] });
    expect(a.pinned?.pins.pin[0]).toBe(2);
    expect(a.pinned?.pins.reason[0]).toBe('competitor');
  });
});

const settingsOf = (method: 'quantile' | 'capacity' | 'threshold' | 'pareto') =>
  parseSettings({ method, capacity: { strategicMarketers: 1, strategicAccounts: 2, liteMarketers: 1, liteAccounts: 3 } });
/** Distinct scores (so that no ties widen a tier) and a pin per row. */
const scored = fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 40 }).chain((s) =>
  fc.record({
    scores: fc.constant(Float64Array.from(s, (v) => v / 100)),
    pins: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(NO_PIN) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }) }), {
      minLength: s.length,
      maxLength: s.length,
    }),
    profit: fc.array(fc.integer({ min: -3, max: 10 }), { minLength: s.length, maxLength: s.length }),
  }),
);
const pinsOf = (p: number[]): Pins => ({ pin: Int8Array.from(p), reason: p.map(() => null) });
const methods = fc.constantFrom('quantile', 'capacity', 'threshold', 'pareto') as fc.Arbitrary<'quantile' | 'capacity' | 'threshold' | 'pareto'>;

describe('pinned tiers: properties', () => {
  it('a table with an empty Pin column (or a pinned row’s pin removed) is tiered exactly as today', () => {
    const rowsArb = fc.array(fc.tuple(fc.integer({ min: -20, max: 100 }), fc.integer({ min: -20, max: 50 })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(rowsArb, methods, (rows, method) => {
        const plain = accounts(['Revenue', 'Profit'], ...rows);
        const withColumn = accounts(['Revenue', 'Profit', 'Pin'], ...rows.map((r) => [...r, '']));
        const a = run(plain, { method });
        const b = run(withColumn, { method });
        expect(b.pinned).toBeNull();
        expect(Array.from(b.tier)).toEqual(Array.from(a.tier));
        expect(Array.from(b.segment)).toEqual(Array.from(a.segment));
      }),
      { numRuns: 60 },
    );
  });

  it('with no pins the tiers are exactly the method’s and the cap’s', () => {
    fc.assert(
      fc.property(scored, methods, ({ scores, profit }, method) => {
        const settings = settingsOf(method);
        const value = Float64Array.from(profit);
        const expected = assignTiers(scores, settings, value);
        capUnprofitable(expected, value);
        const got = pinnedTiers(scores, settings, assignTiers(scores, settings, value), value, value, pinsOf(profit.map(() => NO_PIN)));
        expect(Array.from(got.tier)).toEqual(Array.from(expected));
      }),
    );
  });

  it('a pin never changes another pinned account, and every pinned account keeps its pin', () => {
    fc.assert(
      fc.property(scored, methods, fc.nat(), fc.integer({ min: 0, max: 3 }), ({ scores, pins, profit }, method, at, extra) => {
        const settings = settingsOf(method);
        const value = Float64Array.from(profit);
        const byMethod = assignTiers(scores, settings, value);
        const before = pinnedTiers(scores, settings, byMethod, value, value, pinsOf(pins));
        const more = [...pins];
        more[at % pins.length] = extra;
        const after = pinnedTiers(scores, settings, byMethod, value, value, pinsOf(more));
        for (let i = 0; i < pins.length; i++) {
          if (more[i] === NO_PIN) continue;
          expect(after.tier[i]).toBe(more[i] === PIN_EXCLUDE ? -1 : more[i]);
          if (pins[i] !== NO_PIN && i !== at % pins.length) expect(after.tier[i]).toBe(before.tier[i]);
        }
      }),
    );
  });

  it('quantile and capacity: the pyramid’s counts respect the places (without the cap)', () => {
    fc.assert(
      fc.property(scored, fc.constantFrom('quantile', 'capacity') as fc.Arbitrary<'quantile' | 'capacity'>, ({ scores, pins }, method) => {
        const settings = settingsOf(method);
        const got = pinnedTiers(scores, settings, assignTiers(scores, settings, null), null, null, pinsOf(pins));
        const p = [0, 1, 2, 3].map((t) => pins.filter((v) => v === t).length);
        const n = scores.length - p[3];
        const [k1, k2] = method === 'quantile' ? [places(n, 20), places(n, 50)] : [2, 5];
        const free = n - p[0] - p[1] - p[2];
        const count = (t: number) => Array.from(got.tier).filter((v) => v === t).length;
        const left1 = Math.min(free, Math.max(0, k1 - p[0]));
        const left2 = Math.min(free, Math.max(left1, k2 - p[0] - p[1]));
        expect(count(0)).toBe(p[0] + left1);
        expect(count(1)).toBe(p[1] + left2 - left1);
        expect(count(2)).toBe(p[2] + free - left2);
        expect(count(-1)).toBe(p[3]);
      }),
    );
  });
});

describe('the report card with pins', () => {
  it('counts pinned accounts apart: their rate beside the unpinned rate of their pinned tier and of the tier the score gave', () => {
    // Rows 0–5 unpinned (Tier 1 rate 1, Tier 2 0.5, Tier 3 0); rows 6, 7 pinned Tier 1 from a score of Tier 3; row 8 pinned Tier 3 from Tier 1.
    const tier = Int8Array.from([0, 0, 1, 1, 2, 2, 0, 0, 2]);
    const pin = Int8Array.from([-1, -1, -1, -1, -1, -1, 0, 0, 2]);
    const alone = Int8Array.from([0, 0, 1, 1, 2, 2, 2, 2, 0]);
    const outcomes = readOutcomes([1, 1, 1, 0, 0, 0, 1, 0, 1], false);
    const card = reportCard({ tier, score: null, outcomes, labels: LABELS, pins: { pin, alone } });
    expect(card.accounts).toBe(6);
    expect(card.tiers.map((t) => t.rate)).toEqual([1, 0.5, 0]);
    expect(card.pinned?.tiers[0]).toEqual({ label: 'Tier 1', accounts: 2, successes: 1, rate: 0.5, unpinnedRate: 1 });
    expect(card.pinned?.up).toEqual({ accounts: 2, successes: 1, rate: 0.5, scoreRate: 0 });
    expect(card.pinned?.down).toEqual({ accounts: 1, successes: 1, rate: 1, scoreRate: 1 });
    expect(reportCard({ tier, score: null, outcomes, labels: LABELS }).pinned).toBeNull();
  });
});
