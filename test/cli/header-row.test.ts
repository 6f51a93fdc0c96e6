import { describe, expect, it } from 'vitest';
import { HEADER_SCAN_ROWS } from '../../src/core';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';
import { cliInFolder, csvOf, records } from './helpers';

const { file, cli } = cliInFolder('abm-header-');

const TITLED: Value[][] = [
  ['Key accounts, Q3 export', '', ''],
  ['', '', ''],
  ['Account', 'Revenue', 'Profit'],
  ['A', 10, 1],
  ['B', 20, 5],
  ['C', 30, -2],
];

/** The sheet's Score column and the rows it stands on, for the same grid. */
function sheetRun(grid: Value[][]): { rows: number[]; scores: number[] } | Error {
  const book = new FakeSpreadsheet({ Accounts: grid.map((r) => [...r]) });
  try {
    scoreSheet(book.session().services);
  } catch (error) {
    return error as Error;
  }
  const values = book.sheet('Accounts').snapshot().values;
  const header = values.findIndex((r) => r.includes('Score'));
  const column = values[header].indexOf('Score');
  const rows: number[] = [];
  const scores: number[] = [];
  values.forEach((r, i) => {
    if (i > header && typeof r[column] === 'number') {
      rows.push(i + 1);
      scores.push(r[column] as number);
    }
  });
  return { rows, scores };
}

/** `titles` one-cell text lines, then the header, then three accounts. */
function titled(titles: number): Value[][] {
  return [...Array.from({ length: titles }, (_, k) => [`Note ${k + 1}`, '', '']), ['Account', 'Revenue', 'Profit'], ['A', 10, 1], ['B', 20, 5], ['C', 30, 2]];
}

describe('the header row is found by one rule in the CLI and the sheet (findHeaderRow over the same first rows)', () => {
  it('a title line above the header: the CLI scores the same rows as the sheet, with the same row numbers', async () => {
    const r = await cli('score', file('titled.csv', csvOf(TITLED)));
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out).rows as { row: number; score: number }[];
    const sheet = sheetRun(TITLED);
    if (sheet instanceof Error) throw sheet;
    expect(rows.map((x) => x.row)).toEqual(sheet.rows);
    expect(rows.map((x) => x.score)).toEqual(sheet.scores);
    expect(rows.map((x) => x.row)).toEqual([4, 5, 6]);
  });

  it(`scans ${HEADER_SCAN_ROWS} rows, as the sheet does: a header on row ${HEADER_SCAN_ROWS} is found, one on row ${HEADER_SCAN_ROWS + 1} is not`, async () => {
    expect(HEADER_SCAN_ROWS).toBe(20);
    const found = titled(HEADER_SCAN_ROWS - 1);
    const r = await cli('score', file('deep.csv', csvOf(found)));
    expect(r.code).toBe(0);
    const sheet = sheetRun(found);
    if (sheet instanceof Error) throw sheet;
    expect(JSON.parse(r.out).rows.map((x: { score: number }) => x.score)).toEqual(sheet.scores);

    const tooDeep = titled(HEADER_SCAN_ROWS);
    file('too-deep.csv', csvOf(tooDeep));
    const missed = await cli('score', 'too-deep.csv');
    expect(missed.code).toBe(1);
    expect(missed.err).toMatch(/^abm-tier: too-deep\.csv: no metric column found in the header \(Note 1, , \)/u);
    expect(sheetRun(tooDeep)).toBeInstanceOf(Error);
  });

  it('CSV output keeps the title lines on top and writes our headers on the header line', async () => {
    const r = await cli('score', file('titled.csv', csvOf(TITLED)), '--format', 'csv');
    const out = records(r.out);
    // The title "Key accounts, Q3 export" was written unquoted: it reads back as the file had it.
    expect(out.slice(0, 3)).toEqual([
      ['Key accounts', ' Q3 export', '', ''],
      ['', '', ''],
      ['Account', 'Revenue', 'Profit', 'Score', 'Tier', 'Segment', 'ABM program', 'Drivers'],
    ]);
    expect(out.slice(3).map((row) => row[0])).toEqual(['A', 'B', 'C']);
    expect(out[5][4]).toBe('Tier 3'); // negative profit is capped, as in the sheet
  });

  it('sql reads the columns from the header under a title line', async () => {
    const r = await cli('sql', file('titled.csv', csvOf(TITLED)), '--table', 'accounts');
    expect(r.code).toBe(0);
    expect(r.out).toContain('`Profit`');
  });

  it('a file of numbers alone has no header row: it says so in one line', async () => {
    file('numbers.csv', '1,2\n3,4\n');
    const r = await cli('score', 'numbers.csv');
    expect(r).toEqual({
      code: 1,
      out: '',
      err: 'abm-tier: numbers.csv: no header row found in the first 20 lines: the columns need names such as Account, Revenue, Profit, Engagement\n',
    });
  });
});
