import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/core';
import { scoreSheet } from '../../src/sheet/score-sheet';
import type { FakeRule } from '../fakes/workbook';
import { workbook } from './helpers';

/**
 * Five accounts by revenue: quantile 20/30/50 gives A Tier 1, B and C Tier 2, D and E Tier 3
 * (K1 = 1, K2 = 3). Our columns are C:G, Tier in D.
 */
const grid = () => [
  ['Account', 'Revenue'],
  ['A', 50],
  ['B', 40],
  ['C', 30],
  ['D', 20],
  ['E', 10],
];
const [GREEN, YELLOW, RED] = parseSettings({}).colours;

/** Row colours of rows 2–6 (A–E), as Sheets would show them in column A. */
const rowColours = (sheet: ReturnType<typeof workbook>['sheet']) => [2, 3, 4, 5, 6].map((row) => sheet.backgroundAt(row, 1));

describe('tier colours are restored by the next Score', () => {
  it('puts back a tier-colour rule the user deleted, even when nothing else changed', () => {
    const { sheet, session } = workbook(grid());
    scoreSheet(session.services);
    expect(rowColours(sheet)).toEqual([GREEN, YELLOW, YELLOW, RED, RED]);
    // The user deletes the Tier 2 rule in Format → Conditional formatting.
    sheet.setConditionalFormatRules(sheet.getConditionalFormatRules().filter((r) => !String((r as FakeRule).formula).includes('Tier 2')));
    expect(rowColours(sheet)).toEqual([GREEN, null, null, RED, RED]);
    scoreSheet(session.services);
    expect(rowColours(sheet)).toEqual([GREEN, YELLOW, YELLOW, RED, RED]);
    expect(sheet.rules).toHaveLength(3);
  });

  it("puts back every tier-colour rule after the user cleared them all, keeping the user's own rule", () => {
    const { sheet, session } = workbook(grid());
    scoreSheet(session.services);
    const own = session.services.spreadsheetApp
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$B2>45')
      .setBackground('#0000ff')
      .setRanges([sheet.getRange('B2:B6')])
      .build();
    sheet.setConditionalFormatRules([own]);
    expect(rowColours(sheet)).toEqual([null, null, null, null, null]);
    scoreSheet(session.services);
    expect(rowColours(sheet)).toEqual([GREEN, YELLOW, YELLOW, RED, RED]);
    expect(sheet.rules).toHaveLength(4);
    expect(sheet.rules[0]).toBe(own);
  });
});
