import {
  ACCOUNT_HEADER,
  asOfMessage,
  asOfMs,
  duplicateAccounts,
  orderLinesMessage,
  type ParsedTable,
  DEFAULT_RFM_SEGMENTS,
  mapOrderColumns,
  missingOrderFields,
  OrdersBuilder,
  rfmTable,
  type AccountFromOrders,
  type OrdersResult,
  type RfmCounted,
  type RfmCustomer,
  type RfmSegmentSummary,
} from '../core';
import { renderer, type Lang } from '../i18n';
import { cliTranslator } from '../i18n/cli';
import { rfmRules } from '../i18n/labels';
import { csvField, readCsv } from './csv';
import { headerList } from './excerpt';
import type { Sink } from './output';

/** `abm-tier accounts` and `abm-tier rfm`: order lines in, one row per account out. */

export class OrdersFileError extends Error {
  override name = 'OrdersFileError';
}

/**
 * Order lines → accounts; the unusable lines come back as messages (`errors`), which the caller
 * renders. Without `asOf`, recency runs to the day after the last order in the file.
 */
export function readOrders(path: string, asOf?: string): OrdersResult {
  let builder: OrdersBuilder | null = null;
  readCsv(path, (fields, record) => {
    if (record === 1) {
      const columns = mapOrderColumns(fields);
      const missing = missingOrderFields(columns);
      if (missing.length) {
        throw new OrdersFileError(
          `the order table needs ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} (headers such as Account, Order date, Revenue); found ${headerList(fields)}`,
        );
      }
      builder = new OrdersBuilder(columns, fields);
      return;
    }
    builder!.add(fields, record);
  });
  if (!builder) throw new OrdersFileError('the file is empty: it needs a header row and one row per order line');
  return (builder as OrdersBuilder).finish(asOf ? asOfMs(asOf) : undefined);
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function accountFields(a: AccountFromOrders): (string | number)[] {
  return [
    a.account,
    a.revenue,
    a.profit,
    a.cost,
    a.orders,
    iso(a.firstOrder),
    iso(a.lastOrder),
    a.recency,
    Math.round(a.tenure * 1000) / 1000,
    a.products,
    a.spendPerPurchase,
  ];
}

export function writeAccountsCsv(sink: Sink, result: OrdersResult): void {
  sink.write(`${ACCOUNT_HEADER.join(',')}\n`);
  for (const a of result.accounts)
    sink.write(
      `${accountFields(a)
        .map((v) => csvField(v))
        .join(',')}\n`,
    );
}

/** RFM of the accounts, the default segments named in `lang`; the summary counts orders by their ids where the file has them. */
export function rfmFromOrders(
  result: OrdersResult,
  bins: number,
  lang: Lang = 'en',
): { customers: RfmCustomer[]; segments: RfmSegmentSummary[]; counted: RfmCounted; asOf: string } {
  const named = rfmRules(DEFAULT_RFM_SEGMENTS, lang);
  const table = rfmTable(
    result.accounts.map((a) => ({
      account: a.account,
      recency: a.recency,
      frequency: a.lines,
      monetary: a.revenue,
      orders: result.byOrderId ? a.orders : undefined,
    })),
    bins,
    named.rules,
    named.other,
  );
  return { ...table, asOf: String(asOfMessage(result).params!.date) };
}

/** The line on stderr that says which day recency runs to ("Recency as of 2017-12-31, the day after the last order."). */
export function asOfNote(result: OrdersResult, lang: Lang): string {
  return `abm-tier: ${renderer(lang)(asOfMessage(result))}\n`;
}

/** `score`'s refusal of a file of order lines, with the command that makes accounts of it; null for a file of accounts. */
export function orderLinesRefusal(header: readonly string[], accounts: () => readonly string[] | null, lang: Lang, file: string): string | null {
  const found = orderLinesMessage(header, accounts);
  return found ? `${renderer(lang)(found)} ${cliTranslator(lang)('cli.orderLines', { file })}` : null;
}

/** The one warning for account names on more than one row (the sheet's words), if any. */
export function duplicateWarning(table: ParsedTable, lang: Lang): string[] {
  const said = duplicateAccounts(table);
  return said ? [renderer(lang)(said)] : [];
}

const RFM_HEADER = ['Account', 'Recency (days)', 'Frequency', 'Monetary', 'R', 'F', 'M', 'RFM score', 'Segment'];

/** CSV of the customers for `csv`; JSON (customers, segments, what they count, the as-of day) for any other format. */
export function writeRfm(sink: Sink, rfm: ReturnType<typeof rfmFromOrders>, format: string): void {
  if (format === 'csv') {
    sink.write(`${RFM_HEADER.join(',')}\n`);
    for (const c of rfm.customers)
      sink.write(`${[c.account, c.recency, c.frequency, c.monetary, c.r, c.f, c.m, c.score, c.segment].map((v) => csvField(v)).join(',')}\n`);
    return;
  }
  const segments = rfm.segments.map((s) => ({ ...s, averageOrderValue: Number.isFinite(s.averageOrderValue) ? s.averageOrderValue : null }));
  // `counted`: whether each segment's `orders` are orders (by order id) or order lines.
  sink.write(`${JSON.stringify({ asOf: rfm.asOf, counted: rfm.counted, customers: rfm.customers, segments })}\n`);
}
