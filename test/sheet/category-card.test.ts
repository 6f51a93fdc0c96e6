import { describe, expect, it } from 'vitest';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { sidebarState } from '../../src/sheet/sidebar-state';
import { OUTCOME_PROPERTY, REPORT_SHEET_NAME, sidebarCategoryProfit, sidebarReportCard } from '../../src/sheet/report-card-sheet';
import type { Value } from '../fakes/workbook';
import { workbook } from './helpers';

/**
 * 60 accounts, revenue 1…60, profit 10 each (North) or −2 (South) or 5 (West); Region: North for the
 * first 30 (10 won), South for the next 25 (20 won), West for the last 5 (all won). "Deal 2026" names no outcome.
 */
function grid(): Value[][] {
  const rows: Value[][] = Array.from({ length: 60 }, (_, i) => {
    const region = i < 30 ? 'North' : i < 55 ? 'South' : 'West';
    const won = i < 30 ? i < 10 : i < 55 ? i < 50 : true;
    const profit = region === 'North' ? 10 : region === 'South' ? -2 : 5;
    return [`A${i + 1}`, region, i + 1, profit, won ? 'Won' : 'Lost'];
  });
  return [['Account', 'Region', 'Revenue', 'Profit', 'Deal 2026'], ...rows];
}

describe('outcome and category in the column mapping (issue 17)', () => {
  it('lists a Region column as a category and a mapped outcome as the outcome, neither scored', () => {
    const w = workbook(grid());
    const state = sidebarState(w.session.services, { roles: { 'Deal 2026': 'outcome' } });
    const role = (h: string) => state.columns.find((c) => c.header === h)?.role;
    expect([role('Region'), role('Deal 2026'), role('Revenue')]).toEqual(['category', 'outcome', 'revenue']);
    expect(state.columns.find((c) => c.header === 'Region')?.weight).toBe(0);
  });

  it('takes the outcome mapped in the settings for the card and Score; an older document’s property still counts', () => {
    const w = workbook(grid());
    expect(sidebarReportCard(w.session.services, null)).toBeNull();
    const card = sidebarReportCard(w.session.services, { roles: { 'Deal 2026': 'outcome' } });
    expect([card?.outcome, card?.accounts, card?.successes]).toEqual(['Deal 2026', 60, 35]);
    // A document from before: the sidebar's choice in the property, no role in the settings.
    w.book.properties[OUTCOME_PROPERTY] = JSON.stringify({ Accounts: 'Deal 2026' });
    expect(sidebarReportCard(w.session.services, null)?.chosen).toBe('Deal 2026');
    scoreSheet(w.session.services);
    expect(w.book.sheet(REPORT_SHEET_NAME).snapshot().values[0][0]).toBe('ABM Report Card: Deal 2026');
  });

  it('writes the success rate by region below the card: North 10/30, South 20/25, West (5) as Other', () => {
    const w = workbook(grid());
    scoreSheet(w.session.services, { roles: { 'Deal 2026': 'outcome' } });
    const values = w.book.sheet(REPORT_SHEET_NAME).snapshot().values;
    expect(values[32][0]).toBe('Success rate by Region (values with fewer than 20 accounts pooled as Other)');
    expect(values[33].slice(0, 4)).toEqual(['Region', 'Accounts', 'Successes', 'Success rate']);
    expect(values.slice(34, 37).map((r) => r.slice(0, 3))).toEqual([
      ['North', 30, 10],
      ['South', 25, 20],
      ['Other', 5, 5],
    ]);
    expect(values[34][3]).toBeCloseTo(1 / 3, 12);
    // Lift of South: 0.8 ÷ (35/60).
    expect(values[35][6]).toBeCloseTo(0.8 / (35 / 60), 12);
    const card = sidebarReportCard(w.session.services, { roles: { 'Deal 2026': 'outcome' } });
    expect(card?.categories[0].rows.map((r) => [r.label, r.accounts, r.successes])).toEqual([
      ['North', 30, 10],
      ['South', 25, 20],
      ['Other', 5, 5],
    ]);
  });

  it('answers "which region earns the profit?" with the profit table by its values', () => {
    const w = workbook(grid());
    const profit = sidebarCategoryProfit(w.session.services, null, 'Region');
    // North 30 × 10 = 300, South 25 × −2 = −50, West 5 × 5 = 25; total 275 (no outcome needed).
    expect(profit?.rows.map((r) => [r.label, r.accounts, r.profit])).toEqual([
      ['North', 30, 300],
      ['South', 25, -50],
      ['West', 5, 25],
      ['Total', 60, 275],
    ]);
    expect(profit?.rows[0].profitShare).toBeCloseTo(300 / 275, 12);
    expect(sidebarCategoryProfit(w.session.services, null, 'Nowhere')).toBeNull();
  });
});
