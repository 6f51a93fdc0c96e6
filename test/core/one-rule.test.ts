import { describe, expect, it } from 'vitest';
import { findHeaderRow, HEADER_SCAN_ROWS, mapColumns, parseSettings } from '../../src/core';
import { abmHealth, abmScore, abmTier } from '../../src/functions';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { FakeSpreadsheet } from '../fakes/workbook';

/** One rule for every surface: where the header is, and which columns the settings score. */

const TABLE = [
  ['Account', 'Revenue', 'Profit', 'Foo'],
  ['Acme', 100, 30, 5],
  ['Birch', 200, 10, 1],
  ['Cobalt', 300, 50, 9],
  ['Dune', 50, -5, 2],
];

describe('the header row, found by one rule', () => {
  it('only title lines and blank rows may stand above the header: a data-like row ends the search', () => {
    expect(findHeaderRow([['Q3 accounts'], [], ...TABLE])).toBe(2);
    expect(findHeaderRow([[50], [60], ['abc']])).toBe(-1);
    expect(
      findHeaderRow([
        ['Acme', 100],
        ['Account', 'Revenue'],
      ]),
    ).toBe(-1);
    expect(HEADER_SCAN_ROWS).toBe(20);
  });

  it('a custom function given a range with a title line finds the header below it, and keeps its rows aligned', () => {
    const titled = [['Q3 accounts', '', '', ''], ...TABLE];
    const plain = abmScore(TABLE);
    const withTitle = abmScore(titled);
    expect(withTitle).toEqual([[''], ...plain]);
    expect(abmHealth([['Q3'], ['Account', 'Recency'], ['A', 3], ['B', 30]])[0]).toEqual(['', '']);
  });

  it('a message names the row within the range, counting the title line', () => {
    const out = abmTier([['Scores'], ['Score'], [50], ['abc'], [70]]);
    expect(String(out[3][0])).toMatch(/^Row 4 of the range/u);
  });
});

describe('the same settings score the same columns everywhere', () => {
  it('a weight naming a column of no role makes it a custom metric: in the engine, a custom function and the sheet', () => {
    const settings = parseSettings({ weights: { Foo: 2 } });
    const mapping = mapColumns(TABLE[0], 4, settings);
    expect(mapping.metrics.find((m) => m.header === 'Foo')).toMatchObject({ role: 'custom', weight: 2 });
    const fromFunction = abmScore(TABLE, 'Foo=2')
      .slice(1)
      .map((r) => r[0]);
    const book = new FakeSpreadsheet({ Accounts: TABLE.map((r) => [...r]) });
    scoreSheet(book.session().services, { weights: { Foo: 2 } });
    const values = book.sheet('Accounts').snapshot().values;
    const score = values[0].indexOf('Score');
    expect(values.slice(1).map((r) => r[score])).toEqual(fromFunction);
    // A weight of 0 asks for nothing; a column set to "ignore" stays out.
    expect(mapColumns(TABLE[0], 4, parseSettings({ weights: { Foo: 0 } })).metrics.some((m) => m.header === 'Foo')).toBe(false);
    expect(mapColumns(TABLE[0], 4, parseSettings({ weights: { Foo: 2 }, roles: { Foo: 'ignore' } })).metrics.some((m) => m.header === 'Foo')).toBe(false);
  });
});

describe('a column headed __proto__ is a column like any other, on every surface', () => {
  it("weights naming it, from a custom function's text and from the command line, reach the engine", async () => {
    const { parseNamedNumbers } = await import('../../src/functions/args');
    const weights = parseNamedNumbers('__proto__=3, revenue=1', 'weights');
    expect(Object.keys(weights)).toEqual(['__proto__', 'revenue']);
    const table = [
      ['Account', 'Revenue', '__proto__'],
      ['A', 1, 9],
      ['B', 2, 1],
      ['C', 3, 5],
    ];
    const mapping = mapColumns(table[0], 3, parseSettings({ weights }));
    expect(mapping.metrics.find((m) => m.header === '__proto__')).toMatchObject({ role: 'custom', weight: 3 });
    const { parseArgs } = await import('../../src/cli/args');
    const options = parseArgs(['score', 'accounts.csv', '--weights', '__proto__=3']);
    expect(Object.keys((options.settings as { weights: Record<string, number> }).weights)).toEqual(['__proto__']);
  });
});
