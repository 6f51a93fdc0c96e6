import {
  accountsFromOrders, ACCOUNT_HEADER, asOfMs, DEFAULT_RFM_SEGMENTS, OrdersError, parseSettings, rfmTable, type Cell, type Settings,
} from '../core';
import type { Translate } from '../i18n';
import { UserError } from './analyse-sheet';
import type { Services, SheetApi, SpreadsheetApi } from './apps-script';
import { documentLanguage } from './language';
import { cellValue } from './plain-text';
import { loadSettings } from './settings-store';

/** From an active sheet of order lines: "ABM Accounts" (one row per account, ready to score) and "ABM RFM". */

export const ACCOUNTS_SHEET_NAME = 'ABM Accounts';
export const RFM_SHEET_NAME = 'ABM RFM';
const OWN_SHEET_KEY = 'abmTier.sheet';

/** The document's language: the sidebar's settings when given, else the saved ones. */
function sayFor(services: Services, ss: SpreadsheetApi, given?: Settings): Translate {
  return documentLanguage(ss, given ?? loadSettings(services.properties.getDocumentProperties()).settings).say;
}

/** A sheet of ours by that name (made if missing); a user's sheet of that name is refused, never written over. */
function ownSheet(ss: SpreadsheetApi, name: string, back: SheetApi, say: Translate): SheetApi {
  const existing = ss.getSheetByName(name);
  if (existing) {
    if (existing.createDeveloperMetadataFinder().withKey(OWN_SHEET_KEY).find().length) return existing;
    throw new UserError(say('msg.sheetTaken', { sheet: name }));
  }
  const sheet = ss.insertSheet(name);
  sheet.addDeveloperMetadata(OWN_SHEET_KEY, name);
  back.activate();
  return sheet;
}

/** Writes rows from A1, clearing what an earlier, larger table left. */
function writeTable(sheet: SheetApi, rows: (string | number)[][]): void {
  const old = sheet.getDataRange().getValues();
  const height = Math.max(rows.length, old.length);
  const width = Math.max(rows[0].length, old[0]?.length ?? 0);
  const block = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => cellValue(rows[r]?.[c] ?? '')));
  sheet.getRange(1, 1, height, width).setValues(block);
}

function readOrders(ss: SpreadsheetApi, asOf: unknown, say: Translate) {
  if (asOf !== undefined && asOf !== '' && (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(asOf))) throw new UserError(say('msg.asOfFormat'));
  const source = ss.getActiveSheet();
  const settings = parseSettings(asOf ? { asOf } : {});
  const values = source.getDataRange().getValues() as Cell[][];
  try {
    return { source, orders: accountsFromOrders(values, asOfMs(settings.asOf), 1, { text: say }) };
  } catch (error) {
    if (error instanceof OrdersError) {
      throw new UserError(error.missing.length ? say('msg.ordersMissing', { columns: error.missing.join(', ') }) : say('msg.ordersEmpty'));
    }
    throw error;
  }
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const blank = (x: number) => (Number.isFinite(x) ? x : '');

export interface OrdersReport {
  sheet: string;
  accounts: number;
  errors: string[];
  errorCount: number;
}

export function buildAccountsSheet(services: Services, asOf?: string): OrdersReport {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const say = sayFor(services, ss);
  const { source, orders } = readOrders(ss, asOf, say);
  const rows: (string | number)[][] = [[...ACCOUNT_HEADER]];
  for (const a of orders.accounts) {
    rows.push([a.account, a.revenue, blank(a.profit), blank(a.cost), a.orders, iso(a.firstOrder), iso(a.lastOrder), a.recency, Math.round(a.tenure * 1000) / 1000, blank(a.products), blank(a.spendPerPurchase)]);
  }
  // The headers stay the role names, which every language's header detection reads.
  writeTable(ownSheet(ss, ACCOUNTS_SHEET_NAME, source, say), rows);
  return { sheet: ACCOUNTS_SHEET_NAME, accounts: orders.accounts.length, errors: orders.errors.slice(0, 20), errorCount: orders.errorCount };
}

export function buildRfmSheet(services: Services, asOf?: string, bins: unknown = 5, settingsInput?: unknown): OrdersReport & { segments: { segment: string; customers: number }[] } {
  const given = settingsInput === undefined ? undefined : parseSettings(settingsInput);
  const rules = given?.rfmSegments ?? DEFAULT_RFM_SEGMENTS;
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const say = sayFor(services, ss, given);
  if (typeof bins !== 'number' || !Number.isInteger(bins) || bins < 2 || bins > 10) throw new UserError(say('msg.bins'));
  const { source, orders } = readOrders(ss, asOf, say);
  const { customers, segments } = rfmTable(orders.accounts.map((a) => ({ account: a.account, recency: a.recency, frequency: a.lines, monetary: a.revenue })), bins, rules);
  const rows: (string | number)[][] = [[
    say('rfm.account'), say('rfm.recency'), say('rfm.frequency'), say('rfm.monetary'), 'R', 'F', 'M', say('rfm.score'), say('col.segment'), '',
    say('col.segment'), say('rfm.customers'), say('rfm.orders'), say('col.revenue'), say('rfm.averageOrder'),
  ]];
  customers.forEach((c, i) => {
    const s = segments[i];
    rows.push([c.account, c.recency, c.frequency, c.monetary, c.r, c.f, c.m, c.score, c.segment, '', ...(s ? [s.segment, s.customers, s.orders, s.revenue, blank(s.averageOrderValue)] : ['', '', '', '', ''])]);
  });
  writeTable(ownSheet(ss, RFM_SHEET_NAME, source, say), rows);
  return { sheet: RFM_SHEET_NAME, accounts: customers.length, errors: orders.errors.slice(0, 20), errorCount: orders.errorCount, segments: segments.map((s) => ({ segment: s.segment, customers: s.customers })) };
}
