import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_HEADER } from '../../src/core';
import { buildAccountsSheet, buildRfmSheet } from '../../src/sheet/orders-sheet';
import { formatOurTable } from '../../src/sheet/our-sheets';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';

function orderLines(): Value[][] {
  return readFileSync(join(__dirname, '..', 'fixtures', 'sample-orders.csv'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/gu, '')))
    .map((r, i) => (i === 0 ? r : [r[0], r[1], Number(r[2])]));
}

describe('our tables have a bold, frozen header and number formats (issue 15)', () => {
  it('formats each column from what it holds: days, whole numbers, amounts; text and mixed columns stay automatic', () => {
    const book = new FakeSpreadsheet({ S: [] });
    const sheet = book.sheet('S');
    const rows = [
      ['Account', 'Orders', 'Revenue', 'Last order', 'Note', 'Mixed'],
      ['A', 3, 10.5, new Date(Date.UTC(2026, 0, 2)), 'x', 1],
      ['B', 4, 12, new Date(Date.UTC(2026, 0, 3)), '', 'two'],
    ];
    book.calls.reset();
    formatOurTable(sheet, rows);
    expect([1, 2, 3, 4, 5, 6].map((c) => sheet.formatAt(2, c))).toEqual([null, '#,##0', '#,##0.00', 'yyyy-mm-dd', null, null]);
    // Rows added later are covered too; the header keeps the automatic format.
    expect([sheet.formatAt(900, 2), sheet.formatAt(1, 2)]).toEqual(['#,##0', null]);
    expect([1, 6].map((c) => sheet.isBold(1, c))).toEqual([true, true]);
    expect(sheet.isBold(2, 1)).toBe(false);
    expect(sheet.frozenRows).toBe(1);
    // One call per format, whatever the size.
    expect(book.calls.byMethod['RangeList.setNumberFormat']).toBe(3);
  });

  it('"ABM Accounts" shows amounts, counts and dates formatted, under a bold frozen header', () => {
    const book = new FakeSpreadsheet({ Orders: orderLines() });
    buildAccountsSheet(book.session().services);
    const accounts = book.sheet('ABM Accounts');
    const at = (name: (typeof ACCOUNT_HEADER)[number]) => accounts.formatAt(2, ACCOUNT_HEADER.indexOf(name) + 1);
    expect(accounts.frozenRows).toBe(1);
    expect(accounts.isBold(1, 1)).toBe(true);
    expect(at('Account')).toBeNull();
    expect(at('Orders')).toBe('#,##0');
    expect(at('Last order')).toBe('yyyy-mm-dd');
    expect(at('Revenue')).toMatch(/^#,##0(\.00)?$/u);
    expect(at('Recency (days)')).toBe('#,##0');
  });

  it('"ABM RFM" shows its scores and amounts formatted, its segments as text', () => {
    const book = new FakeSpreadsheet({ Orders: orderLines() });
    buildRfmSheet(book.session().services);
    const rfm = book.sheet('ABM RFM');
    const header = rfm.snapshot().values[0];
    expect(rfm.frozenRows).toBe(1);
    expect(rfm.formatAt(2, header.indexOf('R') + 1)).toBe('#,##0');
    expect(rfm.formatAt(2, header.indexOf('Segment') + 1)).toBeNull();
    expect(rfm.formatAt(2, header.indexOf('Monetary') + 1)).toMatch(/^#,##0(\.00)?$/u);
  });
});
