import { describe, expect, it } from 'vitest';
import { analyse, mapColumns, parseSettings, readRows, TableBuilder, type Cell } from '../../src/core';
import { abmScore } from '../../src/functions';
import { CATALOGUES, LANGS, render, translator } from '../../src/i18n';
import { accounts, english, run, say, tiers, values } from './helpers';

const ASOF = Date.parse('2026-06-30T00:00:00Z');

describe('derived profit (revenue − cost) with an empty cost cell', () => {
  const rows = accounts(['Revenue', 'Cost', 'Engagement'], [100, '', 5], [100, 150, 3], [50, 10, 1], [80, null, 4]);

  it('leaves the profit unknown, not revenue − 0', () => {
    const a = run(rows);
    expect(values(a, 'profit')).toEqual([Number.NaN, -50, 40, Number.NaN]);
  });

  it('gives the row no profit percentile, no profit driver and no 100 % margin in the tier table', () => {
    const a = run(rows, { method: 'threshold', thresholds: [0, 0] });
    const p = a.table.mapping.metrics.findIndex((m) => m.role === 'profit');
    expect(Number.isNaN(a.percentiles[p]![0])).toBe(true);
    // Every row is Tier 1 by threshold but B, capped as unprofitable; A and D have no known profit, so Tier 1's profit is C's alone.
    expect(tiers(a)).toEqual(['Tier 1', 'Tier 3', 'Tier 1', 'Tier 1']);
    expect(a.byTier.rows[0].profit).toBe(40);
    expect(a.byTier.rows[0].revenue).toBe(230);
  });

  it('is the same through the row-at-a-time builder the command line uses, and the custom functions', () => {
    const settings = parseSettings({ asOf: '2026-06-30' });
    const mapping = mapColumns(rows[0], rows[0].length, settings);
    const builder = new TableBuilder(mapping, ASOF);
    // A CSV field is '' for an empty cell.
    rows.slice(1).forEach((r, i) =>
      builder.add(
        r.map((c) => (c === null ? '' : c)),
        i + 2,
      ),
    );
    const table = builder.finish();
    const p = mapping.metrics.findIndex((m) => m.role === 'profit');
    expect(Array.from(table.values[p])).toEqual([Number.NaN, -50, 40, Number.NaN]);
    expect(analyse(table, settings).score).toEqual(run(rows).score);
    expect(
      abmScore(rows)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(Array.from(run(rows).score));
  });
});

describe('dates after the as-of date in recency and tenure columns', () => {
  const rows: Cell[][] = [
    ['Account', 'Revenue', 'Last purchase', 'Customer since'],
    ['A', 10, '2026-06-01', '2020-01-01'],
    ['B', 20, '2026-07-15', '2020-01-01'],
    ['C', 30, new Date(Date.UTC(2026, 7, 1)), '2027-01-01'],
    ['D', 40, 12, 3],
    ['E', 50, '2026-06-30', '2026-06-30'],
  ];

  it('warns once per column, naming the rows (a number of days, or the as-of day itself, is no warning)', () => {
    const a = run(rows);
    expect(english(a.warnings)).toEqual([
      '2 dates after the as-of date 2026-06-30 in column "Last purchase", on rows 3, 4: recency and tenure count them as negative. Check those dates, or the as-of date.',
      '1 date after the as-of date 2026-06-30 in column "Customer since", on row 4: recency and tenure count it as negative. Check that date, or the as-of date.',
    ]);
    // The rows are still scored: the dates count as they are.
    expect(values(a, 'recency').slice(0, 3)).toEqual([29, -15, -32]);
  });

  it('lists the first ten rows and counts them all', () => {
    const many: Cell[][] = [['Account', 'Revenue', 'Recency']];
    for (let i = 0; i < 25; i++) many.push([`A${i}`, i, '2026-07-01']);
    const [w] = english(run(many).warnings);
    expect(w).toBe(
      '25 dates after the as-of date 2026-06-30 in column "Recency", on rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …: recency and tenure count them as negative. Check those dates, or the as-of date.',
    );
  });

  it('measures from today when no as-of date is set', () => {
    const next = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const a = readRows(
      [['A', 1, next]],
      mapColumns(['Account', 'Revenue', 'Recency'], 3, parseSettings({})),
      Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
      2,
    );
    expect(a.warnings).toHaveLength(1);
    expect(say(a.warnings[0])).toContain('on row 2');
  });

  it("says it in the document's language", () => {
    const settings = parseSettings({ asOf: '2026-06-30' });
    const mapping = mapColumns(rows[0], 4, settings);
    for (const lang of LANGS) {
      const words = translator(lang);
      const table = readRows(rows.slice(1), mapping, ASOF, 2, 'cell.row', {});
      expect(render(lang, table.warnings[0])).toBe(
        words('warn.futureDates', { count: 2, asOf: '2026-06-30', column: words('cell.column', { column: 'Last purchase' }), rows: '3, 4' }),
      );
      expect(CATALOGUES[lang]['warn.futureDates']).toBeTruthy();
    }
  });
});
