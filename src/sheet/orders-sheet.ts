import {
  accountsFromOrders,
  ACCOUNT_HEADER,
  asOfMessage,
  asOfMs,
  dateForDay,
  DEFAULT_RFM_SEGMENTS,
  orderLinesMessage,
  OrdersError,
  rfmTable,
  type Cell,
  type Settings,
} from '../core';
import { rfmRules } from '../i18n/labels';
import type { Translate } from '../i18n';
import { UserError } from './analyse-sheet';
import type { Services, SheetApi, SpreadsheetApi } from './apps-script';
import { documentLanguage, inputSettings, type Language } from './language';
import { withDocumentLock } from './document-lock';
import { given } from './given';
import { findOurSheets, formatOurTable } from './our-sheets';
import { checkWorkbookCells } from './limits';
import { cellsAdded, ensureGrid, gridOf, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from './grid';
import { cellValue } from './plain-text';
import { loadSettings } from './settings-store';

/** From an active sheet of order lines: "ABM Accounts" (one row per account, ready to score) and "ABM RFM". */

export const ACCOUNTS_SHEET_NAME = 'ABM Accounts';
export const RFM_SHEET_NAME = 'ABM RFM';
const OWN_SHEET_KEY = 'abmTier.sheet';

/** The document's language: the sidebar's settings when given, else the saved ones (read under the lock). */
function languageFor(services: Services, ss: SpreadsheetApi, settings?: Settings): Language {
  return documentLanguage(ss, settings ?? loadSettings(services.properties.getDocumentProperties()).settings);
}

/**
 * Our sheet made as `name` (found by its metadata, whatever it is called now), or null when it is to
 * be made; a user's sheet of that name is refused, never written over.
 */
function ownSheet(ss: SpreadsheetApi, name: string, say: Translate): SheetApi | null {
  const ours = findOurSheets(ss, [OWN_SHEET_KEY])
    .get(OWN_SHEET_KEY)
    ?.find((t) => t.tag.getValue() === name);
  if (ours) return ours.sheet;
  if (ss.getSheetByName(name)) throw new UserError(say('msg.sheetTaken', { sheet: name }));
  return null;
}

/**
 * Writes rows from A1 into our sheet `name` (made if missing, its grid grown to fit), clearing what
 * an earlier, larger table left; refuses first when the spreadsheet could not hold it.
 */
function writeTable(ss: SpreadsheetApi, name: string, back: SheetApi, rows: (string | number | Date)[][], say: Translate): string {
  let sheet = ownSheet(ss, name, say);
  const old = sheet ? sheet.getDataRange().getValues() : [];
  const height = Math.max(rows.length, old.length);
  const width = Math.max(rows[0].length, old[0]?.length ?? 0);
  const grid = sheet ? gridOf(sheet) : null;
  checkWorkbookCells(ss, cellsAdded(grid, height, width), say);
  if (!sheet) {
    sheet = ss.insertSheet(name);
    sheet.addDeveloperMetadata(OWN_SHEET_KEY, name);
    back.activate();
  }
  ensureGrid(sheet, grid ?? { rows: NEW_SHEET_ROWS, columns: NEW_SHEET_COLUMNS }, height, width);
  const block = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => cellValue(rows[r]?.[c] ?? '')));
  sheet.getRange(1, 1, height, width).setValues(block);
  formatOurTable(sheet, rows);
  return sheet.getName();
}

function readOrders(ss: SpreadsheetApi, asOf: unknown, language: Language) {
  const { say, timeZone } = language;
  if (asOf !== undefined && asOf !== '' && (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(asOf))) throw new UserError(say('msg.asOfFormat'));
  const source = ss.getActiveSheet();
  const settings = inputSettings(ss, asOf ? { asOf } : {}, language.show);
  const values = source.getDataRange().getValues() as Cell[][];
  try {
    // Without an as-of date, recency runs to the day after the last order (not today).
    const day = settings.asOf ? asOfMs(settings.asOf, timeZone) : undefined;
    return { source, orders: accountsFromOrders(values, day, 1, { timeZone }) };
  } catch (error) {
    if (error instanceof OrdersError) throw new UserError(language.show(error.said));
    throw error;
  }
}

const blank = (x: number) => (Number.isFinite(x) ? x : '');

function asOfOf(orders: { asOf: number; asOfFromData: boolean }, language: Language): Pick<OrdersReport, 'asOf' | 'asOfNote'> {
  const said = asOfMessage(orders);
  return { asOf: String(said.params!.date), asOfNote: language.show(said) };
}

export interface OrdersReport {
  sheet: string;
  accounts: number;
  errors: string[];
  errorCount: number;
  /** The day recency is measured to, YYYY-MM-DD. */
  asOf: string;
  /** That day in words: "Recency as of 2017-12-31, the day after the last order." where none was given. */
  asOfNote: string;
}

/**
 * Score's refusal of a sheet of order lines (core `orderLinesMessage`): what it looks like, and the
 * next step, "Build accounts from orders". `accounts`: each data row's account name as Score reads it.
 */
export function refuseOrderLines(header: readonly Cell[] | null, accounts: readonly string[] | null, language: Language): void {
  const found = header ? orderLinesMessage(header, accounts) : null;
  if (found) throw new UserError(`${language.show(found)} ${language.say('msg.orderLinesNext')}`);
}

export function buildAccountsSheet(services: Services, asOf?: string | null): OrdersReport {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(services, () => {
    const language = languageFor(services, ss);
    const { source, orders } = readOrders(ss, given(asOf), language);
    const day = (ms: number) => dateForDay(ms, language.timeZone);
    const rows: (string | number | Date)[][] = [[...ACCOUNT_HEADER]];
    for (const a of orders.accounts) {
      rows.push([
        a.account,
        a.revenue,
        blank(a.profit),
        blank(a.cost),
        a.orders,
        day(a.firstOrder),
        day(a.lastOrder),
        a.recency,
        Math.round(a.tenure * 1000) / 1000,
        blank(a.products),
        blank(a.spendPerPurchase),
      ]);
    }
    // The headers stay the role names, which every language's header detection reads.
    const written = writeTable(ss, ACCOUNTS_SHEET_NAME, source, rows, language.say);
    return {
      sheet: written,
      accounts: orders.accounts.length,
      errors: orders.errors.slice(0, 20).map(language.show),
      errorCount: orders.errorCount,
      ...asOfOf(orders, language),
    };
  });
}

export function buildRfmSheet(
  services: Services,
  asOf?: string | null,
  bins: unknown = 5,
  settingsInput?: unknown,
): OrdersReport & { segments: { segment: string; customers: number }[] } {
  const input = given(settingsInput);
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const chosen = input === undefined ? undefined : inputSettings(ss, input);
  const k = given(bins) ?? 5;
  return withDocumentLock(services, () => {
    const language = languageFor(services, ss, chosen);
    const { say } = language;
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 2 || k > 10) throw new UserError(say('msg.bins'));
    const { source, orders } = readOrders(ss, given(asOf), language);
    // Default rules (or rules saved under the defaults' names) are named in the document's language.
    const named = rfmRules(chosen?.rfmSegments ?? DEFAULT_RFM_SEGMENTS, language.lang);
    const { customers, segments, counted } = rfmTable(
      orders.accounts.map((a) => ({
        account: a.account,
        recency: a.recency,
        frequency: a.lines,
        monetary: a.revenue,
        orders: orders.byOrderId ? a.orders : undefined,
      })),
      k,
      named.rules,
      named.other,
    );
    const rows: (string | number)[][] = [
      [
        say('rfm.account'),
        say('rfm.recency'),
        say('rfm.frequency'),
        say('rfm.monetary'),
        'R',
        'F',
        'M',
        say('rfm.score'),
        say('col.segment'),
        '',
        say('col.segment'),
        say('rfm.customers'),
        // Orders where an order-id column tells them apart, else honestly the lines.
        say(counted === 'orders' ? 'rfm.orders' : 'rfm.lines'),
        say('col.revenue'),
        say(counted === 'orders' ? 'rfm.averageOrder' : 'rfm.averageLine'),
      ],
    ];
    customers.forEach((c, i) => {
      const s = segments[i];
      rows.push([
        c.account,
        c.recency,
        c.frequency,
        c.monetary,
        c.r,
        c.f,
        c.m,
        c.score,
        c.segment,
        '',
        ...(s ? [s.segment, s.customers, s.orders, s.revenue, blank(s.averageOrderValue)] : ['', '', '', '', '']),
      ]);
    });
    // Under the segment table, a blank row apart: the day recency runs to.
    const as = asOfOf(orders, language);
    const noteRow = segments.length + 2;
    while (rows.length <= noteRow) rows.push(Array.from({ length: rows[0].length }, () => ''));
    rows[noteRow][10] = as.asOfNote;
    const written = writeTable(ss, RFM_SHEET_NAME, source, rows, say);
    return {
      sheet: written,
      accounts: customers.length,
      errors: orders.errors.slice(0, 20).map(language.show),
      errorCount: orders.errorCount,
      ...as,
      segments: segments.map((s) => ({ segment: s.segment, customers: s.customers })),
    };
  });
}
