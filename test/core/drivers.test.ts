import { describe, expect, it } from 'vitest';
import { describeDrivers } from '../../src/core';
import { run } from './helpers';

describe('drivers (SPEC §9)', () => {
  it('names the two metrics adding most (w·p) and the one holding the score back most', () => {
    // 5 rows. Row E: profit 1 (w3 → 3), revenue .75 (w2 → 1.5), engagement 0 (w2, loses 2), orders .5 (w1, loses .5).
    const a = run([
      ['Account', 'Revenue', 'Profit', 'Engagement', 'Orders'],
      ['A', 1, 1, 5, 1], ['B', 2, 2, 4, 2], ['C', 3, 3, 3, 3], ['D', 5, 4, 2, 4], ['E', 4, 5, 1, 3],
    ]);
    const text = describeDrivers(a.drivers, 4, a.table.mapping.metrics, a.percentiles);
    // Orders 3, 3 tie at p = (2 + .5) / 4 = .625; E's engagement is the lowest (p 0 → bottom 1%).
    expect(text).toBe('profit (top 1%), revenue (top 25%); weakest: engagement (bottom 1%)');
  });

  it('says nothing of a weakest metric when no other metric loses points', () => {
    const a = run([['Account', 'Revenue'], ['A', 1], ['B', 2]]);
    expect(describeDrivers(a.drivers, 1, a.table.mapping.metrics, a.percentiles)).toBe('revenue (top 1%)');
    expect(describeDrivers(a.drivers, 0, a.table.mapping.metrics, a.percentiles)).toBe('revenue (top 100%)');
  });
});
