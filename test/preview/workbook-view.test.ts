import { describe, expect, it } from 'vitest';
import { formatted, workbookView } from '../../scripts/preview/workbook-view';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { accountsGrid, workbook } from '../sheet/helpers';

describe("the preview shows numbers as Sheets would under the add-on's formats", () => {
  it.each([
    [0.2049, '0.0%', '20.5%'],
    [-0.014, '0.0%', '-1.4%'],
    [27192384.4, '#,##0', '27,192,384'],
    [-269107, '#,##0', '-269,107'],
    [315623.123, '#,##0.00', '315,623.12'],
    [3.5444, '0.00', '3.54'],
    [71.0104, '0.0', '71.0'],
    [71.0104, null, '71.01'],
  ])('%d under %s reads %s', (value, pattern, shown) => {
    expect(formatted(value, pattern)).toBe(shown);
  });

  it('leaves text alone whatever the format', () => {
    expect(formatted('no data', '#,##0.00')).toBe('no data');
  });

  it("draws the summary's shares as percentages", () => {
    const { book, session } = workbook(accountsGrid(40));
    scoreSheet(session.services);
    const view = workbookView(book).sheets.find((s) => s.name === SUMMARY_SHEET_NAME)!;
    const total = view.cells.find((r) => r[0] === 'Total')!;
    expect(total.slice(1, 3)).toEqual(['40', '100.0%']);
    expect(total[3]).toMatch(/^\d{1,3}(,\d{3})+$/u);
  });

  it('carries what the summary sets bold and which charts read in percentages', () => {
    const { book, session } = workbook(accountsGrid(40));
    scoreSheet(session.services);
    const sheet = book.sheet(SUMMARY_SHEET_NAME);
    const view = workbookView(book).sheets.find((s) => s.name === SUMMARY_SHEET_NAME)!;
    const bold = view.bold.flatMap((r, i) => r.map((b, c) => [b, i + 1, c + 1] as const)).filter(([b]) => b);
    expect(bold.length).toBeGreaterThan(0);
    for (const [, row, column] of bold) expect(sheet.isBold(row, column)).toBe(true);
    expect(view.bold[0][0]).toBe(sheet.isBold(1, 1));
    const percent = sheet.charts.map((c) => String(c.options['vAxis.format'] ?? '').includes('%'));
    expect(view.charts.map((c) => c.percent)).toEqual(percent);
    expect(percent).toContain(true);
  });
});
