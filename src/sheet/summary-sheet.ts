import { heatColour } from '../core';
import { translator, type Translate } from '../i18n';
import { UserError } from './analyse-sheet';
import { inEveryLanguage } from './language';
import { SUMMARY_PROPERTY, SUMMARY_SHEET_KEY, SUMMARY_SHEET_NAME } from './keys';
import { FROZEN_ROWS, LABEL_WIDTH, NUMBER_WIDTH, type SummaryLayout } from './summary-layout';
import { findOurSheets, type OurSheets } from './our-sheets';
import type {
  ConditionalFormatRuleApi,
  DeveloperMetadataApi,
  EmbeddedChartApi,
  PropertiesApi,
  RangeApi,
  SheetApi,
  SpreadsheetApi,
  SpreadsheetAppApi,
} from './apps-script';
import { cellsAdded, ensureGrid, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, rangeIfFits, type GridSize } from './grid';

/**
 * Builds or updates "ABM Summary": the tables in one write, then the two charts, updated in place
 * with modify()/updateChart() and never inserted twice. A user's own sheet of that name is left
 * alone: ours carries developer metadata; otherwise we use "ABM Summary (2)", and so on.
 */

/** Bumped when the layout moves the tables the charts read, so existing charts get their new ranges. */
export const SUMMARY_LAYOUT_VERSION = 'layout-5';

/** Where the summary goes, decided before anything is written. */
export interface SummaryPlan {
  /** Our summary sheet, or null when one named `name` is to be made. */
  sheet: SheetApi | null;
  /** Its developer metadata (the layout version), when it exists. */
  tag: DeveloperMetadataApi | null;
  name: string;
  /** Whether its layout is this version's (formats and chart ranges already set). */
  current: boolean;
  /** The range the tables go to, when the sheet's grid holds them. */
  range: RangeApi | null;
  /** The sheet's grid when it must grow first. */
  grid: GridSize | null;
  /** Cells the workbook gains. */
  added: number;
}

/** Columns right of the tables, where the charts are anchored (written blank with the tables). */
const CHART_COLUMNS = 2;

/**
 * Our summary sheet, found by its developer metadata whatever it is called now (the one the
 * document property names first, if several); when there is none, the first of "ABM Summary",
 * "ABM Summary (2)"… that no sheet has. A user's sheet of any of those names is never taken for ours.
 */
export function planSummary(
  ss: SpreadsheetApi,
  recorded: string | undefined,
  layout: SummaryLayout,
  say: Translate = translator('en'),
  ours: OurSheets = findOurSheets(ss, [SUMMARY_SHEET_KEY]),
): SummaryPlan {
  const height = layout.values.length;
  const width = layout.values[0].length + CHART_COLUMNS;
  let known: { name?: string; layout?: string } = {};
  try {
    known = JSON.parse(recorded ?? '{}') as typeof known;
  } catch {
    /* found by metadata below */
  }
  const tags = ours.get(SUMMARY_SHEET_KEY) ?? [];
  if (tags.length) {
    const named = tags.length > 1 ? tags.find((t) => t.sheet.getName() === known.name) : undefined;
    const { tag, sheet } = named ?? tags[0];
    const name = sheet.getName();
    const fit = rangeIfFits(sheet, 1, 1, height, width);
    const current = tag.getValue() === SUMMARY_LAYOUT_VERSION && known.layout === SUMMARY_LAYOUT_VERSION && known.name === name;
    return { sheet, tag, name, current, range: fit.range, grid: fit.grid, added: fit.grid ? cellsAdded(fit.grid, height, width) : 0 };
  }
  for (let k = 1; k < 100; k++) {
    const name = k === 1 ? SUMMARY_SHEET_NAME : `${SUMMARY_SHEET_NAME} (${k})`;
    if (ss.getSheetByName(name)) continue;
    return { sheet: null, tag: null, name, current: false, range: null, grid: null, added: cellsAdded(null, height, width) };
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
  say: Translate;
  /** For the heat map's colour-scale rule. */
  app: SpreadsheetAppApi;
}

export function writeSummary(plan: SummaryPlan, layout: SummaryLayout, { ss, source, props, recorded, say, app }: SummaryContext): string {
  const { name, current } = plan;
  let { sheet, range } = plan;
  const height = layout.values.length;
  const width = layout.values[0].length;
  const made = !sheet;
  if (!sheet) {
    sheet = ss.insertSheet(name);
    sheet.addDeveloperMetadata(SUMMARY_SHEET_KEY, SUMMARY_LAYOUT_VERSION);
    source.activate();
    ensureGrid(sheet, { rows: NEW_SHEET_ROWS, columns: NEW_SHEET_COLUMNS }, height, width + CHART_COLUMNS);
  } else if (!current) plan.tag?.setValue(SUMMARY_LAYOUT_VERSION);
  if (plan.grid) ensureGrid(sheet, plan.grid, height, width + CHART_COLUMNS);
  const record = JSON.stringify({ name, layout: SUMMARY_LAYOUT_VERSION, heat: layout.heatMap });
  if (record !== recorded) props.setProperty(SUMMARY_PROPERTY, record);
  const padded = layout.values.map((row) => [...row, ...new Array<string>(CHART_COLUMNS).fill('')]);
  const block = range ?? sheet.getRange(1, 1, height, width + CHART_COLUMNS);
  block.setValues(padded);
  // The layout's cells never move within a version, so its look is set once: a re-run keeps any format the user chose.
  if (!current) {
    // After a layout change, the old layout's formats would sit on the wrong cells.
    if (!made) block.clearFormat();
    for (const [pattern, ranges] of Object.entries(layout.numberFormats)) sheet.getRangeList(ranges).setNumberFormat(pattern);
    sheet.getRangeList(layout.bold).setFontWeight('bold');
    sheet.setFrozenRows(FROZEN_ROWS);
    sheet.setColumnWidth(1, LABEL_WIDTH);
    sheet.setColumnWidths(2, width - 1, NUMBER_WIDTH);
    colourHeatMap(app, sheet, layout.heatMap, recorded);
  }
  placeCharts(sheet, layout, width, current, say);
  return name;
}

/** The heat map's ends: white for no account, Sheets' colour-scale green for the fullest cell (as the sidebar's grid). */
export const HEAT_MIN = heatColour(0, 1);
export const HEAT_MAX = heatColour(1, 1);

/**
 * The fit × engagement counts coloured by a colour-scale rule, set with the layout's look (so a
 * re-run costs no call). setConditionalFormatRules replaces every rule of the sheet: the user's
 * rules are kept; ours is the colour scale in our colours on the grid's range, this layout's or the
 * one recorded by the run that set it.
 */
function colourHeatMap(app: SpreadsheetAppApi, sheet: SheetApi, heat: string | undefined, recorded: string | undefined): void {
  let before: string | undefined;
  try {
    before = (JSON.parse(recorded ?? '{}') as { heat?: string }).heat;
  } catch {
    /* no earlier heat map recorded */
  }
  const ranges = new Set([heat, before].filter(Boolean));
  const ours = (rule: ConditionalFormatRuleApi) => {
    const g = rule.getGradientCondition();
    return g !== null && g.getMinColor() === HEAT_MIN && g.getMaxColor() === HEAT_MAX && rule.getRanges().every((r) => ranges.has(r.getA1Notation()));
  };
  const kept = sheet.getConditionalFormatRules().filter((rule) => !ours(rule));
  if (heat) {
    kept.push(
      app
        .newConditionalFormatRule()
        .setGradientMinpointWithValue(HEAT_MIN, app.InterpolationType.NUMBER, '0')
        .setGradientMaxpoint(HEAT_MAX)
        .setRanges([sheet.getRange(heat)])
        .build(),
    );
  }
  sheet.setConditionalFormatRules(kept);
}

type ChartKey = 'chart.segments' | 'chart.tiers' | 'chart.whale';

/**
 * The three charts, found by their titles in whichever language wrote them: margin and share of
 * profit by segment and by tier (percent axes), and the whale curve. On the same layout a chart that
 * is there is left alone; one that is missing is inserted; after a layout change each is updated in
 * place with modify()/updateChart(), never inserted twice.
 */
function placeCharts(target: SheetApi, layout: SummaryLayout, width: number, current: boolean, say: Translate): void {
  // Each chart's title, read once.
  const charts = target.getCharts().map((chart: EmbeddedChartApi) => ({ chart, title: String(chart.getOptions().get('title')) }));
  const place = (key: ChartKey, ranges: string[], kind: 'column' | 'line', row: number, options: Record<string, string>) => {
    const title = say(key);
    const titles = inEveryLanguage(key);
    const found = charts.find((c) => titles.has(c.title));
    if (found && current && found.title === title) return;
    const existing = found?.chart;
    let builder = existing ? existing.modify().clearRanges() : target.newChart();
    builder = kind === 'column' ? builder.asColumnChart() : builder.asLineChart();
    for (const a1 of ranges) builder = builder.addRange(target.getRange(a1));
    builder = builder.setNumHeaders(1).setOption('title', title);
    for (const [option, value] of Object.entries(options)) builder = builder.setOption(option, value);
    builder = builder.setPosition(row, width + 2, 0, 0);
    if (existing) target.updateChart(builder.build());
    else target.insertChart(builder.build());
  };
  // Percentages with thousands separators: a share of profit can pass 1,000 % when others lose money.
  const share = { 'vAxis.title': say('chart.share'), 'vAxis.format': '#,##0%', 'legend.position': 'bottom' };
  place('chart.segments', layout.segmentChart, 'column', 4, { ...share, 'hAxis.title': say('col.segment') });
  place('chart.tiers', layout.tierChart, 'column', 24, { ...share, 'hAxis.title': say('col.tier') });
  place('chart.whale', layout.whaleChart, 'line', 44, {
    'hAxis.title': say('chart.accountsShare'),
    'hAxis.format': '#,##0%',
    'vAxis.title': say('col.cumulativeProfit'),
    'vAxis.format': '#,##0%',
    'legend.position': 'none',
  });
}
