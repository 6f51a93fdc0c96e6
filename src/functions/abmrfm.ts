import { accountsFromOrders, asOfMs, dayOfCell, DEFAULT_RFM_SEGMENTS, MessageError, rfmTable, type Cell } from '../core';
import { rfmRules } from '../i18n/labels';
import { absent, frame, inLanguage, refuse, word, type DocumentLabels, type Output } from './args';

/** =ABMRFM(account_ids, order_dates, revenues, [analysis_date], [bins]): RFM per customer (SPEC §10). */
export function abmRfm(accountIds: unknown, orderDates: unknown, revenues: unknown, analysisDate?: unknown, bins?: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => rfm(accountIds, orderDates, revenues, analysisDate, bins, doc));
}

function rfm(accountIds: unknown, orderDates: unknown, revenues: unknown, analysisDate: unknown, bins: unknown, doc: DocumentLabels): Output {
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
    if (Number.isNaN(asOf)) refuse('fn.bad', { arg: 'analysis_date', value: String(analysisDate), why: { code: 'set.dateFormat' } });
  }
  const k = absent(bins) ? 5 : Number(bins);
  if (!Number.isInteger(k) || k < 2 || k > 10) refuse('fn.bad', { arg: 'bins', value: String(bins), why: { code: 'set.whole', params: { min: 2, max: 10 } } });
  // Rows count within the ranges: the grid's first row (number 0) is the header made here.
  const orders = accountsFromOrders(grid, asOf, 0, { rowCode: 'cell.rowOfRanges', timeZone });
  if (orders.errorCount > 0) throw new MessageError(orders.errors[0]);
  const segments = rfmRules(DEFAULT_RFM_SEGMENTS, doc.lang ?? 'en');
  const { customers } = rfmTable(
    orders.accounts.map((a) => ({ account: a.account, recency: a.recency, frequency: a.lines, monetary: a.revenue })),
    k,
    segments.rules,
    segments.other,
  );
  return [
    [
      word(doc, 'rfm.account'),
      word(doc, 'rfm.recency'),
      word(doc, 'rfm.frequency'),
      word(doc, 'rfm.monetary'),
      'R',
      'F',
      'M',
      word(doc, 'rfm.score'),
      word(doc, 'col.segment'),
    ],
    ...customers.map((c) => [c.account, c.recency, c.frequency, c.monetary, c.r, c.f, c.m, c.score, c.segment]),
  ];
}
