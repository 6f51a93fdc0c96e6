import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { FakeSpreadsheet, type FakeSheet, type Value } from '../fakes/workbook';

export function accountsGrid(count: number, seed = 42): Value[][] {
  return [[...SAMPLE_HEADER], ...sampleAccounts(count, seed)] as Value[][];
}

export function workbook(grid: Value[][], name = 'Accounts') {
  const book = new FakeSpreadsheet({ [name]: grid });
  return { book, sheet: book.sheet(name), session: book.session() };
}

/** Every cell outside columns [from, to] (1-based) as it is now. */
export function outside(sheet: FakeSheet, from: number, to: number): unknown[][] {
  return sheet.snapshot().values.map((row) => row.filter((_, c) => c + 1 < from || c + 1 > to));
}

export function formulasOutside(sheet: FakeSheet, from: number, to: number): [string, string][] {
  return sheet.snapshot().formulas.filter(([key]) => {
    const c = Number(key.split(',')[1]);
    return c < from || c > to;
  });
}
