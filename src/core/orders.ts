import { normaliseHeader } from './roles';
import { dayOfCell, todayIn } from './calendar-day';
import { MessageError, type Message, type ReasonCode, type RowCode } from './message';
import { daysBetween, parseCell, parseIsoDate, quoteCell, type Cell } from './parse-cell';

/** Order lines → one row per account (issue "orders to accounts"; RFM of SPEC §10 reads the same lines). */

export type OrderField = 'account' | 'date' | 'revenue' | 'profit' | 'cost' | 'product' | 'order';

/** Headers read as each field, in the four languages of the add-on (compared as `normaliseHeader` folds them). */
const ORDER_HEADERS: Record<OrderField, readonly string[]> = {
  account: [
    'account',
    'account name',
    'account id',
    'customer',
    'customer id',
    'customer name',
    'client',
    'company',
    'customer_id',
    'บัญชี',
    'ลูกค้า',
    'รหัสลูกค้า',
    'ชื่อลูกค้า',
    '客户',
    '客户名称',
    '客户编号',
    '客户id',
    'հաճախորդ',
    'հաշիվ',
  ],
  date: [
    'order date',
    'date',
    'purchase date',
    'invoice date',
    'transaction date',
    'order_date',
    'ordered',
    'วันที่สั่งซื้อ',
    'วันที่',
    '下单日期',
    '订单日期',
    '日期',
    'պատվերի ամսաթիվ',
    'ամսաթիվ',
  ],
  revenue: [
    'revenue',
    'amount',
    'sales',
    'value',
    'total',
    'order value',
    'net sales',
    'price',
    'รายได้',
    'ยอดขาย',
    '收入',
    '销售额',
    '金额',
    'եկամուտ',
    'վաճառք',
  ],
  profit: ['profit', 'gross profit', 'margin amount', 'กำไร', '利润', 'շահույթ'],
  cost: ['cost', 'cost to serve', 'cogs', 'cost of goods', 'ต้นทุน', '成本', 'ծախս'],
  product: ['product', 'product id', 'product name', 'category', 'sku', 'item', 'product category', 'สินค้า', '产品', 'ապրանք'],
  order: [
    'order id',
    'order',
    'order number',
    'order no',
    'invoice',
    'invoice id',
    'invoice number',
    'invoice no',
    'transaction id',
    'receipt',
    'รหัสคำสั่งซื้อ',
    'เลขที่คำสั่งซื้อ',
    'คำสั่งซื้อ',
    'เลขที่ใบแจ้งหนี้',
    'ใบแจ้งหนี้',
    '订单号',
    '订单编号',
    '订单',
    '发票号',
    'պատվեր',
    'պատվերի համար',
    'հաշիվ-ապրանքագիր',
  ],
};

export type OrderColumns = Partial<Record<OrderField, number>>;

/** Which column holds each field, by header; account, date and revenue are required. */
export function mapOrderColumns(header: readonly Cell[]): OrderColumns {
  const out: OrderColumns = {};
  const keys = header.map((h) => normaliseHeader(h));
  for (const field of Object.keys(ORDER_HEADERS) as OrderField[]) {
    const names = ORDER_HEADERS[field].map((n) => normaliseHeader(n));
    const i = keys.findIndex((k, c) => names.includes(k) && !Object.values(out).includes(c));
    if (i >= 0) out[field] = i;
  }
  return out;
}

export function missingOrderFields(columns: OrderColumns): string[] {
  return (['account', 'date', 'revenue'] as const).filter((f) => columns[f] === undefined).map((f) => (f === 'date' ? 'order date' : f));
}

export interface AccountFromOrders {
  account: string;
  revenue: number;
  /** NaN when the lines carry neither profit nor cost. */
  profit: number;
  cost: number;
  /** Distinct order ids where given, else order lines. */
  orders: number;
  /** Order lines (RFM's frequency). */
  lines: number;
  firstOrder: number;
  lastOrder: number;
  recency: number;
  tenure: number;
  /** Distinct products; NaN without a product column. */
  products: number;
  spendPerPurchase: number;
}

interface Acc {
  account: string;
  revenue: number;
  profit: number;
  cost: number;
  lines: number;
  first: number;
  last: number;
  orderIds: Set<string> | null;
  products: Set<string> | null;
}

export interface OrdersResult {
  accounts: AccountFromOrders[];
  /** The day recency and tenure are measured to (UTC midnight ms). */
  asOf: number;
  /** True when no as-of date was given: the day after the last order of all the lines. */
  asOfFromData: boolean;
  /** The table has an order-id column: `orders` counts distinct ids, not lines. */
  byOrderId: boolean;
  /** Lines that could not be used, each naming its row, column and value. */
  errors: Message[];
  errorCount: number;
}

const MAX_ERRORS = 100;
const MS_PER_DAY = 86_400_000;

/** How messages name a row, and how dates are read. */
export interface OrdersWords {
  /** A sheet row or file line (`cell.row`) by default. */
  rowCode?: RowCode;
  /** The spreadsheet's time zone: a date cell is the day it shows there (UTC when absent). */
  timeZone?: string;
}

/** Aggregates order lines one at a time (a file never needs holding whole). */
export class OrdersBuilder {
  private readonly byAccount = new Map<string, Acc>();
  private readonly errors: Message[] = [];
  private errorCount = 0;
  private lastDay = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly columns: OrderColumns,
    private readonly header: readonly string[],
    private readonly words: OrdersWords = {},
  ) {}

  add(row: readonly Cell[], rowNumber: number): void {
    const c = this.columns;
    const accountCell = row[c.account!];
    const account = accountCell === null || accountCell === undefined ? '' : String(accountCell).trim();
    const dateCell = row[c.date!];
    const revenueCell = row[c.revenue!];
    if (!account && (dateCell === '' || dateCell == null) && (revenueCell === '' || revenueCell == null)) return;
    if (!account) {
      this.fail(rowNumber, c.account!, accountCell, 'orders.noAccount');
      return;
    }
    const date =
      dateCell instanceof Date
        ? Number.isNaN(dateCell.getTime())
          ? Number.NaN
          : dayOfCell(dateCell, this.words.timeZone)
        : parseIsoDate(String(dateCell ?? ''));
    if (Number.isNaN(date)) {
      this.fail(rowNumber, c.date!, dateCell, 'orders.noDate');
      return;
    }
    const revenue = parseCell(revenueCell, 'number', 0);
    if (!revenue.ok) {
      this.fail(rowNumber, c.revenue!, revenueCell, revenue.missing ? 'orders.noRevenue' : `cell.${revenue.code}`);
      return;
    }
    const extra = (field: 'profit' | 'cost'): number => {
      if (c[field] === undefined) return Number.NaN;
      const p = parseCell(row[c[field]!], 'number', 0);
      return p.ok ? p.value : Number.NaN;
    };
    let acc = this.byAccount.get(account);
    if (!acc) {
      acc = {
        account,
        revenue: 0,
        profit: Number.NaN,
        cost: Number.NaN,
        lines: 0,
        first: date,
        last: date,
        orderIds: c.order === undefined ? null : new Set(),
        products: c.product === undefined ? null : new Set(),
      };
      this.byAccount.set(account, acc);
    }
    acc.revenue += revenue.value;
    const profit = extra('profit');
    const cost = extra('cost');
    if (!Number.isNaN(profit)) acc.profit = (Number.isNaN(acc.profit) ? 0 : acc.profit) + profit;
    if (!Number.isNaN(cost)) acc.cost = (Number.isNaN(acc.cost) ? 0 : acc.cost) + cost;
    acc.lines++;
    if (date > this.lastDay) this.lastDay = date;
    if (date < acc.first) acc.first = date;
    if (date > acc.last) acc.last = date;
    if (acc.orderIds) {
      const id = String(row[c.order!] ?? '').trim();
      acc.orderIds.add(id || `line ${rowNumber}`);
    }
    if (acc.products) {
      const p = String(row[c.product!] ?? '').trim();
      if (p) acc.products.add(p);
    }
  }

  /**
   * The accounts, recency and tenure measured to `asOfMs`; without it, to the day after the last
   * order in the lines (data that ends in 2017 is not judged from today), or today when none is usable.
   */
  finish(asOfMs?: number): OrdersResult {
    const asOfFromData = asOfMs === undefined;
    if (asOfMs === undefined) asOfMs = Number.isFinite(this.lastDay) ? this.lastDay + MS_PER_DAY : todayIn(this.words.timeZone);
    const accounts: AccountFromOrders[] = [];
    for (const a of this.byAccount.values()) {
      const orders = a.orderIds ? a.orderIds.size : a.lines;
      // Profit from cost where only cost is given, cost from profit where only profit is.
      const profit = Number.isNaN(a.profit) && !Number.isNaN(a.cost) ? a.revenue - a.cost : a.profit;
      const cost = Number.isNaN(a.cost) && !Number.isNaN(a.profit) ? a.revenue - a.profit : a.cost;
      accounts.push({
        account: a.account,
        revenue: a.revenue,
        profit,
        cost,
        orders,
        lines: a.lines,
        firstOrder: a.first,
        lastOrder: a.last,
        recency: daysBetween(a.last, asOfMs),
        tenure: daysBetween(a.first, asOfMs) / 365.25,
        products: a.products ? a.products.size : Number.NaN,
        spendPerPurchase: orders > 0 ? a.revenue / orders : Number.NaN,
      });
    }
    return { accounts, asOf: asOfMs, asOfFromData, byOrderId: this.columns.order !== undefined, errors: this.errors, errorCount: this.errorCount };
  }

  private fail(rowNumber: number, column: number, cell: Cell, why: ReasonCode): void {
    this.errorCount++;
    if (this.errors.length >= MAX_ERRORS) return;
    const where: Message = { code: 'cell.column', params: { column: this.header[column] ?? '' } };
    this.errors.push({
      code: 'cell.invalid',
      params: {
        row: { code: this.words.rowCode ?? 'cell.row', params: { row: rowNumber } },
        problems: [{ code: 'cell.problem', params: { where, value: quoteCell(cell, this.words.timeZone), why: { code: why } } }],
      },
    });
  }
}

export const ACCOUNT_HEADER = [
  'Account',
  'Revenue',
  'Profit',
  'Cost',
  'Orders',
  'First order',
  'Last order',
  'Recency (days)',
  'Tenure (years)',
  'Products',
  'Spend per purchase',
] as const;

/** Order lines (header first) → accounts, ready to score; `asOfMs` undefined: the day after the last order. */
export function accountsFromOrders(
  grid: readonly (readonly Cell[])[],
  asOfMs: number | undefined,
  firstRowNumber = 1,
  words: OrdersWords = {},
): OrdersResult & { columns: OrderColumns } {
  if (grid.length === 0) throw new OrdersError({ code: 'msg.ordersEmpty' });
  const header = grid[0].map((h) => String(h ?? '').trim());
  const columns = mapOrderColumns(grid[0]);
  const missing = missingOrderFields(columns);
  if (missing.length) throw new OrdersError({ code: 'msg.ordersMissing', params: { columns: missing.join(', ') } }, missing);
  const builder = new OrdersBuilder(columns, header, words);
  for (let i = 1; i < grid.length; i++) builder.add(grid[i], firstRowNumber + i);
  return { ...builder.finish(asOfMs), columns };
}

/** An empty order table (`msg.ordersEmpty`), or one without the account, date or revenue column (`msg.ordersMissing`). */
export class OrdersError extends MessageError {
  override name = 'OrdersError';
  /** The order fields the table lacks (none when it is empty). */
  constructor(
    said: Message,
    readonly missing: readonly string[] = [],
  ) {
    super(said);
  }
}
