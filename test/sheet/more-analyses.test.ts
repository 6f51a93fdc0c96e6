import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLookalikes } from '../../src/sheet/lookalike-column';
import { buildAccountsSheet, buildRfmSheet } from '../../src/sheet/orders-sheet';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { SAMPLE_HEADER } from '../../src/sample/accounts';
import { SETTINGS_PROPERTY } from '../../src/sheet/keys';
import { t } from '../../src/i18n';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';
import { accountsGrid, outside, workbook } from './helpers';

const WIDTH = SAMPLE_HEADER.length;

function orderLines(): Value[][] {
  return readFileSync(join(__dirname, '..', 'fixtures', 'sample-orders.csv'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/gu, '')))
    .map((r, i) => (i === 0 ? r : [r[0], r[1], Number(r[2])]));
}

describe('Find lookalikes of Tier 1', () => {
  it('writes a Lookalike column of its own, updates it in place, and Score never reads it as data', () => {
    const { sheet, session } = workbook(accountsGrid(40));
    scoreSheet(session.services);
    const before = outside(sheet, WIDTH + 1, WIDTH + 7);
    const first = findLookalikes(session.services);
    expect(first.column).toBe('X');
    expect(first.top).toHaveLength(10);
    expect(first.top.every((t) => t.tier !== 'Tier 1')).toBe(true);
    expect(first.top.map((t) => t.similarity)).toEqual([...first.top.map((t) => t.similarity)].sort((a, b) => b - a));
    const values = sheet.snapshot().values;
    expect(values[0][WIDTH + 6]).toBe('Lookalike');
    const second = findLookalikes(session.services);
    expect(second.column).toBe('X');
    const rescored = scoreSheet(session.services);
    expect(rescored.columns).toBe('R:W');
    expect(outside(sheet, WIDTH + 1, WIDTH + 7)).toEqual(before);
  });
});

describe('orders → "ABM Accounts" and "ABM RFM"', () => {
  it('builds one row per account from the active sheet of order lines, ready to score', () => {
    const book = new FakeSpreadsheet({ Orders: orderLines() });
    const session = book.session();
    const report = buildAccountsSheet(session.services, '2006-12-31');
    expect(report).toMatchObject({ sheet: 'ABM Accounts', accounts: 995, errorCount: 0 });
    const accounts = book.sheet('ABM Accounts');
    expect(accounts.snapshot().values[0].slice(0, 3)).toEqual(['Account', 'Revenue', 'Profit']);
    expect(book.active.name).toBe('Orders');
    // Building again updates the same sheet.
    buildAccountsSheet(session.services, '2006-12-31');
    expect(book.sheets.filter((s) => s.name.startsWith('ABM Accounts'))).toHaveLength(1);
    book.activate('ABM Accounts');
    expect(scoreSheet(session.services).scored).toBe(995);
  });

  it("refuses an as-of date that is no real day in the document's language, the one the run speaks (here chosen, not the locale's)", () => {
    const book = new FakeSpreadsheet({ Orders: orderLines() });
    expect(() => buildAccountsSheet(book.session().services, '2006-02-30')).toThrow('is not a day of the calendar');
    book.properties[SETTINGS_PROPERTY] = JSON.stringify({ lang: 'th' });
    expect(() => buildAccountsSheet(book.session().services, '2006-02-30')).toThrow(t('th', 'set.notDay', { value: '"2006-02-30"' }));
    expect(book.sheets.map((s) => s.name)).toEqual(['Orders']);
  });

  it('writes RFM scores and the segment summary', () => {
    const book = new FakeSpreadsheet({ Orders: orderLines() });
    const report = buildRfmSheet(book.session().services, '2006-12-31');
    expect(report.segments.reduce((a, s) => a + s.customers, 0)).toBe(995);
    const rows = book.sheet('ABM RFM').snapshot().values;
    expect(rows.find((r) => r[0] === 'Add Senger')?.slice(7, 9)).toEqual([412, 'Potential Loyalist']);
  });

  it('segments by the rules in the settings when the user edited them', () => {
    const book = new FakeSpreadsheet({ Orders: orderLines() });
    const rules = [
      { name: 'Best', r: [5, 5], f: [5, 5], m: [5, 5] },
      { name: 'Rest', r: [1, 5], f: [1, 5], m: [1, 5] },
    ];
    const report = buildRfmSheet(book.session().services, '2006-12-31', 5, { rfmSegments: rules });
    expect(report.segments.map((s) => s.segment).sort()).toEqual(['Best', 'Rest']);
    expect(() => buildRfmSheet(book.session().services, '2006-12-31', 5, { rfmSegments: [{ name: '', r: [1, 1], f: [1, 1], m: [1, 1] }] })).toThrow(
      'RFM rule 1: it is empty: give it a name.',
    );
  });

  it('never writes over a user sheet of the same name, and says what is missing on a sheet that is not order lines', () => {
    const book = new FakeSpreadsheet({ Orders: orderLines(), 'ABM Accounts': [['mine']] });
    expect(() => buildAccountsSheet(book.session().services)).toThrow(
      'There is already a sheet "ABM Accounts" that ABM Tier did not make: rename it, and try again.',
    );
    expect(book.sheet('ABM Accounts').snapshot().values).toEqual([['mine']]);
    const other = new FakeSpreadsheet({
      Notes: [
        ['Name', 'Text'],
        ['a', 'b'],
      ],
    });
    expect(() => buildAccountsSheet(other.session().services)).toThrow(/needs these columns: account, order date, revenue /);
    expect(() => buildAccountsSheet(book.session().services, '2006-31-12')).toThrow('As of: "2006-31-12" is not a day of the calendar.');
  });
});

describe("the sidebar's other actions batch their calls too", () => {
  it('make the same number of service calls for 20 rows as for 5 000', () => {
    const counts: number[][] = [];
    for (const n of [20, 5000]) {
      const { book, session } = workbook(accountsGrid(n, 3));
      scoreSheet(session.services);
      findLookalikes(session.services);
      book.calls.reset();
      findLookalikes(session.services);
      const lookalikes = book.calls.total;
      const orders = new FakeSpreadsheet({
        Orders: [['Account', 'Order date', 'Revenue'], ...Array.from({ length: n }, (_, i) => [`C${i % 97}`, `2026-0${1 + (i % 9)}-15`, i])],
      });
      buildAccountsSheet(orders.session().services, '2026-11-23');
      orders.calls.reset();
      buildAccountsSheet(orders.session().services, '2026-11-23');
      counts.push([lookalikes, orders.calls.total]);
    }
    expect(counts[0]).toEqual(counts[1]);
  });
});
