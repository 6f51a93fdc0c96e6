import { describe, expect, it } from 'vitest';
import { abmDrivers, abmScore } from '../../src/functions';

// Foo is no role: a custom metric only when a weight or a direction names it (SPEC §1).
const TABLE = [
  ['Account', 'Revenue', 'Recency', 'Foo', 'Notes'],
  ['Acme', 100, 10, 7, 'x'],
  ['Birch', 200, 40, 3, 'y'],
  ['Cobalt', 300, 20, 9, ''],
  ['Dune', 400, 70, 1, 'z'],
  ['Elm', 250, 5, 5, 'w'],
];

describe('ABMSCORE weights and directions for a custom column', () => {
  it('an aligned weights row under a header scores a plain column as a custom metric, as the text form does', () => {
    const byRow = abmScore(TABLE, [['', '', '', 2, '']]);
    expect(byRow).toEqual(abmScore(TABLE, 'Foo=2'));
    expect(byRow).not.toEqual(abmScore(TABLE));
    // Cobalt: revenue 2 · 3/4, recency 1 · 2/4 (lower is better), Foo 2 · 4/4, over 5.
    expect(byRow[3][0]).toBeCloseTo((100 * (2 * 0.75 + 1 * 0.5 + 2 * 1)) / 5, 12);
  });

  it('an aligned directions row turns the custom column; a direction alone gives it weight 1', () => {
    const turned = abmScore(TABLE, [['', '', '', 2, '']], [['', '', '', 'lower', '']]);
    expect(turned).toEqual(abmScore(TABLE, 'Foo=2', 'Foo=lower'));
    expect(turned).not.toEqual(abmScore(TABLE, [['', '', '', 2, '']]));
    const alone = abmScore(TABLE, undefined, [['', '', '', 'higher', '']]);
    expect(alone).toEqual(abmScore(TABLE, 'Foo=1'));
    expect(alone).not.toEqual(abmScore(TABLE));
  });

  it('a weight of 0 in the row asks for nothing: a text column under it stays unscored, rows stay valid', () => {
    const out = abmScore(TABLE, [[0, 2, 1, 0, 0]]);
    expect(out.slice(1).every((r) => typeof r[0] === 'number')).toBe(true);
    expect(out).toEqual(abmScore(TABLE, 'revenue=2, recency=1'));
  });

  it('the custom metric shows in the drivers under its header', () => {
    expect(abmDrivers(TABLE, [['', '', '', 3, '']])[3][0]).toMatch(/^Foo \(top \d+%\)/u);
  });
});
