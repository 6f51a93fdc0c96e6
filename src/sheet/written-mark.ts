import type { Cell } from '../core';
import { columnLetter } from './a1';
import { blank, type WrittenMark } from './read-sheet';

/**
 * Telling a person's edits in our output columns from what we wrote, so a re-run never silently
 * overwrites a formula or a note someone typed there. Each run keeps, per column, an
 * order-independent fingerprint of the cells it wrote (a sum of cell hashes and a count), so
 * sorting the sheet — which moves our cells with their rows — changes nothing, while a typed cell
 * does. Where a fingerprint differs, cells that cannot be ours (a formula, text in the Score
 * column, a word that is none of the labels we wrote) are named; a column whose cells all look
 * like ours but whose fingerprint changed while the Score column's did not was edited by hand.
 */

/** How each of our columns may look: a number, one of our labels, or any text (drivers, messages). */
export type ColumnKind = 'number' | 'label' | 'text';

function hash(cell: Cell): number {
  const text = `${typeof cell}:${cell instanceof Date ? cell.getTime() : String(cell)}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fingerprints of `width` columns from 0-based `first`, over `rows` (the cells as Sheets will give them back). */
export function fingerprint(rows: readonly (readonly Cell[])[], first: number, width: number): [number, number][] {
  const out: [number, number][] = Array.from({ length: width }, () => [0, 0]);
  for (const row of rows) {
    for (let k = 0; k < width; k++) {
      const cell = row[first + k];
      if (blank(cell)) continue;
      out[k][0] = (out[k][0] + hash(cell)) >>> 0;
      out[k][1]++;
    }
  }
  return out;
}

export interface OurColumns {
  /** 1-based column of the first. */
  column: number;
  kinds: readonly ColumnKind[];
  /** 0-based index of the first row below the header in `values`. */
  firstRow: number;
  mark: WrittenMark | undefined;
}

/**
 * The cells (A1, at most `limit`) in our columns that we did not write, or whole columns (`T:T`)
 * edited by hand; empty when the columns are as the last run left them (perhaps re-sorted or with
 * rows deleted). `formulas()` is asked only when something differs: it costs a call to Sheets.
 */
export function foreignCells(values: readonly (readonly Cell[])[], ours: OurColumns, formulas: () => string[][], limit = 5): string[] {
  const { column, kinds, firstRow, mark } = ours;
  const width = kinds.length;
  const rows = values.slice(firstRow);
  const now = fingerprint(rows, column - 1, width);
  if (mark && mark.columns.length === width && now.every(([h, n], k) => mark.columns[k][0] === h && mark.columns[k][1] === n)) return [];
  const labels = new Set(mark?.labels ?? []);
  const found: string[] = [];
  const grid = formulas();
  for (let r = 0; r < grid.length && found.length < limit; r++) {
    for (let k = 0; k < width && found.length < limit; k++) if (grid[r]?.[k]) found.push(`${columnLetter(column + k)}${firstRow + r + 1}`);
  }
  for (let r = 0; r < rows.length && found.length < limit; r++) {
    for (let k = 0; k < width && found.length < limit; k++) {
      const cell = rows[r][column - 1 + k];
      if (blank(cell)) continue;
      const a1 = `${columnLetter(column + k)}${firstRow + r + 1}`;
      const kind = kinds[k];
      const wrong =
        kind === 'number'
          ? typeof cell !== 'number'
          : kind === 'label'
            ? typeof cell !== 'string' || (mark !== undefined && !labels.has(cell))
            : typeof cell !== 'string';
      if (wrong && !found.includes(a1)) found.push(a1);
    }
  }
  if (found.length || !mark || mark.columns.length !== width) return found;
  // Every cell looks like ours: if the first column (Score) is as written, the others were edited by hand.
  const [h0, n0] = mark.columns[0];
  if (now[0][0] !== h0 || now[0][1] !== n0) return [];
  return now.flatMap(([h, n], k) => (h !== mark.columns[k][0] || n !== mark.columns[k][1] ? [`${columnLetter(column + k)}:${columnLetter(column + k)}`] : []));
}
