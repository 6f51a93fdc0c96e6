import { describe, expect, it } from 'vitest';
import { findHeaderRow, mapColumns, parseSettings } from '../../src/core';
import { run } from './helpers';

const map = (header: string[], settings = {}) => mapColumns(header, header.length, parseSettings(settings));
const roles = (header: string[], settings = {}) => map(header, settings).metrics.map((m) => `${m.header}:${m.role}`);

describe('columns and roles (SPEC §1)', () => {
  it('maps a header equal to a role name, any case, with a trailing (unit) ignored', () => {
    expect(roles(['REVENUE', 'Recency (days)', 'profit'])).toEqual(['REVENUE:revenue', 'Recency (days):recency', 'profit:profit']);
  });

  it('maps synonyms, and lets an exact role name win over a synonym', () => {
    expect(roles(['Sales', 'Revenue'])).toEqual(['Revenue:revenue']);
    expect(roles(['Cost to serve', 'Support tickets', 'Customer since'])).toEqual(['Cost to serve:cost', 'Support tickets:support', 'Customer since:tenure']);
  });

  it('gives each role one column at most, the first', () => {
    expect(roles(['Engagement', 'Engagement'])).toEqual(['Engagement:engagement']);
    expect(map(['Engagement', 'Engagement']).unmapped.map((u) => u.index)).toEqual([1]);
  });

  it('carries unmapped columns along and finds the account column', () => {
    const m = map(['Company', 'Industry', 'Revenue']);
    expect(m.account).toBe(0);
    expect(m.unmapped).toEqual([{ index: 1, header: 'Industry' }]);
  });

  it('derives profit as revenue − cost when there is no profit column', () => {
    const a = run([['Account', 'Revenue', 'Cost'], ['A', 100, 30], ['B', 50, 80]]);
    const p = a.table.mapping.metrics.findIndex((m) => m.role === 'profit');
    expect(Array.from(a.table.values[p])).toEqual([70, -30]);
    expect(a.table.mapping.derivedProfit).toBe(true);
  });

  it('takes the user\'s roles, weights and directions over the defaults', () => {
    const m = map(['Revenue', 'NPS', 'Orders'], { roles: { NPS: 'custom', Orders: 'ignore' }, weights: { revenue: 5, nps: 2 }, directions: { NPS: 'lower' } });
    expect(m.metrics.map((c) => [c.name, c.weight, c.direction])).toEqual([['revenue', 5, 'higher'], ['NPS', 2, 'lower']]);
  });

  it('finds the header below a title row', () => {
    expect(findHeaderRow([['Q3 export'], [''], ['Account', 'Revenue', 'Profit'], ['A', 1, 2]])).toBe(2);
    expect(findHeaderRow([[1, 2], [3, 4]])).toBe(-1);
  });
});
