/**
 * An in-memory fake of the Sheets services, typed against the shell's narrow interfaces (which the
 * real services must also satisfy). It counts the calls that reach the document — SpreadsheetApp,
 * Spreadsheet, Sheet, Range, Properties and Lock methods — so tests can assert that work is batched.
 * Builders, rules, charts and metadata handles are local values and are not counted. The local
 * preview uses the same fake as its runtime.
 */
import type {
  BooleanConditionApi,
  ConditionalFormatRuleApi,
  ConditionalFormatRuleBuilderApi,
  DeveloperMetadataApi,
  DeveloperMetadataFinderApi,
  EmbeddedChartApi,
  EmbeddedChartBuilderApi,
  GradientConditionApi,
  HtmlOutputApi,
  HtmlServiceApi,
  InterpolationTypeApi,
  LockApi,
  LockServiceApi,
  MenuApi,
  PropertiesApi,
  PropertiesServiceApi,
  RangeApi,
  RangeListApi,
  Services,
  SheetApi,
  SpreadsheetApi,
  SpreadsheetAppApi,
  UiApi,
} from '../../src/sheet/apps-script';
import { columnLetter as columnToLetter, columnNumber } from '../../src/sheet/a1';
import { compareCell, parseRuleFormula, type RuleFormula } from './rule-formula';
import { checkTimeZone, formatDate, instantOf, wallOf, wallText } from './time-zone';
import { mayBeTyped, readTyped, SheetDate, TypedFormula, typingRules, type TypingRules } from './typed-text';

export { SheetDate } from './typed-text';
export { formatDate } from './time-zone';

/** What getValues returns for a cell: a number, a boolean, a string ('' for a blank) or a Date. */
export type Value = string | number | boolean | Date;
/** What tests may put in a sheet: a Value, or a date cell given by its wall clock (sheetDate). */
export type CellInput = Value | SheetDate;
/** What a cell holds: a date cell holds its wall-clock date-time, not an instant. */
export type Cell = string | number | boolean | SheetDate;
type Grid = Value[][];

/** The most cells a spreadsheet holds, over the grids of all its sheets (hidden ones too). */
export const CELL_LIMIT = 10_000_000;
const CELL_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`;
const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';
/** The most bytes (UTF-8) of one property (key + value here: stricter) and of a whole store. */
export const PROPERTY_VALUE_BYTES = 9 * 1024;
export const PROPERTY_STORE_BYTES = 500 * 1024;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell by its wall clock, for test data: sheetDate('2026-03-15'), sheetDate('2026-03-15 10:30'),
 * sheetDate(2026, 3, 15) or sheetDate(2026, 3, 15, 10, 30). It shows that date-time whatever the
 * spreadsheet's time zone; getValues turns it into the instant of that wall clock in the zone.
 */
export function sheetDate(text: string): SheetDate;
export function sheetDate(year: number, month: number, day: number, hours?: number, minutes?: number, seconds?: number): SheetDate;
export function sheetDate(a: string | number, month = 1, day = 1, hours = 0, minutes = 0, seconds = 0): SheetDate {
  if (typeof a === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/u.exec(a);
    if (!m) throw new Error(`sheetDate wants yyyy-MM-dd or yyyy-MM-dd HH:mm[:ss], not ${a}`);
    return sheetDate(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  const d = new Date(0);
  d.setUTCFullYear(a, month - 1, day);
  d.setUTCHours(hours, minutes, seconds, 0);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) throw new Error(`No such date: ${a}-${pad2(month)}-${pad2(day)}`);
  return new SheetDate(d.getTime());
}

type Hook = () => void;

export class CallCounter {
  total = 0;
  byMethod: Record<string, number> = {};
  private readonly hooks = new Map<string, Hook[]>();
  count(name: string): void {
    this.total++;
    this.byMethod[name] = (this.byMethod[name] ?? 0) + 1;
    if (this.hooks.size > 0) {
      const queue = this.hooks.get(name);
      if (queue) {
        const hook = queue.shift()!;
        if (queue.length === 0) this.hooks.delete(name);
        hook();
      }
    }
  }
  /** Runs fn once, the next time the counted method is called, before the method acts. */
  before(name: string, fn: Hook): void {
    const queue = this.hooks.get(name) ?? [];
    queue.push(fn);
    this.hooks.set(name, queue);
  }
  reset(): void {
    this.total = 0;
    this.byMethod = {};
  }
}

function key(row: number, column: number): string {
  return `${row},${column}`;
}

/** Moves "row,column" keys at or past a row (axis 0) or column (axis 1) by `by`. */
function shiftKeys<V>(map: Map<string, V>, axis: 0 | 1, after: number, by: number): void {
  if (map.size === 0) return;
  const moved: [string, V][] = [];
  for (const [k, v] of map) {
    const parts = k.split(',').map(Number);
    if (parts[axis] > after) {
      map.delete(k);
      parts[axis] += by;
      moved.push([key(parts[0], parts[1]), v]);
    }
  }
  for (const [k, v] of moved) map.set(k, v);
}

function shiftSet(set: Set<string>, axis: 0 | 1, after: number, by: number): void {
  if (set.size === 0) return;
  const map = new Map<string, true>([...set].map((k) => [k, true]));
  shiftKeys(map, axis, after, by);
  set.clear();
  for (const k of map.keys()) set.add(k);
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

// ── Metadata ────────────────────────────────────────────────────────────────────────────────

interface MetadataRecord {
  id: number;
  key: string;
  value: string | null;
  /** null: on the sheet; a number: on that 1-based column. */
  column: number | null;
}

class FakeMetadata implements DeveloperMetadataApi {
  constructor(
    private readonly sheet: FakeSheet,
    readonly record: MetadataRecord,
  ) {}
  getKey(): string {
    return this.record.key;
  }
  getValue(): string | null {
    return this.record.value;
  }
  setValue(value: string): DeveloperMetadataApi {
    this.record.value = value;
    return this;
  }
  getLocation() {
    const { record, sheet } = this;
    return {
      getColumn: (): RangeApi | null => (record.column === null ? null : new FakeRange(sheet, 1, record.column, sheet.maxRows, 1)),
      // As in Sheets, the sheet of sheet-located metadata; a column's location is a column, not a sheet.
      getSheet: (): SheetApi | null => (record.column === null ? sheet : null),
    };
  }
  remove(): void {
    this.sheet.metadata = this.sheet.metadata.filter((m) => m !== this.record);
  }
}

class FakeFinder implements DeveloperMetadataFinderApi {
  private key: string | null = null;
  /** One sheet's metadata, or (a spreadsheet's finder) every sheet's. */
  constructor(private readonly scope: FakeSheet | FakeSpreadsheet) {}
  withKey(key: string): DeveloperMetadataFinderApi {
    this.key = key;
    return this;
  }
  find(): DeveloperMetadataApi[] {
    const sheets = this.scope instanceof FakeSheet ? [this.scope] : this.scope.sheets;
    (this.scope instanceof FakeSheet ? this.scope.book : this.scope).calls.count('DeveloperMetadataFinder.find');
    return sheets.flatMap((sheet) => sheet.metadata.filter((m) => this.key === null || m.key === this.key).map((m) => new FakeMetadata(sheet, m)));
  }
}

// ── Conditional formats ─────────────────────────────────────────────────────────────────────

/** A colour scale's ends as recorded (types as Sheets' InterpolationType names: MIN, MAX, NUMBER…). */
export interface FakeGradient {
  min: { color: string; type: string; value: string };
  max: { color: string; type: string; value: string };
}

/** The fake's InterpolationType enum: its names, as Apps Script's enum prints them. */
export const FAKE_INTERPOLATION = { NUMBER: 'NUMBER', PERCENT: 'PERCENT', PERCENTILE: 'PERCENTILE', MIN: 'MIN', MAX: 'MAX' } as unknown as Record<
  'NUMBER' | 'MIN' | 'MAX',
  InterpolationTypeApi
>;

export class FakeRule implements ConditionalFormatRuleApi {
  constructor(
    readonly formula: string | null,
    readonly background: string | null,
    readonly ranges: FakeRange[],
    /** A colour-scale rule's ends (then formula and background are null). */
    readonly gradient: FakeGradient | null = null,
  ) {}
  getBooleanCondition(): BooleanConditionApi | null {
    return this.formula === null ? null : { getCriteriaValues: () => [this.formula] };
  }
  getGradientCondition(): GradientConditionApi | null {
    const g = this.gradient;
    if (!g) return null;
    const type = (t: string) => t as unknown as InterpolationTypeApi;
    return {
      getMinColor: () => g.min.color,
      getMinType: () => type(g.min.type),
      getMinValue: () => g.min.value,
      getMaxColor: () => g.max.color,
      getMaxType: () => type(g.max.type),
      getMaxValue: () => g.max.value,
    };
  }
  getRanges(): RangeApi[] {
    return [...this.ranges];
  }
}

/**
 * As in Sheets a rule is either a boolean condition with its format or a colour scale, never both;
 * the fake refuses a mix, a scale with only one end, and a NUMBER end that is no number, when built
 * (stricter than Sheets, which may keep only the last condition set).
 */
class FakeRuleBuilder implements ConditionalFormatRuleBuilderApi {
  private formula: string | null = null;
  private background: string | null = null;
  private ranges: FakeRange[] = [];
  private min: FakeGradient['min'] | null = null;
  private max: FakeGradient['max'] | null = null;
  whenFormulaSatisfied(formula: string) {
    this.formula = formula;
    return this;
  }
  setBackground(color: string | null) {
    this.background = color;
    return this;
  }
  setRanges(ranges: RangeApi[]) {
    this.ranges = ranges as FakeRange[];
    return this;
  }
  setGradientMinpointWithValue(color: string, type: InterpolationTypeApi, value: string) {
    this.min = { color, type: String(type), value: gradientValue(type, value) };
    return this;
  }
  setGradientMaxpoint(color: string) {
    this.max = { color, type: 'MAX', value: '' };
    return this;
  }
  build(): ConditionalFormatRuleApi {
    if (this.min || this.max) {
      if (this.formula !== null || this.background !== null)
        throw new Error('A conditional format rule is either a boolean condition or a gradient, not both.');
      if (!this.min || !this.max) throw new Error('A gradient conditional format rule needs both a minpoint and a maxpoint.');
      return new FakeRule(null, null, [...this.ranges], { min: this.min, max: this.max });
    }
    return new FakeRule(this.formula, this.background, [...this.ranges]);
  }
}

function gradientValue(type: InterpolationTypeApi, value: string): string {
  if (String(type) === 'NUMBER' && (value.trim() === '' || !Number.isFinite(Number(value))))
    throw new Error(`Invalid argument: a NUMBER gradient point needs a number, not "${value}".`);
  return value;
}

// ── Charts ──────────────────────────────────────────────────────────────────────────────────

export class FakeChart implements EmbeddedChartApi {
  constructor(
    readonly id: number,
    readonly type: string,
    readonly ranges: FakeRange[],
    readonly options: Record<string, unknown>,
    readonly position: [number, number],
    readonly numHeaders: number,
  ) {}
  getOptions() {
    return { get: (key: string) => this.options[key] ?? null };
  }
  modify(): EmbeddedChartBuilderApi {
    return new FakeChartBuilder(this);
  }
}

class FakeChartBuilder implements EmbeddedChartBuilderApi {
  private type = 'COLUMN';
  private ranges: FakeRange[] = [];
  private options: Record<string, unknown> = {};
  private position: [number, number] = [1, 1];
  private numHeaders = -1;
  private readonly id: number;
  constructor(from: FakeChart | null, id = 0) {
    this.id = from ? from.id : id;
    if (from) {
      this.type = from.type;
      this.ranges = [...from.ranges];
      this.options = { ...from.options };
      this.position = from.position;
      this.numHeaders = from.numHeaders;
    }
  }
  asColumnChart() {
    this.type = 'COLUMN';
    return this;
  }
  asLineChart() {
    this.type = 'LINE';
    return this;
  }
  addRange(range: RangeApi) {
    this.ranges.push(range as FakeRange);
    return this;
  }
  clearRanges() {
    this.ranges = [];
    return this;
  }
  setNumHeaders(n: number) {
    this.numHeaders = n;
    return this;
  }
  setOption(key: string, value: unknown) {
    this.options[key] = value;
    return this;
  }
  setPosition(row: number, column: number) {
    this.position = [row, column];
    return this;
  }
  build(): EmbeddedChartApi {
    return new FakeChart(this.id, this.type, [...this.ranges], { ...this.options }, this.position, this.numHeaders);
  }
}

// ── Range and sheet ─────────────────────────────────────────────────────────────────────────

export class FakeRange implements RangeApi {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}
  private count(name: string): void {
    this.sheet.book.calls.count(`Range.${name}`);
  }
  getValues(): Value[][] {
    this.count('getValues');
    return this.sheet.read(this.row, this.column, this.numRows, this.numColumns);
  }
  /** Each string is read as Sheets reads typed text (USER_ENTERED); see typed-text.ts. */
  setValues(values: Value[][]): RangeApi {
    this.count('setValues');
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.numRows}.`,
      );
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.numColumns}.`,
        );
      }
    }
    this.sheet.store(this.row, this.column, values, true);
    return this;
  }
  /** The formula of each cell, '' where there is none. */
  getFormulas(): string[][] {
    this.count('getFormulas');
    return this.sheet.formulasIn(this.row, this.column, this.numRows, this.numColumns);
  }
  getRow(): number {
    this.count('getRow');
    return this.row;
  }
  getColumn(): number {
    this.count('getColumn');
    return this.column;
  }
  getNumRows(): number {
    this.count('getNumRows');
    return this.numRows;
  }
  getNumColumns(): number {
    this.count('getNumColumns');
    return this.numColumns;
  }
  getA1Notation(): string {
    this.count('getA1Notation');
    return this.a1();
  }
  /** A1 notation without counting (for inspection). */
  a1(): string {
    const first = `${columnToLetter(this.column)}${this.row}`;
    if (this.numRows === 1 && this.numColumns === 1) return first;
    return `${first}:${columnToLetter(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
  }
  setNumberFormat(format: string): RangeApi {
    this.count('setNumberFormat');
    for (let c = 0; c < this.numColumns; c++) this.sheet.numberFormats.set(this.column + c, format);
    return this;
  }
  /** A note on every cell of the range ('' or null removes it); getValues never returns notes. */
  setNote(note: string | null): RangeApi {
    this.count('setNote');
    if (note !== null && typeof note !== 'string') throw new Error('Invalid argument: note');
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numColumns; j++) {
        const k = key(this.row + i, this.column + j);
        if (note) this.sheet.notes.set(k, note);
        else this.sheet.notes.delete(k);
      }
    }
    return this;
  }
  /** As in Sheets: the cells' number formats (a column's too, for these cells) and font weights go back to automatic and normal; values stay. */
  clearFormat(): RangeApi {
    this.count('clearFormat');
    const sheet = this.sheet;
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numColumns; j++) {
        const k = key(this.row + i, this.column + j);
        sheet.fontWeights.delete(k);
        // A column's own format still covers other cells: '' marks this one automatic.
        if (sheet.numberFormats.has(this.column + j)) sheet.cellFormats.set(k, AUTOMATIC);
        else sheet.cellFormats.delete(k);
      }
    }
    return this;
  }
  addDeveloperMetadata(key: string, value: string): RangeApi {
    this.count('addDeveloperMetadata');
    if (this.numColumns !== 1 || this.numRows !== this.sheet.maxRows || this.row !== 1) {
      throw new Error('Adding developer metadata to arbitrary ranges is not supported. Metadata can be added to rows, columns, sheets or spreadsheets.');
    }
    this.sheet.metadata.push({ id: this.sheet.book.nextId++, key, value, column: this.column });
    return this;
  }
}

const parsedRules = new WeakMap<FakeRule, RuleFormula>();

/** A cell format that is "automatic" (cleared) though its column has a format. */
const AUTOMATIC = '';
/** The width Sheets gives a new sheet's columns, in pixels. */
export const DEFAULT_COLUMN_WIDTH = 100;
const FONT_WEIGHTS = new Set<unknown>(['bold', 'normal', null]);

function checkWidth(width: number): void {
  if (!Number.isInteger(width) || width < 0) throw new Error(`Invalid argument: width (${width})`);
}

export class FakeSheet implements SheetApi {
  /** The cells, row by row; a date cell is a SheetDate (its wall clock). */
  values: Cell[][];
  formulas = new Map<string, string>();
  /** Formula cells ("row,column") whose value nothing has computed: getValues gives '' for them. */
  uncomputed = new Set<string>();
  numberFormats = new Map<number, string>();
  /** Formats set on single cells ("row,column" → pattern), e.g. through a range list. */
  cellFormats = new Map<string, string>();
  /** Notes on cells ("row,column" → text). */
  notes = new Map<string, string>();
  /** Bold cells ("row,column"); every other cell is normal. */
  fontWeights = new Set<string>();
  /** Rows frozen at the top (setFrozenRows). */
  frozenRows = 0;
  /** Widths set on columns (1-based column → pixels); others are DEFAULT_COLUMN_WIDTH. */
  columnWidths = new Map<number, number>();
  metadata: MetadataRecord[] = [];
  rules: ConditionalFormatRuleApi[] = [];
  charts: FakeChart[] = [];
  maxRows: number;
  maxColumns: number;
  hidden = false;

  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
    readonly id: number,
    data: CellInput[][] = [],
    typed = false,
  ) {
    this.values = [];
    this.maxRows = Math.max(1000, data.length);
    this.maxColumns = Math.max(26, ...data.map((r) => r.length));
    // As in Sheets, text starting with "=" is a formula; its value is unknown until something computes it.
    if (data.length > 0) this.store(1, 1, data, typed);
  }

  private count(name: string): void {
    this.book.calls.count(`Sheet.${name}`);
  }

  // Reading and writing cells, uncounted (the counted doors are Range's).
  /** Cells as getValues gives them: date cells as the instant of their wall clock in the spreadsheet's zone. */
  read(row: number, column: number, numRows: number, numColumns: number): Value[][] {
    const zone = this.book.timeZone;
    const out: Value[][] = new Array(numRows);
    for (let r = 0; r < numRows; r++) {
      const src = this.values[row - 1 + r];
      const line: Value[] = new Array(numColumns);
      for (let c = 0; c < numColumns; c++) {
        const v = src ? src[column - 1 + c] : undefined;
        line[c] = v === undefined || v === null ? '' : typeof v === 'object' ? new Date(instantOf(zone, v.wall)) : v;
      }
      out[r] = line;
    }
    return out;
  }

  /**
   * Writes cells as given (a test's door, uncounted): strings are stored as text except that one
   * starting with "=" is a formula of unknown value; a Date is stored as its wall clock in the
   * spreadsheet's zone.
   */
  write(row: number, column: number, values: CellInput[][]): void {
    if (row + values.length - 1 > this.maxRows || column + (values[0]?.length ?? 0) - 1 > this.maxColumns) {
      throw new Error(`Range out of bounds: the sheet "${this.name}" has ${this.maxRows} rows and ${this.maxColumns} columns.`);
    }
    this.store(row, column, values, false);
  }

  /** Stores cells; typed: read strings as Sheets reads typed text (setValues), else as text (helpers). */
  store(row: number, column: number, values: readonly (readonly unknown[])[], typed: boolean): void {
    const book = this.book;
    const zone = book.timeZone;
    const rules = typed ? book.typingRules() : null;
    const plainText = typed && this.hasPlainTextFormat();
    let year: number | undefined;
    const currentYear = () => (year ??= book.currentYear());
    const hadFormulas = this.formulas.size > 0;
    for (let r = 0; r < values.length; r++) {
      const line = values[r];
      const target = (this.values[row - 1 + r] ??= []);
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        let cell: Cell;
        let formula: string | null = null;
        let computed = true;
        if (typeof v === 'string') {
          if (v.length === 0) cell = '';
          else if (rules) {
            if (!mayBeTyped(v) || (plainText && this.formatAt(row + r, column + c) === '@')) cell = v;
            else {
              const t = readTyped(v, rules, currentYear);
              if (t instanceof TypedFormula) {
                formula = t.formula;
                cell = t.value ?? '';
                computed = t.value !== null;
              } else cell = t;
            }
          } else if (v.charCodeAt(0) === 61) {
            formula = v;
            cell = '';
            computed = false;
          } else cell = v;
        } else if (typeof v === 'number') {
          if (!Number.isFinite(v)) throw new Error(`The fake refuses to store ${v} at ${columnToLetter(column + c)}${row + r}: Sheets has no such number.`);
          cell = v + 0;
        } else if (typeof v === 'boolean') cell = v;
        else if (v instanceof Date) {
          const t = v.getTime();
          if (Number.isNaN(t)) throw new Error(`The fake refuses to store an invalid Date at ${columnToLetter(column + c)}${row + r}.`);
          cell = new SheetDate(wallOf(zone, t));
        } else if (v instanceof SheetDate) cell = v;
        else if (v === null || (!typed && v === undefined)) cell = '';
        else
          throw new Error(
            `The fake refuses to store ${String(v)} (${typeof v}) at ${columnToLetter(column + c)}${row + r}: a cell holds a number, a string, a boolean or a Date.`,
          );
        if (formula !== null) {
          const k = key(row + r, column + c);
          this.formulas.set(k, formula);
          if (computed) this.uncomputed.delete(k);
          else this.uncomputed.add(k);
        } else if (hadFormulas) {
          const k = key(row + r, column + c);
          this.formulas.delete(k);
          this.uncomputed.delete(k);
        }
        target[column - 1 + c] = cell;
      }
    }
    for (let r = 0; r < this.values.length; r++) this.values[r] ??= [];
  }

  private hasPlainTextFormat(): boolean {
    for (const f of this.numberFormats.values()) if (f === '@') return true;
    for (const f of this.cellFormats.values()) if (f === '@') return true;
    return false;
  }

  formulasIn(row: number, column: number, numRows: number, numColumns: number): string[][] {
    const out = Array.from({ length: numRows }, () => new Array<string>(numColumns).fill(''));
    for (const [k, f] of this.formulas) {
      const [r, c] = k.split(',').map(Number);
      if (r >= row && r < row + numRows && c >= column && c < column + numColumns) out[r - row][c - column] = f;
    }
    return out;
  }

  lastRow(): number {
    for (let r = this.values.length - 1; r >= 0; r--) if (this.values[r]?.some((v) => v !== '' && v !== undefined && v !== null)) return r + 1;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.values) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== '' && row[c] !== undefined && row[c] !== null) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  getName(): string {
    this.count('getName');
    return this.name;
  }
  getSheetId(): number {
    this.count('getSheetId');
    return this.id;
  }
  activate(): SheetApi {
    this.count('activate');
    this.book.active = this;
    return this;
  }
  getDataRange(): RangeApi {
    this.count('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }
  getRange(a: number | string, column?: number, numRows = 1, numColumns = 1): RangeApi {
    this.count('getRange');
    if (typeof a === 'number') {
      const col = column ?? NaN;
      for (const n of [a, col, numRows, numColumns]) if (!Number.isInteger(n)) throw new Error(`Invalid argument: ${n} is not a whole number.`);
      if (a < 1) throw new Error('The starting row of the range is too small.');
      if (col < 1) throw new Error('The starting column of the range is too small.');
      if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
      if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
      return this.inGrid(a, col, numRows, numColumns);
    }
    return this.rangeOf(a);
  }
  private inGrid(row: number, column: number, numRows: number, numColumns: number): FakeRange {
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) throw new Error(OUTSIDE);
    return new FakeRange(this, row, column, numRows, numColumns);
  }
  getRangeList(a1Notations: string[]): RangeListApi {
    this.count('getRangeList');
    const ranges = a1Notations.map((a1) => this.rangeOf(a1));
    const list: RangeListApi = {
      setNumberFormat: (format) => {
        this.book.calls.count('RangeList.setNumberFormat');
        for (const r of ranges) {
          for (let i = 0; i < r.numRows; i++) for (let j = 0; j < r.numColumns; j++) this.cellFormats.set(key(r.row + i, r.column + j), format);
        }
        return list;
      },
      setFontWeight: (weight) => {
        this.book.calls.count('RangeList.setFontWeight');
        if (!FONT_WEIGHTS.has(weight)) throw new Error(`Invalid argument: fontWeight (${String(weight)})`);
        for (const r of ranges) {
          for (let i = 0; i < r.numRows; i++) {
            for (let j = 0; j < r.numColumns; j++) {
              const k = key(r.row + i, r.column + j);
              if (weight === 'bold') this.fontWeights.add(k);
              else this.fontWeights.delete(k);
            }
          }
        }
        return list;
      },
    };
    return list;
  }
  /** The number format Sheets would use at a cell: its own, else its column's; null for automatic. */
  formatAt(row: number, column: number): string | null {
    const own = this.cellFormats.get(key(row, column));
    if (own === AUTOMATIC) return null;
    return own ?? this.numberFormats.get(column) ?? null;
  }
  /** A cell's note, '' for none (for inspection, uncounted). */
  noteAt(row: number, column: number): string {
    return this.notes.get(key(row, column)) ?? '';
  }
  /** Whether a cell shows in bold (for inspection, uncounted). */
  isBold(row: number, column: number): boolean {
    return this.fontWeights.has(key(row, column));
  }
  /** A column's width in pixels (for inspection, uncounted). */
  widthOf(column: number): number {
    return this.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }
  /** As in Sheets: 0 unfreezes; a count of rows the grid does not have is refused. */
  setFrozenRows(rows: number): void {
    this.count('setFrozenRows');
    if (!Number.isInteger(rows) || rows < 0) throw new Error(`Invalid argument: rows (${rows})`);
    if (rows >= this.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.frozenRows = rows;
  }
  setColumnWidth(columnPosition: number, width: number): SheetApi {
    this.count('setColumnWidth');
    return this.widen(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetApi {
    this.count('setColumnWidths');
    return this.widen(startColumn, numColumns, width);
  }
  private widen(start: number, count: number, width: number): SheetApi {
    if (!Number.isInteger(start) || !Number.isInteger(count) || start < 1 || count < 1 || start + count - 1 > this.maxColumns) {
      throw new Error('Those columns are out of bounds.');
    }
    checkWidth(width);
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
    return this;
  }
  /** A1 ranges: B2, B2:D5, C:C, B2:F (open below), 2:5 (whole rows); past the grid throws as Sheets does. */
  private rangeOf(a: string): FakeRange {
    const rows = /^(\d+):(\d+)$/u.exec(a);
    if (rows) {
      const [r1, r2] = [Number(rows[1]), Number(rows[2])].sort((x, y) => x - y);
      if (r1 < 1) throw new Error(`Range not found: ${a}`);
      return this.inGrid(r1, 1, r2 - r1 + 1, this.maxColumns);
    }
    const m = /^([A-Z]+)(\d*)(?::([A-Z]+)(\d*))?$/u.exec(a.toUpperCase());
    if (!m || m[2] === '0' || m[4] === '0' || /^0\d/u.test(m[2]) || (m[3] && !m[2] && m[4])) throw new Error(`Range not found: ${a}`);
    let c1 = columnNumber(m[1]);
    let r1 = m[2] ? Number(m[2]) : 1;
    let c2 = m[3] ? columnNumber(m[3]) : c1;
    let r2 = m[4] ? Number(m[4]) : m[3] || !m[2] ? this.maxRows : r1;
    if (!m[3] && !m[2]) throw new Error(`Range not found: ${a}`);
    if (c2 < c1) [c1, c2] = [c2, c1];
    if (r2 < r1) [r1, r2] = [r2, r1];
    return this.inGrid(r1, c1, r2 - r1 + 1, c2 - c1 + 1);
  }
  getMaxColumns(): number {
    this.count('getMaxColumns');
    return this.maxColumns;
  }
  getMaxRows(): number {
    this.count('getMaxRows');
    return this.maxRows;
  }
  insertRowsAfter(afterPosition: number, howMany: number): SheetApi {
    this.count('insertRowsAfter');
    if (!Number.isInteger(afterPosition) || afterPosition < 1 || afterPosition > this.maxRows || !Number.isInteger(howMany) || howMany < 1) {
      throw new Error('Those rows are out of bounds.');
    }
    this.book.checkGrowth(howMany * this.maxColumns);
    if (this.values.length > afterPosition) this.values.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    shiftKeys(this.formulas, 0, afterPosition, howMany);
    shiftSet(this.uncomputed, 0, afterPosition, howMany);
    shiftKeys(this.cellFormats, 0, afterPosition, howMany);
    shiftSet(this.fontWeights, 0, afterPosition, howMany);
    shiftKeys(this.notes, 0, afterPosition, howMany);
    if (this.frozenRows > afterPosition) this.frozenRows += howMany;
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(columnIndex: number, howMany: number): SheetApi {
    this.count('insertColumnsAfter');
    if (!Number.isInteger(columnIndex) || columnIndex < 1 || columnIndex > this.maxColumns || !Number.isInteger(howMany) || howMany < 1) {
      throw new Error('Those columns are out of bounds.');
    }
    this.book.checkGrowth(howMany * this.maxRows);
    for (const row of this.values) if (row && row.length > columnIndex) row.splice(columnIndex, 0, ...new Array<Cell>(howMany).fill(''));
    for (const md of this.metadata) if (md.column !== null && md.column > columnIndex) md.column += howMany;
    shiftKeys(this.formulas, 1, columnIndex, howMany);
    shiftSet(this.uncomputed, 1, columnIndex, howMany);
    shiftKeys(this.cellFormats, 1, columnIndex, howMany);
    shiftSet(this.fontWeights, 1, columnIndex, howMany);
    shiftKeys(this.notes, 1, columnIndex, howMany);
    if (this.columnWidths.size > 0) {
      this.columnWidths = new Map([...this.columnWidths].map(([c, w]): [number, number] => [c > columnIndex ? c + howMany : c, w]));
    }
    if (this.numberFormats.size > 0) {
      const moved = [...this.numberFormats].map(([c, f]): [number, string] => [c > columnIndex ? c + howMany : c, f]);
      this.numberFormats = new Map(moved);
    }
    this.maxColumns += howMany;
    return this;
  }
  hideSheet(): SheetApi {
    this.count('hideSheet');
    if (!this.hidden && this.book.sheets.every((s) => s === this || s.hidden)) throw new Error("You can't hide all the sheets in a document.");
    this.hidden = true;
    return this;
  }
  isSheetHidden(): boolean {
    this.count('isSheetHidden');
    return this.hidden;
  }
  addDeveloperMetadata(key: string, value: string): SheetApi {
    this.count('addDeveloperMetadata');
    this.metadata.push({ id: this.book.nextId++, key, value, column: null });
    return this;
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderApi {
    return new FakeFinder(this);
  }
  getConditionalFormatRules(): ConditionalFormatRuleApi[] {
    this.count('getConditionalFormatRules');
    return [...this.rules];
  }
  setConditionalFormatRules(rules: ConditionalFormatRuleApi[]): void {
    this.count('setConditionalFormatRules');
    this.rules = [...rules];
  }
  getCharts(): EmbeddedChartApi[] {
    this.count('getCharts');
    return [...this.charts];
  }
  newChart(): EmbeddedChartBuilderApi {
    return new FakeChartBuilder(null, this.book.nextId++);
  }
  insertChart(chart: EmbeddedChartApi): void {
    this.count('insertChart');
    this.charts.push(chart as FakeChart);
  }
  updateChart(chart: EmbeddedChartApi): void {
    this.count('updateChart');
    const c = chart as FakeChart;
    const i = this.charts.findIndex((x) => x.id === c.id);
    if (i < 0) throw new Error('The chart to update was not found on this sheet.');
    this.charts[i] = c;
  }

  /** Test helpers: a deep copy of every value (date cells as getValues gives them) and formula. */
  snapshot(): { values: Grid; formulas: [string, string][] } {
    const zone = this.book.timeZone;
    const values = this.values.map((r) => (r ?? []).map((v): Value => (v instanceof SheetDate ? new Date(instantOf(zone, v.wall)) : v)));
    return { values, formulas: [...this.formulas].sort() };
  }
  /**
   * A cell as a person reads it, without number formats: a date cell as its wall clock in the
   * spreadsheet ('2026-03-15', or '2026-03-15 10:30:00' with a time), a boolean as TRUE/FALSE.
   */
  shown(row: number, column: number): string {
    const v = this.values[row - 1]?.[column - 1];
    if (v === undefined || v === null) return '';
    if (v instanceof SheetDate) return wallText(v.wall);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  }
  /** Text as typed with a leading apostrophe in Sheets: getValues returns it, it is no formula. */
  setText(row: number, column: number, text: string): void {
    (this.values[row - 1] ??= [])[column - 1] = text;
    this.formulas.delete(key(row, column));
    this.uncomputed.delete(key(row, column));
  }
  /** A formula whose value something computed: getValues returns `cached`. */
  setFormula(row: number, column: number, formula: string, cached: CellInput): void {
    this.write(row, column, [[cached]]);
    this.formulas.set(key(row, column), formula);
    this.uncomputed.delete(key(row, column));
  }

  /**
   * The background Sheets would show at a cell from the conditional-format rules (first match wins),
   * evaluating each formula as Sheets does (see rule-formula.ts); one it cannot evaluate throws.
   */
  backgroundAt(row: number, column: number): string | null {
    for (const rule of this.rules as FakeRule[]) {
      const range = rule.ranges.find((g) => row >= g.row && row < g.row + g.numRows && column >= g.column && column < g.column + g.numColumns);
      if (!range || !rule.formula) continue;
      let parsed = parsedRules.get(rule);
      if (!parsed) parsedRules.set(rule, (parsed = parseRuleFormula(rule.formula)));
      const r = parsed.rowAbsolute ? parsed.row : parsed.row + (row - range.row);
      const c = parsed.columnAbsolute ? parsed.column : parsed.column + (column - range.column);
      if (this.uncomputed.has(key(r, c))) {
        throw new Error(
          `The fake cannot evaluate ${rule.formula} at ${columnToLetter(column)}${row}: ${columnToLetter(c)}${r} holds a formula nothing computed (${this.formulas.get(key(r, c))}).`,
        );
      }
      if (compareCell(this.values[r - 1]?.[c - 1], parsed.operator, parsed.literal)) return rule.background;
    }
    return null;
  }
}

// ── Spreadsheet and the services ────────────────────────────────────────────────────────────

export interface BookOptions {
  /** The spreadsheet's locale (getSpreadsheetLocale; how typed numbers and dates read). Default en_US. */
  locale?: string;
  /** The spreadsheet's time zone (getSpreadsheetTimeZone). Default Etc/UTC. */
  timeZone?: string;
  /** The script's time zone (the manifest's timeZone; Session.getScriptTimeZone). Default Etc/UTC. */
  scriptTimeZone?: string;
  /** The clock, for "the current year" of a typed "3/4". Default Date.now. */
  now?: () => number;
  /** Read the constructor's strings as typed text (as setValues does). Default false: they are text. */
  typedData?: boolean;
  /** Properties reads (getProperty, getProperties) allowed in the fake's "day". Default 50,000 (consumer accounts). */
  propertyReadsPerDay?: number;
}

export class FakeSpreadsheet implements SpreadsheetApi {
  readonly calls = new CallCounter();
  sheets: FakeSheet[] = [];
  active: FakeSheet;
  properties: Record<string, string> = {};
  /** The execution holding the document lock (a session's `execution`), or null. */
  lockHolder: string | null = null;
  toasts: string[] = [];
  nextId = 1;
  locale: string;
  timeZone: string;
  scriptTimeZone: string;
  now: () => number;
  propertyReadsPerDay: number;
  propertyReads = 0;
  private executions = 0;
  private rulesCache: { locale: string; rules: TypingRules } | null = null;

  constructor(sheets: Record<string, CellInput[][]>, locale: string | BookOptions = 'en_US', options: BookOptions = {}) {
    const o: BookOptions = typeof locale === 'string' ? { ...options, locale: options.locale ?? locale } : { ...locale, ...options };
    this.locale = o.locale ?? 'en_US';
    this.timeZone = checkTimeZone(o.timeZone ?? 'Etc/UTC');
    this.scriptTimeZone = checkTimeZone(o.scriptTimeZone ?? 'Etc/UTC');
    this.now = o.now ?? Date.now;
    this.propertyReadsPerDay = o.propertyReadsPerDay ?? 50_000;
    for (const [name, data] of Object.entries(sheets)) this.sheets.push(new FakeSheet(this, name, this.nextId++, data, o.typedData ?? false));
    if (this.sheets.length === 0) this.sheets.push(new FakeSheet(this, 'Sheet1', this.nextId++));
    if (this.cellCount() > CELL_LIMIT) throw new Error(CELL_LIMIT_MESSAGE);
    this.active = this.sheets[0];
  }

  private count(name: string): void {
    this.calls.count(`Spreadsheet.${name}`);
  }
  getActiveSheet(): SheetApi {
    this.count('getActiveSheet');
    return this.active;
  }
  getSheetByName(name: string): SheetApi | null {
    this.count('getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderApi {
    return new FakeFinder(this);
  }
  /** Every sheet, hidden ones too, in order. */
  getSheets(): SheetApi[] {
    this.count('getSheets');
    return [...this.sheets];
  }
  insertSheet(name: string): SheetApi {
    this.count('insertSheet');
    if (this.sheets.some((s) => s.name === name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.checkGrowth(1000 * 26);
    const sheet = new FakeSheet(this, name, this.nextId++);
    this.sheets.push(sheet);
    this.active = sheet;
    return sheet;
  }
  toast(msg: string): void {
    this.count('toast');
    this.toasts.push(msg);
  }
  getSpreadsheetLocale(): string {
    this.count('getSpreadsheetLocale');
    return this.locale;
  }
  getSpreadsheetTimeZone(): string {
    this.count('getSpreadsheetTimeZone');
    return this.timeZone;
  }

  /** getMaxRows × getMaxColumns over every sheet, hidden ones too. */
  cellCount(): number {
    let n = 0;
    for (const s of this.sheets) n += s.maxRows * s.maxColumns;
    return n;
  }
  /** Throws as Sheets does when growing by `cells` would pass the workbook's cell limit. */
  checkGrowth(cells: number): void {
    if (this.cellCount() + cells > CELL_LIMIT) throw new Error(CELL_LIMIT_MESSAGE);
  }
  typingRules(): TypingRules {
    if (this.rulesCache?.locale !== this.locale) this.rulesCache = { locale: this.locale, rules: typingRules(this.locale) };
    return this.rulesCache.rules;
  }
  /** The current year in the spreadsheet's zone. */
  currentYear(): number {
    return new Date(wallOf(this.timeZone, this.now())).getUTCFullYear();
  }
  /** Today's date in the spreadsheet's zone, 'yyyy-MM-dd'. */
  today(): string {
    return formatDate(new Date(this.now()), this.timeZone, 'yyyy-MM-dd');
  }

  /** Runs fn once, the next time the counted method (e.g. 'Lock.tryLock', 'Range.setValues') is called, before it acts. */
  beforeCall(method: string, fn: () => void): void {
    this.calls.before(method, fn);
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`No sheet "${name}"`);
    return s;
  }
  activate(name: string): void {
    this.active = this.sheet(name);
  }

  /**
   * One execution by a user (an onOpen, a menu action, a google.script.run call, a custom-function
   * cell): its own services and its own hold on the document lock. Sessions on one spreadsheet share
   * its document, its properties and its lock; two sessions of the same user are two executions.
   */
  session(user = 'me@example.com', files: Record<string, string> = {}): FakeSession {
    return new FakeSession(this, user, files, `${user}#${++this.executions}`);
  }
}

class FakeProperties implements PropertiesApi {
  constructor(private readonly book: FakeSpreadsheet) {}
  private read(name: string): void {
    this.book.calls.count(`Properties.${name}`);
    if (++this.book.propertyReads > this.book.propertyReadsPerDay) throw new Error('Service invoked too many times for one day: properties.');
  }
  getProperty(key: string): string | null {
    this.read('getProperty');
    return Object.prototype.hasOwnProperty.call(this.book.properties, key) ? this.book.properties[key] : null;
  }
  getProperties(): { [key: string]: string } {
    this.read('getProperties');
    return { ...this.book.properties };
  }
  /** Refuses a value over 9 KB (UTF-8 bytes of key and value) and a store over 500 KB, as Google does. */
  setProperty(key: string, value: string): PropertiesApi {
    this.book.calls.count('Properties.setProperty');
    const k = String(key);
    const v = String(value);
    const size = bytes(k) + bytes(v);
    if (size > PROPERTY_VALUE_BYTES) throw new Error('Argument too large: value');
    let total = size;
    for (const [other, text] of Object.entries(this.book.properties)) if (other !== k) total += bytes(other) + bytes(text);
    if (total > PROPERTY_STORE_BYTES) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.book.properties[k] = v;
    return this;
  }
  deleteProperty(key: string): PropertiesApi {
    this.book.calls.count('Properties.deleteProperty');
    delete this.book.properties[key];
    return this;
  }
}

class FakeLock implements LockApi {
  constructor(
    private readonly book: FakeSpreadsheet,
    private readonly execution: string,
  ) {}
  /** True if no other execution holds the document lock (then this one does); the fake never waits. */
  tryLock(timeoutInMillis: number): boolean {
    this.book.calls.count('Lock.tryLock');
    if (typeof timeoutInMillis !== 'number' || timeoutInMillis < 0) throw new Error('Invalid argument: timeoutInMillis');
    if (this.book.lockHolder !== null && this.book.lockHolder !== this.execution) return false;
    this.book.lockHolder = this.execution;
    return true;
  }
  releaseLock(): void {
    this.book.calls.count('Lock.releaseLock');
    if (this.book.lockHolder === this.execution) this.book.lockHolder = null;
  }
  hasLock(): boolean {
    this.book.calls.count('Lock.hasLock');
    return this.book.lockHolder === this.execution;
  }
}

/** Apps Script's Utilities, as far as the fake goes. Not counted: it does not reach the document. */
export const fakeUtilities = {
  formatDate,
};

export class FakeSession {
  readonly ui = { menus: [] as { caption: string; fn: string }[][], sidebars: [] as string[], alerts: [] as string[] };
  readonly services: Services;

  constructor(
    readonly book: FakeSpreadsheet,
    readonly user: string,
    files: Record<string, string>,
    readonly execution: string = `${user}#0`,
  ) {
    const calls = book.calls;
    const ui: UiApi = {
      createAddonMenu: (): MenuApi => {
        const items: { caption: string; fn: string }[] = [];
        const menu: MenuApi = {
          addItem: (caption, fn) => (items.push({ caption, fn }), menu),
          addSeparator: () => (items.push({ caption: '—', fn: '' }), menu),
          addToUi: () => void this.ui.menus.push(items),
        };
        return menu;
      },
      showSidebar: (html) => void this.ui.sidebars.push((html as FakeHtml).title),
      alert: (prompt) => void this.ui.alerts.push(prompt),
    };
    const app: SpreadsheetAppApi = {
      getActiveSpreadsheet: () => (calls.count('SpreadsheetApp.getActiveSpreadsheet'), book),
      getUi: () => ui,
      newConditionalFormatRule: () => new FakeRuleBuilder(),
      InterpolationType: FAKE_INTERPOLATION,
    };
    const props = new FakeProperties(book);
    const lock = new FakeLock(book, execution);
    const properties: PropertiesServiceApi = { getDocumentProperties: () => (calls.count('PropertiesService.getDocumentProperties'), props) };
    const lockService: LockServiceApi = { getDocumentLock: () => (calls.count('LockService.getDocumentLock'), lock) };
    const html: HtmlServiceApi = {
      createHtmlOutputFromFile: (name) => {
        if (!(name in files)) throw new Error(`No HTML file named ${name} was found.`);
        return new FakeHtml(files[name]);
      },
    };
    this.services = { spreadsheetApp: app, properties, lock: lockService, html };
  }

  /** The execution ends: Apps Script releases the locks it still holds. */
  end(): void {
    if (this.book.lockHolder === this.execution) this.book.lockHolder = null;
  }

  /** The globals Apps Script would give Code.js. */
  globals() {
    const scriptTimeZone = this.book.scriptTimeZone;
    return {
      SpreadsheetApp: this.services.spreadsheetApp,
      PropertiesService: this.services.properties,
      LockService: this.services.lock,
      HtmlService: this.services.html,
      Utilities: fakeUtilities,
      Session: { getScriptTimeZone: () => scriptTimeZone },
    };
  }
}

class FakeHtml implements HtmlOutputApi {
  title = '';
  constructor(readonly content: string) {}
  setTitle(title: string): HtmlOutputApi {
    this.title = title;
    return this;
  }
}
