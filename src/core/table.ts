import type { ColumnMapping } from './columns';
import type { Translate } from '../i18n';
import { dateText, parseCell, parseNumberText, quoteCell, type Cell, type CellLocale } from './parse-cell';

/** Rows parsed into one Float64Array per metric column (NaN = missing), with each row's status. */

export const ROW_OK = 0;
export const ROW_BLANK = 1;
export const ROW_INVALID = 2;

export interface ParsedTable {
  /** Data rows, blank and invalid ones included. */
  n: number;
  /** What messages call each row: its sheet row or file line. */
  rowNumbers: Int32Array;
  mapping: ColumnMapping;
  /** One column per `mapping.metrics`, in that order. */
  values: Float64Array[];
  /** Account names (text as in the cell), or null without an account column. */
  accounts: string[] | null;
  status: Uint8Array;
  /** The message of each invalid row (naming row, column and value). */
  messages: Map<number, string>;
  warnings: string[];
}

const MAX_WARNINGS = 100;

/** Builds a ParsedTable one row at a time, so a large file never holds all its cells at once. */
export class TableBuilder {
  private n = 0;
  private capacity: number;
  private rowNumbers: Int32Array;
  private values: Float64Array[];
  private status: Uint8Array;
  private readonly accounts: string[] | null;
  private readonly messages = new Map<number, string>();
  private readonly warnings: string[] = [];
  private hiddenWarnings = 0;
  private readonly sourceColumns: number[];
  /** Derived profit, revenue and cost columns (indices into metrics), when profit = revenue − cost. */
  private readonly derived: [number, number, number] | null;

  /**
   * @param rowLabel what messages call a row, from its row number: `Row 14` by default.
   */
  constructor(
    private readonly mapping: ColumnMapping,
    private readonly asOfMs: number,
    capacity = 1024,
    private readonly rowLabel: (rowNumber: number) => string = (r) => `Row ${r}`,
    private readonly locale: CellLocale = {},
    /** Messages in another language; English when absent. */
    private readonly text?: Translate,
  ) {
    this.capacity = Math.max(16, capacity);
    this.rowNumbers = new Int32Array(this.capacity);
    this.status = new Uint8Array(this.capacity);
    this.values = mapping.metrics.map(() => new Float64Array(this.capacity));
    this.accounts = mapping.account >= 0 ? [] : null;
    this.sourceColumns = mapping.metrics.map((m) => m.index);
    const m = mapping.metrics;
    this.derived = mapping.derivedProfit
      ? [m.findIndex((c) => c.index < 0), m.findIndex((c) => c.role === 'revenue'), m.findIndex((c) => c.role === 'cost')]
      : null;
  }

  add(row: readonly Cell[], rowNumber: number): void {
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    this.rowNumbers[i] = rowNumber;
    const { metrics, account } = this.mapping;
    let filled = false;
    let problems: string[] | null = null;
    if (this.accounts) {
      const a = row[account];
      const text = a === null || a === undefined ? '' : a instanceof Date ? dateText(a, this.locale.timeZone) : String(a).trim();
      this.accounts.push(text);
      if (text !== '') filled = true;
    }
    for (let m = 0; m < metrics.length; m++) {
      const col = this.sourceColumns[m];
      if (col < 0) continue;
      const cell = row[col];
      // The common case first, without allocating: a number, or text that is a plain number.
      if (typeof cell === 'number' && Number.isFinite(cell)) {
        this.values[m][i] = cell;
        filled = true;
        continue;
      }
      if (typeof cell === 'string' && cell !== '') {
        const v = parseNumberText(cell, this.locale);
        if (v === v) {
          this.values[m][i] = v;
          filled = true;
          continue;
        }
      }
      const parsed = parseCell(cell, metrics[m].kind, this.asOfMs, this.locale);
      if (parsed.ok) {
        this.values[m][i] = parsed.value;
        filled = true;
        continue;
      }
      this.values[m][i] = Number.NaN;
      if (parsed.missing) {
        if (parsed.error) {
          filled = true;
          this.warn(this.text
            ? `${this.rowLabel(rowNumber)}, ${this.text('cell.column', { column: metrics[m].header })}: ${this.text('cell.missing', { error: parsed.error })}.`
            : `${this.rowLabel(rowNumber)}, column "${metrics[m].header}": ${parsed.error} counted as missing.`);
        }
      } else {
        filled = true;
        (problems ??= []).push(this.text
          ? `${this.text('cell.column', { column: metrics[m].header })}: ${quoteCell(cell, this.locale.timeZone)} ${this.text(`cell.${parsed.code}`)}`
          : `column "${metrics[m].header}": ${quoteCell(cell, this.locale.timeZone)} ${parsed.reason}`);
      }
    }
    this.derive(i);
    if (!filled) this.status[i] = ROW_BLANK;
    else if (problems) {
      this.status[i] = ROW_INVALID;
      this.messages.set(i, `${this.rowLabel(rowNumber)}, ${problems.join('; ')}.`);
    } else this.status[i] = ROW_OK;
  }

  finish(): ParsedTable {
    const n = this.n;
    if (this.hiddenWarnings > 0) this.warnings.push(`…and ${this.hiddenWarnings} more warnings like these.`);
    return {
      n,
      rowNumbers: this.rowNumbers.subarray(0, n),
      mapping: this.mapping,
      values: this.values.map((v) => v.subarray(0, n)),
      accounts: this.accounts,
      status: this.status.subarray(0, n),
      messages: this.messages,
      warnings: this.warnings,
    };
  }

  private derive(i: number): void {
    if (!this.derived) return;
    const [p, r, c] = this.derived;
    this.values[p][i] = this.values[r][i] - this.values[c][i];
  }

  private warn(text: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(text);
    else this.hiddenWarnings++;
  }

  private grow(): void {
    this.capacity *= 2;
    const rn = new Int32Array(this.capacity);
    rn.set(this.rowNumbers);
    this.rowNumbers = rn;
    const st = new Uint8Array(this.capacity);
    st.set(this.status);
    this.status = st;
    this.values = this.values.map((v) => {
      const next = new Float64Array(this.capacity);
      next.set(v);
      return next;
    });
  }
}

/** Parses the data rows of a grid (header row excluded); `firstRowNumber` is what messages call the first. */
export function readRows(
  rows: readonly (readonly Cell[])[],
  mapping: ColumnMapping,
  asOfMs: number,
  firstRowNumber: number,
  rowLabel?: (rowNumber: number) => string,
  locale?: CellLocale,
  text?: Translate,
): ParsedTable {
  const builder = new TableBuilder(mapping, asOfMs, rows.length, rowLabel, locale, text);
  for (let i = 0; i < rows.length; i++) builder.add(rows[i], firstRowNumber + i);
  return builder.finish();
}
