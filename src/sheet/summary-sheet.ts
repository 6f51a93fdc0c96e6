import type { Analysis, Movement } from '../core';
import { translator, type Translate } from '../i18n';
import { UserError } from './analyse-sheet';
import { inEveryLanguage } from './language';
import { SUMMARY_PROPERTY, SUMMARY_SHEET_KEY, SUMMARY_SHEET_NAME } from './keys';
import { summaryLayout } from './summary-layout';
import type { EmbeddedChartApi, PropertiesApi, SheetApi, SpreadsheetApi } from './apps-script';

/**
 * Builds or updates "ABM Summary": the tables in one write, then the two charts, updated in place
 * with modify()/updateChart() and never inserted twice. A user's own sheet of that name is left
 * alone: ours carries developer metadata; otherwise we use "ABM Summary (2)", and so on.
 */

/** Bumped when the layout moves the tables the charts read, so existing charts get their new ranges. */
export const SUMMARY_LAYOUT_VERSION = 'layout-2';

/**
 * Our summary sheet, made when missing (inserting a sheet makes it active, so the caller's sheet is
 * activated again). The document property written with it names the sheet, saving a metadata search
 * on every run; without it, or when that sheet is gone, sheets are checked for our metadata.
 */
export function summarySheet(ss: SpreadsheetApi, back: SheetApi, recorded: string | undefined, props: PropertiesApi, say: Translate = translator('en')): { sheet: SheetApi; name: string; current: boolean } {
  const record = (name: string) => {
    const text = JSON.stringify({ name, layout: SUMMARY_LAYOUT_VERSION });
    if (text !== recorded) props.setProperty(SUMMARY_PROPERTY, text);
  };
  let known: { name?: string; layout?: string } = {};
  try {
    known = JSON.parse(recorded ?? '{}') as typeof known;
  } catch {
    /* search below */
  }
  if (known.name) {
    const sheet = ss.getSheetByName(known.name);
    if (sheet) {
      record(known.name);
      return { sheet, name: known.name, current: known.layout === SUMMARY_LAYOUT_VERSION };
    }
  }
  for (let k = 1; k < 100; k++) {
    const name = k === 1 ? SUMMARY_SHEET_NAME : `${SUMMARY_SHEET_NAME} (${k})`;
    const existing = ss.getSheetByName(name);
    if (existing) {
      const tag = existing.createDeveloperMetadataFinder().withKey(SUMMARY_SHEET_KEY).find()[0];
      if (!tag) continue;
      const current = tag.getValue() === SUMMARY_LAYOUT_VERSION;
      if (!current) tag.setValue(SUMMARY_LAYOUT_VERSION);
      record(name);
      return { sheet: existing, name, current };
    }
    const sheet = ss.insertSheet(name);
    sheet.addDeveloperMetadata(SUMMARY_SHEET_KEY, SUMMARY_LAYOUT_VERSION);
    back.activate();
    record(name);
    return { sheet, name, current: false };
  }
  throw new UserError(say('msg.tooManySummaries', { sheet: SUMMARY_SHEET_NAME }));
}

/**
 * Writes the tables in one setValues. The charts read those cells, so a re-run on the same layout
 * only checks that both charts are there; a chart that is missing is inserted, and after a layout
 * change the existing ones are updated in place with modify()/updateChart(), never inserted twice.
 */
export interface SummaryContext {
  ss: SpreadsheetApi;
  source: SheetApi;
  props: PropertiesApi;
  /** The stored summary property, if any. */
  recorded: string | undefined;
  sourceName: string;
  when: string;
  move: Movement | null;
  say: Translate;
}

export function writeSummary(analysis: Analysis, { ss, source, props, recorded, sourceName, when, move, say }: SummaryContext): string {
  const { sheet, name, current } = summarySheet(ss, source, recorded, props, say);
  const layout = summaryLayout(analysis, sourceName, when, move, say);
  const height = layout.values.length;
  const width = layout.values[0].length;
  sheet.getRange(1, 1, height, width).setValues(layout.values);
  // The layout's cells never move within a version, so formats are set once: a re-run keeps any the user chose.
  if (!current) for (const [pattern, ranges] of Object.entries(layout.numberFormats)) sheet.getRangeList(ranges).setNumberFormat(pattern);
  const charts = sheet.getCharts();
  // Our charts, found by their title in whichever language wrote it.
  const byTitle = (key: 'chart.segments' | 'chart.whale') => {
    const titles = inEveryLanguage(key);
    return charts.find((c: EmbeddedChartApi) => titles.has(String(c.getOptions().get('title'))));
  };
  const place = (key: 'chart.segments' | 'chart.whale', ranges: string[], kind: 'column' | 'line', row: number) => {
    const title = say(key);
    const existing = byTitle(key);
    if (existing && current && existing.getOptions().get('title') === title) return;
    let builder = existing ? existing.modify().clearRanges() : sheet.newChart();
    builder = kind === 'column' ? builder.asColumnChart() : builder.asLineChart();
    for (const a1 of ranges) builder = builder.addRange(sheet.getRange(a1));
    builder = builder.setNumHeaders(1).setOption('title', title).setPosition(row, width + 2, 0, 0);
    if (existing) sheet.updateChart(builder.build());
    else sheet.insertChart(builder.build());
  };
  place('chart.segments', layout.segmentChart, 'column', 3);
  place('chart.whale', layout.whaleChart, 'line', 22);
  return name;
}
