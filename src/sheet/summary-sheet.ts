import type { Analysis } from '../core';
import { CHART_SEGMENTS, CHART_WHALE, SUMMARY_SHEET_KEY, SUMMARY_SHEET_NAME } from './keys';
import { summaryLayout } from './summary-layout';
import type { EmbeddedChartApi, SheetApi, SpreadsheetApi } from './services';

/**
 * Builds or updates "ABM Summary": the tables in one write, then the two charts, updated in place
 * with modify()/updateChart() and never inserted twice. A user's own sheet of that name is left
 * alone: ours carries developer metadata; otherwise we use "ABM Summary (2)", and so on.
 */

function isOurs(sheet: SheetApi): boolean {
  return sheet.createDeveloperMetadataFinder().withKey(SUMMARY_SHEET_KEY).find().length > 0;
}

export function summarySheet(ss: SpreadsheetApi): { sheet: SheetApi; created: boolean } {
  for (let k = 1; k < 100; k++) {
    const name = k === 1 ? SUMMARY_SHEET_NAME : `${SUMMARY_SHEET_NAME} (${k})`;
    const existing = ss.getSheetByName(name);
    if (existing && isOurs(existing)) return { sheet: existing, created: false };
    if (!existing) {
      const sheet = ss.insertSheet(name);
      sheet.addDeveloperMetadata(SUMMARY_SHEET_KEY, 'v1');
      return { sheet, created: true };
    }
  }
  throw new Error('Too many sheets named "ABM Summary": rename or delete some.');
}

export function writeSummary(ss: SpreadsheetApi, analysis: Analysis, sourceName: string, when: string): SheetApi {
  const { sheet } = summarySheet(ss);
  const layout = summaryLayout(analysis, sourceName, when);
  const height = layout.values.length;
  const width = layout.values[0].length;
  sheet.getRange(1, 1, height, width).setValues(layout.values);
  const charts = sheet.getCharts();
  const byTitle = (title: string) => charts.find((c: EmbeddedChartApi) => c.getOptions().get('title') === title);
  const place = (title: string, ranges: string[], kind: 'column' | 'line', row: number) => {
    const existing = byTitle(title);
    let builder = existing ? existing.modify().clearRanges() : sheet.newChart();
    builder = kind === 'column' ? builder.asColumnChart() : builder.asLineChart();
    for (const a1 of ranges) builder = builder.addRange(sheet.getRange(a1));
    builder = builder.setNumHeaders(1).setOption('title', title).setPosition(row, width + 2, 0, 0);
    if (existing) sheet.updateChart(builder.build());
    else sheet.insertChart(builder.build());
  };
  place(CHART_SEGMENTS, layout.segmentChart, 'column', 3);
  place(CHART_WHALE, layout.whaleChart, 'line', 22);
  return sheet;
}
