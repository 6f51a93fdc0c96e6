import type { ColumnMapping } from './columns';
import type { Message, RowCode } from './message';
import type { MetricRole } from './roles';
import { setOwn } from './own-key';
import { dateText, parseCell, parseNumberText, quoteCell, shortHeader, shortText, type Cell, type CellLocale } from './parse-cell';

/** Rows parsed into one Float64Array per metric column (NaN = missing), with each row's status. */

export const ROW_OK = 0;
export const ROW_BLANK = 1;
export const ROW_INVALID = 2;
/** A total row at the bottom of the table (its account reads Total, Sum…): kept as it is, left out of everything. */
export const ROW_TOTAL = 3;

/** What a total row's account cell says, lower-cased, in the four languages. */
const TOTAL_WORDS = new Set(['total', 'grand total', 'sum', 'รวม', 'รวมทั้งหมด', '合计', '总计', 'ընդամենը']);

/** An account cell that names a total row: `Total`, `GRAND TOTAL`, `Sum:`, `รวม`, `合计：` (a full-width colon, U+FF1A), `Ընդամենը`… */
export function isTotalLabel(account: string): boolean {
  const text = account.trim();
  if (text.length > 24) return false;
  return TOTAL_WORDS.has(
    text
      .toLowerCase()
      .replace(/\s+/gu, ' ')
      .replace(/ ?[:\uFF1A]$/u, ''),
  );
}

/** Rows a warning lists: the first ten. */
const LISTED_ROWS = 10;

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
  /**
   * The same names as UTF-8 bytes, when the table was read with an AccountStore (the command line's
   * byte reader): `accounts` is then made from them when first read. Null otherwise.
   */
  accountBytes?: AccountBytesView | null;
  /** ROW_OK, ROW_BLANK, ROW_INVALID or ROW_TOTAL per row; only ROW_OK rows are analysed. */
  status: Uint8Array;
  /** The message of each invalid row (naming row, column and value). */
  messages: Map<number, Message>;
  warnings: Message[];
}

/** Numbers read straight from a file's text, by column: `values[c]` stands for the cell where `present[c]` is 1. */
/**
 * Where a column of `length` rows is made (zeroed): a new Float64Array unless the caller says
 * otherwise (the command line hands out memory another thread has readied, src/cli/prefault.ts).
 */
export type NewColumn = (length: number) => Float64Array;

export interface ColumnNumbers {
  values: Float64Array;
  present: Uint8Array;
  /**
   * The account cell as bytes, for a table with an AccountStore: `text[textFrom, textTo)` (valid
   * UTF-8) stands for the account cell (which is then '') when textFrom ≥ 0.
   */
  text?: Uint8Array;
  textFrom?: number;
  textTo?: number;
}

/** Account names as UTF-8 bytes: name i is bytes[start[i], start[i + 1]) (src/cli/account-bytes.ts). */
export interface AccountBytesView {
  bytes: Uint8Array;
  /** n + 1 offsets. */
  start: Int32Array;
  /** Bytes and names correspond one to one (no name held a lone surrogate, which UTF-8 cannot hold). */
  exact: boolean;
  /** Name i as text. */
  text(i: number): string;
}

/** Where a table keeps its account names as bytes, trimmed as String.prototype.trim trims them. */
export interface AccountStore {
  /** The next row's name from the UTF-8 bytes src[from, to); false when it trims to nothing. */
  addBytes(src: Uint8Array, from: number, to: number): boolean;
  /** The next row's name, already trimmed; false when empty. */
  addText(text: string): boolean;
  view(): AccountBytesView;
}

/** The column of the first metric with this role, if mapped. */
export function column(table: ParsedTable, role: MetricRole): Float64Array | null {
  const m = table.mapping.metrics.findIndex((c) => c.role === role);
  return m < 0 ? null : table.values[m];
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
  /** The names as bytes instead of `accounts` (a reader of files gives the store). */
  private readonly store: AccountStore | null;
  private readonly messages = new Map<number, Message>();
  private readonly warnings: Message[] = [];
  private hiddenWarnings = 0;
  private readonly sourceColumns: number[];
  /** Each metric column as messages name it. */
  private readonly columns: Message[];
  /** Per metric column, the rows (indices) holding a date after the as-of date. */
  private readonly futureDates: number[][];
  /** Derived profit, revenue and cost columns (indices into metrics), when profit = revenue − cost. */
  private readonly derived: [number, number, number] | null;

  /**
   * @param rowCode what messages call a row (with its row number): a sheet row or file line by default.
   */
  constructor(
    private readonly mapping: ColumnMapping,
    private readonly asOfMs: number,
    capacity = 1024,
    private readonly rowCode: RowCode = 'cell.row',
    private readonly locale: CellLocale = {},
    private readonly newColumn: NewColumn = (length) => new Float64Array(length),
    accountStore: AccountStore | null = null,
  ) {
    this.capacity = Math.max(16, capacity);
    this.rowNumbers = new Int32Array(this.capacity);
    this.status = new Uint8Array(this.capacity);
    this.values = mapping.metrics.map(() => this.newColumn(this.capacity));
    this.store = mapping.account >= 0 ? accountStore : null;
    this.accounts = mapping.account >= 0 && !this.store ? [] : null;
    this.sourceColumns = mapping.metrics.map((m) => m.index);
    this.columns = mapping.metrics.map((m) => ({ code: 'cell.column', params: { column: shortHeader(m.header) } }));
    this.futureDates = mapping.metrics.map(() => []);
    // A weight or direction naming no column of this table is said first, on every surface.
    if (mapping.unknownNames) this.warnings.push(mapping.unknownNames);
    const m = mapping.metrics;
    this.derived = mapping.derivedProfit
      ? [m.findIndex((c) => c.index < 0), m.findIndex((c) => c.role === 'revenue'), m.findIndex((c) => c.role === 'cost')]
      : null;
  }

  /**
   * Row `row`; `numbers` (from a reader of files): plain numbers by column where `present` is 1, which
   * stand for the row's cells there (those cells are then '').
   */
  add(row: readonly Cell[], rowNumber: number, numbers?: ColumnNumbers): void {
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    this.rowNumbers[i] = rowNumber;
    const { account } = this.mapping;
    let filled = false;
    let problems: Message[] | null = null;
    if (this.accounts) {
      const text = this.accountCell(row[account]);
      this.accounts.push(text);
      if (text !== '') filled = true;
    } else if (this.store) {
      const from = numbers?.textFrom ?? -1;
      if (from >= 0 ? this.store.addBytes(numbers!.text!, from, numbers!.textTo!) : this.store.addText(this.accountCell(row[account]))) filled = true;
    }
    // The common case in a loop of its own, without allocating: a finite number; anything else is read by otherCell.
    const values = this.values;
    const sources = this.sourceColumns;
    for (let m = 0; m < sources.length; m++) {
      const col = sources[m];
      if (col < 0) continue;
      if (numbers !== undefined && numbers.present[col] === 1) {
        values[m][i] = numbers.values[col];
        filled = true;
        continue;
      }
      const cell = row[col];
      if (typeof cell === 'number' && Number.isFinite(cell)) {
        values[m][i] = cell;
        filled = true;
        continue;
      }
      const read = this.otherCell(m, cell, i, rowNumber);
      if (read === 0) continue;
      filled = true;
      if (read !== 1) (problems ??= []).push(read);
    }
    this.derive(i);
    if (!filled) this.status[i] = ROW_BLANK;
    else if (problems) {
      this.status[i] = ROW_INVALID;
      this.messages.set(i, { code: 'cell.invalid', params: { row: this.row(rowNumber), problems } });
    } else this.status[i] = ROW_OK;
  }

  /** An account cell as the table keeps it: its text, trimmed (a date as the day it is). */
  private accountCell(a: Cell | undefined): string {
    return a === null || a === undefined ? '' : a instanceof Date ? dateText(a, this.locale.timeZone) : String(a).trim();
  }

  /** Row i's account name. */
  private account(i: number): string {
    return this.accounts ? this.accounts[i] : this.store!.view().text(i);
  }

  /**
   * Cell `cell` of metric `m` on row `i`, when it is not a finite number: text that is a plain number,
   * a date, a missing value (0: nothing to say; 1 when a warning was said) or a problem, which is returned.
   */
  private otherCell(m: number, cell: Cell, i: number, rowNumber: number): 0 | 1 | Message {
    const { metrics } = this.mapping;
    if (typeof cell === 'string' && cell !== '') {
      const v = parseNumberText(cell, this.locale);
      if (v === v) {
        this.values[m][i] = v;
        return 1;
      }
    }
    const parsed = parseCell(cell, metrics[m].kind, this.asOfMs, this.locale);
    if (parsed.ok) {
      this.values[m][i] = parsed.value;
      // Numbers took the paths above: what parses here in a recency or tenure column is a date.
      if (parsed.value < 0 && metrics[m].kind !== 'number') this.futureDates[m].push(i);
      return 1;
    }
    this.values[m][i] = Number.NaN;
    if (parsed.missing) {
      if (!parsed.error) return 0;
      this.warn({ code: 'cell.missing', params: { row: this.row(rowNumber), column: this.columns[m], error: parsed.error } });
      return 1;
    }
    return {
      code: 'cell.problem',
      params: { where: this.columns[m], value: quoteCell(cell, this.locale.timeZone), why: { code: `cell.${parsed.code}` } },
    };
  }

  finish(): ParsedTable {
    const n = this.n;
    this.leaveOutTotals();
    this.warnFutureDates();
    if (this.hiddenWarnings > 0) this.warnings.push({ code: 'warn.more', params: { count: this.hiddenWarnings } });
    const table: ParsedTable = {
      n,
      rowNumbers: this.rowNumbers.subarray(0, n),
      mapping: this.mapping,
      values: this.values.map((v) => v.subarray(0, n)),
      accounts: this.accounts,
      accountBytes: null,
      status: this.status.subarray(0, n),
      messages: this.messages,
      warnings: this.warnings,
    };
    if (this.store) {
      const view = this.store.view();
      table.accountBytes = view;
      // The names as text are made when first read, then kept (enumerable: a spread copies them).
      Object.defineProperty(table, 'accounts', {
        enumerable: true,
        configurable: true,
        get() {
          const texts = new Array<string>(n);
          for (let i = 0; i < n; i++) texts[i] = view.text(i);
          setOwn(table as unknown as Record<string, unknown>, 'accounts', texts);
          return texts;
        },
        set(value: string[] | null) {
          setOwn(table as unknown as Record<string, unknown>, 'accounts', value);
        },
      });
    }
    return table;
  }

  /** A row as messages name it. */
  private row(rowNumber: number): Message {
    return { code: this.rowCode, params: { row: rowNumber } };
  }

  /** Profit = revenue − cost; an empty revenue or cost leaves it unknown (NaN), never revenue − 0. */
  private derive(i: number): void {
    if (!this.derived) return;
    const [p, r, c] = this.derived;
    this.values[p][i] = this.values[r][i] - this.values[c][i];
  }

  /** The last non-blank rows whose account reads as a total (Total, Sum, รวม, 合计…) are not accounts. */
  private leaveOutTotals(): void {
    if (!this.accounts && !this.store) return;
    const totals: number[] = [];
    for (let i = this.n - 1; i >= 0; i--) {
      if (this.status[i] === ROW_BLANK) continue;
      if (!isTotalLabel(this.account(i))) break;
      this.status[i] = ROW_TOTAL;
      this.messages.delete(i);
      totals.push(i);
    }
    for (let t = totals.length - 1; t >= 0; t--) {
      const i = totals[t];
      this.warnings.push({ code: 'warn.totalRow', params: { row: this.row(this.rowNumbers[i]), account: shortText(this.account(i)) } });
    }
  }

  /** One warning per recency or tenure column holding dates after the as-of date, naming their rows. */
  private warnFutureDates(): void {
    const asOf = new Date(this.asOfMs).toISOString().slice(0, 10);
    this.futureDates.forEach((list, m) => {
      const rows = list.filter((i) => this.status[i] !== ROW_TOTAL);
      if (rows.length === 0) return;
      const listed =
        rows
          .slice(0, LISTED_ROWS)
          .map((i) => this.rowNumbers[i])
          .join(', ') + (rows.length > LISTED_ROWS ? ', …' : '');
      this.warnings.push({ code: 'warn.futureDates', params: { count: rows.length, asOf, column: this.columns[m], rows: listed } });
    });
  }

  private warn(message: Message): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
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
      const next = this.newColumn(this.capacity);
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
  rowCode?: RowCode,
  locale?: CellLocale,
): ParsedTable {
  const builder = new TableBuilder(mapping, asOfMs, rows.length, rowCode, locale);
  for (let i = 0; i < rows.length; i++) builder.add(rows[i], firstRowNumber + i);
  return builder.finish();
}
