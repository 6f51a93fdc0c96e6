import { describe, expect, it } from 'vitest';
import { SUMMARY_PROPERTY, SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { HEAT_MAX, HEAT_MIN, SUMMARY_LAYOUT_VERSION } from '../../src/sheet/summary-sheet';
import type { FakeRule, FakeSheet } from '../fakes/workbook';
import { accountsGrid, workbook } from './helpers';

/** Issue 18: the summary's 3 × 3 fit × engagement counts are coloured as a heat map by a colour-scale rule. */

/** The A1 range of the nine counts, found by the table's title. */
function countsRange(summary: FakeSheet): string {
  const at = summary.snapshot().values.findIndex((r) => r[0] === 'Fit × engagement') + 1;
  expect(at).toBeGreaterThan(0);
  expect(summary.snapshot().values[at + 1][0]).toBe('Fit A');
  return `B${at + 2}:D${at + 4}`;
}

const scales = (sheet: FakeSheet) => (sheet.rules as FakeRule[]).filter((r) => r.gradient !== null);

function scored() {
  const w = workbook(accountsGrid(60));
  scoreSheet(w.session.services);
  return { ...w, summary: w.book.sheet(SUMMARY_SHEET_NAME), app: w.session.services.spreadsheetApp };
}

describe('the fit × engagement heat map on the summary (issue 18)', () => {
  it('is one colour scale on the nine counts: white at 0 accounts, green at the fullest cell', () => {
    const { summary, sheet } = scored();
    const [rule] = scales(summary);
    expect(scales(summary)).toHaveLength(1);
    expect(rule.ranges.map((r) => r.getA1Notation())).toEqual([countsRange(summary)]);
    expect(rule.gradient).toEqual({ min: { color: HEAT_MIN, type: 'NUMBER', value: '0' }, max: { color: HEAT_MAX, type: 'MAX', value: '' } });
    expect([HEAT_MIN, HEAT_MAX]).toEqual(['#ffffff', '#57bb8a']);
    // The counts it colours are numbers (a colour scale skips text).
    const [row] = countsRange(summary).match(/\d+/u)!;
    expect(
      summary
        .snapshot()
        .values[Number(row) - 1].slice(1, 4)
        .every((v) => typeof v === 'number'),
    ).toBe(true);
    // Nothing of it lands on the accounts' sheet.
    expect(scales(sheet)).toHaveLength(0);
  });

  it('a re-run on the same layout makes no rule calls and stays within 25 calls', () => {
    const { book, summary, session } = scored();
    const rules = [...summary.rules];
    book.calls.reset();
    scoreSheet(session.services);
    expect(book.calls.byMethod['Sheet.getConditionalFormatRules'] ?? 0).toBe(1); // the accounts' sheet's tier colours only
    expect(book.calls.byMethod['Sheet.setConditionalFormatRules'] ?? 0).toBe(0);
    expect(book.calls.total).toBeLessThanOrEqual(25);
    expect(summary.rules).toEqual(rules);
  });

  it("a layout change replaces only ours: the user's rules on the summary are kept, ours is not doubled and leaves its old range", () => {
    const { book, summary, app, session } = scored();
    const range = countsRange(summary);
    const user = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$B5>3')
      .setBackground('#ff0000')
      .setRanges([summary.getRange('B5:B9')])
      .build();
    // The user's own colour scale on our counts, in other colours: theirs, kept.
    const userScale = app
      .newConditionalFormatRule()
      .setGradientMinpointWithValue('#000000', app.InterpolationType.NUMBER, '1')
      .setGradientMaxpoint('#ff00ff')
      .setRanges([summary.getRange(range)])
      .build();
    // Ours as an older layout left it, elsewhere on the sheet.
    const old = app
      .newConditionalFormatRule()
      .setGradientMinpointWithValue(HEAT_MIN, app.InterpolationType.NUMBER, '0')
      .setGradientMaxpoint(HEAT_MAX)
      .setRanges([summary.getRange('B30:D32')])
      .build();
    summary.setConditionalFormatRules([user, old, userScale]);
    book.properties[SUMMARY_PROPERTY] = JSON.stringify({ name: SUMMARY_SHEET_NAME, layout: 'layout-4', heat: 'B30:D32' });
    scoreSheet(session.services);
    expect(summary.rules.slice(0, 2)).toEqual([user, userScale]);
    expect(summary.rules).toHaveLength(3);
    const ours = summary.rules[2] as FakeRule;
    expect(ours.ranges.map((r) => r.getA1Notation())).toEqual([range]);
    expect(ours.gradient?.max.color).toBe(HEAT_MAX);
    expect(JSON.parse(book.properties[SUMMARY_PROPERTY])).toEqual({ name: SUMMARY_SHEET_NAME, layout: SUMMARY_LAYOUT_VERSION, heat: range });
  });

  it('a summary written before the heat map (layout-4) gains it once', () => {
    const { book, summary, session } = scored();
    summary.setConditionalFormatRules([]);
    book.properties[SUMMARY_PROPERTY] = JSON.stringify({ name: SUMMARY_SHEET_NAME, layout: 'layout-4' });
    scoreSheet(session.services);
    expect(scales(summary)).toHaveLength(1);
    scoreSheet(session.services);
    expect(scales(summary)).toHaveLength(1);
  });
});
