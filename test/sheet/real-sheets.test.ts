import { describe, expect, it } from 'vitest';
import { buildAccountsSheet, buildRfmSheet, ACCOUNTS_SHEET_NAME, RFM_SHEET_NAME } from '../../src/sheet/orders-sheet';
import { analyseSheet } from '../../src/sheet/analyse-sheet';
import { readSheet } from '../../src/sheet/read-sheet';
import { documentLanguage } from '../../src/sheet/language';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { sidebarState } from '../../src/sheet/sidebar-state';
import { menuScore } from '../../src/sheet/menu';
import { findLookalikes } from '../../src/sheet/lookalike-column';
import { saveSettings } from '../../src/sheet/settings-store';
import { HISTORY_SHEET_NAME, SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { CHUNK_CHARS, HISTORY_RUNS, packRun, unpackRun } from '../../src/sheet/history';
import { parseSettings, type Snapshot } from '../../src/core';
import { FakeSpreadsheet, sheetDate, type CellInput, type FakeSheet } from '../fakes/workbook';
import { scriptRun } from '../fakes/script-run';
import { accountsGrid } from './helpers';

/**
 * What real Google Sheets does that scripts trip over (../shared/SHEETS-FACTS.md), through the
 * shell's real code paths on the honest fake: time-zone dates, typed text, google.script.run's
 * JSON, the grid, the workbook's cell limit, ownership by metadata, the lock, property bytes.
 */

const ZONES = ['Asia/Bangkok', 'Asia/Shanghai', 'Asia/Yerevan', 'America/Los_Angeles'];

function book(sheets: Record<string, CellInput[][]>, timeZone = 'Etc/UTC', locale = 'en_US') {
  const b = new FakeSpreadsheet(sheets, { locale, timeZone });
  return { book: b, services: b.session().services };
}

/** Every cell of a sheet as getValues gives it. */
const valuesOf = (sheet: FakeSheet) => sheet.snapshot().values;

describe("dates are days in the spreadsheet's time zone (the test process runs in Etc/UTC)", () => {
  it('runs in UTC, as the manifest says the script does', () => {
    expect(new Date(2026, 2, 15).getTimezoneOffset()).toBe(0);
  });

  for (const zone of ZONES) {
    it(`a recency cell showing 2026-03-15 is 15 March in ${zone}: 10 days before 2026-03-25`, () => {
      const { book: b, services } = book(
        {
          Accounts: [
            ['Account', 'Revenue', 'Last order'],
            ['Acme', 100, sheetDate('2026-03-15')],
            ['Birch', 50, sheetDate('2026-03-20')],
          ],
        },
        zone,
      );
      const ss = services.spreadsheetApp.getActiveSpreadsheet();
      const language = documentLanguage(ss, parseSettings({ asOf: '2026-03-25' }));
      expect(language.timeZone).toBe(zone);
      const analysis = analyseSheet(readSheet(b.sheet('Accounts')), language);
      const recency = analysis.table.mapping.metrics.findIndex((m) => m.role === 'recency');
      expect([analysis.table.values[recency][0], analysis.table.values[recency][1]]).toEqual([10, 5]);
    });

    it(`orders dated 2026-03-15 in ${zone} give first and last order shown as 2026-03-15 on "ABM Accounts"`, () => {
      const { book: b, services } = book(
        {
          Orders: [
            ['Account', 'Order date', 'Revenue'],
            ['Acme', sheetDate('2026-03-15'), 10],
            ['Acme', sheetDate('2026-03-01'), 5],
          ],
        },
        zone,
      );
      buildAccountsSheet(services, '2026-03-25');
      const accounts = b.sheet(ACCOUNTS_SHEET_NAME);
      const header = valuesOf(accounts)[0];
      expect(accounts.shown(2, header.indexOf('First order') + 1)).toBe('2026-03-01');
      expect(accounts.shown(2, header.indexOf('Last order') + 1)).toBe('2026-03-15');
      expect(valuesOf(accounts)[1][header.indexOf('Recency (days)')]).toBe(10);
    });
  }

  it('without As of, a Bangkok order of 16 March (read in the spreadsheet\'s zone, whatever "today" is) is measured as of 17 March', () => {
    const now = Date.parse('2026-03-15T20:00:00Z');
    const realNow = Date.now;
    Date.now = () => now;
    try {
      const { book: b, services } = book(
        {
          Orders: [
            ['Account', 'Order date', 'Revenue'],
            ['Acme', sheetDate('2026-03-16'), 10],
          ],
        },
        'Asia/Bangkok',
      );
      // Recency runs to the day after the last order (package C, issue 15), not to today.
      expect(buildAccountsSheet(services).asOf).toBe('2026-03-17');
      const accounts = valuesOf(b.sheet(ACCOUNTS_SHEET_NAME));
      expect(accounts[1][accounts[0].indexOf('Recency (days)')]).toBe(1);
    } finally {
      Date.now = realNow;
    }
  });

  it("the summary says when it was scored in the spreadsheet's zone, and names the zone", () => {
    const { book: b, services } = book({ Accounts: accountsGrid(20) as CellInput[][] }, 'Asia/Yerevan');
    scoreSheet(services);
    const text = valuesOf(b.sheet(SUMMARY_SHEET_NAME))
      .flat()
      .map(String)
      .find((v) => v.includes('scored'));
    expect(text).toMatch(/scored \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Yerevan\)/u);
    const [title] = unpackColumn(b.sheet(HISTORY_SHEET_NAME), 0).title.split(' · ');
    expect(title).toMatch(/\(Asia\/Yerevan\)$/u);
  });
});

function unpackColumn(sheet: FakeSheet, slot: number) {
  return unpackRun(valuesOf(sheet).map((r) => r[slot] ?? ''));
}

describe('text we write stays text', () => {
  const IDS = ['00123', '123456789012345678', '123456789012345679', '1-2', 'TRUE', '3/4', '12%', '=HYPERLINK("x")', '+1'];

  it('account ids Sheets would turn into numbers, dates or booleans are written back exactly as they were', () => {
    const orders: CellInput[][] = [['Account', 'Order date', 'Revenue']];
    IDS.forEach((id, k) => orders.push([id, '2026-03-01', 10 + k]));
    const { book: b, services } = book({ Orders: orders });
    // Typed with an apostrophe in Sheets: text, not a formula.
    IDS.forEach((id, k) => b.sheet('Orders').setText(k + 2, 1, id));
    expect(buildAccountsSheet(services, '2026-03-25').accounts).toBe(IDS.length);
    const written = valuesOf(b.sheet(ACCOUNTS_SHEET_NAME))
      .slice(1, IDS.length + 1)
      .map((r) => r[0]);
    expect(written.sort()).toEqual([...IDS].sort());
    expect(b.sheet(ACCOUNTS_SHEET_NAME).snapshot().formulas).toEqual([]);
    buildRfmSheet(services, '2026-03-25');
    expect(
      valuesOf(b.sheet(RFM_SHEET_NAME))
        .slice(1, IDS.length + 1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...IDS].sort());
  });

  it('tier labels "1", "2", "3" stay text, so the colour rules (="1") match them', () => {
    const { book: b, services } = book({ Accounts: accountsGrid(30) as CellInput[][] });
    scoreSheet(services, { labels: ['1', '2', '3'] });
    const sheet = b.sheet('Accounts');
    const values = valuesOf(sheet);
    const tierColumn = values[0].indexOf('Tier');
    const tiers = values.slice(1, 31).map((r) => r[tierColumn]);
    expect(new Set(tiers)).toEqual(new Set(['1', '2', '3']));
    const row = tiers.indexOf('1') + 2;
    expect(sheet.backgroundAt(row, 1)).toBe('#b7e1cd');
  });

  it('history keeps ids such as 00123 and 18-digit numbers apart, as the text they are', () => {
    const grid: CellInput[][] = [
      ['Account', 'Revenue', 'Profit'],
      ['00123', 100, 10],
      ['123', 200, 20],
      ['123456789012345678', 300, 30],
      ['123456789012345679', 400, 40],
    ];
    const { book: b, services } = book({ Accounts: grid });
    scoreSheet(services);
    expect([...unpackColumn(b.sheet(HISTORY_SHEET_NAME), 0).snapshot.keys()].sort()).toEqual(['00123', '123', '123456789012345678', '123456789012345679']);
  });
});

describe('saved settings survive the sidebar reopening (google.script.run sends undefined as null)', () => {
  it('save, reopen with no argument (null on the wire), and see the saved settings', () => {
    const { book: b, services } = book({ Accounts: accountsGrid(40) as CellInput[][] });
    const score = scriptRun((s: unknown) => scoreSheet(services, s));
    const state = scriptRun((s?: unknown) => sidebarState(services, s as never));
    score({ method: 'threshold', thresholds: [65, 35], labels: ['Gold', 'Silver', 'Bronze'] });
    const reopened = state(undefined) as ReturnType<typeof sidebarState>;
    expect(reopened.settings.method).toBe('threshold');
    expect(reopened.settings.thresholds).toEqual([65, 35]);
    expect(reopened.shownLabels).toEqual(['Gold', 'Silver', 'Bronze']);
    // Scoring from the menu keeps them too.
    menuScore(services);
    expect(JSON.parse(b.properties['abmTier.settings']).labels).toEqual(['Gold', 'Silver', 'Bronze']);
  });

  it("the menu's Score and the sidebar's Score give the same tiers", () => {
    const { book: b, services } = book({ Accounts: accountsGrid(60, 3) as CellInput[][] });
    const settings = { method: 'pareto' as const };
    scriptRun((s: unknown) => scoreSheet(services, s))(settings);
    const tierAt = () => {
      const v = valuesOf(b.sheet('Accounts'));
      const c = v[0].indexOf('Tier');
      return v.slice(1).map((r) => r[c]);
    };
    const fromSidebar = tierAt();
    menuScore(services);
    expect(b.toasts.length).toBe(1);
    expect(tierAt()).toEqual(fromSidebar);
  });

  it('every sidebar call accepts null for an argument it may go without', () => {
    const { services } = book({
      Orders: [
        ['Account', 'Order date', 'Revenue'],
        ['Acme', '2026-03-01', 10],
      ],
    });
    expect(() => scriptRun((a: unknown) => buildAccountsSheet(services, a as null))(undefined)).not.toThrow();
    expect(() => scriptRun((a: unknown, k: unknown, s: unknown) => buildRfmSheet(services, a as null, k, s))(undefined, undefined, undefined)).not.toThrow();
  });
});

describe('the grid: rows and columns are inserted before writing past them', () => {
  it('"ABM Accounts" and "ABM RFM" take 5 000 accounts on sheets that start 1000 × 26', () => {
    const orders: CellInput[][] = [['Account', 'Order date', 'Revenue']];
    for (let i = 0; i < 5000; i++) orders.push([`A${i}`, '2026-03-01', i + 1]);
    const { book: b, services } = book({ Orders: orders });
    expect(buildAccountsSheet(services, '2026-03-25').accounts).toBe(5000);
    expect(buildRfmSheet(services, '2026-03-25').accounts).toBe(5000);
    expect(valuesOf(b.sheet(ACCOUNTS_SHEET_NAME))[5000][0]).toBe('A4999');
    expect(b.sheet(RFM_SHEET_NAME).getMaxRows()).toBeGreaterThanOrEqual(5001);
  });

  it('output columns past the last column of a full 26-column sheet are inserted first', () => {
    const grid = accountsGrid(10) as CellInput[][];
    const wide = grid.map((row, r) => {
      const out = [...row];
      while (out.length < 26) out.push(r === 0 ? `Note ${out.length}` : 'x');
      return out;
    });
    const { book: b, services } = book({ Accounts: wide });
    expect(b.sheet('Accounts').getMaxColumns()).toBe(26);
    const report = scoreSheet(services);
    expect(report.columns).toBe('AA:AF');
    expect(b.sheet('Accounts').getMaxColumns()).toBe(32);
  });
});

describe("the 10-million-cell limit counts every sheet's grid", () => {
  it("a run that would pass the limit with its output columns, summary and history stops with the README's message and writes nothing", () => {
    const { book: b, services } = book({ Accounts: accountsGrid(50) as CellInput[][] });
    // A hidden sheet that leaves 20 000 cells of room: not enough for a summary and a history (26 000 each).
    const big = b.insertSheet('Archive') as FakeSheet;
    b.active = b.sheet('Accounts');
    big.insertRowsAfter(1000, Math.floor((10_000_000 - 20_000 - b.cellCount()) / 26));
    big.hideSheet();
    const room = 10_000_000 - b.cellCount();
    expect(room).toBeGreaterThan(0);
    expect(room).toBeLessThan(26_000 * 2);
    const before = valuesOf(b.sheet('Accounts'));
    expect(() => scoreSheet(services)).toThrow(/^Scoring would need [\d,]+ cells, over the 10,000,000 a spreadsheet can hold/u);
    expect(valuesOf(b.sheet('Accounts'))).toEqual(before);
    expect(b.sheets.map((s) => s.name)).toEqual(['Accounts', 'Archive']);
  });

  it('history stores 150 000 accounts in a few hundred cells, not 48 columns × 150 000 rows', () => {
    const snap: Snapshot = new Map();
    for (let i = 0; i < 150_000; i++) snap.set(`Account ${i}`, { tier: i % 3, score: (i % 1000) / 10, segment: 'Contributor' });
    const cells = packRun('2026-03-15 10:00 (Etc/UTC) · Accounts', snap);
    expect(cells.length).toBeLessThan(300);
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(CHUNK_CHARS);
    const back = unpackRun(cells).snapshot;
    expect(back.size).toBe(150_000);
    expect(back.get('Account 149999')).toEqual(snap.get('Account 149999'));
  });
});

describe('ours, and only ours', () => {
  it('a user\'s own sheet named "ABM History" is never written: Score says which and how to proceed, and writes nothing', () => {
    const { book: b, services } = book({ Accounts: accountsGrid(10) as CellInput[][], 'ABM History': [['my notes']] });
    b.active = b.sheet('Accounts');
    expect(() => scoreSheet(services)).toThrow('There is already a sheet "ABM History" that ABM Tier did not make: rename it, and try again.');
    expect(valuesOf(b.sheet('ABM History'))[0][0]).toBe('my notes');
    expect(b.sheets.map((s) => s.name)).toEqual(['Accounts', 'ABM History']);
    expect(valuesOf(b.sheet('Accounts'))[0]).not.toContain('Tier');
  });

  it('a summary found by its saved name is used only while it carries our metadata', () => {
    const { book: b, services } = book({ Accounts: accountsGrid(10) as CellInput[][] });
    scoreSheet(services);
    // The user deletes our summary and makes a sheet of that name of their own.
    b.sheets = b.sheets.filter((s) => s.name !== SUMMARY_SHEET_NAME);
    const mine = b.insertSheet(SUMMARY_SHEET_NAME) as FakeSheet;
    mine.write(1, 1, [['my own summary']]);
    b.active = b.sheet('Accounts');
    const report = scoreSheet(services);
    expect(report.summarySheet).toBe(`${SUMMARY_SHEET_NAME} (2)`);
    expect(valuesOf(mine)[0][0]).toBe('my own summary');
  });

  it('a formula typed into our Tier column is named and nothing is written', () => {
    const { book: b, services } = book({ Accounts: accountsGrid(10) as CellInput[][] });
    const first = scoreSheet(services);
    const sheet = b.sheet('Accounts');
    const tierColumn = valuesOf(sheet)[0].indexOf('Tier') + 1;
    sheet.setFormula(5, tierColumn, '=IF(B5>0,"VIP","")', 'VIP');
    const before = sheet.snapshot();
    expect(first.columns).toMatch(/^[A-Z]+:[A-Z]+$/u);
    expect(() => scoreSheet(services)).toThrow(/did not write what is now in [A-Z]+5 /u);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('a note typed into our Drivers column is named, and nothing is written', () => {
    const { book: b, services } = book({ Accounts: accountsGrid(10) as CellInput[][] });
    scoreSheet(services);
    const sheet = b.sheet('Accounts');
    const drivers = valuesOf(sheet)[0].indexOf('Drivers') + 1;
    sheet.write(4, drivers, [['call the CFO first']]);
    expect(() => scoreSheet(services)).toThrow(/did not write what is now in [A-Z]+:[A-Z]+ /u);
    expect(valuesOf(sheet)[3][drivers - 1]).toBe('call the CFO first');
  });

  it('re-sorting the sheet, which moves our cells with their rows, is no edit: the re-run writes', () => {
    const { book: b, services } = book({ Accounts: accountsGrid(12) as CellInput[][] });
    scoreSheet(services);
    const sheet = b.sheet('Accounts');
    const rows = valuesOf(sheet);
    const body = rows.slice(1, 13).reverse();
    sheet.write(
      2,
      1,
      body.map((r) => r.map((v) => (v instanceof Date ? v : v))),
    );
    expect(() => scoreSheet(services)).not.toThrow();
  });

  it('a note in our Lookalike column is named, never written over', () => {
    const { book: b, services } = book({ Accounts: accountsGrid(30) as CellInput[][] });
    scoreSheet(services);
    const { column } = findLookalikes(services);
    const sheet = b.sheet('Accounts');
    const c = valuesOf(sheet)[0].indexOf('Lookalike') + 1;
    expect(column).toMatch(/^[A-Z]+$/u);
    sheet.write(3, c, [['ask Ana']]);
    expect(() => findLookalikes(services)).toThrow(/did not write what is now in [A-Z]+3 /u);
    expect(valuesOf(sheet)[2][c - 1]).toBe('ask Ana');
  });
});

describe('one lock for every writer', () => {
  it('two people pressing Score at once: the second waits for the first, then reads what it wrote; no history slot is lost, no rule set doubled', () => {
    const b = new FakeSpreadsheet({ Accounts: accountsGrid(20) as CellInput[][] });
    const alice = b.session('alice').services;
    const bob = b.session('bob').services;
    // Bob's run asks for the lock while Alice's whole run happens.
    b.beforeCall('Lock.tryLock', () => {
      b.beforeCall('Lock.tryLock', () => undefined);
      scoreSheet(alice);
    });
    scoreSheet(bob);
    expect(JSON.parse(b.properties['abmTier.history']).runs).toBe(2);
    const history = b.sheet(HISTORY_SHEET_NAME);
    expect(unpackColumn(history, 0).snapshot.size).toBe(20);
    expect(unpackColumn(history, 1).snapshot.size).toBe(20);
    expect(b.sheet('Accounts').rules.length).toBe(3);
  });

  it('while someone else holds the lock, every writer says to try again and writes nothing', () => {
    const b = new FakeSpreadsheet({ Accounts: accountsGrid(20) as CellInput[][] });
    const alice = b.session('alice').services;
    const bob = b.session('bob').services;
    expect(alice.lock.getDocumentLock().tryLock(1000)).toBe(true);
    const before = valuesOf(b.sheet('Accounts'));
    for (const run of [() => scoreSheet(bob), () => findLookalikes(bob), () => buildAccountsSheet(bob), () => buildRfmSheet(bob)]) {
      expect(run).toThrow('This spreadsheet is being scored by someone else right now; try again in a moment.');
    }
    expect(valuesOf(b.sheet('Accounts'))).toEqual(before);
    expect(b.sheets).toHaveLength(1);
  });
});

describe('properties are counted in UTF-8 bytes', () => {
  it('settings keyed by Thai headers that pass 9 KB in bytes (not in characters) are refused with our message', () => {
    const { services } = book({ Accounts: accountsGrid(5) as CellInput[][] });
    const roles: Record<string, 'ignore'> = {};
    for (let i = 0; i < 200; i++) roles[`คอลัมน์ลูกค้าสำคัญ${i}`] = 'ignore';
    const settings = parseSettings({ roles });
    const text = JSON.stringify(settings);
    expect(text.length).toBeLessThan(9 * 1024);
    expect(() => saveSettings(services.properties.getDocumentProperties(), settings)).toThrow(
      'The settings are too large to save (over 9 KB): remove some column overrides.',
    );
  });
});

describe('history', () => {
  it('keeps the last 12 runs in 12 slot columns of its hidden, tagged sheet', () => {
    const { book: b, services } = book({ Accounts: accountsGrid(8) as CellInput[][] });
    for (let k = 0; k < HISTORY_RUNS + 1; k++) scoreSheet(services);
    const history = b.sheet(HISTORY_SHEET_NAME);
    expect(history.hidden).toBe(true);
    const titles = valuesOf(history)[0].filter((v) => v !== '');
    expect(titles).toHaveLength(HISTORY_RUNS);
    expect(unpackColumn(history, 0).snapshot.size).toBe(8);
  });
});
