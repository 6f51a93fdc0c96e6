import { describe, expect, it } from 'vitest';
import { readOutcomes, reportCard } from '../../src/core';
import { getReportCard } from '../../src/sheet';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { historyRuns, OUTCOME_PROPERTY, REPORT_SHEET_KEY, REPORT_SHEET_NAME, sidebarReportCard } from '../../src/sheet/report-card-sheet';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';
import { workbook } from './helpers';

/** 60 accounts, revenue 1…60 (score = its percentile); the top 30 have Won, the others Lost, row 7 blank. */
function grid(outcomeHeader = 'Won'): Value[][] {
  const rows: Value[][] = Array.from({ length: 60 }, (_, i) => [`A${i + 1}`, i + 1, i >= 30 ? 'Won' : 'Lost']);
  rows[5][2] = '';
  return [['Account', 'Revenue', outcomeHeader], ...rows];
}

describe('"ABM Report Card" sheet (issue 17)', () => {
  it('is made by Score when the sheet has an outcome column, ours by developer metadata, and holds the card', () => {
    const w = workbook(grid());
    scoreSheet(w.session.services);
    const sheet = w.book.sheet(REPORT_SHEET_NAME);
    expect(sheet.metadata.map((m) => m.key)).toContain(REPORT_SHEET_KEY);
    const values = sheet.snapshot().values;
    expect(values[0][0]).toBe('ABM Report Card: Won');
    expect(values[1].slice(0, 7)).toEqual(['Tier', 'Accounts', 'Successes', 'Success rate', '95 % low', '95 % high', 'Lift']);
    // 59 accounts with an outcome (row 7 blank), 30 successes. Quantile 20/30/50 of 60: Tier 1 = the top 12 (all Won),
    // Tier 2 = the next 18 (all Won), Tier 3 = the 30 lowest, of which 29 have an outcome (all Lost).
    expect(values.slice(2, 6).map((r) => r.slice(0, 3))).toEqual([
      ['Tier 1', 12, 12],
      ['Tier 2', 18, 18],
      ['Tier 3', 29, 0],
      ['All', 59, 30],
    ]);
    const verdict = values.find((r) => r[0] === 'Verdict');
    expect(verdict?.[1]).toBe('Tier 1 converts 2 × the base rate; the score ranks successes above failures (AUC 1, interval 1–1).');
    // The deciles follow the card: 10 of them.
    const decileHeader = values.findIndex((r) => r[0] === 'Score decile');
    expect(values.slice(decileHeader + 1, decileHeader + 11).map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The chart: success rate and its interval by tier.
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].ranges.map((r) => r.getA1Notation())).toEqual(['A2:A5', 'D2:F5']);
    expect(sheet.charts[0].getOptions().get('title')).toBe('Success rate by tier (95 % interval)');
  });

  it('is rewritten by the next Score, with its chart updated in place, never a second one', () => {
    const w = workbook(grid());
    scoreSheet(w.session.services);
    const data = w.book.sheet('Accounts');
    // Every outcome turned around: the card now says the score ranks failures first.
    for (let r = 2; r <= 61; r++) {
      const v = data.getRange(r, 3, 1, 1).getValues()[0][0];
      if (v) data.getRange(r, 3, 1, 1).setValues([[v === 'Won' ? 'Lost' : 'Won']]);
    }
    w.book.activate('Accounts');
    scoreSheet(w.session.services);
    const sheet = w.book.sheet(REPORT_SHEET_NAME);
    expect(sheet.charts).toHaveLength(1);
    expect(String(sheet.snapshot().values.find((r) => r[0] === 'Verdict')?.[1])).toMatch(/^These tiers rank failures above successes/u);
  });

  it('leaves a user sheet named "ABM Report Card" alone, using "ABM Report Card (2)"', () => {
    const book = new FakeSpreadsheet({ Accounts: grid(), [REPORT_SHEET_NAME]: [['my notes']] });
    book.activate('Accounts');
    scoreSheet(book.session().services);
    expect(book.sheet(REPORT_SHEET_NAME).snapshot().values[0][0]).toBe('my notes');
    expect(book.sheet(`${REPORT_SHEET_NAME} (2)`).snapshot().values[0][0]).toBe('ABM Report Card: Won');
  });

  it('is not scored itself: Score on it asks for the sheet of accounts', () => {
    const w = workbook(grid());
    scoreSheet(w.session.services);
    w.book.activate(REPORT_SHEET_NAME);
    expect(() => scoreSheet(w.session.services)).toThrow('open the sheet with your accounts');
  });

  it('is not made when no column names an outcome', () => {
    const w = workbook(grid('Notes'));
    scoreSheet(w.session.services);
    expect(() => w.book.sheet(REPORT_SHEET_NAME)).toThrow();
  });

  it('gives the sidebar the same card as the engine, as plain values, and null without an outcome column', () => {
    const w = workbook(grid('Churned'));
    const card = sidebarReportCard(w.session.services, null);
    // Churned: a Won/Lost word still reads as success/failure, but the header flips yes/no and numbers only.
    const words = grid()
      .slice(1)
      .map((r) => r[2] as string);
    const outcomes = readOutcomes(words, true);
    const tier = Int8Array.from({ length: 60 }, (_, i) => (i >= 48 ? 0 : i >= 30 ? 1 : 2));
    const score = Float64Array.from({ length: 60 }, (_, i) => (100 * i) / 59);
    const want = reportCard({ tier, score, outcomes, labels: ['Tier 1', 'Tier 2', 'Tier 3'] });
    expect(card?.tiers.map((t) => [t.accounts, t.successes])).toEqual(want.tiers.map((t) => [t.accounts, t.successes]));
    expect(card?.auc).toBeCloseTo(want.auc, 9);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
    expect(getReportCard).toBeTypeOf('function');
    expect(sidebarReportCard(workbook(grid('Notes')).session.services, null)).toBeNull();
  });

  it('judges an earlier run kept in "ABM History" by today\'s outcomes, matching accounts by key', () => {
    const w = workbook(grid());
    scoreSheet(w.session.services);
    // Since that run, revenue turned around: today's tiers put the old Tier 3 on top; the outcomes stay.
    const data = w.book.sheet('Accounts');
    for (let r = 2; r <= 61; r++) data.getRange(r, 2, 1, 1).setValues([[62 - r]]);
    w.book.activate('Accounts');
    scoreSheet(w.session.services);
    const runs = historyRuns(w.session.services.spreadsheetApp.getActiveSpreadsheet(), 'Accounts');
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => r.title.endsWith(' · Accounts'))).toBe(true);
    const now = sidebarReportCard(w.session.services, null);
    const first = sidebarReportCard(w.session.services, null, runs.find((r) => r.slot === 0)!.slot);
    // Today's tiers rank every success last (AUC 0); the first run's ranked them all first (AUC 1), 60 of 60 matched.
    expect(now?.auc).toBe(0);
    expect(first?.auc).toBe(1);
    expect(first?.run).toBe(runs.find((r) => r.slot === 0)!.title);
    expect(first?.notes[0]).toBe(`60 of 60 accounts matched the run of ${first?.run} by account; the card judges its tiers by today's outcomes.`);
  });

  it('uses the outcome column chosen in the sidebar, for the sidebar and for Score, until it goes back to headers', () => {
    // "Result 2026" names no outcome by its header: only the choice makes it one.
    const w = workbook(grid('Result 2026'));
    expect(sidebarReportCard(w.session.services, null)).toBeNull();
    const card = sidebarReportCard(w.session.services, null, null, 'Result 2026');
    expect([card?.outcome, card?.accounts, card?.successes, card?.chosen]).toEqual(['Result 2026', 59, 30, 'Result 2026']);
    expect(JSON.parse(w.book.properties[OUTCOME_PROPERTY])).toEqual({ Accounts: 'Result 2026' });
    // Asked again without a choice, the kept one stands; Score's card uses it.
    expect(sidebarReportCard(w.session.services, null)?.chosen).toBe('Result 2026');
    scoreSheet(w.session.services);
    expect(w.book.sheet(REPORT_SHEET_NAME).snapshot().values[0][0]).toBe('ABM Report Card: Result 2026');
    // Back to finding it by header: none here.
    expect(sidebarReportCard(w.session.services, null, null, '')).toBeNull();
    expect(JSON.parse(w.book.properties[OUTCOME_PROPERTY])).toEqual({});
  });
});

/**
 * Ten accounts A…J, revenue 100 … 10 (A scores highest), a Won column and a Pin column: H pinned
 * Tier 1, I Tier 2, B Tier 3. Quantile 20/30/50 of 10: Tier 1 holds 2 places, Tier 1 + 2 hold 5;
 * the pins take one place in each tier, so of the seven unpinned A is Tier 1, C D Tier 2, E F G J
 * Tier 3. Without pins A B would be Tier 1 and F…J Tier 3: H and I are pinned up from Tier 3, B down
 * from Tier 1.
 */
function pinnedGrid(): Value[][] {
  const won = 'WWWLWLLWLL';
  const pins: Record<string, string> = { H: 'Tier 1: strategic logo', I: 'Tier 2', B: 'Tier 3' };
  return [
    ['Account', 'Revenue', 'Won', 'Pin'],
    ...Array.from({ length: 10 }, (_, i): Value[] => {
      const a = String.fromCharCode(65 + i);
      return [a, 100 - 10 * i, won[i] === 'W' ? 'Won' : 'Lost', pins[a] ?? ''];
    }),
  ];
}

describe('pinned accounts on the report card (issue 18)', () => {
  it('are counted apart under the card, each pinned tier beside the unpinned rate, with the moves up and down in words', () => {
    const w = workbook(pinnedGrid());
    scoreSheet(w.session.services);
    const sheet = w.book.sheet(REPORT_SHEET_NAME);
    const values = sheet.snapshot().values;
    // The card judges the score on the unpinned: Tier 1 {A} 1 of 1, Tier 2 {C, D} 1 of 2, Tier 3 {E, F, G, J} 1 of 4.
    expect(values.slice(2, 6).map((r) => r.slice(0, 3))).toEqual([
      ['Tier 1', 1, 1],
      ['Tier 2', 2, 1],
      ['Tier 3', 4, 1],
      ['All', 7, 3],
    ]);
    // No category column: the pinned block starts at row 33.
    const at = values.findIndex((r) => r[0] === "Pinned accounts, apart from the tiers above: did the team's judgement beat the score?");
    expect(at).toBe(32);
    expect(values[at + 1].slice(0, 5)).toEqual(['Tier', 'Pinned', 'Successes', 'Success rate', 'Unpinned rate']);
    // Hand count: H (Won) in Tier 1 beside A's 1 of 1; I (Lost) in Tier 2 beside 1 of 2; B (Won) in Tier 3 beside 1 of 4.
    // Up: H and I, 1 success of 2, against Tier 3's unpinned 1 of 4 for each. Down: B, 1 of 1, against Tier 1's 1 of 1.
    const rows = values.slice(at + 2, at + 7).map((r) => r.slice(0, 5));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['Tier 1', 1, 1],
      ['Tier 2', 1, 0],
      ['Tier 3', 1, 1],
      ["Pinned above the score's tier", 2, 1],
      ["Pinned below the score's tier", 1, 1],
    ]);
    const rates = rows.map((r) => [r[3], r[4]] as number[]);
    const want = [
      [1, 1],
      [0, 1 / 2],
      [1, 1 / 4],
      [1 / 2, 1 / 4],
      [1, 1],
    ];
    rates.forEach((pair, k) => pair.forEach((x, j) => expect(x).toBeCloseTo(want[k][j], 12)));
    expect(values[at + 7][0]).toBe('The 2 accounts the team pinned up converted at 50 % against 25 % for the tiers the score gave them.');
    expect(values[at + 8][0]).toBe('The 1 account the team pinned down converted at 100 % against 100 % for the tier the score gave it.');
    // Formatted like the other tables: a bold header, the rates as percentages.
    expect(sheet.isBold(at + 2, 1)).toBe(true);
    expect(sheet.formatAt(at + 3, 4)).toBe('0.0%');
    expect(sheet.formatAt(at + 7, 5)).toBe('0.0%');
    // The sidebar gets the same rows and lines.
    const card = sidebarReportCard(w.session.services, null);
    expect(card?.pinned?.rows.map((r) => [r.label, r.accounts, r.successes])).toEqual(rows.map((r) => r.slice(0, 3)));
    expect(card?.pinned?.lines).toEqual([values[at + 7][0], values[at + 8][0]]);
  });

  it('leaves no pinned block, and clears an earlier one, when nothing is pinned', () => {
    const w = workbook(pinnedGrid());
    scoreSheet(w.session.services);
    const data = w.book.sheet('Accounts');
    for (let r = 2; r <= 11; r++) data.getRange(r, 4, 1, 1).setValues([['']]);
    w.book.activate('Accounts');
    scoreSheet(w.session.services);
    const values = w.book.sheet(REPORT_SHEET_NAME).snapshot().values;
    expect(values.slice(2, 6).map((r) => r.slice(0, 3))).toEqual([
      ['Tier 1', 2, 2],
      ['Tier 2', 3, 2],
      ['Tier 3', 5, 1],
      ['All', 10, 5],
    ]);
    expect(values.slice(32).every((r) => r.every((c) => c === ''))).toBe(true);
    expect(sidebarReportCard(w.session.services, null)?.pinned).toBeNull();
  });
});
