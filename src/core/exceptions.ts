import type { Analysis } from './analyse';
import { column, ROW_OK } from './table';

/**
 * Exception lists a marketer acts on, each as row indices of the table, in the order to act:
 * - `capped`: accounts the unprofitable cap moved to Tier 3, largest loss first;
 * - `losingMoneyMakers`: Money Makers (top revenue segment) whose profit is below zero, largest loss first;
 * - `lapsed`: profitable accounts (profit > 0) whose recency is beyond the active window
 *   (`settings.activeDays`, default 365 days), most profitable first.
 * Ties keep row order. A list whose columns the table lacks is empty.
 */
export interface Exceptions {
  capped: number[];
  losingMoneyMakers: number[];
  lapsed: number[];
  /** The active window the lapsed list was cut with, in days. */
  activeDays: number;
}

/** Rows the unprofitable cap will move (a tier above the last, profit below zero): read before the cap is applied. */
export function movedByCap(tiers: Int8Array, profit: Float64Array): Uint8Array {
  const moved = new Uint8Array(tiers.length);
  for (let i = 0; i < tiers.length; i++) if (tiers[i] >= 0 && tiers[i] !== 2 && profit[i] < 0) moved[i] = 1;
  return moved;
}

export function accountExceptions(analysis: Analysis): Exceptions {
  const { table, settings } = analysis;
  const profit = column(table, 'profit');
  const recency = column(table, 'recency');
  const capped: number[] = [];
  const losing: number[] = [];
  const lapsed: number[] = [];
  if (profit) {
    const segment = table.mapping.hasHeader && column(table, 'revenue') ? analysis.segment : null;
    for (let i = 0; i < table.n; i++) {
      if (table.status[i] !== ROW_OK) continue;
      const p = profit[i];
      if (analysis.cappedRows?.[i]) capped.push(i);
      if (segment && segment[i] === 0 && p < 0) losing.push(i);
      if (recency && p > 0 && recency[i] > settings.activeDays) lapsed.push(i);
    }
    const byLoss = (a: number, b: number) => profit[a] - profit[b] || a - b;
    capped.sort(byLoss);
    losing.sort(byLoss);
    lapsed.sort((a, b) => profit[b] - profit[a] || a - b);
  }
  return { capped, losingMoneyMakers: losing, lapsed, activeDays: settings.activeDays };
}

/** One listed account, as the summary and the sidebar show it (plain values: it crosses google.script.run). */
export interface ExceptionRow {
  /** The row in the sheet or file. */
  row: number;
  account: string | null;
  profit: number;
  revenue: number | null;
  /** Days since the last purchase; null without a recency column. */
  recency: number | null;
  tier: string | null;
  segment: string | null;
}

/** The first `limit` accounts of a list, with what a marketer needs to find and judge them. */
export function exceptionRows(analysis: Analysis, list: readonly number[], limit = list.length): ExceptionRow[] {
  const { table, settings } = analysis;
  const profit = column(table, 'profit');
  const revenue = column(table, 'revenue');
  const recency = column(table, 'recency');
  const value = (c: Float64Array | null, i: number) => (c && c[i] === c[i] ? c[i] : null);
  return list.slice(0, limit).map((i) => ({
    row: table.rowNumbers[i],
    account: table.accounts?.[i] ?? null,
    profit: value(profit, i) ?? Number.NaN,
    revenue: value(revenue, i),
    recency: value(recency, i),
    tier: analysis.tier[i] >= 0 ? settings.labels[analysis.tier[i]] : null,
    segment: analysis.segment[i] >= 0 ? settings.segmentLabels[analysis.segment[i]] : null,
  }));
}

/** One exception list as the sidebar shows it: how many, and the first few. */
export interface ExceptionList {
  count: number;
  first: ExceptionRow[];
}

/** The three lists, plain JSON (it crosses google.script.run): the first `limit` accounts of each. */
export interface ExceptionsReport {
  activeDays: number;
  capped: ExceptionList;
  losingMoneyMakers: ExceptionList;
  lapsed: ExceptionList;
}

export function exceptionsReport(analysis: Analysis, limit = 5): ExceptionsReport {
  const found = analysis.exceptions;
  const list = (rows: readonly number[]): ExceptionList => ({ count: rows.length, first: exceptionRows(analysis, rows, limit) });
  return { activeDays: found.activeDays, capped: list(found.capped), losingMoneyMakers: list(found.losingMoneyMakers), lapsed: list(found.lapsed) };
}
