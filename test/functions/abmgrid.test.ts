import { describe, expect, it } from 'vitest';
import { abmGrid } from '../../src/functions/abmgrid';
import { abmTier } from '../../src/functions';

const HEADER = ['Account', 'Revenue', 'Engagement'];
// Revenue (fit) rises, engagement falls: fit 0, 25, 50, 75, 100 and engagement the reverse.
const TABLE = [HEADER, ['A', 10, 50], ['B', 20, 40], ['C', 30, 30], ['D', 40, 20], ['E', 50, 10]];

describe('ABMGRID', () => {
  it('gives Fit, Engagement and the grid cell per row (hand-computed, cut-offs 20/30/50)', () => {
    expect(abmGrid(TABLE)).toEqual([
      ['Fit', 'Engagement', 'Grid'],
      [0, 100, 'C1'],
      [25, 75, 'C2'],
      [50, 50, 'B2'],
      [75, 25, 'B3'],
      [100, 0, 'A3'],
    ]);
  });

  it('weights count within an axis', () => {
    // Fit = revenue (p 0 … 1) and profit (constant: p ½ each) weighted 1 : 3.
    const table = [
      ['Account', 'Revenue', 'Profit', 'Orders'],
      ['A', 1, 5, 1],
      ['B', 2, 5, 2],
      ['C', 3, 5, 3],
    ];
    const out = abmGrid(table, 'revenue=1, profit=3');
    expect(out.slice(1).map((r) => r[0])).toEqual([37.5, 50, 62.5]);
  });

  it('a bad cell: its message in the row, the other rows still computed; a blank row stays blank', () => {
    const out = abmGrid([HEADER, ['A', 10, 50], ['', '', ''], ['B', '12,5OO', 40], ['C', 30, 30]]);
    expect(out[2]).toEqual(['', '', '']);
    expect(out[3]).toEqual(['Row 4 of the range, column "Revenue": "12,5OO" is not a number.', '', '']);
    expect(out[1][2]).toMatch(/^[ABC][123]$/u);
    expect(out[4][2]).toMatch(/^[ABC][123]$/u);
  });

  it('needs the header row (the axes come from the roles)', () => {
    expect(() =>
      abmGrid([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow('metrics: ABMGRID needs the header row to find its columns.');
  });

  it('speaks the document’s language', () => {
    expect(abmGrid(TABLE, undefined, { lang: 'th' })[0]).toEqual(['ความเหมาะสม', 'การมีส่วนร่วม', 'ตาราง']);
  });

  it('ABMTIER with method "grid" tiers by the program of each cell', () => {
    expect(abmTier(TABLE, 'grid').map((r) => r[0])).toEqual(['Tier', 'Tier 2', 'Tier 3', 'Tier 2', 'Tier 3', 'Tier 2']);
  });

  it('ABMTIER cannot tier scores alone by the grid', () => {
    expect(() => abmTier([['Score'], [10], [20]], 'grid')).toThrow(/grid method tiers accounts by their fit and engagement metrics/u);
  });
});
