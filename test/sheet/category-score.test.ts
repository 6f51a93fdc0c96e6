import { describe, expect, it } from 'vitest';
import { learnOnSheet } from '../../src/sheet/learn-next';
import { OUTCOME_PROPERTY, REPORT_SHEET_NAME } from '../../src/sheet/report-card-sheet';
import { scoreSheet } from '../../src/sheet/score-sheet';
import type { Value } from '../fakes/workbook';
import { workbook } from './helpers';
import { CATEGORY_TABLE } from '../fixtures/category-table';

// Base rate 3/5: Tech (2 of 2) → 14/22, Retail (0 of 2) → 12/22, blank → 0.6 (docs/scoring.md, "Categories").
const grid: Value[][] = CATEGORY_TABLE;

describe('Score with a weighted category (issue 17)', () => {
  it("writes scores with the category's smoothed success rate, leaving the user's cells as they were", () => {
    const w = workbook(grid);
    scoreSheet(w.session.services, { weights: { Industry: 2 } });
    const values = w.sheet.snapshot().values;
    expect(values.map((r) => r.slice(0, 4))).toEqual(grid);
    const at = values[0].findIndex((h) => /score/iu.test(String(h)));
    expect(at).toBeGreaterThan(3);
    expect(values.slice(1).map((r) => r[at])).toEqual([43.75, 56.25, 31.25, 43.75, 75]);
    // The report card judges the score by out-of-fold rates: every failure ranks above every success.
    const card = w.book.sheet(REPORT_SHEET_NAME).snapshot().values;
    expect(card.find((r) => r[0] === 'AUC (DeLong 95 %)')?.[3]).toBe(0);
  });
});

describe('learning reads the outcome as the report card does', () => {
  /** 200 accounts, two outcome-like columns: Converted follows engagement, Result 2026 the other way round. */
  const rows: Value[][] = [['Account', 'Engagement', 'Converted', 'Result 2026']];
  for (let i = 0; i < 200; i++) rows.push([`A${i}`, i, i % 2 === 0 ? 'Yes' : 'No', i % 2 === 0 ? 'No' : 'Yes']);

  it('the settings mapping first, then the sidebar’s older choice, then the first outcome header', () => {
    const { session } = workbook(rows);
    expect(learnOnSheet(session.services, {}).outcome).toBe('Converted');
    session.services.properties.getDocumentProperties().setProperty(OUTCOME_PROPERTY, JSON.stringify({ Accounts: 'Result 2026' }));
    expect(learnOnSheet(session.services, {}).outcome).toBe('Result 2026');
    expect(learnOnSheet(session.services, { roles: { Converted: 'outcome' } }).outcome).toBe('Converted');
    // A column asked for by name still wins.
    expect(learnOnSheet(session.services, { roles: { Converted: 'outcome' } }, 'Result 2026').outcome).toBe('Result 2026');
  });
});
