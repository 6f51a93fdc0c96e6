import { accountsFromOrders, asOfMs, dayOfCell, rfmTable, type Cell } from '../core';
import { absent, frame, say, word, type DocumentLabels, type Output } from './args';

/** =ABMRFM(account_ids, order_dates, revenues, [analysis_date], [bins]): RFM per customer (SPEC §10). */
export function abmRfm(accountIds: unknown, orderDates: unknown, revenues: unknown, analysisDate?: unknown, bins?: unknown, doc: DocumentLabels = {}): Output {
  const ids = frame(accountIds).rows;
  const dates = frame(orderDates).rows;
  const revs = frame(revenues).rows;
  const n = Math.max(ids.length, dates.length, revs.length);
  const grid: Cell[][] = [['Account', 'Order date', 'Revenue']];
  for (let i = 0; i < n; i++) grid.push([ids[i]?.[0] ?? '', dates[i]?.[0] ?? '', revs[i]?.[0] ?? '']);
  let asOf: number;
  const timeZone = doc.locale?.timeZone;
  if (absent(analysisDate)) asOf = asOfMs(undefined, timeZone);
  else if (analysisDate instanceof Date) asOf = dayOfCell(analysisDate, timeZone);
  else {
    asOf = Date.parse(`${String(analysisDate).trim()}T00:00:00Z`);
    if (Number.isNaN(asOf)) throw new Error(`analysis_date: "${String(analysisDate)}" is not a date; write it as a date or as 2006-12-31.`);
  }
  const k = absent(bins) ? 5 : Number(bins);
  if (!Number.isInteger(k) || k < 2 || k > 10) throw new Error(`bins: "${String(bins)}" is not a whole number from 2 to 10.`);
  // Rows count within the ranges (the grid's first row is the header made here).
  const rowLabel = (r: number) => say(doc)('cell.rowOfRanges', { row: r - 1 });
  const orders = accountsFromOrders(grid, asOf, 1, { text: doc.text, rowLabel, timeZone });
  if (orders.errorCount > 0) throw new Error(orders.errors[0]);
  const { customers } = rfmTable(orders.accounts.map((a) => ({ account: a.account, recency: a.recency, frequency: a.lines, monetary: a.revenue })), k);
  return [
    [
      word(doc, 'rfm.account'), word(doc, 'rfm.recency'), word(doc, 'rfm.frequency'),
      word(doc, 'rfm.monetary'), 'R', 'F', 'M', word(doc, 'rfm.score'), word(doc, 'col.segment'),
    ],
    ...customers.map((c) => [c.account, c.recency, c.frequency, c.monetary, c.r, c.f, c.m, c.score, c.segment]),
  ];
}
