import { describe, expect, it } from 'vitest';
import {
  analyseGrid,
  describeDrivers,
  findHeaderRow,
  looksLikeHeader,
  mapColumns,
  normaliseHeader,
  parseSettings,
  roleOfHeader,
  type Cell,
} from '../../src/core';
import { say } from './helpers';

// Header cells of a megabyte each: every text step must be linear (a quadratic one takes hours here).
const MB = 1_000_000;
const spaces = ' '.repeat(MB);
const alternating = ' a'.repeat(MB / 2);
const tabs = '\t \u00a0'.repeat(MB / 3);
const brackets = '('.repeat(MB);
const unitAfterSpaces = `Revenue${spaces}(${'x'.repeat(MB)})${spaces}`;
const dashes = '-_/.#'.repeat(MB / 5);
const digitsAndSpaces = '1 '.repeat(MB / 2);
const HUGE = [spaces, alternating, tabs, brackets, unitAfterSpaces, dashes, digitsAndSpaces];

describe('header cells of a megabyte (issue "Exact to the last digit, hard to break")', () => {
  it('normalises each like a short one', () => {
    expect(normaliseHeader(spaces)).toBe('');
    expect(normaliseHeader(alternating)).toBe(`${'a '.repeat(MB / 2 - 1)}a`);
    expect(normaliseHeader(tabs)).toBe('');
    expect(normaliseHeader(brackets)).toBe(brackets);
    expect(normaliseHeader(unitAfterSpaces)).toBe('revenue');
    expect(normaliseHeader(dashes)).toBe('');
    expect(normaliseHeader(`${spaces}Recency (days)`)).toBe('recency');
    expect(roleOfHeader(unitAfterSpaces)).toEqual({ role: 'revenue', exact: true });
  });

  it('finds the header row and maps its columns', () => {
    const header: Cell[] = ['Account', ...HUGE.filter((h) => h !== unitAfterSpaces), 'Revenue', 'Profit'];
    expect(looksLikeHeader(header)).toBe(true);
    expect(findHeaderRow([[spaces], header, ['A', ...HUGE.map(() => ''), 1, 2]], 10)).toBe(1);
    const mapping = mapColumns(header, header.length, parseSettings({}));
    expect(mapping.account).toBe(0);
    expect(mapping.metrics.map((m) => m.role)).toEqual(['revenue', 'profit']);
    // The headers of spaces only (1, 3) trim to nothing, so they are not even listed as unmapped.
    expect(mapping.unmapped.map((u) => u.index)).toEqual([2, 4, 5, 6]);
  });

  it('maps a megabyte header through the settings, keyed by that header', () => {
    const settings = parseSettings({ roles: { [alternating]: 'custom' }, weights: { [alternating]: 3 } });
    const mapping = mapColumns(['Account', alternating, spaces], 3, settings);
    expect(mapping.metrics.map((m) => [m.index, m.role, m.weight])).toEqual([[1, 'custom', 3]]);
  });

  it('scores a sheet with such headers, and quotes them short in messages and drivers', () => {
    const settings = parseSettings({ asOf: '2026-06-30', roles: { [alternating]: 'custom' } });
    const rows: Cell[][] = [
      ['Account', unitAfterSpaces, alternating, spaces, brackets, digitsAndSpaces],
      ['A', 10, 1, 'x', 'y', 'z'],
      ['B', 'lots', 2, '', '', ''],
      ['C', 30, '#N/A', '', '', ''],
    ];
    const a = analyseGrid(rows, settings);
    expect(a.headerRow).toBe(0);
    expect(a.table.mapping.metrics.map((m) => m.role)).toEqual(['revenue', 'custom']);
    expect(a.scored).toBe(2);
    const message = say(a.table.messages.get(1)!);
    expect(message).toBe(`Row 3, column "Revenue${' '.repeat(50)}…": "lots" is not a number.`);
    expect(say(a.warnings[0]).length).toBeLessThan(120);
    const drivers = describeDrivers(a.drivers, 0, a.table.mapping.metrics, a.percentiles, say);
    expect(drivers.length).toBeLessThan(120);
  });
});
