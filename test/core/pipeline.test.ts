import { describe, expect, it } from 'vitest';
import { accountRow, analyseGrid, analyseRows, parseSettings, rowsReader, type Cell } from '../../src/core';
import { say } from './helpers';

const HEADER: Cell[] = ['Account', 'Revenue', 'Profit'];
const ROWS: Cell[][] = [
  ['A', 500, 100],
  ['B', 300, -20],
  ['C', 'n/a', 5],
  ['', '', ''],
  ['D', 50, 10],
];
const settings = parseSettings({ asOf: '2026-06-30' });

describe('analyseRows, the one entry from header and rows to an analysis', () => {
  it('gives what the grid reader gives for the same table', () => {
    const rows = analyseRows(HEADER, ROWS, settings, { firstRowNumber: 2 });
    const grid = analyseGrid([HEADER, ...ROWS], settings);
    expect(Array.from(rows.score)).toEqual(Array.from(grid.score));
    expect(Array.from(rows.tier)).toEqual(Array.from(grid.tier));
    expect([...rows.table.messages]).toEqual([...grid.table.messages]);
  });

  it('streamed row by row, gives the same analysis', () => {
    const reader = rowsReader(HEADER, HEADER.length, settings);
    ROWS.forEach((row, i) => reader.add(row, i + 2));
    expect(Array.from(reader.finish().score)).toEqual(Array.from(analyseRows(HEADER, ROWS, settings, { firstRowNumber: 2 }).score));
  });

  it('names rows in messages from firstRowNumber, as rowCode says', () => {
    const a = analyseRows(HEADER, ROWS, settings, { firstRowNumber: 10, rowCode: 'cell.rowOfRange' });
    expect(say(a.table.messages.get(2)!)).toBe('Row 12 of the range, column "Revenue": "n/a" is not a number.');
  });
});

describe('accountRow, an analysis row as every surface writes it', () => {
  const a = analyseRows(HEADER, ROWS, settings, { firstRowNumber: 2 });

  it('is null for a blank row and only an error for an invalid one', () => {
    expect(accountRow(a, 3, say)).toBeNull();
    const bad = accountRow(a, 2, say)!;
    expect(bad.error).toBe(say(a.table.messages.get(2)!));
    expect([bad.tier, bad.segment, bad.program, bad.drivers]).toEqual([null, null, null, null]);
    expect(bad.score).toBeNaN();
  });

  it("labels a scored row with the settings' tier, segment and program names", () => {
    const row = accountRow(a, 0, say)!;
    const t = a.tier[0];
    expect(row).toMatchObject({
      score: a.score[0],
      tier: settings.labels[t],
      segment: settings.segmentLabels[a.segment[0]],
      program: settings.programLabels[t],
      error: null,
    });
    expect(row.drivers).toMatch(/\w/u);
  });
});
