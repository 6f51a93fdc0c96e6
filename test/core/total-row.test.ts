import { describe, expect, it } from 'vitest';
import { analyse, isTotalLabel, mapColumns, parseSettings, readRows, ROW_OK, ROW_TOTAL, TableBuilder, type Cell } from '../../src/core';
import { abmScore, abmTier } from '../../src/functions';
import { CATALOGUES, LANGS, render, translator } from '../../src/i18n';
import { english, run, segments, tiers } from './helpers';

const ASOF = Date.parse('2026-06-30T00:00:00Z');
const HEADER = ['Account', 'Revenue', 'Profit'];
const BODY: Cell[][] = [
  ['A', 100, 10],
  ['B', 200, 30],
  ['C', 300, 5],
];

describe('a total row at the bottom of the sheet is not an account', () => {
  it('leaves "Total" on the last row out of scores, tiers, segments and tables, and says so', () => {
    const a = run([HEADER, ...BODY, ['Total', 600, 45]]);
    expect(a.table.status[3]).toBe(ROW_TOTAL);
    expect(a.scored).toBe(3);
    expect(Number.isNaN(a.score[3])).toBe(true);
    expect(tiers(a)[3]).toBe('');
    expect(segments(a)[3]).toBe('');
    expect(a.byTier.total.revenue).toBe(600);
    expect(a.bySegment.total.accounts).toBe(3);
    expect(a.kpis.accounts).toBe(3);
    expect(english(a.warnings)).toEqual(['Row 5: "Total" is a total, not an account, and was left out of the scores and tables.']);
    // The accounts score as they would without the total row.
    expect(Array.from(a.score.subarray(0, 3))).toEqual(Array.from(run([HEADER, ...BODY]).score));
  });

  it.each([
    'Total',
    'TOTAL',
    'total',
    'Grand total',
    'Grand Total',
    'GRAND  TOTAL',
    'Sum',
    'Total:',
    ' Total ',
    'รวม',
    'รวมทั้งหมด',
    '合计',
    '总计',
    '合计：',
    'Ընդամենը',
    'ԸՆԴԱՄԵՆԸ',
  ])('knows %j as a total', (label) => {
    expect(isTotalLabel(label)).toBe(true);
    const a = run([HEADER, ...BODY, [label, 600, 45]]);
    expect(a.table.status[3]).toBe(ROW_TOTAL);
    expect(a.scored).toBe(3);
  });

  it.each(['Totals Inc', 'Total Energies', 'Summit', 'Subtotal', 'A total', 'รวมมิตร', '合计公司', ''])('takes %j for an account', (label) => {
    expect(isTotalLabel(label)).toBe(false);
  });

  it('leaves out every total row at the bottom, skipping blank rows, and names each', () => {
    const a = run([HEADER, ...BODY, ['Sum', 600, 45], ['', '', ''], ['Grand total', 600, 45], ['', '', '']]);
    expect(Array.from(a.table.status)).toEqual([ROW_OK, ROW_OK, ROW_OK, ROW_TOTAL, 1, ROW_TOTAL, 1]);
    expect(english(a.warnings)).toEqual([
      'Row 5: "Sum" is a total, not an account, and was left out of the scores and tables.',
      'Row 7: "Grand total" is a total, not an account, and was left out of the scores and tables.',
    ]);
  });

  it('only at the bottom: an account called Total above the last row is scored', () => {
    const a = run([HEADER, ['Total', 50, 5], ...BODY]);
    expect(a.table.status[0]).toBe(ROW_OK);
    expect(a.scored).toBe(4);
    expect(english(a.warnings)).toEqual([]);
  });

  it('only in the account column: "Total" in another column changes nothing', () => {
    const a = run([['Account', 'Revenue', 'Profit', 'Note'], ...BODY.map((r) => [...r, '']), ['D', 50, 5, 'Total']]);
    expect(a.scored).toBe(4);
  });

  it('is left out even when its cells would not parse, without a message for them', () => {
    const a = run([HEADER, ...BODY, ['Total', '=SUM(B2:B4)', 'n/a']]);
    expect(a.table.status[3]).toBe(ROW_TOTAL);
    expect(a.table.messages.size).toBe(0);
    expect(a.warnings).toHaveLength(1);
  });

  it("says it in the document's language, in all four catalogues", () => {
    const settings = parseSettings({ asOf: '2026-06-30' });
    const mapping = mapColumns(HEADER, 3, settings);
    for (const lang of LANGS) {
      const say = translator(lang);
      expect(CATALOGUES[lang]['warn.totalRow']).toBeTruthy();
      const table = readRows([...BODY, [say('total'), 600, 45]], mapping, ASOF, 2, 'cell.row', {});
      expect(table.status[3]).toBe(ROW_TOTAL);
      expect(table.warnings.map((w) => render(lang, w))).toEqual([say('warn.totalRow', { row: say('cell.row', { row: 5 }), account: say('total') })]);
    }
  });

  it("is the same through the command line's row-at-a-time builder and the custom functions", () => {
    const rows = [HEADER, ...BODY, ['Total', 600, 45]];
    const settings = parseSettings({ asOf: '2026-06-30' });
    const builder = new TableBuilder(mapColumns(HEADER, 3, settings), ASOF);
    rows.slice(1).forEach((r, i) => builder.add(r, i + 2));
    const a = analyse(builder.finish(), settings);
    expect(a.table.status[3]).toBe(ROW_TOTAL);
    expect(a.warnings).toHaveLength(1);
    expect(abmScore(rows)[4]).toEqual(['']);
    expect(abmTier(rows)[4]).toEqual(['']);
    expect(abmScore(rows).slice(1, 4)).toEqual(abmScore([HEADER, ...BODY]).slice(1));
  });
});
