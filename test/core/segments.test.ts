import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core';
import { accounts, run, segments, TEN_REVENUES, TEN_SEGMENTS } from './helpers';

const byRevenue = (revenues: Cell[]) => accounts(['Revenue'], ...revenues.map((r) => [r]));

describe('relationship segments (SPEC §6)', () => {
  it('splits by revenue 20/40/40 into Money Maker, Contributor and Filler', () => {
    const a = run(byRevenue(TEN_REVENUES));
    expect(segments(a)).toEqual(TEN_SEGMENTS);
  });

  it('rounds the places as the quantile tiers do', () => {
    // n = 7: K1 = floor(1.4 + .5) = 1, K2 = floor(4.2 + .5) = 4.
    const a = run(byRevenue([1, 2, 3, 4, 5, 6, 7]));
    expect(segments(a)).toEqual(['Filler', 'Filler', 'Filler', 'Contributor', 'Contributor', 'Contributor', 'Money Maker']);
  });

  it('lets equal revenues share the segment of their best-placed member', () => {
    // n = 5: K1 = 1, K2 = floor(3 + .5) = 3. The 9s stand at position 1 → Contributor; 7 at position 3 → Filler.
    expect(segments(run(byRevenue([10, 9, 9, 7, 6])))).toEqual(['Money Maker', 'Contributor', 'Contributor', 'Filler', 'Filler']);
    // Two 10s both at position 0 < K1 = 1.
    expect(segments(run(byRevenue([10, 10, 5, 4, 3])))).toEqual(['Money Maker', 'Money Maker', 'Contributor', 'Filler', 'Filler']);
  });

  it('compares revenue rounded to 6 decimals', () => {
    // 1000.0000002 and 1000.0000001 both round to 1000: a tie at position 0.
    expect(segments(run(byRevenue([1000.0000002, 1000.0000001, 500, 400, 300])))).toEqual(['Money Maker', 'Money Maker', 'Contributor', 'Filler', 'Filler']);
  });

  it('gives no segment to an account without revenue, and does not count it in n', () => {
    // B has engagement only. n = 2: K1 = floor(.4 + .5) = 0, K2 = floor(1.2 + .5) = 1.
    const a = run(accounts(['Revenue', 'Engagement'], [10, 1], ['', 2], [5, 3]));
    expect(segments(a)).toEqual(['Contributor', '', 'Filler']);
  });

  it('gives no segment at all without a revenue column', () => {
    expect(segments(run(accounts(['Engagement'], [1], [2])))).toEqual(['', '']);
  });

  it('segments by revenue whatever the score says', () => {
    // Revenue out of the score (weight 0); engagement runs the other way. n = 5: K1 = 1, K2 = 3.
    const a = run(accounts(['Revenue', 'Engagement'], [10, 1], [9, 2], [8, 3], [7, 4], [6, 5]), { weights: { revenue: 0 } });
    expect(segments(a)).toEqual(['Money Maker', 'Contributor', 'Contributor', 'Filler', 'Filler']);
  });

  it('takes the segment cut-offs and labels from the settings', () => {
    // n = 5, 40/40/20: K1 = floor(2 + .5) = 2, K2 = floor(4 + .5) = 4.
    const a = run(byRevenue([5, 4, 3, 2, 1]), { segmentCutoffs: [40, 40, 20], segmentLabels: ['Whale', 'Dolphin', 'Minnow'] });
    expect(segments(a)).toEqual(['Whale', 'Whale', 'Dolphin', 'Dolphin', 'Minnow']);
  });
});
