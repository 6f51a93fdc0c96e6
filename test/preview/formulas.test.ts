import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CELLS_PER_RECALCULATION } from '../../scripts/preview/formulas';
import { readTableFile } from '../../scripts/preview/read-file';
import { startPreview, type Preview } from '../../scripts/preview/server';
import type { Value } from '../fakes/workbook';
import { accountsGrid } from '../sheet/helpers';
import { scratch, write } from './hostile-files';

/** The preview's custom-function cells over absurd ranges: bounded answers, quickly. */

const dir = scratch();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withPreview<T>(sheets: Record<string, Value[][]>, fn: (p: Preview) => T | Promise<T>): Promise<T> {
  const preview = await startPreview(sheets);
  try {
    return await fn(preview);
  } finally {
    await preview.close();
  }
}

/** A column of a sheet as the preview holds it, down to its last value. */
function column(p: Preview, sheet: string, col: number): Value[] {
  const s = p.book.sheet(sheet);
  return s.read(1, col, Math.max(s.lastRow(), 1), 1).map((r) => r[0]);
}

describe('custom functions over ranges larger than the sheet', () => {
  it("=ABMSCORE(Accounts!A1:XFD1048576) reads only the grid's cells, as Sheets passes them, and answers as over the data", async () => {
    const started = Date.now();
    const answers = await withPreview(
      { Accounts: accountsGrid(40), Absurd: [['=ABMSCORE(Accounts!A1:XFD1048576)']], Exact: [['=ABMSCORE(Accounts!A1:Q41)']] },
      (p) => [column(p, 'Absurd', 1), column(p, 'Exact', 1), p.book.sheet('Absurd').maxRows] as const,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    const [absurd, exact, rows] = answers;
    expect(exact).toHaveLength(41);
    expect(typeof exact[1]).toBe('number');
    expect(absurd).toEqual(exact);
    expect(rows).toBe(1000);
  });

  it('a CSV whose formula asks =ABMSCORE(A1:XFD1048576) of its own sheet gets #ERROR! in that cell (the range holds the formula: a circular reference), quickly', async () => {
    const grid = accountsGrid(30);
    const csv = grid.map((r, i) => [...r.map(String), i === 0 ? '=ABMSCORE(A1:XFD1048576)' : ''].join(',')).join('\n');
    const started = Date.now();
    const sheets = await readTableFile(write(dir, 'absurd.csv', csv));
    const cell = await withPreview(sheets, (p) => p.book.sheet('absurd').read(1, grid[0].length + 1, 2, 1));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(cell).toEqual([["#ERROR! Circular dependency detected: the range A1:XFD1048576 holds this formula's own cell"], ['']]);
  });

  it('a range wholly outside the grid gets #ERROR! rather than a column of blanks', async () => {
    const cells = await withPreview(
      { Accounts: accountsGrid(10), Out: [['=ABMSEGMENT(Accounts!C5000000:C9000000)', '=ABMSCORE(Accounts!ZZZ1:ZZZ9)']] },
      (p) => p.book.sheet('Out').read(1, 1, 1, 2)[0],
    );
    expect(cells).toEqual([
      '#ERROR! the range Accounts!C5000000:C9000000 is outside the sheet "Accounts" (1000 rows, 26 columns)',
      '#ERROR! the range Accounts!ZZZ1:ZZZ9 is outside the sheet "Accounts" (1000 rows, 26 columns)',
    ]);
  });

  it('a range in two-letter columns is read from those columns (AB1:AB11 is not B1:AB11)', async () => {
    const revenue: Value[][] = [['Revenue'], ...Array.from({ length: 10 }, (_, i) => [(i + 1) * 1000])];
    const far = revenue.map((r) => [...new Array<Value>(27).fill('x'), r[0]]);
    const [inAB, inA] = await withPreview({ Far: far, Near: revenue, Out: [['=ABMSEGMENT(Far!AB1:AB11)', '=ABMSEGMENT(Near!A1:A11)']] }, (p) => [
      column(p, 'Out', 1),
      column(p, 'Out', 2),
    ]);
    expect(inAB).toHaveLength(11);
    expect(inAB).toEqual(inA);
  });

  it(`one recalculation reads at most ${MAX_CELLS_PER_RECALCULATION.toLocaleString('en-US')} cells for custom functions; the cells past that get #ERROR!`, async () => {
    // 100,000 rows × the grid's 26 columns: 2.6 million cells a read, so the fourth read passes 10 million.
    const big: Value[][] = Array.from({ length: 100_000 }, (_, i) => [i + 1]);
    const formulas = [Array.from({ length: 5 }, () => '=ABMSCORE(Big!A1:XFD1048576)')];
    const started = Date.now();
    const row = await withPreview({ Big: big, F: formulas }, (p) => p.book.sheet('F').read(1, 1, 1, 5)[0].map(String));
    expect(Date.now() - started).toBeLessThan(20_000);
    // The first three reach the add-on, whose own guard refuses that many cells; the rest are not read.
    for (const cell of row.slice(0, 3)) expect(cell).toMatch(/^#ERROR! Error: The range holds 2,600,000 cells, more than the 1,500,000/u);
    for (const cell of row.slice(3)) expect(cell).toBe('#ERROR! the preview reads at most 10,000,000 cells for custom functions per recalculation');
  });
});
