import { describe, expect, it } from 'vitest';
import { analyseGrid, computeElsewhere, parseSettings, whaleCurve, whalePeak, type Kpis } from '../../src/core';
import { analyseRows } from '../../src/core/pipeline';

const GRID = [
  ['Account', 'Revenue', 'Profit', 'Engagement', 'Recency'],
  ['A', 900, 200, 80, 10],
  ['B', 500, -50, 40, 200],
  ['C', 100, 30, 90, 30],
  ['D', 300, 60, 10, 400],
];
const LATER = ['segment', 'health', 'drivers', 'capacity', 'byTier', 'bySegment', 'whale', 'kpis', 'warnings'] as const;

describe('An analysis computes what only some surfaces show when it is first read', () => {
  it('has score and tier at once, and segments, health, drivers, tables, whale, KPIs and warnings only once read', () => {
    const a = analyseRows(GRID[0], GRID.slice(1), parseSettings({}), {});
    for (const key of LATER) expect(Object.getOwnPropertyDescriptor(a, key)?.get, key).toBeTypeOf('function');
    expect(Object.getOwnPropertyDescriptor(a, 'tier')?.value).toBeInstanceOf(Int8Array);
    const kpis = a.kpis;
    expect(Object.getOwnPropertyDescriptor(a, 'kpis')?.value).toBe(kpis); // kept: computed once
    expect(Object.getOwnPropertyDescriptor(a, 'health')?.get).toBeTypeOf('function');
  });

  it('gives the same values read lazily as a spread copy of every field (what analyseGrid returns)', () => {
    const settings = parseSettings({});
    const lazy = analyseRows(GRID[0], GRID.slice(1), settings, {});
    const copy = analyseGrid(GRID, settings);
    for (const key of LATER) expect(lazy[key], key).toEqual(copy[key]);
    expect([copy.segment[0], copy.segment[2]]).toEqual([0, 2]); // the highest revenue a Money Maker, the lowest a Filler
  });

  it('takes a value not yet read from elsewhere, which may ask for the analysis’s own; a value already read stays', () => {
    const settings = parseSettings({});
    const a = analyseRows(GRID[0], GRID.slice(1), settings, {});
    const own = analyseRows(GRID[0], GRID.slice(1), settings, {});
    const given = { ...own.kpis, accounts: 99 } satisfies Kpis;
    let asked = 0;
    computeElsewhere(a, 'kpis', () => {
      asked++;
      return given;
    });
    expect(asked).toBe(0); // asked when read, not before
    expect(a.kpis).toBe(given);
    expect(a.kpis).toBe(given);
    expect(asked).toBe(1);
    // Elsewhere without an answer: the analysis computes it, as it would have.
    computeElsewhere(a, 'whale', (here) => here());
    expect(a.whale).toEqual(own.whale);
    expect(a.whale!.x).toEqual(own.whale!.x);
    // Already read: nothing changes.
    computeElsewhere(a, 'kpis', () => ({ ...given, accounts: 1 }));
    expect(a.kpis.accounts).toBe(99);
  });

  it('draws the same whale curve from a peak computed elsewhere as from its own', () => {
    const profit = new Float64Array([5, -2, 9, Number.NaN, 1, 0]);
    const include = new Uint8Array([1, 1, 1, 1, 0, 1]);
    const own = whaleCurve(profit, include)!;
    const given = whaleCurve(profit, include, whalePeak(profit, include))!;
    expect([given.peak, given.peakAccounts, given.accounts]).toEqual([own.peak, own.peakAccounts, own.accounts]);
    expect([...given.x]).toEqual([...own.x]);
    expect([...given.y]).toEqual([...own.y]);
    expect(own.peak).toBeCloseTo(14 / 12, 12);
    expect(whaleCurve(profit, include, null)).toBeNull();
    expect(whalePeak(new Float64Array([-1, -2]), new Uint8Array([1, 1]))).toBeNull();
  });
});
