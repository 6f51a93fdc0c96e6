import { describe, expect, it } from 'vitest';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { PINS_PROPERTY, pinRows } from '../../src/sheet/pins';
import type { Value } from '../fakes/workbook';
import { workbook } from './helpers';

/** Ten accounts A…J, revenue 100 … 10: sheet rows 2…11. */
const grid = (): Value[][] => [['Account', 'Revenue'], ...Array.from({ length: 10 }, (_, i): Value[] => [String.fromCharCode(65 + i), 100 - 10 * i])];
const tierColumn = (values: unknown[][]) => values.slice(1, 11).map((r) => r[3]);

describe('pins kept in the document', () => {
  it('pins the accounts of the rows asked, by account: the pins survive re-sorting and re-runs', () => {
    const { book, sheet, session } = workbook(grid());
    const r = pinRows(session.services, {}, 'Tier 1', 'strategic logo', [9]);
    expect(r).toEqual({ accounts: ['H'], pin: 'Tier 1' });
    pinRows(session.services, {}, 'exclude', 'partner', [11]);
    const stored = JSON.parse(session.services.properties.getDocumentProperties().getProperty(PINS_PROPERTY) ?? '');
    expect(stored).toEqual({ H: [0, 'strategic logo'], J: [3, 'partner'] });
    scoreSheet(session.services);
    expect(tierColumn(sheet.snapshot().values)).toEqual(['Tier 1', 'Tier 2', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 1', 'Tier 3', '']);
    const summary = book
      .sheet(SUMMARY_SHEET_NAME)
      .snapshot()
      .values.map((row) => row.slice(0, 4).join('|'));
    expect(summary).toContain('H|9|pinned Tier 1; the score says Tier 3|strategic logo');
    expect(summary).toContain('J|11|excluded; the score says Tier 3|partner');
    // Re-sorted (J first, A last): the pins follow the accounts, not the rows.
    const reversed = grid();
    const sorted = [reversed[0], ...reversed.slice(1).reverse()];
    const again = workbook(sorted);
    again.session.services.properties.getDocumentProperties().setProperty(PINS_PROPERTY, JSON.stringify(stored));
    scoreSheet(again.session.services);
    const v = again.sheet.snapshot().values;
    const byAccount = Object.fromEntries(v.slice(1, 11).map((r) => [r[0], r[3]]));
    expect(byAccount.H).toBe('Tier 1');
    expect(byAccount.J).toBe('');
    expect(byAccount.B).toBe('Tier 2');
  });

  it('follows the selection when no rows are given, unpins with an empty pin, and refuses what is not a pin', () => {
    const { sheet, session } = workbook(grid());
    Object.assign(sheet, {
      getActiveRangeList: () => ({
        getRanges: () => [
          { getRow: () => 2, getNumRows: () => 2 },
          { getRow: () => 6, getNumRows: () => 1 },
        ],
      }),
    });
    expect(pinRows(session.services, {}, '3', null).accounts).toEqual(['A', 'B', 'E']);
    expect(pinRows(session.services, {}, '', null, [3]).pin).toBe('');
    const stored = JSON.parse(session.services.properties.getDocumentProperties().getProperty(PINS_PROPERTY) ?? '');
    expect(stored).toEqual({ A: [2, null], E: [2, null] });
    expect(() => pinRows(session.services, {}, 'Gold', null, [2])).toThrow('"Gold" is not a pin: choose Tier 1, Tier 2, Tier 3 or exclude.');
    expect(() => pinRows(session.services, {}, 'Tier 1', null, [1])).toThrow("Row 1 is not a scored account: select a cell in an account's row.");
  });

  it("a row's own Pin cell wins over the document's pin", () => {
    const g = grid().map((r, i) => [...r, i === 0 ? 'Pin' : i === 10 ? 'Tier 2' : '']);
    const { sheet, session } = workbook(g);
    pinRows(session.services, {}, 'Tier 1', null, [11]);
    scoreSheet(session.services);
    expect(sheet.snapshot().values[10][4]).toBe('Tier 2');
  });
});
