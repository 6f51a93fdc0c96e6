import { describe, expect, it } from 'vitest';
import { SETTINGS_PROPERTY } from '../../src/sheet/keys';
import { OUTCOME_PROPERTY } from '../../src/sheet/report-card-sheet';
import { learnOnSheet, nextTierOfRow, PREVIOUS_WEIGHTS_PROPERTY, restoreWeights, useLearnedWeights } from '../../src/sheet/learn-next';
import type { Value } from '../fakes/workbook';
import { workbook } from './helpers';
import { random as uniform } from '../../src/core/random';

/** 11 accounts, engagement 0…100 by tens, orders the other way round (weight 0 unless told). */
const small: Value[][] = [['Account', 'Engagement', 'Orders'], ...Array.from({ length: 11 }, (_, i): Value[] => [`A${i}`, i * 10, 10 - i])];

describe("the sidebar's next-tier moves for a row", () => {
  it("gives the easiest move and the other metrics' moves for the row asked, writing nothing", () => {
    const { sheet, session } = workbook(small);
    const before = sheet.snapshot();
    // Orders weigh 0: engagement alone. Row 5 is A3 (p .3): passing 50 makes it Tier 2 (K2 = 6: A5 at .5).
    const r = nextTierOfRow(session.services, { weights: { Orders: 0 } }, 5);
    expect(r).toEqual({ row: 5, account: 'A3', tier: 'Tier 3', best: 'Tier 2 if engagement rises from 30 to above 50 (percentile 30 → 50)', others: [] });
    // With orders weighted too, both metrics can, and the smaller percentile rise comes first.
    const both = nextTierOfRow(session.services, { weights: { Orders: 1 } }, 5);
    expect(both.others).toHaveLength(1);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('follows the active cell when no row is given, and says so for a row that is not an account', () => {
    const { sheet, session } = workbook(small);
    Object.assign(sheet, { getActiveCell: () => ({ getRow: () => 12 }) });
    expect(nextTierOfRow(session.services, {}).best).toBe('already in Tier 1');
    expect(() => nextTierOfRow(session.services, {}, 1)).toThrow("Row 1 is not a scored account: select a cell in an account's row.");
  });
});

describe("the sidebar's learned weights", () => {
  const next = uniform(21);
  const grid: Value[][] = [['Account', 'Engagement', 'Orders', 'Feedback', 'Converted']];
  for (let i = 0; i < 400; i++) {
    const e = next();
    grid.push([`A${i}`, e, next(), next(), next() < 1 / (1 + Math.exp(-(8 * e - 4))) ? 'Yes' : 'No']);
  }

  it("learns from the outcome column found by its header, keyed by the columns' headers, writing nothing", () => {
    const { sheet, session } = workbook(grid);
    const before = sheet.snapshot();
    const r = learnOnSheet(session.services, {});
    expect(r.outcome).toBe('Converted');
    expect(r.metrics.map((m) => [m.key, m.current])).toEqual([
      ['Engagement', 2],
      ['Orders', 1],
      ['Feedback', 1],
    ]);
    const [e, o, f] = r.metrics.map((m) => m.learned);
    expect(e).toBeGreaterThan(3 * Math.max(o, f));
    expect(r.cvAuc).toBeGreaterThan(r.currentCvAuc);
    expect(r.successes + r.failures).toBe(400);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('uses the outcome column chosen for the sheet in the sidebar, whatever its header', () => {
    const renamed = grid.map((r, i) => (i === 0 ? [...r.slice(0, 4), 'Result 2026'] : r));
    const { session } = workbook(renamed);
    expect(() => learnOnSheet(session.services, {})).toThrow('No outcome column');
    session.services.properties.getDocumentProperties().setProperty(OUTCOME_PROPERTY, JSON.stringify({ Accounts: 'Result 2026' }));
    expect(learnOnSheet(session.services, {}).outcome).toBe('Result 2026');
  });

  it('refuses a sheet without an outcome column, and says why below 50 of each', () => {
    const { session } = workbook(small);
    expect(() => learnOnSheet(session.services, {})).toThrow('No outcome column: map one (Outcome, Won, Converted…) to learn weights.');
    const few = workbook(grid.slice(0, 60));
    expect(() => learnOnSheet(few.session.services, {})).toThrow(/needs at least 50 successes and 50 failures/u);
  });

  it('"Use these weights" saves them, keeping the earlier ones; "Back to my weights" saves those again, once', () => {
    const { session } = workbook(grid);
    const props = session.services.properties.getDocumentProperties();
    props.setProperty(SETTINGS_PROPERTY, JSON.stringify({ weights: { Engagement: 1, Orders: 3 } }));
    const learned = learnOnSheet(session.services, { weights: { Engagement: 1, Orders: 3 } });
    const weights = Object.fromEntries(learned.metrics.map((m) => [m.key, m.learned]));
    expect(useLearnedWeights(session.services, { weights })).toEqual({ saved: true });
    expect(JSON.parse(props.getProperty(SETTINGS_PROPERTY)!).weights).toEqual(weights);
    expect(JSON.parse(props.getProperty(PREVIOUS_WEIGHTS_PROPERTY)!)).toEqual({ Engagement: 1, Orders: 3 });
    expect(restoreWeights(session.services, { weights, method: 'threshold' })).toEqual({ Engagement: 1, Orders: 3 });
    const saved = JSON.parse(props.getProperty(SETTINGS_PROPERTY)!);
    expect([saved.weights, saved.method]).toEqual([{ Engagement: 1, Orders: 3 }, 'threshold']);
    expect(() => restoreWeights(session.services, {})).toThrow('No earlier weights to go back to.');
  });
});
