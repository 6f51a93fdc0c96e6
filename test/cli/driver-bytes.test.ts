import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseGrid, describeDrivers, parseSettings, percentileDenominators, type Analysis, type Cell, type Render } from '../../src/core';
import { csvField, type Separator } from '../../src/cli/csv';
import { DriverBytes, type DriverRow } from '../../src/cli/driver-bytes';
import { byteSink } from '../../src/cli/output';
import { LANGS, renderer } from '../../src/i18n';

/** What a writer puts into a sink, as bytes. */
function bytesOf(write: (sink: ReturnType<typeof byteSink>) => void): Buffer {
  const parts: Buffer[] = [];
  const sink = byteSink((b) => parts.push(Buffer.from(b)));
  write(sink);
  sink.close();
  return Buffer.concat(parts);
}

/** Row i's drivers as the writers of rows hand them over. */
function rowOf(a: Analysis, i: number): DriverRow {
  const { first, second, weakest, capped, cappedTier } = a.drivers;
  const p = (m: number) => (m >= 0 ? a.percentiles[m]![i] : Number.NaN);
  return { a: first[i], pa: p(first[i]), b: second[i], pb: p(second[i]), w: weakest[i], pw: p(weakest[i]), cappedTier: capped?.[i] ? cappedTier : null };
}

const writerOf = (a: Analysis, show: Render, sep?: Separator) => new DriverBytes(a.table.mapping.metrics, show, percentileDenominators(a.percentiles), sep);

// Custom metric names a CRM export may hold: quotes, separators, line breaks, formula-like starts,
// characters past ASCII and surrogates alone at either edge (each must come out as it does in the whole text).
const NAMES = ['Score "A"', 'a,b', 'a;b', 'tab\there', 'two\nlines', '=SUM(A1)', '-churn', '@who', '🙂 fans', '\ud83d end', 'start \udc00', 'ปกติ', '指标'];

describe('DriverBytes: each row’s drivers written piece by piece', () => {
  it('writes exactly JSON.stringify and csvField of describeDrivers, for every row, language and separator', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(fc.integer({ min: -5, max: 9 }), { minLength: 6, maxLength: 6 }), { minLength: 2, maxLength: 12 }),
        fc.constantFrom(...LANGS),
        fc.constantFrom<Separator>(',', ';', '\t'),
        (names, values, lang, sep) => {
          // Revenue and profit too, so that the unprofitable cap moves some rows (their text starts with it).
          const header = ['Account', 'Revenue', 'Profit', ...names];
          const rows: Cell[][] = [header, ...values.map((v, i) => [`A${i}`, v[0] + 10, v[1], ...v.slice(2, 2 + names.length)])];
          const a = analyseGrid(rows, parseSettings({ asOf: '2026-06-30', lang }));
          const show = renderer(lang);
          const json = writerOf(a, show);
          const csv = writerOf(a, show, sep);
          for (let i = 0; i < a.table.n; i++) {
            const text = describeDrivers(a.drivers, i, a.table.mapping.metrics, a.percentiles, show);
            expect(bytesOf((s) => json.writeJson(s, rowOf(a, i))).toString('hex')).toBe(Buffer.from(JSON.stringify(text)).toString('hex'));
            expect(bytesOf((s) => csv.writeCsv(s, rowOf(a, i))).toString('hex')).toBe(Buffer.from(csvField(text, sep)).toString('hex'));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes a lone surrogate at the edge of a piece as the whole text has it (the row goes the plain way)', () => {
    // A capped row: "unprofitable: moved to <tier>" ends with the tier label, here a lone high surrogate.
    // A leads on revenue and orders but loses money: the cap moves it from Tier 1.
    const rows: Cell[][] = [
      ['Account', 'Revenue', 'Profit', 'Orders'],
      ['A', 1000, -5, 90],
    ];
    for (let i = 1; i < 10; i++) rows.push([`B${i}`, 10 * i, i, i]);
    const a = analyseGrid(rows, parseSettings({ asOf: '2026-06-30', labels: ['T1', 'T2', 'Tier \ud83d'] }));
    const show = renderer('en');
    const text = describeDrivers(a.drivers, 0, a.table.mapping.metrics, a.percentiles, show);
    expect(text).toContain('\ud83d');
    expect(bytesOf((s) => writerOf(a, show).writeJson(s, rowOf(a, 0))).toString()).toBe(JSON.stringify(text));
    expect(bytesOf((s) => writerOf(a, show).writeCsv(s, rowOf(a, 0)))).toEqual(Buffer.from(csvField(text)));
  });

  it('names the tier it is told the cap moves rows to (cappedTo), when that changes between rows', () => {
    const rows: Cell[][] = [
      ['Account', 'Revenue', 'Profit', 'Orders'],
      ['A', 1000, -5, 90],
    ];
    for (let i = 1; i < 10; i++) rows.push([`B${i}`, 10 * i, i, i]);
    const show = renderer('en');
    const low = analyseGrid(rows, parseSettings({ asOf: '2026-06-30', labels: ['T1', 'T2', 'Low'] }));
    const other = analyseGrid(rows, parseSettings({ asOf: '2026-06-30', labels: ['T1', 'T2', 'Bottom'] }));
    // One writer for both (the same columns): the cap's note is made again for the second tier, not kept.
    for (const format of ['json', 'csv'] as const) {
      const writer = writerOf(low, show);
      for (const a of [low, other, low]) {
        writer.cappedTo(a.drivers.cappedTier);
        const text = describeDrivers(a.drivers, 0, a.table.mapping.metrics, a.percentiles, show);
        expect(text).toContain(a.drivers.cappedTier);
        const bytes = bytesOf((s) => (format === 'json' ? writer.writeJson(s, rowOf(a, 0)) : writer.writeCsv(s, rowOf(a, 0))));
        expect(bytes.toString()).toBe(format === 'json' ? JSON.stringify(text) : csvField(text));
      }
    }
  });
});
