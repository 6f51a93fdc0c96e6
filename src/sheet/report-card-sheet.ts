import {
  cardPins,
  categoryGroups,
  categoryRates,
  finite,
  column as metricColumn,
  earlierTiers,
  normaliseHeader,
  outcomeOfHeader,
  profitability,
  setOwn,
  quoteCell,
  rateFigures,
  readOutcomes,
  reportCard,
  type Analysis,
  type Cell,
  type CategoryRow,
  type PinnedCard,
  type ReportCard,
} from '../core';
import { categoryTable, pinnedLines, pinnedTable, reportTable } from '../functions/abmreport';
import type { Said } from '../i18n';
import { analyseSheet, UserError } from './analyse-sheet';
import type { Services, SheetApi, SpreadsheetApi } from './apps-script';
import { given } from './given';
import { ensureGrid, rangeIfFits } from './grid';
import { documentLanguage, inputSettings, type Language } from './language';
import { findOurSheets } from './our-sheets';
import { readSheet, type SheetData } from './read-sheet';
import { cellValue } from './plain-text';
import { HISTORY_RUNS, unpackRun } from './history';
import { HISTORY_SHEET_KEY } from './keys';
import { documentPins, PINS_PROPERTY } from './pins';

/**
 * "ABM Report Card" (SPEC §13): the card of the scored sheet against its outcome column, the success
 * rate by score decile below it, and a column chart of the success rate by tier with its interval.
 * Ours by developer metadata (a user's sheet of that name is never touched); rewritten by each Score
 * whose sheet has an outcome column, as one fixed block, so nothing of an earlier card is left over.
 */

export const REPORT_SHEET_KEY = 'abmTier.reportCard';
/** Document property: the outcome column chosen in the sidebar, by sheet name (`{"Accounts": "Result 2026"}`). */
export const OUTCOME_PROPERTY = 'abmTier.outcomeColumn';

/** The outcome column chosen for `sheet` in the sidebar, if any (a property that cannot be read counts as none). */
export function chosenOutcome(stored: string | null | undefined, sheet: string): string | null {
  try {
    const map = JSON.parse(stored ?? '{}') as Record<string, unknown>;
    const header = Object.prototype.hasOwnProperty.call(map, sheet) ? map[sheet] : null;
    return typeof header === 'string' && header ? header : null;
  } catch {
    return null;
  }
}
export const REPORT_SHEET_NAME = 'ABM Report Card';
/** The block written every time: the card (≤ 17 rows) and the deciles (≤ 13) fit; 9 columns at most. */
const CARD_HEIGHT = 32;
/** Below it, up to 3 category columns, each a title, a header, ≤ 13 values and a blank row (issue 17). */
const CATEGORY_COLUMNS = 3;
const CATEGORY_HEIGHT = 16;
/** Under the categories (or the card without them), the pinned accounts: a title, a header, 3 tiers, up, down, 2 lines (issue 18). */
const PINNED_HEIGHT = 9;
const HEIGHT = CARD_HEIGHT + CATEGORY_COLUMNS * CATEGORY_HEIGHT + PINNED_HEIGHT;
const WIDTH = 9;

export interface SheetCard {
  outcome: string;
  card: ReportCard;
  notes: Said[];
  /** Success rate by each category column's values, over the accounts the card counts. */
  categories: { header: string; rows: CategoryRow[] }[];
}

/** The outcome column: one mapped as outcome in the settings, else the one chosen in the sidebar (older documents), else the first found by its header. */
function outcomeIndex(data: SheetData, analysis: Analysis, chosen?: string | null): number {
  const header = data.header ?? [];
  const mapped = analysis.table.mapping.outcome;
  const roles = analysis.settings.roles;
  if (mapped && Object.keys(roles).some((k) => roles[k] === 'outcome' && normaliseHeader(k) === normaliseHeader(mapped.header))) return mapped.index;
  const picked = chosen ? header.findIndex((h) => String(h ?? '').trim() === chosen) : -1;
  if (picked >= 0) return picked;
  return mapped ? mapped.index : -1;
}

/**
 * The card of an analysed sheet against its outcome column: the one chosen in the sidebar (`chosen`,
 * while the sheet has a column of that header), else the first whose header names an outcome; null without one.
 */
export function sheetCard(data: SheetData, analysis: Analysis, earlier?: ReturnType<typeof earlierTiers>, chosen?: string | null): SheetCard | null {
  const header = data.header ?? [];
  const column = outcomeIndex(data, analysis, chosen);
  if (column < 0) return null;
  const { table } = analysis;
  const first = data.headerRow + 2;
  const cellsOf = (c: number): Cell[] => Array.from(table.rowNumbers, (r) => data.rows[r - first]?.[c]);
  const cells = cellsOf(column);
  const outcomes = readOutcomes(cells, outcomeOfHeader(header[column])?.failure ?? false);
  const tier = earlier?.tier ?? analysis.tier;
  const card = reportCard({
    tier,
    score: earlier?.score ?? analysis.score,
    outcomes,
    labels: analysis.settings.labels,
    pins: earlier ? null : cardPins(analysis),
  });
  // The accounts the card counts: a tier and an outcome.
  const counted = Int8Array.from(outcomes.success, (o, i) => (tier[i] >= 0 && tier[i] <= 2 ? o : -1));
  const categories = table.mapping.categories
    .filter((c) => c.index !== column)
    .map((c) => ({ header: c.header, rows: categoryRates(cellsOf(c.index), counted) }));
  const notes: Said[] = [];
  if (outcomes.unreadable > 0) {
    const at = outcomes.firstUnreadable;
    notes.push({
      code: 'report.unreadable',
      params: { count: outcomes.unreadable, where: { code: 'cell.row', params: { row: table.rowNumbers[at] } }, value: quoteCell(cells[at]) },
    });
  }
  return { outcome: String(header[column]), card, notes, categories };
}

/** The cells of the sheet: a title line, the card, then the deciles; the categories from row 33, the pinned accounts after them; padded to HEIGHT × WIDTH. */
export function reportCardValues(
  { outcome, card, notes, categories }: SheetCard,
  language: Language,
): { values: (string | number)[][]; firstDecileRow: number; categoryRows: { first: number; count: number }[]; pinnedRow: number | null } {
  const { say, show } = language;
  const rows: (string | number)[][] = [[`${say('report.title')}: ${outcome}`], ...reportTable(card, say, show, notes)];
  const firstDecileRow = rows.length + 4;
  if (card.calibration.length) {
    rows.push([], [say('report.calibration')]);
    rows.push([
      say('report.decile'),
      say('report.accounts'),
      say('report.successes'),
      say('report.rate'),
      say('report.low'),
      say('report.high'),
      say('report.minScore'),
      say('report.maxScore'),
    ]);
    for (const d of card.calibration) rows.push([d.decile, d.accounts, d.successes, d.rate, d.rateLow, d.rateHigh, d.minScore, d.maxScore]);
  }
  rows.length = CARD_HEIGHT;
  const categoryRows: { first: number; count: number }[] = [];
  categories.slice(0, CATEGORY_COLUMNS).forEach((c, k) => {
    const at = CARD_HEIGHT + k * CATEGORY_HEIGHT;
    const block = categoryTable(c.header, c.rows, say);
    block.forEach((r, j) => {
      rows[at + j] = r;
    });
    categoryRows.push({ first: at + 3, count: c.rows.length });
  });
  // The pinned accounts (nothing without pins), right under the last block written.
  let pinnedRow: number | null = null;
  if (card.pinned) {
    const at = CARD_HEIGHT + categoryRows.length * CATEGORY_HEIGHT;
    pinnedTable(card.pinned, say, show).forEach((r, j) => {
      rows[at + j] = r;
    });
    pinnedRow = at + 1;
  }
  // Text goes in as plain text (a label such as `1-2` stays text), numbers as numbers.
  const values = Array.from({ length: HEIGHT }, (_, r) => Array.from({ length: WIDTH }, (_, c) => cellValue(rows[r]?.[c] ?? '')));
  return { values, firstDecileRow, categoryRows, pinnedRow };
}

/** Our report card sheet, or a new one under the first free name of "ABM Report Card", "ABM Report Card (2)"… */
function ourSheet(ss: SpreadsheetApi, source: SheetApi, say: Language['say']): SheetApi {
  const found = findOurSheets(ss, [REPORT_SHEET_KEY]).get(REPORT_SHEET_KEY) ?? [];
  if (found.length) return found[0].sheet;
  for (let k = 1; k < 100; k++) {
    const name = k === 1 ? REPORT_SHEET_NAME : `${REPORT_SHEET_NAME} (${k})`;
    if (ss.getSheetByName(name)) continue;
    const sheet = ss.insertSheet(name);
    sheet.addDeveloperMetadata(REPORT_SHEET_KEY, 'v1');
    source.activate();
    return sheet;
  }
  throw new UserError(say('msg.tooManySummaries', { sheet: REPORT_SHEET_NAME }));
}

/**
 * Writes the report card when the scored sheet has an outcome column; returns the card's sheet name,
 * or null (no outcome column: nothing is made or changed). One setValues; the chart is inserted once
 * and then updated in place.
 */
export function writeReportCard(
  ss: SpreadsheetApi,
  source: SheetApi,
  data: SheetData,
  analysis: Analysis,
  language: Language,
  stored: Record<string, string> = {},
): string | null {
  const found = sheetCard(data, analysis, undefined, chosenOutcome(stored[OUTCOME_PROPERTY], data.name));
  if (!found) return null;
  const sheet = ourSheet(ss, source, language.say);
  const { values, firstDecileRow, categoryRows, pinnedRow } = reportCardValues(found, language);
  const fit = rangeIfFits(sheet, 1, 1, HEIGHT, WIDTH);
  if (fit.grid) ensureGrid(sheet, fit.grid, HEIGHT, WIDTH);
  (fit.range ?? sheet.getRange(1, 1, HEIGHT, WIDTH)).setValues(values);
  // Rates and their bounds as percentages: the tiers' (rows 3–6, columns D–F), the capture shares (D10:D11), the deciles'.
  const percent = ['D3:F6', 'D10:D11'];
  const deciles = found.card.calibration.length;
  if (deciles) percent.push(`D${firstDecileRow}:F${firstDecileRow + deciles - 1}`);
  const bold = ['A2:I2', `A${firstDecileRow - 1}:I${firstDecileRow - 1}`];
  for (const c of categoryRows) {
    if (c.count) percent.push(`D${c.first}:F${c.first + c.count - 1}`);
    bold.push(`A${c.first - 1}:I${c.first - 1}`);
  }
  // The pinned accounts: the title at pinnedRow (1-based), the header below it, then five rows of rates.
  if (pinnedRow !== null) {
    percent.push(`D${pinnedRow + 2}:E${pinnedRow + 6}`);
    bold.push(`A${pinnedRow + 1}:I${pinnedRow + 1}`);
  }
  sheet.getRangeList(percent).setNumberFormat('0.0%');
  sheet.getRangeList(bold).setFontWeight('bold');
  sheet.setColumnWidth(1, 280);
  const title = language.say('report.chart');
  const existing = sheet.getCharts()[0];
  // Tier labels (A2:A5) beside the rate and its bounds (D2:F5), the header row naming the series.
  let builder = (existing ? existing.modify().clearRanges() : sheet.newChart()).asColumnChart();
  builder = builder.addRange(sheet.getRange('A2:A5')).addRange(sheet.getRange('D2:F5')).setNumHeaders(1);
  builder = builder.setOption('title', title).setOption('vAxis.format', '#,##0%').setOption('legend.position', 'bottom');
  builder = builder.setPosition(2, WIDTH + 2, 0, 0);
  if (existing) sheet.updateChart(builder.build());
  else sheet.insertChart(builder.build());
  return sheet.getName();
}

/** A card as the sidebar gets it over google.script.run: plain numbers (null for none) and the words already rendered. */
export interface SidebarCard {
  outcome: string;
  accounts: number;
  successes: number;
  baseRate: number | null;
  auc: number | null;
  aucLow: number | null;
  aucHigh: number | null;
  tiers: { label: string; accounts: number; successes: number; rate: number | null; rateLow: number | null; rateHigh: number | null; lift: number | null }[];
  captureTop2: { accounts: number | null; successes: number | null };
  tier1OverTier3: number | null;
  madKudu: { capture: boolean; ratio: boolean; pass: boolean };
  verdict: string;
  used: string;
  notes: string[];
  /** Backtest: the earlier run judged ("when · sheet") and how many of today's accounts it matched by key; null for the tiers now. */
  run: string | null;
  /** The outcome column chosen in the sidebar for this sheet, or null when it is found by its header. */
  chosen: string | null;
  /** Success rate by each category column's values (Other already in words). */
  categories: {
    header: string;
    rows: { label: string; accounts: number; successes: number; rate: number | null; rateLow: number | null; rateHigh: number | null; lift: number | null }[];
  }[];
  /** Pinned accounts' outcomes apart (issue 18): per pinned tier, then pinned up and down (the score's rate beside), and the lines in words; null without pins. */
  pinned: {
    rows: { label: string; accounts: number; successes: number; rate: number | null; unpinnedRate: number | null }[];
    lines: string[];
  } | null;
}

/** The earlier runs of a sheet kept in "ABM History" (ours by metadata): each slot and its title ("when (zone) · sheet"), newest first. */
export function historyRuns(ss: SpreadsheetApi, sheetName: string): { slot: number; title: string }[] {
  const history = findOurSheets(ss, [HISTORY_SHEET_KEY]).get(HISTORY_SHEET_KEY)?.[0]?.sheet;
  if (!history) return [];
  const titles = history.getRange(1, 1, 1, HISTORY_RUNS).getValues()[0];
  const runs = titles.map((t, slot) => ({ slot, title: String(t ?? '') })).filter((r) => r.title.endsWith(` · ${sheetName}`));
  return runs.sort((a, b) => (a.title < b.title ? 1 : a.title > b.title ? -1 : 0));
}

/** One earlier run's snapshot, read from its slot of "ABM History". */
function runSnapshot(ss: SpreadsheetApi, slot: number) {
  const history = findOurSheets(ss, [HISTORY_SHEET_KEY]).get(HISTORY_SHEET_KEY)?.[0]?.sheet;
  if (!history || !(slot >= 0 && slot < HISTORY_RUNS)) return null;
  const rows = history.getMaxRows();
  return unpackRun(
    history
      .getRange(1, slot + 1, rows, 1)
      .getValues()
      .map((r) => r[0]),
  );
}

const n = finite;

/** The pinned accounts' rows as the sheet's table has them (the tiers, then up and down), in plain numbers. */
function sidebarPinned(p: PinnedCard, language: Language): NonNullable<SidebarCard['pinned']> {
  const { say } = language;
  const move = (key: 'report.pinnedUp' | 'report.pinnedDown', m: PinnedCard['up']) => ({
    label: say(key),
    accounts: m.accounts,
    successes: m.successes,
    rate: n(m.rate),
    unpinnedRate: n(m.scoreRate),
  });
  return {
    rows: [
      ...p.tiers.map((t) => ({ label: t.label, accounts: t.accounts, successes: t.successes, rate: n(t.rate), unpinnedRate: n(t.unpinnedRate) })),
      move('report.pinnedUp', p.up),
      move('report.pinnedDown', p.down),
    ],
    lines: pinnedLines(p).map(language.show),
  };
}

/** The sidebar's card of the active sheet under these settings, without writing anything; null without an outcome column. */
export function sidebarReportCard(services: Services, settingsInput: unknown, slot?: number | null, outcome?: string | null): SidebarCard | null {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(ss, inputSettings(ss, given(settingsInput) ?? {}));
  const sheet = ss.getActiveSheet();
  const data = readSheet(sheet, sheet.getName());
  const analysis = analyseSheet(data, language, documentPins(services.properties.getDocumentProperties().getProperty(PINS_PROPERTY)));
  const run = slot === null || slot === undefined ? null : runSnapshot(ss, slot);
  const earlier = run ? earlierTiers(run.snapshot, analysis.table.accounts, analysis.table.n) : undefined;
  const props = services.properties.getDocumentProperties();
  const stored = props.getProperty(OUTCOME_PROPERTY);
  // A column chosen here is kept for the sheet (Score's card uses it too); '' goes back to finding it by header.
  if (outcome !== undefined && outcome !== null && outcome !== chosenOutcome(stored, data.name)) {
    const map = (() => {
      try {
        return JSON.parse(stored ?? '{}') as Record<string, string>;
      } catch {
        return {};
      }
    })();
    if (outcome) setOwn(map, data.name, outcome);
    else delete map[data.name];
    props.setProperty(OUTCOME_PROPERTY, JSON.stringify(map));
  }
  const chosen = outcome === undefined || outcome === null ? chosenOutcome(stored, data.name) : outcome || null;
  const found = sheetCard(data, analysis, earlier, chosen);
  if (!found) return null;
  if (run && earlier) found.notes.unshift({ code: 'report.matched', params: { matched: earlier.matched, count: analysis.table.n, run: run.title } });
  const { card } = found;
  return {
    outcome: found.outcome,
    accounts: card.accounts,
    successes: card.successes,
    baseRate: n(card.baseRate),
    auc: n(card.auc),
    aucLow: n(card.aucLow),
    aucHigh: n(card.aucHigh),
    tiers: card.tiers.map((t) => ({ label: t.label, ...rateFigures(t) })),
    captureTop2: { accounts: n(card.captureTop2.accounts), successes: n(card.captureTop2.successes) },
    tier1OverTier3: n(card.tier1OverTier3),
    madKudu: card.madKudu,
    verdict: language.show(card.verdict as Said),
    used: language.show({ code: 'report.used', params: { count: card.accounts, leftOut: card.leftOut } }),
    notes: found.notes.map(language.show),
    run: run ? run.title : null,
    chosen,
    categories: found.categories.map((c) => ({
      header: c.header,
      rows: c.rows.map((r) => ({ label: r.other ? language.say('report.other') : r.label, ...rateFigures(r) })),
    })),
    pinned: card.pinned && sidebarPinned(card.pinned, language),
  };
}

/** Profit by a category column's values, as the sidebar shows it (issue 17: "which region earns the profit?"). */
export interface SidebarProfit {
  column: string;
  rows: { label: string; accounts: number; revenue: number | null; profit: number | null; margin: number | null; profitShare: number | null }[];
}

/** Profitability (SPEC §7) of the scored accounts of the active sheet by the values of `column`; null when the sheet has no such column. */
export function sidebarCategoryProfit(services: Services, settingsInput: unknown, column: string): SidebarProfit | null {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(ss, inputSettings(ss, given(settingsInput) ?? {}));
  const sheet = ss.getActiveSheet();
  const data = readSheet(sheet, sheet.getName());
  const analysis = analyseSheet(data, language);
  const at = (data.header ?? []).findIndex((h) => String(h ?? '').trim() === column);
  if (at < 0) return null;
  const { table, tier } = analysis;
  const first = data.headerRow + 2;
  const values = Array.from(table.rowNumbers, (r) => data.rows[r - first]?.[at]);
  const { groups, labels } = categoryGroups(
    values,
    Uint8Array.from(tier, (t) => (t >= 0 ? 1 : 0)),
  );
  const money = { revenue: metricColumn(table, 'revenue'), profit: metricColumn(table, 'profit'), cost: metricColumn(table, 'cost') };
  const shown = labels.map((l) => (l === '' ? language.say('report.other') : l));
  const result = profitability(groups, shown, money, language.say('total'));
  return {
    column,
    rows: [...result.rows, result.total].map((r) => ({
      label: r.label,
      accounts: r.accounts,
      revenue: n(r.revenue),
      profit: n(r.profit),
      margin: n(r.margin),
      profitShare: n(r.profitShare),
    })),
  };
}
