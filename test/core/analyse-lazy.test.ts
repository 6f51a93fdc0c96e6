import { describe, expect, it } from 'vitest';
import { analyseGrid, parseSettings } from '../../src/core';
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
});
