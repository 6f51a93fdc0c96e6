import { describe, expect, it } from 'vitest';
import { abmScore } from '../../src/functions';
import { CATEGORY_TABLE } from '../fixtures/category-table';

// Base rate 3/5: Tech (2 of 2) → 14/22, Retail (0 of 2) → 12/22, blank → 0.6 (docs/scoring.md, "Categories").
const TABLE = CATEGORY_TABLE;

describe('ABMSCORE with a weighted category (issue 17)', () => {
  it("adds the category's smoothed success rate when the range has an outcome column", () => {
    expect(
      abmScore(TABLE)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([0, 25, 50, 75, 100]);
    const scores = abmScore(TABLE, 'revenue=2, Industry=2')
      .slice(1)
      .map((r) => r[0] as number);
    for (const [i, s] of [43.75, 56.25, 31.25, 43.75, 75].entries()) expect(scores[i]).toBeCloseTo(s, 9);
    // The aligned weights row says the same.
    expect(abmScore(TABLE, [['', 2, 2, '']])).toEqual(abmScore(TABLE, 'revenue=2, Industry=2'));
  });

  it('without an outcome column the category is left out', () => {
    const plain = TABLE.map((r) => r.slice(0, 3));
    expect(
      abmScore(plain, 'Industry=2')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([0, 25, 50, 75, 100]);
  });
});
