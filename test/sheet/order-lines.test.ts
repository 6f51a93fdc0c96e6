import { describe, expect, it } from 'vitest';
import { buildAccountsSheet, buildRfmSheet, RFM_SHEET_NAME } from '../../src/sheet/orders-sheet';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { previewData } from '../../src/sheet/sidebar-state';
import { t } from '../../src/i18n';
import { ui } from '../../src/i18n/ui';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';
import { ORDER_LINES_HEADER, orderLinesTable } from '../fixtures/order-lines';

const LINES = orderLinesTable() as Value[][];
const col = (name: (typeof ORDER_LINES_HEADER)[number]) => ORDER_LINES_HEADER.indexOf(name);
const lastDay = LINES.slice(1).reduce<string>((m, r) => (String(r[col('Order Date')]) > m ? String(r[col('Order Date')]) : m), '');
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const writes = (book: FakeSpreadsheet) => Object.entries(book.calls.byMethod).filter(([m]) => /set|insert|add|clear|delete|remove/iu.test(m));

describe('Score on a sheet of order lines (the Sheets stand-in)', () => {
  it('refuses with the order-lines message and the next step, and writes nothing: no cell, no sheet, no setting', () => {
    const book = new FakeSpreadsheet({ Orders: LINES.map((r) => [...r]) });
    const before = book.sheet('Orders').snapshot();
    const properties = { ...book.properties };
    book.calls.reset();
    const said = t('en', 'msg.orderLinesNext');
    expect(() => scoreSheet(book.session().services, { weights: { revenue: 1 } })).toThrow(said);
    expect(() => scoreSheet(book.session().services)).toThrow(/^This looks like order lines, not accounts: its 9994 rows name only 793 different accounts/u);
    expect(writes(book)).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual(['Orders']);
    expect(book.sheet('Orders').snapshot()).toEqual(before);
    expect(book.properties).toEqual(properties);
  });

  it('the preview says the same, in the document’s language', () => {
    const book = new FakeSpreadsheet({ Orders: LINES.map((r) => [...r]) }, 'th_TH');
    expect(() => previewData(book.session().services, {})).toThrow(t('th', 'msg.orderLinesNext'));
  });

  it('in every language the refusal ends with the next step the sidebar recognises (and names its button)', () => {
    const locales = { en: 'en_US', th: 'th_TH', 'zh-CN': 'zh_CN', hy: 'hy_AM' } as const;
    for (const [lang, locale] of Object.entries(locales) as [keyof typeof locales, string][]) {
      const book = new FakeSpreadsheet({ Orders: LINES.map((r) => [...r]) }, locale);
      expect(() => scoreSheet(book.session().services)).toThrow(t(lang, 'msg.orderLinesNext'));
      expect(t(lang, 'msg.orderLinesNext')).toContain(ui(lang, 'ui.buildAccounts'));
    }
  });

  it('the accounts built from the lines (As of left empty) score without a refusal or a duplicate warning', () => {
    const book = new FakeSpreadsheet({ Orders: LINES.map((r) => [...r]) });
    const report = buildAccountsSheet(book.session().services);
    expect(report).toMatchObject({ accounts: 793, asOf: dayAfter(lastDay), asOfNote: `Recency as of ${dayAfter(lastDay)}, the day after the last order.` });
    const rows = book.sheet('ABM Accounts').snapshot().values;
    const recency = rows[0].indexOf('Recency (days)');
    expect(Math.min(...rows.slice(1).map((r) => Number(r[recency])))).toBe(1);
    book.activate('ABM Accounts');
    const scored = scoreSheet(book.session().services);
    expect(scored.scored).toBe(793);
    expect(scored.warnings.filter((w) => w.includes('more than one row') || w.includes('appears on rows'))).toEqual([]);
  });

  it('a given As of date is used and said', () => {
    const book = new FakeSpreadsheet({ Orders: LINES.map((r) => [...r]) });
    expect(buildAccountsSheet(book.session().services, '2018-06-30')).toMatchObject({ asOf: '2018-06-30', asOfNote: 'Recency as of 2018-06-30.' });
  });
});

describe('"ABM RFM" heads what it counts', () => {
  const summary = (book: FakeSpreadsheet) => {
    const values = book.sheet(RFM_SHEET_NAME).snapshot().values;
    const rows = values.slice(1).filter((r) => r[10] !== '' && typeof r[11] === 'number');
    return { head: values[0].slice(10, 15), orders: rows.reduce((a, r) => a + Number(r[12]), 0), values };
  };

  it('with an order-id column: Orders (5,009 distinct orders) and Average order value; the as-of day under the table', () => {
    const book = new FakeSpreadsheet({ Orders: LINES.map((r) => [...r]) });
    const report = buildRfmSheet(book.session().services);
    const s = summary(book);
    expect(s.head).toEqual(['Segment', 'Customers', 'Orders', 'Revenue', 'Average order value']);
    expect(s.orders).toBe(5009);
    expect(s.values.map((r) => r[10])).toContain(`Recency as of ${dayAfter(lastDay)}, the day after the last order.`);
    expect(report.asOfNote).toBe(`Recency as of ${dayAfter(lastDay)}, the day after the last order.`);
  });

  it('without one: Order lines (9,994) and Average line value, in each language', () => {
    const noIds = LINES.map((r) => r.filter((_, c) => c !== col('Order ID')));
    const book = new FakeSpreadsheet({ Orders: noIds });
    buildRfmSheet(book.session().services);
    const s = summary(book);
    expect(s.head).toEqual(['Segment', 'Customers', 'Order lines', 'Revenue', 'Average line value']);
    expect(s.orders).toBe(9994);
    const zh = new FakeSpreadsheet({ Orders: noIds.map((r) => [...r]) }, 'zh_CN');
    buildRfmSheet(zh.session().services);
    expect(summary(zh).head[2]).toBe(t('zh-CN', 'rfm.lines'));
  });
});

describe('duplicate accounts on a sheet of accounts: one warning, a count and the first five', () => {
  it('800 repeated names make one warning, not 800', () => {
    const grid: Value[][] = [['Account', 'Revenue', 'Profit']];
    for (let i = 0; i < 1600; i++) grid.push([`Acct ${i % 800}`, 100 + i, 10 + (i % 7)]);
    const book = new FakeSpreadsheet({ Accounts: grid });
    const report = scoreSheet(book.session().services);
    const dupes = report.warnings.filter((w) => w.includes('more than one row'));
    expect(dupes).toEqual([
      '800 accounts appear on more than one row: "Acct 0" (rows 2, 802); "Acct 1" (rows 3, 803); "Acct 2" (rows 4, 804); "Acct 3" (rows 5, 805); "Acct 4" (rows 6, 806); …and 795 more. Tier movement uses the first row of each.',
    ]);
  });
});
