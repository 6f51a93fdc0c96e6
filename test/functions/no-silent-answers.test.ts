import { describe, expect, it } from 'vitest';
import { abmDrivers, abmProfit, abmProgram, abmScore, abmSegment, abmTier } from '../../src/functions';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { cliInFolder, csvOf } from '../cli/helpers';
import { FakeSpreadsheet } from '../fakes/workbook';

const HEADER = ['Account', 'Revenue', 'Profit', 'Engagement', 'Foo'];
const TABLE = [HEADER, ['Acme', 100, 30, 90, 1], ['Birch', 200, 10, 50, 2], ['Cobalt', 300, 50, 10, 3], ['Dune', 400, -5, 70, 4]];

describe('ABMPROGRAM reads tier labels as data, never as a header', () => {
  it('=ABMPROGRAM("Tier 1") answers the program of Tier 1', () => {
    expect(abmProgram('Tier 1')).toEqual([['Strategic ABM (1:1)']]);
    expect(abmProgram([['Tier 3']])).toEqual([['Programmatic ABM (1:many)']]);
  });

  it('a range of labels without its header (O2:O) keeps its first row', () => {
    expect(abmProgram([['Tier 2'], ['Tier 1'], [''], ['Tier 3']])).toEqual([
      ['ABM Lite (1:few)'],
      ['Strategic ABM (1:1)'],
      [''],
      ['Programmatic ABM (1:many)'],
    ]);
  });

  it('a header that is no tier label is still echoed as the header', () => {
    expect(abmProgram([['Tier'], ['Tier 2']])).toEqual([['ABM program'], ['ABM Lite (1:few)']]);
  });

  it("the document's own labels count as tier labels too", () => {
    const doc = { labels: ['Gold', 'Silver', 'Bronze'] as [string, string, string] };
    expect(abmProgram([['Bronze'], ['Gold']], undefined, doc)).toEqual([['Programmatic ABM (1:many)'], ['Strategic ABM (1:1)']]);
  });
});

describe('a single value where a column is ranked is refused, not answered "Tier 2"', () => {
  it('ABMTIER of one number, as a value or a one-cell range, says it has no peers', () => {
    for (const one of [85, [[85]], '85']) {
      const shown = typeof one === 'string' ? '"85"' : '85';
      expect(() => abmTier(one)).toThrow(
        `scores_or_metrics: ABMTIER ranks each score against the others, and a single value (${shown}) has none to rank against. Give the whole column, e.g. N2:N, or method "threshold" to tier one score on its own.`,
      );
      expect(() => abmTier(one, 'pareto')).toThrow(/single value/);
      expect(() => abmTier(one, 'capacity')).toThrow(/single value/);
    }
  });

  it('ABMTIER of one score against thresholds is an answer', () => {
    expect(abmTier(85, 'threshold')).toEqual([['Tier 1']]);
    expect(abmTier(50, 'threshold')).toEqual([['Tier 2']]);
  });

  it('ABMSEGMENT of one number says so, in the document language', () => {
    expect(() => abmSegment(1200)).toThrow(
      'revenue: ABMSEGMENT ranks each value against the others, and a single value (1200) has none to rank against. Give the whole column, e.g. C2:C.',
    );
    expect(() => abmSegment(1200, undefined, undefined, { lang: 'th' })).toThrow(/ABMSEGMENT จัดอันดับ/u);
  });

  it('a column of two values, a blank cell or a header alone is not refused', () => {
    expect(abmTier([[85], [40]]).map((r) => r[0])).toEqual(['Tier 2', 'Tier 3']);
    expect(abmSegment([['Revenue'], [10], [20]])).toHaveLength(3);
    expect(abmTier('')).toEqual([['']]);
    expect(abmTier([['Score']])).toEqual([['Tier']]);
  });
});

describe('a weight or direction naming no column is named, with the names that exist', () => {
  const listed = 'Use one of: revenue, profit, engagement, Foo.';

  it('ABMSCORE refuses "proft=10" and lists the columns', () => {
    expect(() => abmScore(TABLE, 'proft=10')).toThrow(`"proft" is not a column or role of this table, so its weight or direction cannot apply. ${listed}`);
  });

  it('each unknown name once, weights and directions alike, in plural', () => {
    expect(() => abmScore(TABLE, 'proft=10, Profit=1, PROFT=2', 'engagment=lower')).toThrow(
      `"proft", "engagment" are not columns or roles of this table, so their weights or directions cannot apply. ${listed}`,
    );
    expect(() => abmDrivers(TABLE, 'reveneu=1')).toThrow(/"reveneu" is not a column/);
  });

  it('a role name, a header in any case and a plain column are all names that exist', () => {
    expect(() => abmScore(TABLE, 'profit=1, REVENUE (USD)=2, foo=1, Account=0', 'engagement=lower')).not.toThrow();
    expect(abmScore(TABLE, 'revenue=2')).toEqual(abmScore(TABLE, 'Revenue=2'));
  });

  it('a range without a header has only "column 1", "column 2"…', () => {
    const rows = [
      [1, 5],
      [2, 9],
    ];
    expect(() => abmScore(rows, 'profit=3')).toThrow(
      '"profit" is not a column or role of this table, so its weight or direction cannot apply. Use one of: column 1, column 2.',
    );
    expect(abmScore(rows, 'column 2=0')).toEqual([[0], [100]]);
  });

  it('in the document language', () => {
    expect(() => abmScore(TABLE, 'proft=1', undefined, { lang: 'zh-CN' })).toThrow(
      '"proft" 不是此表中的列或角色，因此其权重或方向无法生效。请使用以下之一：revenue, profit, engagement, Foo。',
    );
  });

  it('the command line scores and warns with the same words (JSON warnings, CSV on stderr)', async () => {
    const { file, cli } = cliInFolder('abm-unknown-');
    const said = `"proft" is not a column or role of this table, so its weight or direction cannot apply. ${listed}`;
    const json = await cli('score', file('t.csv', csvOf(TABLE)), '--weights', 'proft=10');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.out);
    expect(out.warnings).toContain(said);
    expect(out.rows).toHaveLength(4);
    const csv = await cli('score', file('t.csv', csvOf(TABLE)), '--weights', 'proft=10', '--format', 'csv');
    expect(csv.err).toContain(`abm-tier: warning: ${said}`);
  });

  it('Score in Sheets scores and reports it among its warnings (saved weights of a column no longer there)', () => {
    const book = new FakeSpreadsheet({ Accounts: TABLE.map((r) => [...r]) });
    const report = scoreSheet(book.session().services, { weights: { 'Old column': 2 } });
    expect(report.warnings).toContain(`"Old column" is not a column or role of this table, so its weight or direction cannot apply. ${listed}`);
    expect(book.sheet('Accounts').snapshot().values[0]).toContain('Score');
  });
});

describe('ABMPROFIT reads segment labels as data too', () => {
  it('ranges without their headers (P2:P, C2:C, D2:D) keep their first rows aligned', () => {
    const seg = [['Money Maker'], ['Filler'], ['Money Maker']];
    const withHeaders = abmProfit([['Segment'], ...seg], [['Revenue'], [100], [10], [50]], [['Profit'], [30], [-5], [20]]);
    expect(abmProfit(seg, [[100], [10], [50]], [[30], [-5], [20]])).toEqual(withHeaders);
    expect(withHeaders[1].slice(0, 2)).toEqual(['Money Maker', 2]);
  });
});
