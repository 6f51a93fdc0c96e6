import { describe, expect, it } from 'vitest';
import { analyseGrid, parseSettings } from '../../src/core';
import { SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { EXCEPTIONS_LISTED, LABEL_WIDTH, NUMBER_WIDTH } from '../../src/sheet/summary-layout';
import { FakeSpreadsheet, type FakeChart, type FakeSheet, type Value } from '../fakes/workbook';
import { accountsGrid, workbook } from './helpers';

// Columns of the sample (0-based): Revenue 2, Recency 5, Profit 15.
const REVENUE = 2;
const RECENCY = 5;
const PROFIT = 15;

/** 40 sample accounts with the exceptions a marketer acts on: the richest account loses money, two profitable ones lapsed. */
function storyGrid(): Value[][] {
  const grid = accountsGrid(40);
  const byRevenue = grid
    .slice(1)
    .map((r, i) => ({ i: i + 1, revenue: r[REVENUE] as number }))
    .sort((a, b) => b.revenue - a.revenue);
  grid[byRevenue[0].i][PROFIT] = -50_000; // a Money Maker losing money
  // The best-scored other account loses a little: the cap moves it from the top to Tier 3.
  const engine = analyseGrid(grid, parseSettings({}));
  let best = -1;
  for (let i = 0; i < 40; i++) if (i + 1 !== byRevenue[0].i && (best < 0 || engine.score[i] > engine.score[best])) best = i;
  grid[best + 1][PROFIT] = -1;
  grid[byRevenue[5].i][RECENCY] = 400; // lapsed
  grid[byRevenue[6].i][RECENCY] = 900; // lapsed
  return grid;
}

function scored(grid: Value[][] = storyGrid()) {
  const w = workbook(grid);
  scoreSheet(w.session.services);
  const summary = w.book.sheet(SUMMARY_SHEET_NAME);
  const values = summary.snapshot().values;
  const col = values.map((r) => r[0]);
  const row = (label: string) => col.indexOf(label) + 1;
  return { ...w, summary, values, col, row };
}

/** The cells of a row as a person reads them, up to the last one filled. */
const cells = (values: Value[][], row: number) => {
  const r = values[row - 1];
  let end = r.length;
  while (end > 0 && r[end - 1] === '') end--;
  return r.slice(0, end);
};

describe('"ABM Summary" reads like a report (issue 15)', () => {
  it('puts what a marketer reads first on top (tiers, segments, programs, movement), then the accounts to act on, KPIs, the whale curve, and its points last', () => {
    const { row, col } = scored();
    const order = [
      'Tiers',
      'Profitability by segment',
      'ABM programs',
      'Tier movement since the previous run',
      'Accounts to act on',
      'KPIs',
      'Whale curve',
      'Whale curve points (the chart reads these)',
    ].map(row);
    expect(order.every((r) => r > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Nothing but the 101 points (and their header) after the last title.
    const last = col.length;
    expect(last - order[order.length - 1]).toBe(1 + 101);
  });

  it('shows the title, every section title and every table header in bold, and no number in bold', () => {
    const { summary, values, row } = scored();
    expect(summary.isBold(1, 1)).toBe(true);
    for (const title of ['Tiers', 'Profitability by segment', 'ABM programs', 'KPIs', 'Accounts to act on']) expect(summary.isBold(row(title), 1)).toBe(true);
    const tierHeader = row('Tiers') + 1;
    for (let c = 1; c <= 9; c++) expect(summary.isBold(tierHeader, c)).toBe(true);
    expect(cells(values, tierHeader)[8]).toBe('Profit per account');
    // The table's numbers are not bold.
    for (let c = 1; c <= 9; c++) expect(summary.isBold(tierHeader + 1, c)).toBe(false);
    expect(summary.isBold(2, 1)).toBe(false);
  });

  it('freezes the title rows and sets the column widths', () => {
    const { summary } = scored();
    expect(summary.frozenRows).toBe(2);
    expect([summary.widthOf(1), summary.widthOf(2), summary.widthOf(9)]).toEqual([LABEL_WIDTH, NUMBER_WIDTH, NUMBER_WIDTH]);
  });

  it('gives every table a number format: programs, movement counts, the exception lists', () => {
    const { summary, row } = scored();
    const programs = row('ABM programs') + 2;
    expect([summary.formatAt(programs, 3), summary.formatAt(programs + 2, 5)]).toEqual(['#,##0', '#,##0']);
    const listed = row('Money Maker accounts that lose money') + 2;
    // Row number without separators; revenue, profit and days with thousands.
    expect([2, 5, 6, 7].map((c) => summary.formatAt(listed, c))).toEqual(['0', '#,##0', '#,##0', '#,##0']);
    expect(summary.formatAt(listed, 1)).toBeNull();
  });

  it('lists the capped accounts, the Money Makers that lose money and the profitable accounts that lapsed, with their rows', () => {
    const grid = storyGrid();
    const engine = analyseGrid(grid, parseSettings({}));
    const { values, row } = scored(grid);
    const listAt = (title: string) => {
      const first = row(title) + 2;
      const out: Value[][] = [];
      for (let r = first; r < first + EXCEPTIONS_LISTED && values[r - 1][1] !== ''; r++) out.push(cells(values, r));
      return out;
    };
    const richest = engine.exceptions.losingMoneyMakers[0];
    const expected = [grid[richest + 1][0], richest + 2, 'Tier 3', 'Money Maker', grid[richest + 1][REVENUE], -50_000];
    const losing = listAt('Money Maker accounts that lose money');
    // Largest loss first.
    expect(losing[0]).toEqual([...expected, grid[richest + 1][RECENCY]]);
    expect(losing.map((r) => r[1])).toEqual(engine.exceptions.losingMoneyMakers.map((i) => i + 2));
    const capped = listAt('Unprofitable accounts moved to Tier 3');
    expect(capped.map((r) => r[1])).toEqual(engine.exceptions.capped.map((i) => i + 2));
    expect(capped.length).toBeGreaterThan(0);
    expect(capped.every((r) => r[2] === 'Tier 3' && (r[5] as number) < 0)).toBe(true);
    const lapsed = listAt('Most profitable accounts that lapsed (no purchase in 365 days)');
    expect(lapsed.map((r) => r[6])).toEqual(engine.exceptions.lapsed.map((i) => grid[i + 1][RECENCY]));
    expect(lapsed.map((r) => r[6]).every((d) => (d as number) > 365)).toBe(true);
    // Profit highest first.
    const profits = lapsed.map((r) => r[5] as number);
    expect(profits).toEqual([...profits].sort((a, b) => b - a));
  });

  it('hands the sidebar the same lists as plain JSON: counts and the first five, with their rows', () => {
    const grid = storyGrid();
    const engine = analyseGrid(grid, parseSettings({}));
    const report = scoreSheet(workbook(grid).session.services);
    expect(JSON.parse(JSON.stringify(report.exceptions))).toEqual(report.exceptions);
    expect(report.exceptions.activeDays).toBe(365);
    expect(report.exceptions.lapsed.count).toBe(engine.exceptions.lapsed.length);
    expect(report.exceptions.losingMoneyMakers.first.map((x) => x.row)).toEqual(engine.exceptions.losingMoneyMakers.slice(0, 5).map((i) => i + 2));
    expect(report.exceptions.capped.first.every((x) => x.tier === 'Tier 3' && x.profit < 0)).toBe(true);
  });

  it('says "none" for an empty list and what is missing where a list cannot be made', () => {
    const { values, row } = scored(accountsGrid(30));
    expect(values[row('Money Maker accounts that lose money') + 1][0]).toBe('none');
    const noRecency = accountsGrid(30).map((r) => r.filter((_, c) => c !== RECENCY));
    const other = scored(noRecency);
    expect(other.values[other.row('Most profitable accounts that lapsed (no purchase in 365 days)') + 1][0]).toBe(
      'needs a recency column (days since the last purchase, or its date)',
    );
  });

  it('names the Drivers of each capped account: "unprofitable: moved to Tier 3"', () => {
    const grid = storyGrid();
    const engine = analyseGrid(grid, parseSettings({}));
    const { sheet } = scored(grid);
    const v = sheet.snapshot().values;
    const driversColumn = grid[0].length + 4;
    for (let i = 0; i < 40; i++) {
      const text = String(v[i + 1][driversColumn]);
      expect([i, text.startsWith('unprofitable: moved to Tier 3')]).toEqual([i, engine.cappedRows![i] === 1]);
    }
  });

  it('charts margin and share of profit by segment and by tier on percent axes with titles, and the whale curve on percent axes', () => {
    const { summary } = scored();
    const [segments, tiers, whale] = summary.charts as FakeChart[];
    for (const [chart, axis] of [
      [segments, 'Segment'],
      [tiers, 'Tier'],
    ] as const) {
      expect(chart.type).toBe('COLUMN');
      expect(chart.options['vAxis.format']).toBe('#,##0%');
      expect(chart.options['hAxis.title']).toBe(axis);
      expect(chart.options['vAxis.title']).toBe('Share of total profit / margin');
      // Two series: margin and share of profit, never revenue.
      const header = chart.ranges.map((r) => summary.shown(r.row, r.column + r.numColumns - 1));
      expect(header).toEqual([axis, 'Share of profit']);
      expect(summary.shown(chart.ranges[1].row, chart.ranges[1].column)).toBe('Margin');
    }
    expect([whale.options['hAxis.format'], whale.options['vAxis.format'], whale.options['hAxis.title']]).toEqual([
      '#,##0%',
      '#,##0%',
      'Share of accounts, most profitable first',
    ]);
  });

  it('sets the look once: a re-run makes no format calls and stays within 25 calls; a layout change clears the old look first', () => {
    const { book, summary, session } = scored();
    book.calls.reset();
    scoreSheet(session.services);
    const calls = book.calls.byMethod;
    expect(book.calls.total).toBeLessThanOrEqual(25);
    for (const m of ['Range.clearFormat', 'Sheet.getRangeList', 'RangeList.setFontWeight', 'Sheet.setFrozenRows', 'Sheet.setColumnWidths'])
      expect(calls[m] ?? 0).toBe(0);
    // An old layout's bold cell in what is now data is cleared on the layout change.
    summary.getRangeList(['C8']).setFontWeight('bold');
    book.properties['abmTier.summary'] = JSON.stringify({ name: SUMMARY_SHEET_NAME, layout: 'layout-2' });
    book.calls.reset();
    scoreSheet(session.services);
    expect(book.calls.byMethod['Range.clearFormat']).toBe(1);
    expect(summary.isBold(8, 3)).toBe(false);
    expect(summary.isBold(1, 1)).toBe(true);
  });

  it('writes the report in the document language', () => {
    const book = new FakeSpreadsheet({ Accounts: storyGrid() }, 'th_TH');
    scoreSheet(book.session().services);
    const summary: FakeSheet = book.sheet(SUMMARY_SHEET_NAME);
    const col = summary.snapshot().values.map((r) => r[0]);
    expect(col).toContain('บัญชีที่ต้องดำเนินการ');
    expect(col).toContain(
      'บัญชี Money Maker ที่ขาดทุน'.replace('Money Maker', String(summary.snapshot().values[col.indexOf('ความสามารถในการทำกำไรตามกลุ่ม') + 2][0])),
    );
    expect((summary.charts as FakeChart[])[1].options.title).toBe('สัดส่วนกำไรและอัตรากำไรตามระดับ');
  });
});
