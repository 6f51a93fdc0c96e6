import { describe, expect, it } from 'vitest';
import { findHeaderRow, looksLikeHeader } from '../../src/core';
import { run } from './helpers';

/** src/core/columns.ts findHeaderRow: the header is the row naming the most roles, the first such; else the first row that looks like a header. */
describe('the header row', () => {
  it('is never an empty row: blank rows above the header are skipped', () => {
    expect(looksLikeHeader(['', '', null])).toBe(false);
    expect(looksLikeHeader([])).toBe(false);
    // No header here names a role: the first row that looks like a header is row 3, not the blank rows above it.
    expect(
      findHeaderRow([
        ['', ''],
        [null, ''],
        ['Region', 'Notes'],
        ['North', 5],
      ]),
    ).toBe(2);
  });

  it('of two rows naming as many roles, is the first', () => {
    // Both rows name two roles: the first wins; the second is then a data row.
    expect(
      findHeaderRow([
        ['Revenue', 'Profit'],
        ['Orders', 'Engagement'],
        [10, 1],
      ]),
    ).toBe(0);
    expect(findHeaderRow([['Q3 export'], ['Account', 'Revenue'], ['Account', 'Profit'], ['A', 10]])).toBe(1);
  });

  it('is the row naming more roles, wherever it stands among the candidates', () => {
    expect(
      findHeaderRow([
        ['Account', 'Notes'],
        ['Account', 'Revenue'],
        ['A', 10],
      ]),
    ).toBe(1);
  });

  it('decides which columns are scored: the table scores by the first of two equal headers', () => {
    // Header "Revenue, Profit": the second row is data, invalid as text in metric columns.
    const a = run([
      ['Account', 'Revenue', 'Profit'],
      ['Account', 'Orders', 'Engagement'],
      ['A', 10, 1],
      ['B', 20, 2],
    ]);
    expect(a.headerRow).toBe(0);
    expect(a.table.mapping.metrics.map((m) => m.role)).toEqual(['revenue', 'profit']);
  });
});
