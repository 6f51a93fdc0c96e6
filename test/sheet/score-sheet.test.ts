import { describe, expect, it } from 'vitest';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { previewData } from '../../src/sheet/sidebar-state';
import { localPreview, localSheet } from '../../sidebar/local-preview';
import { removeColours } from '../../src/sheet/tier-colours';
import { SETTINGS_PROPERTY, SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { analyseGrid, parseSettings } from '../../src/core';
import type { FakeChart } from '../fakes/workbook';
import { accountsGrid, outside, workbook } from './helpers';
import { SAMPLE_HEADER } from '../../src/sample/accounts';

const WIDTH = SAMPLE_HEADER.length; // columns of the sample

describe('Score writes beside the data, in place, and touches nothing else', () => {
  it('writes Score, Tier, Segment, ABM program, Drivers and Grid after the last column, matching the engine', () => {
    const grid = accountsGrid(40);
    const { sheet, session } = workbook(grid);
    const before = outside(sheet, WIDTH + 1, WIDTH + 6);
    const report = scoreSheet(session.services);
    expect(report.columns).toBe('R:W');
    const values = sheet.snapshot().values;
    expect(values[0].slice(WIDTH, WIDTH + 6)).toEqual(['Score', 'Tier', 'Segment', 'ABM program', 'Drivers', 'Grid']);
    const engine = analyseGrid(grid, parseSettings({}));
    for (let i = 0; i < 40; i++) {
      expect(values[i + 1][WIDTH]).toBeCloseTo(engine.score[i], 12);
      expect(values[i + 1][WIDTH + 1]).toBe(`Tier ${engine.tier[i] + 1}`);
    }
    expect(report.scored).toBe(40);
    expect(report.tiers.map((t) => t.accounts)).toEqual(engine.capacity.accounts);
    expect(outside(sheet, WIDTH + 1, WIDTH + 6)).toEqual(before);
  });

  it('finds the header below a title row and writes from that row', () => {
    const grid = [
      ['Key accounts, Q3 export', '', ''],
      ['', '', ''],
      ['Account', 'Revenue', 'Profit'],
      ['A', 10, 1],
      ['B', 20, 5],
      ['C', 30, -2],
    ];
    const { sheet, session } = workbook(grid);
    scoreSheet(session.services);
    const v = sheet.snapshot().values;
    expect(v[0][3] ?? '').toBe('');
    expect(v[2].slice(3, 5)).toEqual(['Score', 'Tier']);
    expect(v[5][4]).toBe('Tier 3'); // negative profit is capped
  });

  it('keeps formulas in data cells, and counts error values as missing with a warning naming the row', () => {
    const grid = accountsGrid(12);
    const { sheet, session } = workbook(grid);
    sheet.setFormula(3, 3, '=C2*1.1', 12345);
    sheet.write(5, 9, [['#N/A']]);
    const report = scoreSheet(session.services);
    expect(sheet.formulas.get('3,3')).toBe('=C2*1.1');
    expect(report.warnings.join(' ')).toContain('Row 5, column "Engagement": #N/A counted as missing.');
    expect(report.scored).toBe(12);
  });

  it('never writes over a user column headed "Tier": it writes after it', () => {
    const grid = accountsGrid(10).map((row, r) => [...row, r === 0 ? 'Tier' : 'Gold']);
    const { sheet, session } = workbook(grid);
    const report = scoreSheet(session.services);
    expect(report.columns).toBe('S:X');
    expect(
      sheet
        .snapshot()
        .values.slice(1)
        .every((row) => row[WIDTH] === 'Gold'),
    ).toBe(true);
  });

  it('a second run leaves the sheet exactly as the first did: same columns, no duplicates', () => {
    const { book, sheet, session } = workbook(accountsGrid(30));
    scoreSheet(session.services);
    const first = {
      values: sheet.snapshot(),
      rules: sheet.rules.length,
      summary: book.sheet(SUMMARY_SHEET_NAME).snapshot(),
      charts: book.sheet(SUMMARY_SHEET_NAME).charts.length,
    };
    scoreSheet(session.services);
    expect(sheet.snapshot()).toEqual(first.values);
    expect(sheet.rules).toHaveLength(first.rules);
    expect(book.sheets.filter((s) => s.name.startsWith(SUMMARY_SHEET_NAME))).toHaveLength(1);
    expect(book.sheet(SUMMARY_SHEET_NAME).charts).toHaveLength(3);
    expect(sheet.metadata).toHaveLength(1);
    // The summary's time stamp differs, and the second run has a previous run to compare with; the rest is equal.
    const norm = (v: unknown[][]) =>
      v
        .slice(
          0,
          v.findIndex((r) => r[0] === 'Tier movement since the previous run'),
        )
        .map((r, i) => (i === 1 ? [] : r));
    expect(norm(book.sheet(SUMMARY_SHEET_NAME).snapshot().values)).toEqual(norm(first.summary.values));
  });

  it('updates its columns in place after the user inserts a column before them', () => {
    const { sheet, session } = workbook(accountsGrid(10));
    scoreSheet(session.services);
    sheet.insertColumnsAfter(2, 1);
    const report = scoreSheet(session.services);
    expect(report.columns).toBe('S:X');
    expect(sheet.snapshot().values[0].filter((v) => v === 'Score')).toHaveLength(1);
  });

  it('clears rows left over from a longer earlier run', () => {
    const grid = accountsGrid(20);
    const { sheet, session } = workbook(grid);
    scoreSheet(session.services);
    for (let r = 12; r <= 21; r++) sheet.write(r, 1, [new Array(WIDTH).fill('')]);
    scoreSheet(session.services);
    const v = sheet.snapshot().values;
    expect(v[10][WIDTH + 1]).toMatch(/^Tier/); // row 11, the last account left
    for (let r = 11; r < 21; r++) expect(v[r].slice(WIDTH, WIDTH + 6)).toEqual(['', '', '', '', '', '']);
  });

  it("puts a bad cell's message in its row and still scores every other row", () => {
    const grid = accountsGrid(10);
    grid[4][2] = '12,5OO';
    const { sheet, session } = workbook(grid);
    const report = scoreSheet(session.services);
    expect(report.scored).toBe(9);
    expect(report.errors).toEqual([{ row: 5, message: 'Row 5, column "Revenue": "12,5OO" is not a number.' }]);
    const v = sheet.snapshot().values;
    expect(v[4][WIDTH]).toBe('');
    expect(v[4][WIDTH + 4]).toBe('⚠ Row 5, column "Revenue": "12,5OO" is not a number.');
    expect(typeof v[5][WIDTH]).toBe('number');
  });
});

describe('Tier colours', () => {
  it("colours whole rows by tier with rules on the Tier column, keeping the user's own rules", () => {
    const { book, sheet, session } = workbook(accountsGrid(20));
    const app = session.services.spreadsheetApp;
    const userRule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2>100000')
      .setBackground('#0000ff')
      .setRanges([sheet.getRange('C2:C21')])
      .build();
    sheet.setConditionalFormatRules([userRule]);
    scoreSheet(session.services);
    expect(sheet.rules).toHaveLength(4);
    expect(sheet.rules[0]).toBe(userRule);
    const tierOf = (row: number) => sheet.snapshot().values[row - 1][WIDTH + 1] as string;
    const colours = parseSettings({}).colours;
    for (let row = 2; row <= 21; row++) {
      const expected = colours[Number(tierOf(row).slice(-1)) - 1];
      expect(sheet.backgroundAt(row, 1)).toBe(expected);
      expect(sheet.backgroundAt(row, WIDTH + 6)).toBe(expected);
    }
    // Colours follow later edits of the Tier cell.
    sheet.write(2, WIDTH + 2, [['Tier 3']]);
    expect(sheet.backgroundAt(2, 1)).toBe(colours[2]);
    expect(removeColours(sheet, session.services.properties.getDocumentProperties())).toBe(3);
    expect(sheet.rules).toEqual([userRule]);
    void book;
  });
});

describe('The summary sheet', () => {
  it('holds the tier and segment tables, programs, KPIs and whale points, with three charts', () => {
    const { book, session } = workbook(accountsGrid(50));
    scoreSheet(session.services);
    const summary = book.sheet(SUMMARY_SHEET_NAME);
    const v = summary.snapshot().values;
    const col = v.map((r) => r[0]);
    for (const heading of ['Tiers', 'Profitability by segment', 'ABM programs', 'KPIs', 'Whale curve']) expect(col).toContain(heading);
    const seg = col.indexOf('Profitability by segment');
    expect(v.slice(seg + 2, seg + 6).map((r) => r[0])).toEqual(['Money Maker', 'Contributor', 'Filler', 'Total']);
    const charts = summary.charts as FakeChart[];
    expect(charts.map((c) => [c.type, c.options.title])).toEqual([
      ['COLUMN', 'Profitability by segment'],
      ['COLUMN', 'Share of profit and margin by tier'],
      ['LINE', 'Whale curve: cumulative profit by share of accounts'],
    ]);
    // Margin and share of profit (G:H) by segment, without the Total row.
    expect(charts[0].ranges.map((r) => r.a1())).toEqual([`A${seg + 2}:A${seg + 5}`, `G${seg + 2}:H${seg + 5}`]);
    expect(v[seg + 1].slice(6, 8)).toEqual(['Margin', 'Share of profit']);
  });

  it('shows shares as percentages and amounts with thousands, set once: a re-run keeps a format the user chose', () => {
    const { book, session } = workbook(accountsGrid(50));
    scoreSheet(session.services);
    const summary = book.sheet(SUMMARY_SHEET_NAME);
    const v = summary.snapshot().values;
    const row = (label: string) => v.findIndex((r) => r[0] === label) + 1;
    const tier1 = row('Tier 1');
    // Accounts, share of accounts, revenue, cost, profit, margin, share of profit, profit per account.
    expect(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((_, c) => summary.formatAt(tier1, c + 2))).toEqual([
      '#,##0',
      '0.0%',
      '#,##0',
      '#,##0',
      '#,##0',
      '0.0%',
      '0.0%',
      '#,##0',
    ]);
    expect(summary.formatAt(row('Filler'), 3)).toBe('0.0%');
    expect(summary.formatAt(row('Average lifetime value'), 2)).toBe('#,##0.00');
    expect(summary.formatAt(row('Average lifetime (years)'), 2)).toBe('0.00');
    expect(summary.formatAt(row('Active accounts'), 2)).toBe('#,##0');
    const whaleHeader = row('Share of accounts'); // in column A only above the whale points
    expect([summary.formatAt(whaleHeader + 1, 1), summary.formatAt(whaleHeader + 101, 2)]).toEqual(['0.0%', '0.0%']);
    expect(summary.formatAt(whaleHeader, 1)).toBeNull();
    // Headings and labels keep the automatic format.
    expect(summary.formatAt(1, 1)).toBeNull();
    summary.cellFormats.set(`${tier1},4`, '$#,##0');
    book.calls.reset();
    book.activate('Accounts');
    scoreSheet(session.services);
    expect(book.calls.byMethod['Sheet.getRangeList'] ?? 0).toBe(0);
    expect(summary.formatAt(tier1, 4)).toBe('$#,##0');
  });

  it('leaves a user\'s own sheet named "ABM Summary" alone and uses "ABM Summary (2)"', () => {
    const { book, session } = workbook(accountsGrid(10));
    const mine = book.insertSheet(SUMMARY_SHEET_NAME) as unknown as { write: (r: number, c: number, v: string[][]) => void };
    mine.write(1, 1, [['my notes']]);
    book.activate('Accounts');
    const report = scoreSheet(session.services);
    expect(report.summarySheet).toBe('ABM Summary (2)');
    expect(book.sheet(SUMMARY_SHEET_NAME).snapshot().values).toEqual([['my notes']]);
  });
});

describe('Settings, locks and refusals', () => {
  it('saves the settings in document properties and re-runs with them', () => {
    const { book, sheet, session } = workbook(accountsGrid(20));
    scoreSheet(session.services, { method: 'threshold', thresholds: [90, 80], labels: ['High', 'Medium', 'Low'] });
    expect(JSON.parse(book.properties[SETTINGS_PROPERTY]).method).toBe('threshold');
    const again = book.session('colleague@example.com');
    scoreSheet(again.services);
    const tiers = new Set(
      sheet
        .snapshot()
        .values.slice(1)
        .map((r) => r[WIDTH + 1]),
    );
    expect([...tiers].every((t) => ['High', 'Medium', 'Low'].includes(t as string))).toBe(true);
  });

  it('falls back to the defaults, with a warning, when the stored settings are broken', () => {
    const { book, session } = workbook(accountsGrid(10));
    book.properties[SETTINGS_PROPERTY] = JSON.stringify({ method: 'magic' });
    const report = scoreSheet(session.services);
    // The reason's wording belongs to the settings messages; here: the warning, and a run with the defaults.
    expect(report.warnings[0]).toMatch(/^The saved settings were not valid/u);
    expect(report.tiers.map((t) => t.label)).toEqual(['Tier 1', 'Tier 2', 'Tier 3']);
  });

  it('refuses invalid settings with the field named, and writes nothing', () => {
    const { sheet, session } = workbook(accountsGrid(10));
    const before = sheet.snapshot();
    expect(() => scoreSheet(session.services, { cutoffs: [50, 50, 50] })).toThrow(/100/u);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('tells a second person that someone else is scoring, and writes nothing', () => {
    const { book, sheet, session } = workbook(accountsGrid(10));
    book.lockHolder = 'colleague@example.com';
    const before = sheet.snapshot();
    expect(() => scoreSheet(session.services)).toThrow('This spreadsheet is being scored by someone else right now; try again in a moment.');
    expect(sheet.snapshot()).toEqual(before);
    book.lockHolder = null;
    scoreSheet(session.services);
    expect(book.lockHolder).toBeNull();
  });

  it('says so for a sheet with only a header, an empty sheet, or no metric column', () => {
    expect(() => scoreSheet(workbook([['Account', 'Revenue']]).session.services)).toThrow('"Accounts" has a header on row 1 but no accounts below it.');
    expect(() => scoreSheet(workbook([]).session.services)).toThrow(/is empty/);
    expect(() =>
      scoreSheet(
        workbook([
          ['Name', 'Notes'],
          ['A', 'x'],
        ]).session.services,
      ),
    ).toThrow(/No metric column found/);
  });

  it('refuses to score the summary sheet itself', () => {
    const { book, session } = workbook(accountsGrid(10));
    scoreSheet(session.services);
    book.activate(SUMMARY_SHEET_NAME);
    expect(() => scoreSheet(session.services)).toThrow(/This is the summary sheet/);
  });

  it('previews tiers for other settings without writing anything', () => {
    const grid = accountsGrid(30);
    const { book, sheet, session } = workbook(grid);
    const before = sheet.snapshot();
    const settings = { method: 'capacity', capacity: { strategicMarketers: 2, liteMarketers: 1 }, unprofitableCap: false } as const;
    // The sidebar's preview: the sheet's columns read once, the tiers computed from them.
    const p = localPreview(localSheet(previewData(session.services, settings)), settings, 'en');
    // K1 = 2 × 3 = 6, K2 = 6 + 10: ties may share a tier, so the engine's counts are the reference.
    expect(p.tiers.map((t) => t.accounts)).toEqual(analyseGrid(grid, parseSettings(settings)).capacity.accounts);
    expect(p.tiers[0].accounts).toBeGreaterThanOrEqual(6);
    expect(p.tiers[0].marketers).toBe(Math.ceil(p.tiers[0].accounts / 3));
    expect(sheet.snapshot()).toEqual(before);
    expect(book.sheets).toHaveLength(1);
  });
});

describe('Charts are never stacked', () => {
  it('updates the existing charts in place after a layout change, and re-inserts one the user deleted', () => {
    const { book, session } = workbook(accountsGrid(20));
    scoreSheet(session.services);
    const summary = book.sheet(SUMMARY_SHEET_NAME);
    const ids = summary.charts.map((c) => c.id);
    book.properties['abmTier.summary'] = JSON.stringify({ name: SUMMARY_SHEET_NAME, layout: 'layout-0' });
    book.calls.reset();
    scoreSheet(session.services);
    expect(book.calls.byMethod['Sheet.updateChart']).toBe(3);
    expect(book.calls.byMethod['Sheet.insertChart'] ?? 0).toBe(0);
    expect(summary.charts.map((c) => c.id)).toEqual(ids);
    summary.charts.pop();
    scoreSheet(session.services);
    expect(summary.charts).toHaveLength(3);
    expect(summary.charts[0].id).toBe(ids[0]);
  });
});
