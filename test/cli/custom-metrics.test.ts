import { describe, expect, it } from 'vitest';
import { abmScore } from '../../src/functions';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';
import { cliInFolder, quoted } from './helpers';

const { file, cli } = cliInFolder('abm-custom-');

// Foo is no role: it is scored only when the settings ask for it. Notes is text and stays unscored.
const HEADER = ['Account', 'Revenue', 'Recency', 'Foo', 'Notes'];
const ROWS: Value[][] = [
  ['Acme', 100, 10, 7, 'x'],
  ['Birch', 200, 40, 3, 'y'],
  ['Cobalt', 300, 20, 9, ''],
  ['Dune', 400, 70, 1, 'z'],
  ['Elm', 250, 5, 5, 'w'],
];
const GRID: Value[][] = [HEADER, ...ROWS];
const CSV = `${GRID.map((r) => r.map((c) => quoted(String(c), ',')).join(',')).join('\n')}\n`;

async function cliScores(...options: string[]): Promise<number[]> {
  const r = await cli('score', file('custom.csv', CSV), ...options);
  expect(r.code).toBe(0);
  return JSON.parse(r.out).rows.map((row: { score: number }) => row.score);
}

function sheetScores(settings: unknown): number[] {
  const book = new FakeSpreadsheet({ Accounts: GRID.map((r) => [...r]) });
  scoreSheet(book.session().services, settings);
  const values = book.sheet('Accounts').snapshot().values;
  const column = values[0].indexOf('Score');
  return values.slice(1).map((row) => row[column] as number);
}

describe('custom metrics: any numeric column scored with a weight and a direction (SPEC §1), the same everywhere', () => {
  it('--weights naming a plain column makes it a custom metric, and --directions turns it (by header or role name)', async () => {
    const plain = await cliScores();
    const weighted = await cliScores('--weights', 'Foo=2');
    const turned = await cliScores('--weights', 'Foo=2', '--directions', 'Foo=lower');
    expect(weighted).not.toEqual(plain);
    expect(turned).not.toEqual(weighted);
    // Revenue 2 (higher), recency 1 (lower), Foo 2; Cobalt: revenue p = 3/4, recency p = 2/4 (20 is 3rd lowest), Foo p = 4/4.
    expect(weighted[2]).toBeCloseTo((100 * (2 * 0.75 + 1 * 0.5 + 2 * 1)) / 5, 12);
    // A role name works as the sidebar's settings do: recency higher-is-better flips its percentiles.
    const recency = await cliScores('--directions', 'recency=higher');
    expect(recency[3]).toBeGreaterThan(plain[3]);
  });

  it('a direction alone makes a plain column a custom metric of weight 1; a weight of 0 asks for nothing', async () => {
    expect(await cliScores('--directions', 'Foo=higher')).toEqual(await cliScores('--weights', 'Foo=1'));
    expect(await cliScores('--weights', 'Foo=0')).toEqual(await cliScores());
  });

  it('refuses a direction that is not higher or lower, naming the pair', async () => {
    const r = await cli('score', file('custom.csv', CSV), '--directions', 'Foo=up');
    expect(r).toEqual({
      code: 2,
      out: '',
      err: 'abm-tier: --directions takes name=higher or name=lower pairs, e.g. --directions recency=lower,Tickets=lower; "Foo=up" is not one.\n',
    });
  });

  it('warns about a --weights or --directions name that is neither a role nor a column', async () => {
    const r = await cli('score', file('custom.csv', CSV), '--weights', 'Fooo=2', '--directions', 'Bar=lower');
    expect(JSON.parse(r.out).warnings.slice(0, 2)).toEqual([
      '--weights names "Fooo", which is neither a role nor a column of the file: it is not used.',
      '--directions names "Bar", which is neither a role nor a column of the file: it is not used.',
    ]);
  });

  it('one table scored three ways with the same settings gives the same scores to the last digit: CLI JSON, ABMSCORE, the sheet', async () => {
    const fromCli = await cliScores('--weights', 'Foo=2,revenue=1e0', '--directions', 'Foo=lower,recency=higher');
    const fromFunction = abmScore(GRID, [['', 1, '', 2, '']], [['', '', 'higher', 'lower', '']])
      .slice(1)
      .map((r) => r[0]);
    // The sidebar's settings for the same choice: Foo set to "custom", then weighted and turned.
    const fromSheet = sheetScores({ roles: { Foo: 'custom' }, weights: { Foo: 2, revenue: 1 }, directions: { Foo: 'lower', recency: 'higher' } });
    expect(fromFunction).toEqual(fromCli);
    expect(fromSheet).toEqual(fromCli);
    expect(fromCli).not.toEqual(await cliScores());
  });
});
