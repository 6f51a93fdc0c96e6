import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings, type Cell, type SettingsInput } from '../../src/core';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { generateSql, type SqlOptions } from '../../src/sql/generate';
import { sqlBench, type SqlBench } from './engine-compare';

/**
 * A weighted category in the SQL scores (docs/scoring.md, "Categories"): each row's smoothed success rate
 * of its value, (s_v + 20 · p) / (n_v + 20), ranked like any metric. engine-compare.ts checks every row
 * (score, tier, segment, program) and both profitability tables against the engine, for the stand-alone
 * queries and the script; here each score is also checked to 1e-12.
 */

let bench: SqlBench;
beforeAll(async () => {
  bench = await sqlBench();
});
afterAll(() => bench?.close());

/** Compares like engine-compare, then every score to 1e-12. */
async function compare(grid: Cell[][], input: SettingsInput, options: Partial<SqlOptions> = {}) {
  const result = await bench.compare(grid, input, options);
  const table = await bench.load(grid);
  const { scores } = generateSql(grid[0].map(String), parseSettings(input), { table, dialect: 'duckdb', rowId: '_row', ...options });
  const rows = (await bench.db.runAndReadAll(`${scores} ORDER BY _row`)).getRowObjectsJS() as { _row: number; score: number | null }[];
  const byRow = new Map(rows.map((r) => [Number(r._row), r.score]));
  const { engine } = result;
  let scored = 0;
  for (let i = 0; i < engine.table.n; i++) {
    if (engine.table.status[i] !== 0) continue;
    const want = engine.score[i];
    const got = byRow.get(engine.table.rowNumbers[i]);
    if (Number.isNaN(want)) expect(got, `row ${engine.table.rowNumbers[i]}`).toBeNull();
    else {
      expect(Math.abs((got as number) - want), `row ${engine.table.rowNumbers[i]}`).toBeLessThanOrEqual(1e-12);
      scored++;
    }
  }
  return { ...result, scored, scores: byRow };
}

/** The hand-computed table of test/core/category-score.test.ts: p = 0.6, Tech 14/22, Retail 12/22, blank 0.6. */
const HAND: Cell[][] = [
  ['Account', 'Revenue', 'Industry', 'Won'],
  ['A', 100, 'Tech', 'Won'],
  ['B', 200, ' Tech ', 'Won'],
  ['C', 300, 'Retail', 'Lost'],
  ['D', 400, 'Retail', 'Lost'],
  ['E', 500, '', 'Won'],
];

/**
 * Sample accounts with an Industry column (six values), a Region of common, rare (fewer than 20 accounts)
 * and blank values, and an outcome that is missing or unreadable on some rows.
 */
function sampleGrid(n: number, outcome = 'Won'): Cell[][] {
  const grid = [[...SAMPLE_HEADER, 'Region', outcome], ...sampleAccounts(n, 23)] as Cell[][];
  for (let i = 1; i < grid.length; i++) {
    const h = (i * 7919) % 101;
    const region = i % 29 === 0 ? '' : i % 37 === 0 ? `Rare ${i % 5}` : i % 41 === 0 ? ` North ` : ['North', 'South', 'East', 'West'][h % 4];
    const won = i % 13 === 0 ? '' : i % 31 === 0 ? 'maybe' : (h + (grid[i][1] === 'Software' ? 30 : 0)) % 100 < 45 ? 'Won' : 'Lost';
    grid[i].push(region, won);
  }
  // A blank industry here and there, and exact duplicates: ties on every rate.
  for (let i = 3; i < grid.length; i += 53) grid[i][1] = '';
  return grid;
}

describe("a weighted category in the SQL scores, run on DuckDB, gives the engine's answers", () => {
  it('on the hand-computed table: scores 43.75, 56.25, 31.25, 43.75, 75 (without the weight 0 … 100)', async () => {
    const { scores } = await compare(HAND, { weights: { Industry: 2 } });
    expect([...scores.values()]).toEqual([43.75, 56.25, 31.25, 43.75, 75]);
    const plain = await compare(HAND, {});
    expect([...plain.scores.values()]).toEqual([0, 25, 50, 75, 100]);
    // By the category alone: Tech 87.5, Retail 12.5, blank 50.
    const alone = await compare(HAND, { weights: { Industry: 1, Revenue: 0 } });
    expect([...alone.scores.values()]).toEqual([87.5, 87.5, 12.5, 12.5, 50]);
  });

  it('on 3 000 sample accounts, two weighted categories, rare and blank values, missing outcomes, every method', async () => {
    const grid = sampleGrid(3_000);
    for (const method of ['quantile', 'threshold', 'pareto', 'capacity', 'grid'] as const) {
      const input: SettingsInput = { method, weights: { Industry: 3, Region: 1 }, capacity: { strategicMarketers: 30, liteMarketers: 100 } };
      const { compared, tiers, scored } = await compare(grid, input);
      expect(compared, method).toBe(3_000);
      expect(scored, method).toBe(3_000);
      expect(new Set(tiers).size, method).toBe(3);
    }
    // BigQuery's form (buckets of distinct values), run on DuckDB: the rates' running sums cross bucket borders.
    for (const buckets of [1, 3, 1000]) await compare(grid, { weights: { Industry: 3, Region: 1 } }, { partitioned: true, buckets });
    // The category moves the scores: with its weight the SQL's differ from those without it.
    const a = await compare(grid, { weights: { Industry: 3 } });
    const b = await compare(grid, {});
    expect([...a.scores.values()]).not.toEqual([...b.scores.values()]);
  }, 120_000);

  it('reads a churn header the other way, and a table without outcomes leaves the category out of every row', async () => {
    await compare(sampleGrid(400, 'Churned'), { weights: { Industry: 2 }, unprofitableCap: false });
    const none = sampleGrid(400).map((r, i) => (i === 0 ? r : [...r.slice(0, -1), '']));
    const { scores: without } = await compare(none, { weights: { Industry: 2 } });
    const { scores: plain } = await compare(none, {});
    expect([...without.values()]).toEqual([...plain.values()]);
    // The category alone and no outcome: no row has a score.
    const { scored } = await compare(none, {
      weights: {
        Industry: 1,
        Revenue: 0,
        Profit: 0,
        'Cost to serve': 0,
        Orders: 0,
        Recency: 0,
        Tenure: 0,
        Products: 0,
        Engagement: 0,
        Contacts: 0,
        Channels: 0,
        Opportunities: 0,
        Feedback: 0,
        Support: 0,
        'Health score': 0,
      },
    });
    expect(scored).toBe(0);
  });

  it('with pins: an excluded account without metrics is still scored by its category, and leaves the ranking', async () => {
    const grid: Cell[][] = [
      [...HAND[0], 'Pin'],
      ...HAND.slice(1).map((r, i) => [...r, i === 1 ? 'exclude' : i === 3 ? 'Tier 1' : '']),
      ['F', '', 'Tech', 'Lost', 'exclude'],
      ['G', '', 'Mining', '', ''],
      ['H', 50, '', '', ''],
    ];
    const { engine } = await compare(grid, { weights: { Industry: 2 } });
    expect(engine.pinned?.excluded).toBe(2);
    await compare(grid, {
      weights: { Industry: 2 },
      method: 'capacity',
      capacity: { strategicMarketers: 1, strategicAccounts: 1, liteMarketers: 1, liteAccounts: 2 },
    });
  });
});
