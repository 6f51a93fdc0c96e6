/**
 * The one server entry: everything Apps Script may call. `scripts/build.mjs` turns each exported
 * function here into a top-level stub with this JSDoc (Sheets reads custom functions' help from it).
 */
import * as shell from './sheet';

/** What Sheets passes: a single value or a 2-D array of values. */
type Range = unknown;

/**
 * Score 0–100 of each account: the weighted mid-rank percentile of its metrics.
 *
 * @param {Array<Array<number|string>>} metrics The accounts' metrics, e.g. A1:M500 with the header row (columns are found by name: Revenue, Profit, Engagement…) or B2:F500 without (every column counts, higher is better).
 * @param {Array<Array<number>>|string} [weights] One weight per column, e.g. B1:F1, or text such as "profit=3, revenue=2".
 * @param {Array<Array<string>>|string} [directions] "higher" or "lower" per column, or text such as "recency=lower, support=lower".
 * @return {Array<Array<number|string>>} One score per row (blank rows stay blank; a bad cell gives a message in its row).
 * @customfunction
 */
export function ABMSCORE(metrics: Range, weights?: Range, directions?: Range) {
  return shell.abmScore(metrics, weights, directions);
}

/**
 * Tier of each account: "Tier 1", "Tier 2" or "Tier 3" (in the document's language), from a score column or from metrics it scores first.
 *
 * @param {Array<Array<number|string>>} scores_or_metrics Scores 0–100, e.g. N2:N500, or a metrics range with its header row, e.g. A1:M500.
 * @param {string} [method] "quantile" (default), "threshold", "pareto" or "capacity".
 * @param {string|Array<Array<number>>} [cutoffs] Quantile: "20,30,50" (percent of accounts); threshold: "70,40" (scores); capacity: "2,3" (strategic and ABM Lite marketers).
 * @param {string} [labels] Three tier labels instead of the usual ones, e.g. "High, Medium, Low".
 * @param {Array<Array<string|number>>} [pins] The team's own tiers, from the same top row, e.g. P1:P500: a tier, 1/2/3 or "exclude", a reason after a colon.
 * @return {Array<Array<string>>} One tier per row.
 * @customfunction
 */
export function ABMTIER(scores_or_metrics: Range, method?: Range, cutoffs?: Range, labels?: Range, pins?: Range) {
  return shell.abmTier(scores_or_metrics, method, cutoffs, labels, pins);
}

/**
 * Relationship segment by revenue (budget): "Money Maker" (top 20 %), "Contributor" (next 40 %) or "Filler", in the document's language.
 *
 * @param {Array<Array<number>>} revenue Revenue or budget per account, e.g. C2:C500.
 * @param {string|Array<Array<number>>} [cutoffs] Percent of accounts in each segment, e.g. "20,40,40".
 * @param {string} [labels] Three segment labels instead of the usual ones, e.g. "Key, Core, Tail".
 * @return {Array<Array<string>>} One segment per row.
 * @customfunction
 */
export function ABMSEGMENT(revenue: Range, cutoffs?: Range, labels?: Range) {
  return shell.abmSegment(revenue, cutoffs, labels);
}

/**
 * The ABM program for each tier: Strategic ABM (1:1), ABM Lite (1:few) or Programmatic ABM (1:many), in the document's language.
 *
 * @param {Array<Array<string>>} tiers Tier labels, e.g. O2:O500 holding "Tier 1", "Tier 2", "Tier 3".
 * @param {string} [labels] Three program names instead of the usual ones, e.g. "1:1, 1:few, 1:many".
 * @return {Array<Array<string>>} One program per row.
 * @customfunction
 */
export function ABMPROGRAM(tiers: Range, labels?: Range) {
  return shell.abmProgram(tiers, labels);
}

/**
 * Customer health index 0–100 and its status (Healthy, Watch, At risk) from recency, engagement, orders, products, feedback and support.
 *
 * @param {Array<Array<number|string>>} metrics The accounts' columns with their header row, e.g. A1:M500.
 * @return {Array<Array<number|string>>} Two columns: Health and Health status.
 * @customfunction
 */
export function ABMHEALTH(metrics: Range) {
  return shell.abmHealth(metrics);
}

/**
 * What drives each account's score: its two strongest metrics and the weakest one.
 *
 * @param {Array<Array<number|string>>} metrics The accounts' metrics with their header row, e.g. A1:M500.
 * @param {Array<Array<number>>|string} [weights] One weight per column, or text such as "profit=3, revenue=2".
 * @return {Array<Array<string>>} One line per row, e.g. "profit (top 4%), engagement (top 11%); weakest: recency (bottom 20%)".
 * @customfunction
 */
export function ABMDRIVERS(metrics: Range, weights?: Range) {
  return shell.abmDrivers(metrics, weights);
}

/**
 * Customer lifetime value: spend per purchase × purchases per year × margin × years, optionally discounted.
 *
 * @param {number|Array<Array<number>>} spend_per_purchase Average spend per purchase, e.g. 1200 or P2:P500.
 * @param {number|Array<Array<number>>} purchases_per_year Purchases per year, e.g. 6 or Q2:Q500.
 * @param {number|Array<Array<number>>} years Expected customer lifetime in years, e.g. 5.
 * @param {number|Array<Array<number>>} [margin] Profit margin, e.g. 0.3 or 30% (default 1).
 * @param {number} [discount_rate] Yearly discount rate, e.g. 0.1 (default 0: no discounting).
 * @return {Array<Array<number>>} One lifetime value per row.
 * @customfunction
 */
export function ABMLTV(spend_per_purchase: Range, purchases_per_year: Range, years: Range, margin?: Range, discount_rate?: Range) {
  return shell.abmLtv(spend_per_purchase, purchases_per_year, years, margin, discount_rate);
}

/**
 * Profitability by segment: accounts, revenue, cost, profit, margin and share of profit per segment (or tier), with a total.
 *
 * @param {Array<Array<string>>} segments Segment, tier or any text column (region, industry) per account, e.g. P2:P500, or B1:B500 with its header.
 * @param {Array<Array<number>>} revenue Revenue per account, e.g. C2:C500.
 * @param {Array<Array<number>>} profit_or_cost Profit per account, e.g. D2:D500; or cost to serve when its header says Cost (e.g. E1:E500).
 * @return {Array<Array<number|string>>} A table with a header row, one row per segment and a Total row.
 * @customfunction
 */
export function ABMPROFIT(segments: Range, revenue: Range, profit_or_cost: Range) {
  return shell.abmProfit(segments, revenue, profit_or_cost);
}

/**
 * Report card: how well the tiers predict outcomes: per tier accounts, successes, success rate with its 95 % Wilson interval and lift; AUC with its DeLong interval; MadKudu's bar; a verdict.
 *
 * @param {Array<Array<number|string>>} tiers_or_scores Tier per account, e.g. O2:O500, or scores 0–100, e.g. N2:N500 (cut into tiers 20/30/50).
 * @param {Array<Array<number|string|boolean>>} outcomes What happened next, e.g. Q2:Q500: Won/Lost, Yes/No, TRUE/FALSE, 1/0, or a number such as next year's revenue (above 0 is a success). A header Churned reads yes as a failure.
 * @param {Array<Array<string>>} [category] A text column such as region or industry, e.g. C2:C500: adds its success rate per value (values under 20 accounts pooled as Other).
 * @param {Array<Array<string|number>>} [pins] The team's pinned tier per account from the same top row, e.g. P2:P500: a tier label, 1/2/3 or exclude. Pinned accounts leave the tiers and are shown apart below: did the team's judgement beat the score?
 * @return {Array<Array<number|string>>} The report card table.
 * @customfunction
 */
export function ABMREPORT(tiers_or_scores: Range, outcomes: Range, category?: Range, pins?: Range) {
  return shell.abmReport(tiers_or_scores, outcomes, category, pins);
}

/**
 * What would move each account up a tier: the smallest change in one metric that lifts it into the next tier, the others held fixed.
 *
 * @param {Array<Array<number|string>>} metrics The accounts' metrics with their header row, e.g. A1:M500.
 * @param {Array<Array<number>>|string} [weights] One weight per column, or text such as "profit=3, revenue=2".
 * @return {Array<Array<string>>} One line per row, e.g. "Acme → Tier 1 if engagement rises from 62 to 78 (percentile 38 → 61)".
 * @customfunction
 */
export function ABMNEXT(metrics: Range, weights?: Range) {
  return shell.abmNext(metrics, weights);
}

/**
 * Weights learned from outcomes (non-negative logistic regression on the metrics' percentiles), beside the current ones, with 5-fold cross-validated AUC of each.
 *
 * @param {Array<Array<number|string>>} metrics The accounts' metrics with their header row, e.g. A1:M500.
 * @param {Array<Array<number|string|boolean>>} outcomes What happened next for each account, e.g. Q1:Q500: Won/Lost, Yes/No, TRUE/FALSE or 1/0 (at least 50 of each).
 * @param {Array<Array<number>>|string} [weights] The current weights, one per column, or text such as "profit=3, revenue=2".
 * @return {Array<Array<number|string>>} A table: metric, current weight, learned weight; then the AUCs and the counts.
 * @customfunction
 */
export function ABMLEARN(metrics: Range, outcomes: Range, weights?: Range) {
  return shell.abmLearn(metrics, outcomes, weights);
}

/**
 * Fit score, engagement score (each 0–100) and the fit × engagement grid cell, A1 (best fit, most engaged) to C3.
 *
 * @param {Array<Array<number|string>>} metrics The accounts' metrics with their header row, e.g. A1:M500.
 * @param {Array<Array<number>>|string} [weights] Weights, one per column, or text such as "profit=3, engagement=2".
 * @return {Array<Array<number|string>>} Three columns: Fit, Engagement and Grid.
 * @customfunction
 */
export function ABMGRID(metrics: Range, weights?: Range) {
  return shell.abmGrid(metrics, weights);
}

// ── The add-on: menu, sidebar and the calls the sidebar makes ──────────────────────────────────

/** Builds the add-on menu (runs unauthorised: nothing else happens here). */
export function onOpen() {
  shell.onOpen();
}

/** Runs when the add-on is installed: the menu appears at once. */
export function onInstall() {
  shell.onOpen();
}

/** Menu: Open ABM Tier. */
export function showSidebar() {
  shell.showSidebar();
}

/** Menu: Score sheet, with the saved settings. */
export function menuScoreSheet() {
  shell.menuScoreSheet();
}

/** Menu: Remove tier colours (ours only). */
export function menuRemoveTierColours() {
  shell.menuRemoveTierColours();
}

/** Menu: Create template (sample accounts and a how-to sheet; refuses to overwrite sheets of those names). */
export function menuCreateTemplate() {
  shell.menuCreateTemplate();
}

/** Sidebar: the active sheet's columns and their roles, under the saved settings or the ones being edited. */
export function getSidebarState(settings?: shell.SettingsInput | null): shell.SidebarState {
  return shell.getSidebarState(settings);
}

/** Sidebar: the active sheet's account and metric columns, sent once, for the preview the sidebar computes itself. */
export function getPreviewData(settings?: shell.SettingsInput | null): shell.PreviewData {
  return shell.getPreviewData(settings);
}

/** Sidebar: the active sheet's name (asked every few seconds, to follow the sheet a person is on). */
export function getActiveSheetName(): string {
  return shell.getActiveSheetName();
}

/** Sidebar: make the named sheet active and describe it (the next step after building it). */
export function openSheetByName(name: string, settings?: shell.SettingsInput | null): shell.SidebarState {
  return shell.openSheetByName(name, settings);
}

/** Sidebar: save these settings and score the active sheet. */
export function scoreActiveSheet(settings: shell.SettingsInput): shell.ScoreReport {
  return shell.scoreActiveSheet(settings);
}

/** Sidebar: remove our tier colours from the active sheet; returns how many rules were removed. */
export function removeTierColours(): number {
  return shell.removeTierColours();
}

/**
 * Sidebar: the report card of the active sheet against its outcome column (null when it has none), writing no cells; `slot`:
 * judge an earlier run's tiers instead; `outcome`: the column to use from now on for this sheet ('' = found by its header).
 */
export function getReportCard(settings?: shell.SettingsInput | null, slot?: number | null, outcome?: string | null): shell.SidebarCard | null {
  return shell.getReportCard(settings, slot, outcome);
}

/** Sidebar: profit by the values of a category column of the active sheet ("which region earns the profit?"); null without that column. */
export function getCategoryProfit(settings: shell.SettingsInput | null, column: string): shell.SidebarProfit | null {
  return shell.getCategoryProfit(settings, column);
}

/** Sidebar: the earlier runs of the active sheet kept in "ABM History", newest first (for the backtest). */
export function getReportRuns(): { slot: number; title: string }[] {
  return shell.getReportRuns();
}

/** Sidebar: a Lookalike column on the active sheet and the 10 accounts outside Tier 1 most like it. */
export function findLookalikes(): shell.LookalikeReport {
  return shell.findLookalikes();
}

/** Sidebar: what would move the selected row's account (or sheet row `row`) up a tier. */
export function nextTierOfRow(settings?: shell.SettingsInput | null, row?: number | null): shell.NextTierReport {
  return shell.nextTierOfRow(settings, row);
}

/** Sidebar (Copy as SQL): the pins kept in the document, [account, 0–2 a tier or 3 exclude]. */
export function getDocumentPins(): [string, number][] {
  return shell.getDocumentPins();
}

/** Sidebar: pins the selected rows' accounts (or sheet rows `rows`) to `pin` (a tier, 1/2/3, exclude; '' unpins), kept in the document. */
export function pinSelectedRows(settings: shell.SettingsInput | null, pin: string, reason?: string | null, rows?: number[] | null): shell.PinReport {
  return shell.pinSelectedRows(settings, pin, reason, rows);
}

/** Sidebar: weights learned from the active sheet's outcome column, with both cross-validated AUCs; nothing is saved. */
export function learnWeightsOnSheet(settings?: shell.SettingsInput | null, outcome?: string | null): shell.LearnReport {
  return shell.learnWeightsOnSheet(settings, outcome);
}

/** Sidebar: "Use these weights": save these settings, keeping the weights they replace for "Back to my weights". */
export function useLearnedWeights(settings: shell.SettingsInput): { saved: true } {
  return shell.useLearnedWeights(settings);
}

/** Sidebar: "Back to my weights": save the weights "Use these weights" replaced again, and return them. */
export function restoreWeights(settings: shell.SettingsInput): Record<string, number> {
  return shell.restoreWeights(settings);
}

/** Sidebar: the active sheet's order lines → "ABM Accounts", one row per account, ready to score. */
export function buildAccountsFromOrders(asOf?: string | null): shell.OrdersReport {
  return shell.buildAccountsFromOrders(asOf);
}

/** Sidebar: the active sheet's order lines → "ABM RFM", scores and segments per customer (segment rules from the settings). */
export function buildRfmFromOrders(asOf?: string | null, bins?: number | null, settings?: shell.SettingsInput | null): shell.OrdersReport {
  return shell.buildRfmFromOrders(asOf, bins, settings);
}

// ── Orders, RFM, KPIs and lookalikes ───────────────────────────────────────────────────────────

/**
 * RFM of each customer from order lines: recency, frequency, monetary, their 1–5 scores and the segment (as the R package rfm computes them).
 *
 * @param {Array<Array<string>>} account_ids The customer of each order line, e.g. A2:A5000.
 * @param {Array<Array<Date>>} order_dates The order date of each line, e.g. B2:B5000.
 * @param {Array<Array<number>>} revenues The revenue of each line, e.g. C2:C5000.
 * @param {Date|string} [analysis_date] The day recency counts from, e.g. DATE(2006,12,31) or "2006-12-31" (default today).
 * @param {number} [bins] Scores 1…bins, e.g. 5 (default).
 * @return {Array<Array<string|number>>} One row per customer with a header: Account, Recency (days), Frequency, Monetary, R, F, M, RFM score, Segment.
 * @customfunction
 */
export function ABMRFM(account_ids: Range, order_dates: Range, revenues: Range, analysis_date?: Range, bins?: Range) {
  return shell.abmRfm(account_ids, order_dates, revenues, analysis_date, bins);
}

/**
 * The ABM KPIs: accounts, active and new accounts, revenue per lead, spend per purchase, average lifetime and LTV.
 *
 * @param {Array<Array<number|string>>} metrics The accounts with their header row (Revenue, Orders, Recency, Tenure, Leads…), e.g. A1:Q500.
 * @return {Array<Array<string|number>>} A two-column table: KPI and value.
 * @customfunction
 */
export function ABMKPI(metrics: Range) {
  return shell.abmKpi(metrics);
}

/**
 * How much each account looks like the ideal ones (0–100), over the scoring metrics.
 *
 * @param {Array<Array<number|string>>} metrics The accounts' metrics with their header row, e.g. A1:Q500.
 * @param {Array<Array<boolean|string>>} is_ideal TRUE (or 1, or "Tier 1") for each ideal account, e.g. S1:S500.
 * @return {Array<Array<number>>} One similarity per row.
 * @customfunction
 */
export function ABMLOOKALIKE(metrics: Range, is_ideal: Range) {
  return shell.abmLookalike(metrics, is_ideal);
}
