import { describe, expect, it } from 'vitest';
import { HISTORY_RUNS, unpackRun } from '../../src/sheet/history';
import { HISTORY_SHEET_NAME, SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { workbook } from './helpers';

const GRID = [
  ['Account', 'Revenue', 'Profit'],
  ['Acme', 100, 10],
  ['Birch', 200, 20],
  ['Cobalt', 300, 30],
  ['Dune', 400, 40],
  ['Elm', 500, 50],
];

describe('tier movement and the run history (SPEC §12)', () => {
  it('reports accounts moved up and down since the previous run, on the summary and in the report', () => {
    const { book, sheet, session } = workbook(GRID.map((r) => [...r]));
    const first = scoreSheet(session.services, { method: 'threshold', thresholds: [70, 40] });
    expect(first.movement).toBeNull();
    // Acme jumps from last to first.
    sheet.write(2, 2, [[900, 90]]);
    const second = scoreSheet(session.services, { method: 'threshold', thresholds: [70, 40] });
    expect(second.movement!.up).toBe(1);
    expect(second.movement!.down).toBeGreaterThanOrEqual(1);
    const summary = book.sheet(SUMMARY_SHEET_NAME).snapshot().values;
    const at = summary.findIndex((r) => r[0] === 'Tier movement since the previous run');
    expect(summary[at + 1][0]).toMatch(/^1 account moved up, \d+ down\.$/u);
    expect(summary[at + 2].slice(0, 5)).toEqual(['From \\ to', 'Tier 1', 'Tier 2', 'Tier 3', 'Gone']);
    const up = summary.findIndex((r) => r[0] === 'Moved up');
    expect(summary[up + 1].slice(0, 3)).toEqual(['Acme', 'Tier 3', 'Tier 1']);
  });

  it('keeps each run in the hidden "ABM History" sheet, the last 12 only', () => {
    const { book, session } = workbook(GRID.map((r) => [...r]));
    for (let k = 0; k < HISTORY_RUNS + 1; k++) scoreSheet(session.services);
    const history = book.sheet(HISTORY_SHEET_NAME);
    expect(history.hidden).toBe(true);
    const values = history.snapshot().values;
    const runs = values[0].filter((v) => v !== '');
    expect(runs).toHaveLength(HISTORY_RUNS);
    // Slot 0 was overwritten by run 13: the oldest goes first.
    const { title, snapshot } = unpackRun(values.map((r) => r[0]));
    expect(title).toMatch(/ · Accounts$/u);
    expect([...snapshot.keys()]).toEqual(['Acme', 'Birch', 'Cobalt', 'Dune', 'Elm']);
    expect(snapshot.get('Elm')).toEqual({ tier: 0, score: 100, segment: 'Money Maker' });
    expect(JSON.parse(book.properties['abmTier.history']).runs).toBe(HISTORY_RUNS + 1);
    expect(book.active.name).toBe('Accounts');
  });

  it('reports duplicate account keys with their rows instead of merging them', () => {
    const { session } = workbook([...GRID.map((r) => [...r]), ['Acme', 50, 5]]);
    const report = scoreSheet(session.services);
    expect(report.warnings).toContain('Account "Acme" appears on rows 2, 7: tier movement uses the first.');
  });
});
