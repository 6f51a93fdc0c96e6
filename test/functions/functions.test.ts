import { describe, expect, it } from 'vitest';
import { TEN_REVENUES, TEN_SEGMENTS } from '../core/helpers';
import { abmDrivers, abmHealth, abmKpi, abmLookalike, abmLtv, abmProfit, abmProgram, abmRfm, abmScore, abmSegment, abmTier } from '../../src/functions';

const HEADER = ['Account', 'Revenue', 'Profit', 'Engagement'];
const TABLE = [HEADER, ['Acme', 100, 30, 90], ['Birch', 200, 10, 50], ['Cobalt', 300, 50, 10], ['Dune', 400, -5, 70]];

describe('ABMSCORE', () => {
  it('echoes the header row as "Score" and scores each row (hand-computed)', () => {
    // weights revenue 2, profit 3, engagement 2 (sum 7); percentiles over 4 rows: rank / 3.
    // Acme: revenue 0, profit 2/3, engagement 1 → 100·(0 + 2 + 2)/7
    const out = abmScore(TABLE);
    expect(out[0]).toEqual(['Score']);
    expect(out[1][0]).toBeCloseTo((100 * (0 + 3 * (2 / 3) + 2 * 1)) / 7, 12);
    expect(out).toHaveLength(5);
  });

  it('keeps an open range cheap: trailing blank rows give no output rows', () => {
    const open = [...TABLE, ...Array.from({ length: 50_000 }, () => ['', '', '', ''])];
    expect(abmScore(open)).toEqual(abmScore(TABLE));
  });

  it("leaves a blank row blank and puts a bad cell's message in its own row only", () => {
    const table = [HEADER, ['Acme', 100, 30, 90], ['', '', '', ''], ['Birch', '12,5OO', 10, 50], ['Cobalt', 300, 50, 10]];
    const out = abmScore(table);
    expect(out[2]).toEqual(['']);
    expect(out[3][0]).toBe('Row 4 of the range, column "Revenue": "12,5OO" is not a number.');
    expect(typeof out[1][0]).toBe('number');
    expect(typeof out[4][0]).toBe('number');
  });

  it('scores a range without a header: every column a metric of weight 1, higher better', () => {
    // Two rows, two columns: the row higher in both scores 100, the other 0.
    expect(
      abmScore([
        [1, 5],
        [2, 9],
      ]),
    ).toEqual([[0], [100]]);
  });

  it('takes weights as text naming roles, or as a row aligned with the columns', () => {
    const onlyProfit = abmScore(TABLE, 'profit=1, revenue=0, engagement=0');
    // Profit alone: 30, 10, 50, −5 → percentiles 2/3, 1/3, 1, 0.
    const expected = [(100 * 2) / 3, 100 / 3, 100, 0];
    onlyProfit.slice(1).forEach((r, i) => expect(r[0]).toBeCloseTo(expected[i], 10));
    expect(abmScore(TABLE, [[0, 0, 1, 0]])).toEqual(onlyProfit);
  });

  it('takes directions per column for a range without a header', () => {
    expect(
      abmScore(
        [
          [1, 5],
          [2, 9],
        ],
        [[1, 1]],
        [['lower', 'lower']],
      ),
    ).toEqual([[100], [0]]);
  });

  it('refuses unreadable weights with a message saying the expected form', () => {
    expect(() => abmScore(TABLE, 'profit is important')).toThrow(/name=number/);
  });
});

describe('ABMTIER', () => {
  it('tiers a score column with quantile cut-offs and shares a tier among ties', () => {
    // 10 scores, K1 = 2, K2 = 5; 80 and 80 tie at position 1.
    const scores = [['Score'], [95], [80], [80], [70], [60], [50], [40], [30], [20], [10]];
    expect(abmTier(scores).map((r) => r[0])).toEqual([
      'Tier',
      'Tier 1',
      'Tier 1',
      'Tier 1',
      'Tier 2',
      'Tier 2',
      'Tier 3',
      'Tier 3',
      'Tier 3',
      'Tier 3',
      'Tier 3',
    ]);
  });

  it('tiers by threshold with the given cut-offs', () => {
    expect(abmTier([[70], [69.9999999], [40], [39]], 'threshold', '70,40')).toEqual([['Tier 1'], ['Tier 1'], ['Tier 2'], ['Tier 3']]);
  });

  it('scores a metrics range first and caps an unprofitable account to Tier 3', () => {
    const tiers = abmTier(TABLE, 'threshold', '0,0');
    expect(tiers.map((r) => r[0])).toEqual(['Tier', 'Tier 1', 'Tier 1', 'Tier 1', 'Tier 3']);
  });

  it('tiers by capacity: marketers × accounts each', () => {
    const scores = Array.from({ length: 20 }, (_, i) => [100 - i]);
    const tiers = abmTier(scores, 'capacity', '1,1,2,5').map((r) => r[0]);
    expect(tiers.filter((t) => t === 'Tier 1')).toHaveLength(2);
    expect(tiers.filter((t) => t === 'Tier 2')).toHaveLength(5);
  });

  it('names a bad method, and cut-offs that do not fit the method', () => {
    expect(() => abmTier([[1]], 'top')).toThrow('method: "top" must be one of quantile, threshold, pareto, capacity, grid.');
    expect(() => abmTier([[1]], 'quantile', '20,30')).toThrow('cutoffs: give 3 values, e.g. "20,30,50"; got 2.');
    expect(() => abmTier([[1]], 'quantile', '20,30,40')).toThrow('Tier 1 %, Tier 2 % and Tier 3 % add up to 90, not 100.');
  });

  it('gives a message for a score that is not a number, in its row only', () => {
    expect(abmTier([['Score'], [90], ['n/a'], [10]])[2][0]).toBe('Row 3 of the range, column "Score": "n/a" is not a number.');
  });
});

describe('ABMSEGMENT, ABMPROGRAM', () => {
  it('splits by revenue 20/40/40 into Money Maker, Contributor, Filler', () => {
    const revenue = [['Revenue'], ...TEN_REVENUES.map((v) => [v])];
    expect(abmSegment(revenue).map((r) => r[0])).toEqual(['Segment', ...TEN_SEGMENTS]);
  });

  it('leaves no segment where there is no revenue, and counts only the rows that have one', () => {
    // n = 2: K1 = floor(0.4 + 0.5) = 0, K2 = floor(1.2 + 0.5) = 1.
    expect(abmSegment([[5], [''], [3]])).toEqual([['Contributor'], [''], ['Filler']]);
  });

  it('maps tiers to programs and explains an unknown tier', () => {
    expect(abmProgram([['Tier'], ['Tier 1'], ['2'], [3], ['Gold']])).toEqual([
      ['ABM program'],
      ['Strategic ABM (1:1)'],
      ['ABM Lite (1:few)'],
      ['Programmatic ABM (1:many)'],
      ['Row 5 of the range: "Gold" is not a tier; write Tier 1, Tier 2 or Tier 3.'],
    ]);
  });
});

describe('ABMHEALTH, ABMDRIVERS, ABMLTV, ABMPROFIT', () => {
  it('labels health from recency (lower better) and engagement', () => {
    const out = abmHealth([
      ['Recency', 'Engagement'],
      [5, 90],
      [50, 50],
      [500, 10],
    ]);
    expect(out[0]).toEqual(['Health', 'Health status']);
    expect(out[1]).toEqual([100, 'Healthy']);
    expect(out[2]).toEqual([50, 'Watch']);
    expect(out[3]).toEqual([0, 'At risk']);
  });

  it('names the two strongest metrics and the weakest', () => {
    // Cobalt: revenue 2/3·… → revenue p=2/3, profit p=1, engagement p=0.
    expect(abmDrivers(TABLE)[3][0]).toBe('profit (top 1%), revenue (top 33%); weakest: engagement (bottom 1%)');
  });

  it('computes LTV per row, a single value applying to every row, discounted when asked', () => {
    expect(abmLtv([[100], [200]], 4, 5, 0.5)).toEqual([[1000], [2000]]);
    // yearly 100·1·1 = 100; annuity factor for 2 years at 10 %: (1 − 1.1^−2) / 0.1 = 1.7355…
    expect(abmLtv(100, 1, 2, 1, 0.1)[0][0]).toBeCloseTo(173.553719, 6);
    expect(abmLtv([['Spend'], [100], ['abc']], 1, 1)).toEqual([['LTV'], [100], ['Row 2 of the range, spend_per_purchase: "abc" is not a number.']]);
  });

  it('builds the profitability table per segment with a total, reading cost when the header says so', () => {
    const segs = [['Segment'], ['Money Maker'], ['Filler'], ['Contributor'], ['Contributor']];
    const rev = [['Revenue'], [100], [10], [50], [50]];
    const cost = [['Cost to serve'], [90], [20], [30], [20]];
    const table = abmProfit(segs, rev, cost);
    expect(table[0][0]).toBe('Segment');
    expect(table.map((r) => r[0])).toEqual(['Segment', 'Money Maker', 'Contributor', 'Filler', 'Total']);
    // Contributor: 2 accounts, revenue 100, cost 50, profit 50, margin 0.5, share of profit 50/50.
    expect(table[2]).toEqual(['Contributor', 2, 0.5, 100, 50, 50, 0.5, 1, 25]);
    expect(table[4]).toEqual(['Total', 4, 1, 210, 160, 50, 50 / 210, 1, 12.5]);
  });
});

describe('ABMRFM, ABMKPI, ABMLOOKALIKE', () => {
  it('scores customers from order-line columns with a header', () => {
    const out = abmRfm(
      [['Customer'], ['A'], ['A'], ['B']],
      [['Date'], [new Date(2006, 11, 1)], ['2006-12-20'], ['2006-06-01']],
      [['Revenue'], [10], [20], [5]],
      '2006-12-31',
      2,
    );
    expect(out[0]).toEqual(['Account', 'Recency (days)', 'Frequency', 'Monetary', 'R', 'F', 'M', 'RFM score', 'Segment']);
    // A: recency 11, 2 lines, 30; B: 213, 1, 5. Two bins, break = median + 1: recency 113, frequency 2.5, monetary 18.5.
    // So A's 2 lines fall in the first frequency bin, as in the rfm package.
    expect(out[1].slice(0, 8)).toEqual(['A', 11, 2, 30, 2, 1, 2, 212]);
    expect(out[2].slice(0, 8)).toEqual(['B', 213, 1, 5, 1, 1, 1, 111]);
  });

  it('lists the KPIs by name', () => {
    const out = abmKpi([
      ['Account', 'Revenue', 'Orders'],
      ['A', 100, 4],
      ['B', 300, 6],
    ]);
    expect(out).toContainEqual(['Spend per purchase', 40]);
    expect(out[0]).toEqual(['KPI', 'Value']);
  });

  it('gives the ideal account 100 and refuses a range with no ideal account', () => {
    const out = abmLookalike(TABLE, [['Tier'], ['Tier 2'], ['Tier 1'], ['Tier 3'], ['Tier 3']]);
    expect(out[0]).toEqual(['Lookalike']);
    expect(out[2][0]).toBe(100);
    expect(() => abmLookalike(TABLE, [['x'], [0], [0], [0], [0]])).toThrow(/mark at least one account as ideal/);
  });
});
