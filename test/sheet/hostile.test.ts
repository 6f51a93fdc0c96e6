import { describe, expect, it } from 'vitest';
import { checkWorkbookCells, RunClock } from '../../src/sheet/limits';
import { unpackRun } from '../../src/sheet/history';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { saveSettings } from '../../src/sheet/settings-store';
import { NASTY_SHEETS } from '../fixtures/nasty-sheets';
import { FakeSpreadsheet } from '../fakes/workbook';
import { workbook } from './helpers';

/** Every sheet other than ours, and every cell outside our columns, as they are now. */
function userCells(book: FakeSpreadsheet, ourColumns: Set<number>) {
  return book.sheets
    .filter((s) => !s.name.startsWith('ABM '))
    .map((s) => ({ name: s.name, values: s.snapshot().values.map((r) => r.filter((_, c) => !ourColumns.has(c + 1))), formulas: s.snapshot().formulas }));
}

/** What a nasty sheet must give: scored rows with their tiers (or the count of each tier), the rows refused with the column each names; or a refusal that names these things. */
type Outcome =
  | { scored: number; tiers: string[] | Record<string, number>; refusedRows?: [row: number, column: string][]; refusedCount?: number; warningsName?: string[] }
  | { refuses: string[] };

/** Garbage in the 50 000-row fixture that is text (the row is refused), not a missing value ('' and #N/A are). */
const TEXT_GARBAGE = new Set(['n/a', '12,5OO', '∞', 'TBD', '—']);
const textGarbageRows = (grid: unknown[][]) => grid.slice(1).filter((row) => row.some((cell) => TEXT_GARBAGE.has(cell as string))).length;

/**
 * Quantile 20/30/50 (SPEC §4): with n scored accounts K1 = floor(n/5 + .5) and K2 = floor(n/2 + .5);
 * tied scores share the tier of their best-placed member. Tiers are listed per data row, '' for none.
 */
const OUTCOMES: Record<string, (grid: unknown[][]) => Outcome> = {
  // Row 1 is a title, the header is row 2: three accounts by revenue and profit.
  'merged header text (title spread over the first row)': () => ({ scored: 3, tiers: ['Tier 3', 'Tier 2', 'Tier 1'] }),
  // The first Revenue and the first Profit count; the second of each is carried along.
  'duplicate headers': () => ({ scored: 3, tiers: ['Tier 3', 'Tier 2', 'Tier 1'] }),
  'header only': () => ({ refuses: ['Accounts', 'row 1'] }),
  // n = 1: K1 = floor(.2 + .5) = 0, K2 = floor(.5 + .5) = 1.
  'a single account': () => ({ scored: 1, tiers: ['Tier 2'] }),
  // One score shared by all: every account at position 0.
  'every value equal': () => ({ scored: 20, tiers: Array<string>(20).fill('Tier 1') }),
  // Every row's Engagement is text: each row is refused, naming its row and the column; none is scored.
  'one column entirely text': () => ({
    scored: 0,
    tiers: Array<string>(10).fill(''),
    refusedRows: Array.from({ length: 10 }, (_, i) => [i + 2, 'Engagement'] as [number, string]),
  }),
  // The odd headers are no roles: scored by revenue alone.
  'formula-like account names and headers': () => ({ scored: 3, tiers: ['Tier 3', 'Tier 2', 'Tier 1'] }),
  'html in headers and cells': () => ({ scored: 2, tiers: ['Tier 3', 'Tier 2'] }),
  // A: TRUE as revenue, refused; B: #REF! is a missing revenue, scored on profit and recency;
  // C: "yesterday" is no recency, refused; D scored. #REF! and #DIV/0! are warned about.
  'booleans, dates and errors in metric columns': () => ({
    scored: 2,
    tiers: ['', 'Tier 3', '', 'Tier 2'],
    refusedRows: [
      [2, 'Revenue'],
      [4, 'Recency'],
    ],
    warningsName: ['#REF!', '#DIV/0!'],
  }),
  // C has no metric value: no score, no tier. A missing cell at a row's end is a missing value.
  'ragged rows': () => ({ scored: 3, tiers: ['Tier 3', 'Tier 2', '', 'Tier 1'] }),
  // Every row with text garbage is refused; blanks and #N/A are missing values. The fixture is seeded:
  // 49 660 scored, K1 = 9 932, K2 = 24 830; the cap then moves 46 unprofitable accounts (1 of Tier 1, 45 of Tier 2) to Tier 3.
  '50 000 rows with 1 % garbage': (grid) => ({
    scored: 50_000 - textGarbageRows(grid),
    refusedCount: textGarbageRows(grid),
    tiers: { 'Tier 1': 9931, 'Tier 2': 14_853, 'Tier 3': 24_876, '': textGarbageRows(grid) },
  }),
};

/** `scores 3 rows: 1 Tier 1, 1 Tier 2, 1 Tier 3; refuses 2` */
function scoresIn(outcome: Extract<Outcome, { scored: number }>): string {
  const counts = new Map<string, number>();
  if (Array.isArray(outcome.tiers)) for (const t of outcome.tiers) counts.set(t, (counts.get(t) ?? 0) + 1);
  else for (const [t, n] of Object.entries(outcome.tiers)) counts.set(t, n);
  const tiers = [...counts]
    .filter(([t]) => t !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([t, n]) => `${n} ${t}`);
  const refused = outcome.refusedCount ?? outcome.refusedRows?.length ?? 0;
  return `scores ${outcome.scored} row${outcome.scored === 1 ? '' : 's'}${tiers.length ? `: ${tiers.join(', ')}` : ''}${refused ? `; refuses ${refused}, naming row and column` : ''}`;
}

describe('a corpus of nasty sheets, through the sidebar path', () => {
  it('has an expected outcome for every sheet of the corpus', () => {
    expect(Object.keys(OUTCOMES).sort()).toEqual(Object.keys(NASTY_SHEETS).sort());
  });

  for (const [name, make] of Object.entries(NASTY_SHEETS)) {
    const outcome = OUTCOMES[name]?.(make());
    const says = !outcome ? 'has an expected outcome' : 'refuses' in outcome ? `refuses, naming ${outcome.refuses.join(' and ')}` : scoresIn(outcome);
    it(`${name}: ${says}, and changes nothing outside our columns`, () => {
      expect(outcome).toBeDefined();
      const { book, sheet, session } = workbook(make());
      const width = sheet.lastColumn();
      const ours = new Set([1, 2, 3, 4, 5, 6].map((k) => width + k));
      const before = userCells(book, ours);
      if ('refuses' in outcome!) {
        let error: Error | undefined;
        try {
          scoreSheet(session.services);
        } catch (e) {
          error = e as Error;
        }
        expect(error?.name).toBe('UserError');
        for (const word of outcome.refuses) expect(error!.message.toLowerCase()).toContain(word.toLowerCase());
        expect(error!.message).not.toMatch(/undefined|NaN|\bat \w+ \(/u);
      } else {
        const report = scoreSheet(session.services);
        expect(report.scored).toBe(outcome!.scored);
        const tierColumn = width + 2;
        const header = sheet.snapshot().values.findIndex((row) => row[tierColumn - 1] === 'Tier');
        const tiers = sheet
          .snapshot()
          .values.slice(header + 1)
          .map((row) => row[tierColumn - 1] ?? '');
        if (Array.isArray(outcome!.tiers)) expect(tiers).toEqual(outcome!.tiers);
        else {
          const counts: Record<string, number> = {};
          for (const t of tiers) counts[String(t)] = (counts[String(t)] ?? 0) + 1;
          expect(counts).toEqual(outcome!.tiers);
        }
        const refused = outcome!.refusedRows ?? [];
        expect(report.errorCount).toBe(outcome!.refusedCount ?? refused.length);
        if (outcome!.refusedRows) {
          expect(report.errors.map((e) => e.row)).toEqual(refused.map(([row]) => row));
          report.errors.forEach((e, k) => {
            expect(e.message).toContain(String(refused[k][0]));
            expect(e.message).toContain(refused[k][1]);
          });
        }
        for (const value of outcome!.warningsName ?? [])
          expect(
            report.warnings.some((w) => w.includes(value)),
            value,
          ).toBe(true);
        for (const w of report.warnings) expect(w).not.toMatch(/undefined|NaN/u);
      }
      expect(userCells(book, ours)).toEqual(before);
      // Text that would run as a formula is written as plain text.
      for (const s of book.sheets) for (const [, f] of s.formulas) expect(before.some((b) => b.formulas.some(([, g]) => g === f))).toBe(true);
    });
  }

  it('writes formula-like names and headers as text on every sheet it writes', () => {
    const { book, sheet, session } = workbook(NASTY_SHEETS['formula-like account names and headers']());
    // In Sheets these were typed as text ('=…): getValues hands them over as text.
    sheet.setText(1, 3, '=1+1');
    sheet.setText(2, 1, '=HYPERLINK("http://x","y")');
    scoreSheet(session.services, { roles: { '=1+1': 'custom', '@cmd': 'custom' } });
    scoreSheet(session.services, { roles: { '=1+1': 'custom', '@cmd': 'custom' } });
    const written = book.sheets.flatMap((s) => s.snapshot().values.flat()).filter((v): v is string => typeof v === 'string');
    const drivers = written.filter((v) => v.includes('(top') || v.includes('(bottom'));
    expect(drivers.length).toBeGreaterThan(0);
    // What we wrote reads back as the text it was, and nothing we wrote became a formula.
    for (const s of book.sheets.filter((x) => x.name.startsWith('ABM '))) expect(s.snapshot().formulas, s.name).toEqual([]);
    const history = book.sheet('ABM History').snapshot().values;
    const keys = [...unpackRun(history.map((r) => r[0])).snapshot.keys()];
    expect(keys).toContain('=HYPERLINK("http://x","y")');
    expect(keys).toContain('+44 20 7946');
  });
});

describe('limits, checked before Google enforces them', () => {
  it("refuses a run past 10 million cells, counted over every sheet's grid, with advice", () => {
    const book = new FakeSpreadsheet({ S: [['a']] });
    book.sheet('S').insertRowsAfter(1000, 383_000); // 384 000 rows × 26 columns = 9,984,000 cells
    expect(book.cellCount()).toBe(9_984_000);
    const ss = book.session().services.spreadsheetApp.getActiveSpreadsheet();
    expect(() => checkWorkbookCells(ss, 26_000)).toThrow(
      'Scoring would need 10,010,000 cells, over the 10,000,000 a spreadsheet can hold: split the accounts over two spreadsheets, or score them with the abm-tier command line.',
    );
    expect(() => checkWorkbookCells(ss, 16_000)).not.toThrow();
  });

  it('stops before writing when the 6-minute run is nearly gone, and nothing is half-written', () => {
    const { sheet, session } = workbook(NASTY_SHEETS['a single account']());
    const before = sheet.snapshot();
    let t = 0;
    const clock = new RunClock(() => (t += 3 * 60_000));
    expect(() => scoreSheet(session.services, undefined, clock)).toThrow(
      /^Stopped before (scoring|writing the results): \d+ s of Apps Script's 6-minute limit are gone and nothing has been written/u,
    );
    expect(sheet.snapshot()).toEqual(before);
  });

  it('refuses settings over the 9 KB a document property holds', () => {
    const book = new FakeSpreadsheet({});
    const roles = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`A rather long custom column name ${i}`, 'custom']));
    expect(() => saveSettings(book.session().services.properties.getDocumentProperties(), { roles })).toThrow(/too large to save \(over 9 KB\)/u);
  });
});
