import { describe, expect, it } from 'vitest';
import { SETTINGS_PROPERTY, SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { scoreSheet } from '../../src/sheet/score-sheet';
import type { Value } from '../fakes/workbook';
import { workbook } from './helpers';

/**
 * Ten accounts A…J, revenue 100 … 10, profit 10 but A's −5 (the score counts revenue alone: profit
 * weighs 0), so A scores Tier 1 and the unprofitable cap moves it to Tier 3. A is pinned Tier 1, J excluded.
 */
function grid(): Value[][] {
  return [
    ['Account', 'Revenue', 'Profit', 'Pin'],
    ...Array.from({ length: 10 }, (_, i): Value[] => [
      String.fromCharCode(65 + i),
      100 - 10 * i,
      i === 0 ? -5 : 10,
      i === 0 ? 'Tier 1: flagship' : i === 9 ? 'exclude - partner' : '',
    ]),
  ];
}

function scored(settings: Record<string, unknown>) {
  const w = workbook(grid());
  w.book.properties[SETTINGS_PROPERTY] = JSON.stringify({ weights: { Profit: 0 }, ...settings });
  const result = scoreSheet(w.session.services);
  const summary = w.book
    .sheet(SUMMARY_SHEET_NAME)
    .snapshot()
    .values.map((r) => r.slice(0, 4).join('|'));
  return { w, result, summary };
}

describe('pins in the summary (issue 18)', () => {
  it('says on the pinned row when the pin won over the unprofitable cap, with what the data alone give; excluded accounts listed apart', () => {
    const { w, result, summary } = scored({});
    const values = w.sheet.snapshot().values;
    const tierAt = values[0].indexOf('Tier');
    expect(values[1][tierAt]).toBe('Tier 1');
    expect(values[10][tierAt]).toBe('');
    expect(summary).toContain('A|2|pinned Tier 1 over the unprofitable cap; the score says Tier 3|flagship');
    expect(summary).toContain('J|11|excluded; the score says Tier 3|partner');
    expect(result.warnings).toContain('1 pinned account loses money and keeps its pinned tier: a pin wins over the unprofitable cap (Tier 3).');
    // The excluded account is out of the tables: 9 accounts in the tiers' total.
    const total = w.book
      .sheet(SUMMARY_SHEET_NAME)
      .snapshot()
      .values.find((r) => r[0] === 'Total');
    expect(total?.[1]).toBe(9);
  });

  it('without the cap the same pin is a plain pin: the score gives Tier 1 too', () => {
    const { summary } = scored({ unprofitableCap: false });
    expect(summary).toContain('A|2|pinned Tier 1; the score says Tier 1|flagship');
  });
});
