import {
  ACCOUNT_HEADER,
  asOfMs,
  DEFAULT_RFM_SEGMENTS,
  mapOrderColumns,
  missingOrderFields,
  OrdersBuilder,
  rfmTable,
  type AccountFromOrders,
  type OrdersResult,
  type RfmCustomer,
  type RfmSegmentSummary,
} from '../core';
import type { Lang } from '../i18n';
import { rfmRules } from '../i18n/labels';
import { csvField, readCsv } from './csv';
import { headerList } from './excerpt';
import type { Sink } from './output';

/** `abm-tier accounts` and `abm-tier rfm`: order lines in, one row per account out. */

export class OrdersFileError extends Error {
  override name = 'OrdersFileError';
}

/** Order lines → accounts; the unusable lines come back as messages (`errors`), which the caller renders. */
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
  return (builder as OrdersBuilder).finish(asOfMs(asOf));
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

/** RFM of the accounts, the default segments named in `lang`. */
export function rfmFromOrders(result: OrdersResult, bins: number, lang: Lang = 'en'): { customers: RfmCustomer[]; segments: RfmSegmentSummary[] } {
  const named = rfmRules(DEFAULT_RFM_SEGMENTS, lang);
  return rfmTable(
    result.accounts.map((a) => ({ account: a.account, recency: a.recency, frequency: a.lines, monetary: a.revenue })),
    bins,
    named.rules,
    named.other,
  );
}

const RFM_HEADER = ['Account', 'Recency (days)', 'Frequency', 'Monetary', 'R', 'F', 'M', 'RFM score', 'Segment'];

export function writeRfm(sink: Sink, rfm: ReturnType<typeof rfmFromOrders>, format: 'json' | 'csv'): void {
  if (format === 'csv') {
    sink.write(`${RFM_HEADER.join(',')}\n`);
    for (const c of rfm.customers)
      sink.write(`${[c.account, c.recency, c.frequency, c.monetary, c.r, c.f, c.m, c.score, c.segment].map((v) => csvField(v)).join(',')}\n`);
    return;
  }
  const segments = rfm.segments.map((s) => ({ ...s, averageOrderValue: Number.isFinite(s.averageOrderValue) ? s.averageOrderValue : null }));
  sink.write(`${JSON.stringify({ customers: rfm.customers, segments })}\n`);
}
