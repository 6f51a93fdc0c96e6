/**
 * What src/main.ts forwards to: each public call bound to the real Apps Script services and, for
 * custom functions, to the document's language. The sidebar's calls turn any error into a message.
 */
import * as fn from '../functions';
import { abmLearn as abmLearnFn } from '../functions/abmlearn';
import { abmNext as abmNextFn } from '../functions/abmnext';
import { abmGrid as abmGridFn } from '../functions/abmgrid';
import type { SettingsInput } from '../core';
import { realServices } from './apps-script';
import { documentLabels, menuLanguage } from './function-labels';
import { buildMenu, menuCreateTemplate as createTemplateFromMenu, menuRemoveColours, menuScore, openSidebar, userMessage } from './menu';
import { findLookalikes as findLookalikesIn } from './lookalike-column';
import { learnOnSheet, nextTierOfRow as nextTierIn, restoreWeights as restoreWeightsIn, useLearnedWeights as useLearned } from './learn-next';
import { buildAccountsSheet, buildRfmSheet } from './orders-sheet';
import { scoreSheet } from './score-sheet';
import { activeSheetName, documentPinList, openSheet, previewData, sidebarState } from './sidebar-state';
import { removeActiveColours } from './tier-colours';
import { historyRuns, sidebarCategoryProfit, sidebarReportCard } from './report-card-sheet';
import { pinRows } from './pins';

// ── Custom functions ───────────────────────────────────────────────────────────────────────────

export const abmScore = (metrics: unknown, weights: unknown, directions: unknown) => fn.abmScore(metrics, weights, directions, documentLabels());
export const abmTier = (input: unknown, method: unknown, cutoffs: unknown, labels: unknown, pins?: unknown) =>
  fn.abmTier(input, method, cutoffs, labels, documentLabels(), pins);
export const abmSegment = (revenue: unknown, cutoffs: unknown, labels: unknown) => fn.abmSegment(revenue, cutoffs, labels, documentLabels());
export const abmProgram = (tiers: unknown, labels: unknown) => fn.abmProgram(tiers, labels, documentLabels());
export const abmHealth = (metrics: unknown) => fn.abmHealth(metrics, documentLabels());
export const abmDrivers = (metrics: unknown, weights: unknown) => fn.abmDrivers(metrics, weights, documentLabels());
export const abmLtv = (spend: unknown, perYear: unknown, years: unknown, margin: unknown, discountRate: unknown) =>
  fn.abmLtv(spend, perYear, years, margin, discountRate, documentLabels());
export const abmProfit = (segments: unknown, revenue: unknown, profitOrCost: unknown) => fn.abmProfit(segments, revenue, profitOrCost, documentLabels());
export const abmRfm = (ids: unknown, dates: unknown, revenues: unknown, asOf: unknown, bins: unknown) =>
  fn.abmRfm(ids, dates, revenues, asOf, bins, documentLabels());
export const abmKpi = (metrics: unknown) => fn.abmKpi(metrics, documentLabels());
export const abmReport = (tiers: unknown, outcomes: unknown, category?: unknown, pins?: unknown) =>
  fn.abmReport(tiers, outcomes, documentLabels(), category, pins);
export const abmLookalike = (metrics: unknown, ideal: unknown) => fn.abmLookalike(metrics, ideal, documentLabels());
export const abmNext = (metrics: unknown, weights: unknown) => abmNextFn(metrics, weights, documentLabels());
export const abmLearn = (metrics: unknown, outcomes: unknown, weights: unknown) => abmLearnFn(metrics, outcomes, weights, documentLabels());
export const abmGrid = (metrics: unknown, weights: unknown) => abmGridFn(metrics, weights, documentLabels());

// ── The menu ───────────────────────────────────────────────────────────────────────────────────

export const onOpen = () => buildMenu(realServices(), menuLanguage());
export const showSidebar = () => openSidebar(realServices());
export const menuScoreSheet = () => menuScore(realServices());
export const menuRemoveTierColours = () => menuRemoveColours(realServices());
export const menuCreateTemplate = () => createTemplateFromMenu(realServices());

// ── The sidebar's calls (google.script.run turns `undefined` into `null`: the shell takes `null` as absent) ──

export const getSidebarState = (settings?: SettingsInput | null) => forSidebar(() => sidebarState(realServices(), settings));
export const getPreviewData = (settings?: SettingsInput | null) => forSidebar(() => previewData(realServices(), settings));
export const getActiveSheetName = () => forSidebar(() => activeSheetName(realServices()));
export const getDocumentPins = () => forSidebar(() => documentPinList(realServices()));
export const openSheetByName = (name: string, settings?: SettingsInput | null) => forSidebar(() => openSheet(realServices(), name, settings));
export const scoreActiveSheet = (settings: SettingsInput) => forSidebar(() => scoreSheet(realServices(), settings));
export const removeTierColours = () => forSidebar(() => removeActiveColours(realServices()));
export const findLookalikes = () => forSidebar(() => findLookalikesIn(realServices()));
export const nextTierOfRow = (settings?: SettingsInput | null, row?: number | null) => forSidebar(() => nextTierIn(realServices(), settings, row));
export const pinSelectedRows = (settings: SettingsInput | null, pin: string, reason?: string | null, rows?: number[] | null) =>
  forSidebar(() => pinRows(realServices(), settings, pin, reason, rows));
export const learnWeightsOnSheet = (settings?: SettingsInput | null, outcome?: string | null) =>
  forSidebar(() => learnOnSheet(realServices(), settings, outcome));
export const useLearnedWeights = (settings: SettingsInput) => forSidebar(() => useLearned(realServices(), settings));
export const restoreWeights = (settings: SettingsInput) => forSidebar(() => restoreWeightsIn(realServices(), settings));
export const getReportCard = (settings?: SettingsInput | null, slot?: number | null, outcome?: string | null) =>
  forSidebar(() => sidebarReportCard(realServices(), settings, slot, outcome));
export const getCategoryProfit = (settings: SettingsInput | null, column: string) => forSidebar(() => sidebarCategoryProfit(realServices(), settings, column));
export const getReportRuns = () =>
  forSidebar(() => {
    const ss = realServices().spreadsheetApp.getActiveSpreadsheet();
    return historyRuns(ss, ss.getActiveSheet().getName());
  });
export const buildAccountsFromOrders = (asOf?: string | null) => forSidebar(() => buildAccountsSheet(realServices(), asOf));
export const buildRfmFromOrders = (asOf?: string | null, bins?: number | null, settings?: SettingsInput | null) =>
  forSidebar(() => buildRfmSheet(realServices(), asOf, bins, settings));

/** The sidebar shows error.message: make it one a person can act on. */
function forSidebar<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new Error(userMessage(error));
  }
}
