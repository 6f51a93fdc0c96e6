import type { FakeSheet, FakeSpreadsheet, Value } from '../../test/fakes/workbook';
import { columnNumber } from '../../src/sheet/a1';
import type { AddonRuntime } from './runtime';

/**
 * Cells holding our custom functions (`=ABMTIER(Accounts!A1:Q251)`) are computed as Sheets would:
 * through the bundle's own top-level functions, with ranges passed as 2-D arrays, and the result
 * spilled down and right from the cell. Other formulas are left alone.
 */

const CALL = /^=\s*(ABM[A-Z]+)\s*\((.*)\)\s*$/su;
/** A cell or range once its sheet name (before the last `!`) is cut off: `B5`, `$A$1:Q251`, `C1:C`. */
const REF = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d*))?$/u;

/** Splits `a, "b,c", f(x, y)` at its top-level commas. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (text.trim()) out.push(text.slice(start).trim());
  return out;
}

/**
 * The most cells the custom functions of one recalculation may read together: beyond it, the
 * remaining formula cells show #ERROR! rather than the preview spending minutes on them.
 */
export const MAX_CELLS_PER_RECALCULATION = 10_000_000;

/** What one recalculation has read so far, and the formula cell being computed. */
interface Reading {
  sheet: FakeSheet;
  row: number;
  column: number;
  cells: number;
}

/**
 * One argument as Sheets passes it: a literal, a cell's value, or a range as a 2-D array. A range
 * is cut to the sheet's grid (Sheets passes only the grid's cells, so `A1:XFD1048576` on a sheet
 * of 1000 rows and 26 columns is 1000 × 26 cells); one that lies wholly outside the grid, or that
 * holds the formula's own cell (a circular reference, as Sheets reports it), is refused.
 */
function argument(text: string, book: FakeSpreadsheet, reading: Reading): unknown {
  if (/^".*"$/su.test(text)) return text.slice(1, -1).replace(/""/gu, '"');
  if (/^[-+]?\d*\.?\d+(e[-+]?\d+)?%?$/iu.test(text)) return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  const bang = text.lastIndexOf('!');
  const sheetName =
    bang >= 0
      ? text
          .slice(0, bang)
          .replace(/^'(.*)'$/u, '$1')
          .replace(/''/gu, "'")
      : null;
  const m = REF.exec(bang >= 0 ? text.slice(bang + 1) : text);
  if (!m) throw new Error(`cannot read the argument ${text}`);
  const sheet = sheetName ? book.sheet(sheetName) : reading.sheet;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  if (!m[3]) return sheet.read(r1, c1, 1, 1)[0][0];
  const c2 = columnNumber(m[3]);
  const r2 = m[4] ? Number(m[4]) : Math.max(sheet.lastRow(), r1);
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  if (top < 1 || left < 1) throw new Error(`cannot read the range ${text}`);
  if (top > sheet.maxRows || left > sheet.maxColumns) {
    throw new Error(`the range ${text} is outside the sheet "${sheet.name}" (${sheet.maxRows} rows, ${sheet.maxColumns} columns)`);
  }
  const bottom = Math.min(Math.max(r1, r2), sheet.maxRows);
  const right = Math.min(Math.max(c1, c2), sheet.maxColumns);
  if (sheet === reading.sheet && reading.row >= top && reading.row <= bottom && reading.column >= left && reading.column <= right) {
    throw new Error(`Circular dependency detected: the range ${text} holds this formula's own cell`);
  }
  const cells = (bottom - top + 1) * (right - left + 1);
  if (reading.cells + cells > MAX_CELLS_PER_RECALCULATION) {
    throw new Error(`the preview reads at most ${MAX_CELLS_PER_RECALCULATION.toLocaleString('en-US')} cells for custom functions per recalculation`);
  }
  reading.cells += cells;
  return sheet.read(top, left, bottom - top + 1, right - left + 1);
}

/** A result as the rectangle it fills: rows padded to the widest. */
function spill(result: Value[][]): Value[][] {
  // A loop, not Math.max(...rows): a result may have more rows than a call takes arguments.
  let width = 0;
  for (const r of result) if (r.length > width) width = r.length;
  return result.map((r) => [...r, ...new Array<Value>(width - r.length).fill('')]);
}

/** Where each formula spilled last time, so a new result first clears the old one. */
const spills = new WeakMap<FakeSheet, Map<string, [number, number]>>();

export function evaluateFormulas(book: FakeSpreadsheet, runtime: AddonRuntime): void {
  let cellsRead = 0;
  for (const sheet of book.sheets) {
    const previous = spills.get(sheet) ?? new Map<string, [number, number]>();
    spills.set(sheet, previous);
    const formulas = [...sheet.formulas].sort(([a], [b]) => {
      const [ra, ca] = a.split(',').map(Number);
      const [rb, cb] = b.split(',').map(Number);
      return ra - rb || ca - cb;
    });
    for (const [key, text] of formulas) {
      const m = CALL.exec(text);
      if (!m) continue;
      const [row, col] = key.split(',').map(Number);
      const [h, w] = previous.get(key) ?? [1, 1];
      sheet.write(
        row,
        col,
        Array.from({ length: h }, () => new Array<Value>(w).fill('')),
      );
      const reading: Reading = { sheet, row, column: col, cells: cellsRead };
      let block: Value[][];
      try {
        const fn = runtime.context[m[1]] as ((...a: unknown[]) => unknown) | undefined;
        if (typeof fn !== 'function') throw new Error(`Unknown function: ${m[1]}`);
        const value = fn(...splitArgs(m[2]).map((a) => argument(a, book, reading)));
        block = spill(Array.isArray(value) ? (value as Value[][]) : [[value as Value]]);
      } catch (error) {
        block = [[`#ERROR! ${error instanceof Error ? error.message : String(error)}`]];
      }
      cellsRead = reading.cells;
      const width = block[0]?.length ?? 0;
      if (row + block.length - 1 > sheet.maxRows) sheet.maxRows = row + block.length - 1;
      if (col + width - 1 > sheet.maxColumns) sheet.maxColumns = col + width - 1;
      sheet.write(row, col, block);
      sheet.formulas.set(key, text);
      previous.set(key, [block.length, width]);
    }
  }
}
