import { earlierTiers, outcomeOfHeader, setOwn, quoteCell, readOutcomes, reportCard, type Analysis, type Cell, type ReportCard } from '../core';
import { reportTable } from '../functions/abmreport';
import type { Said } from '../i18n';
import { analyseSheet, UserError } from './analyse-sheet';
import type { Services, SheetApi, SpreadsheetApi } from './apps-script';
import { given } from './given';
import { ensureGrid, rangeIfFits } from './grid';
import { documentLanguage, inputSettings, type Language } from './language';
import { findOurSheets } from './our-sheets';
import { readSheet, type SheetData } from './read-sheet';
import { cellValue } from './plain-text';
import { unpackRun } from './history';
import { HISTORY_RUNS } from './history';
import { HISTORY_SHEET_KEY } from './keys';

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
const HEIGHT = 32;
const WIDTH = 9;

export interface SheetCard {
  outcome: string;
  card: ReportCard;
  notes: Said[];
}

/**
 * The card of an analysed sheet against its outcome column: the one chosen in the sidebar (`chosen`,
 * while the sheet has a column of that header), else the first whose header names an outcome; null without one.
 */
export function sheetCard(data: SheetData, analysis: Analysis, earlier?: ReturnType<typeof earlierTiers>, chosen?: string | null): SheetCard | null {
  const header = data.header ?? [];
  const picked = chosen ? header.findIndex((h) => String(h ?? '').trim() === chosen) : -1;
  const column = picked >= 0 ? picked : header.findIndex((h) => outcomeOfHeader(h) !== null);
  if (column < 0) return null;
  const { table } = analysis;
  const first = data.headerRow + 2;
  const cells: Cell[] = Array.from(table.rowNumbers, (r) => data.rows[r - first]?.[column]);
  const outcomes = readOutcomes(cells, outcomeOfHeader(header[column])?.failure ?? false);
  const card = reportCard({ tier: earlier?.tier ?? analysis.tier, score: earlier?.score ?? analysis.score, outcomes, labels: analysis.settings.labels });
  const notes: Said[] = [];
  if (outcomes.unreadable > 0) {
    const at = outcomes.firstUnreadable;
    notes.push({
      code: 'report.unreadable',
      params: { count: outcomes.unreadable, where: { code: 'cell.row', params: { row: table.rowNumbers[at] } }, value: quoteCell(cells[at]) },
    });
  }
  return { outcome: String(header[column]), card, notes };
}

/** The cells of the sheet: a title line, the card, then the deciles; padded to HEIGHT × WIDTH. */
export function reportCardValues({ outcome, card, notes }: SheetCard, language: Language): { values: (string | number)[][]; firstDecileRow: number } {
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
  // Text goes in as plain text (a label such as `1-2` stays text), numbers as numbers.
  const values = Array.from({ length: HEIGHT }, (_, r) => Array.from({ length: WIDTH }, (_, c) => cellValue(rows[r]?.[c] ?? '')));
  return { values, firstDecileRow };
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
  const { values, firstDecileRow } = reportCardValues(found, language);
  const fit = rangeIfFits(sheet, 1, 1, HEIGHT, WIDTH);
  if (fit.grid) ensureGrid(sheet, fit.grid, HEIGHT, WIDTH);
  (fit.range ?? sheet.getRange(1, 1, HEIGHT, WIDTH)).setValues(values);
  // Rates and their bounds as percentages: the tiers' (rows 3–6, columns D–F), the capture shares (D10:D11), the deciles'.
  const percent = ['D3:F6', 'D10:D11'];
  const deciles = found.card.calibration.length;
  if (deciles) percent.push(`D${firstDecileRow}:F${firstDecileRow + deciles - 1}`);
  sheet.getRangeList(percent).setNumberFormat('0.0%');
  sheet.getRangeList(['A2:I2', `A${firstDecileRow - 1}:I${firstDecileRow - 1}`]).setFontWeight('bold');
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

const n = (x: number) => (Number.isFinite(x) ? x : null);

/** The sidebar's card of the active sheet under these settings, without writing anything; null without an outcome column. */
export function sidebarReportCard(services: Services, settingsInput: unknown, slot?: number | null, outcome?: string | null): SidebarCard | null {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(ss, inputSettings(ss, given(settingsInput) ?? {}));
  const sheet = ss.getActiveSheet();
  const data = readSheet(sheet, sheet.getName());
  const analysis = analyseSheet(data, language);
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
    tiers: card.tiers.map((t) => ({
      label: t.label,
      accounts: t.accounts,
      successes: t.successes,
      rate: n(t.rate),
      rateLow: n(t.rateLow),
      rateHigh: n(t.rateHigh),
      lift: n(t.lift),
    })),
    captureTop2: { accounts: n(card.captureTop2.accounts), successes: n(card.captureTop2.successes) },
    tier1OverTier3: n(card.tier1OverTier3),
    madKudu: card.madKudu,
    verdict: language.show(card.verdict as Said),
    used: language.show({ code: 'report.used', params: { count: card.accounts, leftOut: card.leftOut } }),
    notes: found.notes.map(language.show),
    run: run ? run.title : null,
    chosen,
  };
}
