import type { FakeSheet, FakeSpreadsheet, Value } from '../../test/fakes/workbook';
import { columnNumber } from '../../src/sheet/a1';
import type { AddonRuntime } from './runtime';

/**
 * Cells holding our custom functions (`=ABMTIER(Accounts!A1:Q251)`) are computed as Sheets would:
 * through the bundle's own top-level functions, with ranges passed as 2-D arrays, and the result
 * spilled down and right from the cell. Other formulas are left alone.
 */

const CALL = /^=\s*(ABM[A-Z]+)\s*\((.*)\)\s*$/su;
const REF = /^(?:'((?:[^']|'')+)'|([A-Za-z0-9_ ]+))?!?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d*))?$/u;

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

function argument(text: string, book: FakeSpreadsheet, here: FakeSheet): unknown {
  if (/^".*"$/su.test(text)) return text.slice(1, -1).replace(/""/gu, '"');
  if (/^[-+]?\d*\.?\d+(e[-+]?\d+)?%?$/iu.test(text)) return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  const bang = text.lastIndexOf('!');
  const sheetName = bang >= 0 ? text.slice(0, bang).replace(/^'(.*)'$/u, '$1').replace(/''/gu, "'") : null;
  const m = REF.exec(bang >= 0 ? text.slice(bang + 1) : text);
  if (!m) throw new Error(`cannot read the argument ${text}`);
  const sheet = sheetName ? book.sheet(sheetName) : here;
  const c1 = columnNumber(m[3]);
  const r1 = Number(m[4]);
  if (!m[5]) return sheet.read(r1, c1, 1, 1)[0][0];
  const c2 = columnNumber(m[5]);
  const r2 = m[6] ? Number(m[6]) : Math.max(sheet.lastRow(), r1);
  return sheet.read(r1, c1, r2 - r1 + 1, c2 - c1 + 1);
}

/** Where each formula spilled last time, so a new result first clears the old one. */
const spills = new WeakMap<FakeSheet, Map<string, [number, number]>>();

export function evaluateFormulas(book: FakeSpreadsheet, runtime: AddonRuntime): void {
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
      sheet.write(row, col, Array.from({ length: h }, () => new Array<Value>(w).fill('')));
      let result: Value[][];
      try {
        const fn = runtime.context[m[1]] as ((...a: unknown[]) => unknown) | undefined;
        if (typeof fn !== 'function') throw new Error(`Unknown function: ${m[1]}`);
        const value = fn(...splitArgs(m[2]).map((a) => argument(a, book, sheet)));
        result = Array.isArray(value) ? (value as Value[][]) : [[value as Value]];
      } catch (error) {
        result = [[`#ERROR! ${error instanceof Error ? error.message : String(error)}`]];
      }
      const width = Math.max(...result.map((r) => r.length));
      const block = result.map((r) => [...r, ...new Array<Value>(width - r.length).fill('')]);
      if (row + block.length - 1 > sheet.maxRows) sheet.maxRows = row + block.length - 1;
      if (col + width - 1 > sheet.maxColumns) sheet.maxColumns = col + width - 1;
      sheet.write(row, col, block);
      sheet.formulas.set(key, text);
      previous.set(key, [block.length, width]);
    }
  }
}
