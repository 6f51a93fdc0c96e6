import { describe, expect, it } from 'vitest';
import { cliInFolder, csvOf } from './helpers';
import { CATEGORY_TABLE } from '../fixtures/category-table';

const { file, cli } = cliInFolder('abm-category-');

// Base rate 3/5: Tech (2 of 2) → 14/22, Retail (0 of 2) → 12/22, blank → 0.6 (docs/scoring.md, "Categories").
const grid = CATEGORY_TABLE;

describe('abm-tier score --weights Industry=2 with an outcome column', () => {
  it("adds the category's smoothed success rate to the score", async () => {
    const accounts = file('accounts.csv', csvOf(grid));
    const plain = JSON.parse((await cli('score', accounts)).out);
    expect(plain.rows.map((r: { score: number }) => r.score)).toEqual([0, 25, 50, 75, 100]);
    const { code, out, err } = await cli('score', accounts, '--weights', 'Industry=2');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(out).rows.map((r: { score: number }) => r.score)).toEqual([43.75, 56.25, 31.25, 43.75, 75]);
  });

  it('says so and scores without it when there is no outcome column', async () => {
    const accounts = file('no-outcome.csv', csvOf(grid.map((r) => r.slice(0, 3))));
    const { code, out } = await cli('score', accounts, '--weights', 'Industry=2');
    expect(code).toBe(0);
    expect(JSON.parse(out).rows.map((r: { score: number }) => r.score)).toEqual([0, 25, 50, 75, 100]);
    expect(JSON.parse(out).warnings).toEqual([
      'The category column "Industry" has a weight, but the table has no outcome column: it was left out of the score (map an outcome column to score by its success rate).',
    ]);
  });

  it('judges the score by out-of-fold rates in the report card', async () => {
    const accounts = file('report.csv', csvOf(grid));
    const { code, out } = await cli('report', accounts, '--weights', 'Industry=2', '--format', 'json');
    expect(code).toBe(0);
    // In sample the AUC would be 5.5/6; each row's rate without its own fold ranks every failure first.
    expect(JSON.parse(out).auc).toBe(0);
  });
});
