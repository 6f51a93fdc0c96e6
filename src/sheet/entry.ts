/**
 * What src/main.ts forwards to: each public call bound to the real Apps Script services and, for
 * custom functions, to the document's language. The sidebar's calls turn any error into a message.
 */
import * as fn from '../functions';
import type { SettingsInput } from '../core';
import { realServices } from './apps-script';
import { documentLabels, menuLanguage } from './function-labels';
import { buildMenu, menuCreateTemplate as createTemplateFromMenu, menuRemoveColours, menuScore, openSidebar, userMessage } from './menu';
import { findLookalikes as findLookalikesIn } from './lookalike-column';
import { buildAccountsSheet, buildRfmSheet } from './orders-sheet';
import { previewSheet, scoreSheet } from './score-sheet';
import { sidebarState } from './sidebar-state';
import { removeActiveColours } from './tier-colours';

// ── Custom functions ───────────────────────────────────────────────────────────────────────────

export const abmScore = (metrics: unknown, weights: unknown, directions: unknown) => fn.abmScore(metrics, weights, directions, documentLabels());
export const abmTier = (input: unknown, method: unknown, cutoffs: unknown, labels: unknown) => fn.abmTier(input, method, cutoffs, labels, documentLabels());
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
export const abmLookalike = (metrics: unknown, ideal: unknown) => fn.abmLookalike(metrics, ideal, documentLabels());

// ── The menu ───────────────────────────────────────────────────────────────────────────────────

export const onOpen = () => buildMenu(realServices(), menuLanguage());
export const showSidebar = () => openSidebar(realServices());
export const menuScoreSheet = () => menuScore(realServices());
export const menuRemoveTierColours = () => menuRemoveColours(realServices());
export const menuCreateTemplate = () => createTemplateFromMenu(realServices());

// ── The sidebar's calls (google.script.run turns `undefined` into `null`: the shell takes `null` as absent) ──

export const getSidebarState = (settings?: SettingsInput | null) => forSidebar(() => sidebarState(realServices(), settings));
export const previewScore = (settings: SettingsInput) => forSidebar(() => previewSheet(realServices(), settings));
export const scoreActiveSheet = (settings: SettingsInput) => forSidebar(() => scoreSheet(realServices(), settings));
export const removeTierColours = () => forSidebar(() => removeActiveColours(realServices()));
export const findLookalikes = () => forSidebar(() => findLookalikesIn(realServices()));
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
