import { describe, expect, it } from 'vitest';
import { ROW_BLANK, ROW_INVALID, ROW_OK } from '../../src/core';
import { accounts, run, segments } from './helpers';

/** SPEC §2: an invalid row gets its message and nothing else; a blank row is no account at all; any other row is an account. */
describe('which rows count', () => {
  it('leaves an invalid row out of the revenue ranking of segments, so it takes no Money Maker place', () => {
    // F's engagement is text: F is invalid, whatever its revenue. The five valid rows: n = 5,
    // K1 = floor(1 + .5) = 1, K2 = floor(3 + .5) = 3. Counting F (n = 6) would make it the Money Maker.
    const a = run(accounts(['Revenue', 'Engagement'], [50, 1], [40, 2], [30, 3], [20, 4], [10, 5], [1000, 'high']));
    expect(a.table.status[5]).toBe(ROW_INVALID);
    expect(segments(a)).toEqual(['Money Maker', 'Contributor', 'Contributor', 'Filler', 'Filler', '']);
  });

  it('counts a row of only #N/A as an account without a score, not as a blank row', () => {
    // Row 3 has no account name and #N/A in every metric: not empty, so not blank (SPEC §2).
    const a = run([
      ['Account', 'Revenue', 'Engagement'],
      ['A', 10, 1],
      ['', '#N/A', '#N/A'],
      ['B', 20, 2],
      ['', '', ''],
    ]);
    expect(Array.from(a.table.status)).toEqual([ROW_OK, ROW_OK, ROW_OK, ROW_BLANK]);
    expect(a.kpis.accounts).toBe(3);
    expect(a.scored).toBe(2);
    expect(Number.isNaN(a.score[1])).toBe(true);
  });
});
