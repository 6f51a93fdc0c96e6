import {
  blankRow,
  findHeaderRow,
  MessageError,
  parseCell,
  quoteCell,
  setOwn,
  type Cell,
  type CellLocale,
  type Direction,
  type InvalidCode,
  type MessageParam,
} from '../core';
import { renderer, translator, type Lang, type MessageKey, type Said, type Translate } from '../i18n';

/** Turning what Sheets passes to a custom function into plain grids, and grids back. */

export type Grid = Cell[][];
export type Output = (string | number)[][];

/** Looked up once: in a fresh script context each lookup of a global is slow, and ranges have many rows. */
const isArray = Array.isArray;

/** A single value or a 2-D range → a 2-D array (a range as Sheets passes it is used as it is, not copied). */
export function toGrid(arg: unknown): Grid {
  if (!isArray(arg)) return [[arg as Cell]];
  for (let i = 0; i < arg.length; i++) {
    if (!isArray(arg[i])) return arg.map((row) => (isArray(row) ? (row as Cell[]) : [row as Cell]));
  }
  return arg as Grid;
}

function empty(cell: Cell): boolean {
  return cell === '' || cell === null || cell === undefined;
}

/** Drops the trailing blank rows of an open range such as `B2:F` (thousands of them are normal). */
function trimBlankTail(grid: Grid): Grid {
  let end = grid.length;
  while (end > 0 && blankRow(grid[end - 1])) end--;
  return end === grid.length ? grid : grid.slice(0, end);
}

export interface Framed {
  header: Cell[] | null;
  rows: Grid;
  /** Title lines above the header (left blank in the output, so rows stay aligned). */
  lead?: number;
}

/**
 * Cells one range of a custom function may hold, counted after its trailing blank rows are trimmed.
 * Measured on dist/Code.js by bench/functions.ts (2026-12-01, node 20, 2 shared noisy cores, five
 * runs): the slowest function per cell is ABMRFM, 150,000–230,000 cells a second on 1,000,000 order
 * lines (ABMLTV ~300,000; the 17-column ABMSCORE, ABMDRIVERS, ABMLOOKALIKE 0.5–2 million), so some
 * 4.5 million cells would fill Sheets' 30 seconds here. The limit keeps 10× under that (at the
 * limit itself ABMRFM takes ~1.5 s here, 20× under): 5× because Apps Script's V8 is commonly
 * several times slower than node on a desktop, and 2× for what node cannot show, Sheets building
 * the argument arrays (in node, merely copying them costs half as much again as ABMRFM's work) and
 * loading the whole project on each call.
 */
export const MAX_FUNCTION_CELLS = 400_000;

/**
 * Cells a metrics table (ABMSCORE, ABMDRIVERS, ABMHEALTH, ABMKPI, ABMLOOKALIKE) may hold: those
 * functions do their work per row over many columns, at 0.5–2 million cells a second in the same
 * bench (slowest run: ABMDRIVERS ~516,000), so the same 10× margin allows 1.5 million
 * (about 88,000 accounts of 17 columns) instead of the 400,000 the slow one-column functions set.
 */
export const MAX_METRICS_CELLS = 1_500_000;

/** Refuses an argument (`{arg}: {why}`) or a range, as a message: `inLanguage` throws it in the document's language. */
export function refuse(code: MessageKey, params: Said['params']): never {
  throw new MessageError<MessageKey>({ code, params });
}

/**
 * Runs a custom function; a refusal of ours or of the engine (a message) is thrown as an Error in
 * the document's language, which Sheets shows on the cell.
 */
export function inLanguage<T>(doc: DocumentLabels, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MessageError) throw new Error(show(doc)(error.said as Said));
    throw error;
  }
}

/** Refuses a range of `rows` × `columns` cells (after trimming) that the 30 seconds cannot take. */
export function checkFunctionCells(rows: number, columns: number, limit = MAX_FUNCTION_CELLS): void {
  const cells = rows * columns;
  if (cells > limit) refuse('fn.cells', { cells: cells.toLocaleString('en-US'), limit: limit.toLocaleString('en-US') });
}

/**
 * Splits off the header row, found as the sheet and the command line find it (findHeaderRow: title
 * lines above it are skipped); `limit`: the cells this function can take. `isData`: a row that is a
 * value this function reads (a tier label) is data, never a header, so `O2:O` keeps its first row.
 */
export function frame(arg: unknown, limit = MAX_FUNCTION_CELLS, isData?: (row: Cell[]) => boolean): Framed {
  const grid = trimBlankTail(toGrid(arg));
  checkFunctionCells(grid.length, grid[0]?.length ?? 0, limit);
  const at = findHeaderRow(grid);
  if (at >= 0 && !isData?.(grid[at])) return { header: grid[at], rows: grid.slice(at + 1), lead: at };
  return { header: null, rows: grid };
}

/**
 * Refuses one value where a column is ranked (quantile tiers, segments): a value alone has no
 * peers, and would silently come out as the middle tier. A single cell is what Sheets passes for
 * `=ABMTIER(85)` and for a one-cell range alike.
 */
export function refuseSingleValue(
  arg: unknown,
  doc: DocumentLabels,
  said: { fn: string; arg: string; example: string; code?: 'fn.single' | 'fn.singleScore' },
): void {
  const one = isArray(arg) ? arg.length === 1 && isArray(arg[0]) && arg[0].length === 1 : true;
  const cell = (isArray(arg) ? arg[0]?.[0] : arg) as Cell;
  if (!one || empty(cell) || !parseCell(cell, 'number', 0, doc.locale).ok) return;
  refuse(said.code ?? 'fn.single', { arg: said.arg, fn: said.fn, value: quoteCell(cell, doc.locale?.timeZone), example: said.example });
}

/** The widest row of the range, its header counted. */
export function width(framed: Framed): number {
  let w = framed.header?.length ?? 0;
  for (const r of framed.rows) if (r.length > w) w = r.length;
  return w;
}

/** The row number, within the range, of the first data row. */
export function firstDataRow(framed: Framed): number {
  return (framed.lead ?? 0) + (framed.header ? 2 : 1);
}

/** Blank output rows for the title lines above the header, `width` cells each. */
export function leadRows(framed: Framed, width = 1): Output {
  return Array.from({ length: framed.lead ?? 0 }, () => new Array<string>(width).fill(''));
}

/** The output column: the header echoed (as `title`) when the input had one, then one cell per row. */
export function column(framed: Framed, title: string, values: (string | number)[]): Output {
  const head: Output = framed.header ? [...leadRows(framed), [title]] : [];
  if (head.length + values.length === 0) return [['']];
  const out: Output = new Array(head.length + values.length);
  for (let i = 0; i < head.length; i++) out[i] = head[i];
  for (let i = 0; i < values.length; i++) out[head.length + i] = [values[i]];
  return out;
}

/** A missing optional argument: Sheets passes undefined, or '' for an empty cell. */
export function absent(arg: unknown): boolean {
  return arg === undefined || arg === null || arg === '' || (Array.isArray(arg) && trimBlankTail(toGrid(arg)).length === 0);
}

/** All non-empty cells of an argument, row by row. */
export function cells(arg: unknown): Cell[] {
  return trimBlankTail(toGrid(arg))
    .flat()
    .filter((c) => !empty(c));
}

/** `"profit=3, revenue=2"` → { profit: 3, revenue: 2 }. */
export function parseNamedNumbers(text: string, what: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(/[,;\n]/u)) {
    if (!part.trim()) continue;
    const m = /^\s*([^=:]+?)\s*[=:]\s*([-+]?\d*\.?\d+(?:e[-+]?\d+)?)\s*$/iu.exec(part);
    if (!m) refuse('fn.form', { arg: what, part: part.trim(), form: 'name=number', example: 'profit=3, revenue=2' });
    setOwn(out, m[1], Number(m[2]));
  }
  return out;
}

/** `"recency=lower"` → { recency: 'lower' }. */
export function parseNamedDirections(text: string): Record<string, Direction> {
  const out: Record<string, Direction> = {};
  for (const part of text.split(/[,;\n]/u)) {
    if (!part.trim()) continue;
    const m = /^\s*([^=:]+?)\s*[=:]\s*(higher|lower)\s*$/iu.exec(part);
    if (!m) refuse('fn.form', { arg: 'directions', part: part.trim(), form: 'name=higher', example: 'recency=lower, support=lower' });
    setOwn(out, m[1], m[2].toLowerCase() as Direction);
  }
  return out;
}

export function parseDirection(cell: Cell, position: number): Direction {
  const text = String(cell).trim().toLowerCase();
  if (text === 'higher' || text === 'lower') return text;
  return refuse('fn.value', { arg: 'directions', n: position, value: String(cell), why: { code: 'fn.notDirection' } });
}

/** A list of numbers given as a row of cells or as text `"20,30,50"`. */
export function numberList(arg: unknown, what: string): number[] {
  const list = cells(arg).flatMap((c): Cell[] => (typeof c === 'string' ? c.split(/[,;/\s]+/u).filter(Boolean) : [c]));
  return list.map((c, i) => {
    const n = typeof c === 'number' ? c : Number(String(c).replace('%', ''));
    if (!Number.isFinite(n)) refuse('fn.value', { arg: what, n: i + 1, value: String(c), why: { code: 'cell.notNumber' } });
    return n;
  });
}

/** Three labels, as text "High, Medium, Low" or a row/column of three cells; null when absent. */
export function labelList(arg: unknown, what: string): [string, string, string] | null {
  if (absent(arg)) return null;
  const list = cells(arg)
    .flatMap((c) => (typeof c === 'string' ? c.split(/[,;]/u) : [String(c)]))
    .map((x) => x.trim())
    .filter(Boolean);
  if (list.length !== 3) refuse('fn.count', { arg: what, count: 3, example: 'High, Medium, Low', got: list.length });
  return [list[0], list[1], list[2]];
}

/** Labels and words the document's language gives (from the sheet shell; English outside Sheets). */
export interface DocumentLabels {
  labels?: [string, string, string];
  segmentLabels?: [string, string, string];
  programLabels?: [string, string, string];
  healthLabels?: [string, string, string];
  /** The language of messages, headers and drivers; English when absent. */
  lang?: Lang;
  /** How the document's locale writes numbers and dates in text. */
  locale?: CellLocale;
}

/** The document's words: its language's, else the English catalogue's. */
export function say(doc: DocumentLabels): Translate {
  return translator(doc.lang ?? 'en');
}

/** Messages in the document's language. */
export function show(doc: DocumentLabels): (message: Said) => string {
  return renderer(doc.lang ?? 'en');
}

/** One word (a header, a label) in the document's language. */
export function word(doc: DocumentLabels, key: MessageKey): string {
  return say(doc)(key);
}

/** Where a bad cell stands: under a column's header, or in an argument (`spend_per_purchase`). */
export type CellPlace = { column: string } | { argument: string };

/** "Row 3 of the range, column "Revenue": "abc" is not a number." in the document's language. */
export function cellMessage(doc: DocumentLabels, row: number, place: CellPlace, cell: Cell, code: InvalidCode): string {
  const where: MessageParam<MessageKey> = 'argument' in place ? place.argument : { code: 'cell.column', params: { column: place.column } };
  const problem: Said = { code: 'cell.problem', params: { where, value: quoteCell(cell, doc.locale?.timeZone), why: { code: `cell.${code}` } } };
  return show(doc)({ code: 'cell.invalid', params: { row: { code: 'cell.rowOfRange', params: { row } }, problems: [problem] } });
}

/**
 * The first column's numbers (NaN where blank or not a number), and an output cell per row: the
 * message, in the document's language, of a cell that is not a number, else blank. The column is
 * named by its header, else by the word `name`.
 */
export function numberColumn(framed: Framed, doc: DocumentLabels, name: MessageKey): { values: Float64Array; out: (string | number)[] } {
  const first = firstDataRow(framed);
  const title = framed.header ? String(framed.header[0]) : word(doc, name);
  const values = new Float64Array(framed.rows.length).fill(Number.NaN);
  const out: (string | number)[] = new Array(framed.rows.length).fill('');
  framed.rows.forEach((row, i) => {
    if (blankRow(row)) return;
    const parsed = parseCell(row[0], 'number', 0, doc.locale);
    if (parsed.ok) values[i] = parsed.value;
    else if (!parsed.missing) out[i] = cellMessage(doc, first + i, { column: title }, row[0], parsed.code);
  });
  return { values, out };
}
