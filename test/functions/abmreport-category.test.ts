import { describe, expect, it } from 'vitest';
import { abmProfit } from '../../src/functions/abmprofit';
import { abmReport } from '../../src/functions/abmreport';

const col = (header: string, values: (string | number)[]) => [[header], ...values.map((v) => [v])];

describe('=ABMREPORT with a category (issue 17)', () => {
  // 45 accounts: North 25 (Tier 1, 15 won), South 20 (Tier 3, 4 won); and 3 West accounts (Tier 2, 3 won) pooled as Other.
  const region = [...Array(25).fill('North'), ...Array(20).fill('South'), 'West', 'West', 'West'];
  const tiers = [...Array(25).fill('Tier 1'), ...Array(20).fill('Tier 3'), 'Tier 2', 'Tier 2', 'Tier 2'];
  const won = [...Array(25).keys()].map((k) => (k < 15 ? 'Won' : 'Lost'));
  won.push(...[...Array(20).keys()].map((k) => (k < 4 ? 'Won' : 'Lost')), 'Won', 'Won', 'Won');

  it('adds the success rate per value below the card, Other pooling values under 20 accounts', () => {
    const out = abmReport(col('Tier', tiers), col('Won', won), {}, col('Region', region));
    const title = out.findIndex((r) => String(r[0]).startsWith('Success rate by Region'));
    expect(title).toBeGreaterThan(0);
    expect(out[title + 1].slice(0, 7)).toEqual(['Region', 'Accounts', 'Successes', 'Success rate', '95 % low', '95 % high', 'Lift']);
    const rows = out.slice(title + 2).map((r) => r.slice(0, 4));
    expect(rows).toEqual([
      ['North', 25, 15, 0.6],
      ['South', 20, 4, 0.2],
      ['Other', 3, 3, 1],
    ]);
    // Base rate 22 / 48: North's lift is 0.6 ÷ (22/48).
    expect(out[title + 2][6]).toBeCloseTo(0.6 / (22 / 48), 12);
    // Every row has the card's width.
    expect(new Set(out.map((r) => r.length)).size).toBe(1);
  });

  it('gives the same card above as without a category', () => {
    const plain = abmReport(col('Tier', tiers), col('Won', won));
    expect(abmReport(col('Tier', tiers), col('Won', won), {}, col('Region', region)).slice(0, plain.length)).toEqual(plain);
  });
});

describe('=ABMPROFIT by a text column', () => {
  it('takes any text column as the groups, one row per value in order of appearance and a total', () => {
    const out = abmProfit(col('Region', ['North', 'South', 'North']), col('Revenue', [100, 50, 60]), col('Profit', [30, -10, 20]));
    expect(out.map((r) => r[0])).toEqual(['Segment', 'North', 'South', 'Total']);
    // North: 2 accounts, revenue 160, profit 50, margin 50/160, share of profit 50/40.
    expect(out[1].slice(0, 2)).toEqual(['North', 2]);
    expect(out[1][5]).toBe(50);
    expect(out[1][6]).toBeCloseTo(50 / 160, 12);
    expect(out[1][7]).toBeCloseTo(50 / 40, 12);
  });
});
