import { describe, expect, it } from 'vitest';
import { localPreview, localSheet, tierChanges } from '../../sidebar/local-preview';
import { scoreSheet } from '../../src/sheet/score-sheet';
import type { Services } from '../../src/sheet/apps-script';
import { activeSheetName, openSheet, previewData } from '../../src/sheet/sidebar-state';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';
import { accountsGrid, workbook } from '../sheet/helpers';

/** What google.script.run would deliver: JSON both ways (a Date left in would not survive). */
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** What Score itself reports for these settings, on a fresh copy of the workbook: the preview must match it. */
function scoredAs(services: Services, input: unknown) {
  const r = scoreSheet(services, input);
  return {
    sheet: r.sheet,
    scored: r.scored,
    tiers: r.tiers,
    segments: r.segments,
    errors: r.errors,
    errorCount: r.errorCount,
    warnings: r.warnings,
    grid: r.grid,
  };
}

describe("the sidebar's own preview: the sheet sent once, recomputed in the browser", () => {
  it('sends only the account and metric columns, and the same preview comes out as Score reports', () => {
    const grid = accountsGrid(150);
    const { session } = workbook(grid);
    const data = wire(previewData(session.services));
    expect(data.header).not.toContain('Industry'); // not used: not sent
    expect(data.header).toContain('Revenue');
    expect(data.rows).toHaveLength(150);
    expect(data.lastTiers).toBe('');
    for (const input of [{}, { weights: { Engagement: 5, Revenue: 0 } }, { method: 'threshold', thresholds: [60, 30] }, { method: 'capacity' }]) {
      const local = localPreview(localSheet(data), input, 'en');
      expect({ ...local, tier: undefined }).toEqual({ ...scoredAs(workbook(grid).session.services, input), tier: undefined });
    }
  });

  it('sends date cells as days the browser reads back as the server does (recency from a date)', () => {
    const header: Value[] = ['Account', 'Revenue', 'Last purchase'];
    const rows: Value[][] = [
      ['A', 100, new Date(Date.UTC(2024, 0, 10))],
      ['B', 50, new Date(Date.UTC(2024, 5, 1))],
      ['C', 80, new Date(Date.UTC(2023, 2, 3))],
      ['D', 10, 'not a date'],
    ];
    const book = new FakeSpreadsheet({ Accounts: [header, ...rows] });
    const session = book.session();
    const input = { roles: { 'Last purchase': 'recency' as const }, asOf: '2024-07-01' };
    const data = wire(previewData(session.services, input));
    expect(data.rows.filter((r) => r[2] !== null && typeof r[2] === 'object')).toHaveLength(3);
    const local = localPreview(localSheet(data), input, 'en');
    expect({ ...local, tier: undefined }).toEqual({
      ...scoredAs(new FakeSpreadsheet({ Accounts: [header, ...rows] }).session().services, input),
      tier: undefined,
    });
    expect(local.errorCount).toBe(1);
    expect(local.errors[0].message).toContain('Row 5');
  });

  it('after a Score, sends the tier each row got, so changes are counted against it', () => {
    const grid = accountsGrid(80);
    const { session } = workbook(grid);
    scoreSheet(session.services, { weights: { Engagement: 4 } });
    const data = wire(previewData(session.services));
    expect(data.lastTiers).toMatch(/^[012]{80}$/u);
    const sheet = localSheet(data);
    const same = localPreview(sheet, { weights: { Engagement: 4 } }, 'en');
    expect(tierChanges(sheet.lastTiers!, same.tier)).toEqual({ up: 0, down: 0 });
    const other = localPreview(sheet, { weights: { Engagement: 0 } }, 'en');
    const moved = tierChanges(sheet.lastTiers!, other.tier);
    expect(moved.up + moved.down).toBe([...other.tier].filter((t, i) => t !== sheet.lastTiers![i]).length);
    expect(moved.up).toBeGreaterThan(0);
    expect(moved.down).toBeGreaterThan(0);
  });

  it('reads the sheet in as many service calls for 50 rows as for 5 000', () => {
    const calls = (n: number) => {
      const { book, session } = workbook(accountsGrid(n));
      book.calls.reset();
      previewData(session.services);
      return book.calls.total;
    };
    expect(calls(5000)).toBe(calls(50));
  });

  it('names the active sheet, and opens another by name for the next step', () => {
    const book = new FakeSpreadsheet({ Accounts: accountsGrid(10), More: accountsGrid(12, 3) });
    const session = book.session();
    expect(activeSheetName(session.services)).toBe('Accounts');
    const state = openSheet(session.services, 'More');
    expect(state.sheet).toBe('More');
    expect(state.rows).toBe(12);
    expect(activeSheetName(session.services)).toBe('More');
  });
});
