import { describe, expect, it } from 'vitest';
import { analyse, AnalysisError, analyseGrid, asOfMs, describeDrivers, mapColumns, parseSettings, readRows, type Cell } from '../../src/core';
import { english, run, say, segments, tiers } from './helpers';

// Four valid accounts, one invalid row (E) and one blank row.
const TABLE: Cell[][] = [
  ['Account', 'Revenue', 'Profit', 'Engagement', 'Recency'],
  ['A', 500, 100, 8, 10],
  ['B', 300, -20, 9, 40],
  ['C', 100, 30, 2, 20],
  ['D', 50, 10, 4, 60],
  ['E', 'n/a', 5, 1, 5],
  ['', '', '', '', ''],
];
// n = 4 (A–D). Percentiles:
//   revenue (w2)    500, 300, 100, 50 → 1, 2/3, 1/3, 0
//   profit (w3)     100, −20, 30, 10  → 1, 0, 2/3, 1/3
//   engagement (w2) 8, 9, 2, 4        → 2/3, 1, 0, 1/3
//   recency (w1, lower better) 10, 40, 20, 60 → 1, 1/3, 2/3, 0
// Σw = 8. A: 2 + 3 + 4/3 + 1 = 22/3; B: 4/3 + 0 + 2 + 1/3 = 11/3; C: 2/3 + 2 + 0 + 2/3 = 10/3; D: 0 + 1 + 2/3 + 0 = 5/3.

describe('the whole analysis (SPEC §3–9) of one small table', () => {
  const a = run(TABLE);

  it('scores the valid rows: 100 × Σ w·p / Σ w', () => {
    expect(a.scored).toBe(4);
    expect(a.score[0]).toBeCloseTo((100 * 22) / 3 / 8, 12);
    expect(a.score[1]).toBeCloseTo((100 * 11) / 3 / 8, 12);
    expect(a.score[2]).toBeCloseTo((100 * 10) / 3 / 8, 12);
    expect(a.score[3]).toBeCloseTo((100 * 5) / 3 / 8, 12);
    expect(a.score[4]).toBeNaN();
    expect(a.score[5]).toBeNaN();
  });

  it('names the invalid row and leaves the blank row silent', () => {
    expect([...a.table.messages].map(([i, m]) => [i, say(m)])).toEqual([[4, 'Row 6, column "Revenue": "n/a" is not a number.']]);
  });

  it('tiers by quantile, then caps the unprofitable account without freeing its place', () => {
    // K1 = floor(4·.2 + .5) = 1, K2 = floor(4·.5 + .5) = 2. Order A (91.7), B (45.8), C (41.7), D (20.8).
    // A Tier 1; B Tier 2 → capped (profit −20) to Tier 3; C stands at position 2 = K2 → Tier 3.
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 3', 'Tier 3', 'Tier 3', '', '']);
    expect(a.capped).toBe(1);
    expect(english(a.warnings)).toEqual(['1 unprofitable account was moved to Tier 3.']);
  });

  it('segments by revenue', () => {
    // n = 4: K1 = floor(.8 + .5) = 1, K2 = floor(2.4 + .5) = 2.
    expect(segments(a)).toEqual(['Money Maker', 'Contributor', 'Filler', 'Filler', '', '']);
  });

  it('plans the programs from the capped tiers', () => {
    expect(a.capacity.accounts).toEqual([1, 0, 3]);
    // ceil(1/3) = 1, ceil(0/10) = 0, ceil(3/500) = 1.
    expect(a.capacity.marketers).toEqual([1, 0, 1]);
  });

  it('sums profitability by tier', () => {
    // Tier 1: A (500 / 100). Tier 3: B, C, D (450 / 20). Cost = revenue − profit (no cost column).
    expect(a.byTier.rows[0]).toMatchObject({ accounts: 1, revenue: 500, profit: 100, cost: 400 });
    expect(a.byTier.rows[1]).toMatchObject({ accounts: 0, revenue: 0, profit: 0 });
    expect(a.byTier.rows[1].margin).toBeNaN();
    expect(a.byTier.rows[2]).toMatchObject({ accounts: 3, share: 0.75, revenue: 450, profit: 20, cost: 430 });
    expect(a.byTier.total).toMatchObject({ accounts: 4, revenue: 950, profit: 120, cost: 830 });
  });

  it('draws the whale curve over the scored accounts', () => {
    // Profits 100, 30, 10, −20 (total 120): cumulative 100, 130, 140, 120 → peak 140/120 at 3 of 4.
    expect(a.whale!.peak).toBeCloseTo(140 / 120, 12);
    expect(a.whale!.peakAccounts).toBe(0.75);
  });

  it('computes health over recency and engagement', () => {
    // Recency p 1, 1/3, 2/3, 0 (w2); engagement 2/3, 1, 0, 1/3 (w2).
    // A 100·(2 + 4/3)/4, B 100·(2/3 + 2)/4, C 100·(4/3)/4, D 100·(2/3)/4.
    const h = Array.from(a.health!);
    [250 / 3, 200 / 3, 100 / 3, 50 / 3].forEach((v, i) => expect(h[i]).toBeCloseTo(v, 12));
    expect(h.slice(4)).toEqual([Number.NaN, Number.NaN]);
  });

  it('counts the KPIs over the valid rows', () => {
    expect(a.kpis).toMatchObject({ accounts: 4, activeAccounts: 4, newAccounts: null, spendPerPurchase: null });
  });

  it('describes what drives each score', () => {
    // A: profit 3·1, revenue 2·1 lead; engagement loses 2·(1 − 2/3), recency loses nothing → bottom 100·2/3 ≈ 67 %.
    expect(describeDrivers(a.drivers, 0, a.table.mapping.metrics, a.percentiles, say)).toBe(
      'profit (top 1%), revenue (top 1%); weakest: engagement (bottom 67%)',
    );
  });
});

describe('analyse and analyseGrid', () => {
  it('give the same result from a parsed table as from the grid', () => {
    const settings = parseSettings({ asOf: '2026-06-30' });
    const mapping = mapColumns(TABLE[0], 5, settings);
    const table = readRows(TABLE.slice(1), mapping, asOfMs(settings.asOf), 2);
    const direct = analyse(table, settings);
    const grid = analyseGrid(TABLE, settings);
    expect(Array.from(direct.score)).toEqual(Array.from(grid.score));
    expect(Array.from(direct.tier)).toEqual(Array.from(grid.tier));
    expect(Array.from(direct.segment)).toEqual(Array.from(grid.segment));
    expect([...direct.table.messages]).toEqual([...grid.table.messages]);
  });

  it("numbers the rows in messages from the grid's first row number", () => {
    // Header on sheet row 10, E on row 15.
    const a = analyseGrid(TABLE, parseSettings({ asOf: '2026-06-30' }), { firstRowNumber: 10 });
    expect(say(a.table.messages.get(4)!)).toBe('Row 15, column "Revenue": "n/a" is not a number.');
  });

  it('says how many accounts the cap moved, with the configured Tier 3 label', () => {
    const a = run(
      [
        ['Account', 'Profit'],
        ['A', -1],
        ['B', -2],
        ['C', 5],
      ],
      { method: 'threshold', thresholds: [0, 0], labels: ['High', 'Medium', 'Low'] },
    );
    expect(english(a.warnings)).toEqual(['2 unprofitable accounts were moved to Low.']);
  });

  it('refuses a table without a metric column', () => {
    expect(() =>
      run([
        ['Account', 'Notes'],
        ['A', 'x'],
      ]),
    ).toThrow(AnalysisError);
  });
});
