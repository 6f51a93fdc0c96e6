/**
 * An in-memory fake of the Sheets services, typed against the shell's narrow interfaces (which the
 * real services must also satisfy). It counts the calls that reach the document — SpreadsheetApp,
 * Spreadsheet, Sheet, Range, Properties and Lock methods — so tests can assert that work is batched.
 * Builders, rules, charts and metadata handles are local values and are not counted. The local
 * preview uses the same fake as its runtime.
 */
import type {
  BooleanConditionApi, ConditionalFormatRuleApi, ConditionalFormatRuleBuilderApi, DeveloperMetadataApi,
  DeveloperMetadataFinderApi, EmbeddedChartApi, EmbeddedChartBuilderApi, HtmlOutputApi, HtmlServiceApi, LockApi,
  LockServiceApi, MenuApi, PropertiesApi, PropertiesServiceApi, RangeApi, RangeListApi, Services, SheetApi, SpreadsheetApi,
  SpreadsheetAppApi, UiApi,
} from '../../src/sheet/apps-script';
import { columnLetter as columnToLetter, columnNumber } from '../../src/sheet/a1';

export type Value = string | number | boolean | Date;
type Grid = Value[][];

export class CallCounter {
  total = 0;
  byMethod: Record<string, number> = {};
  count(name: string): void {
    this.total++;
    this.byMethod[name] = (this.byMethod[name] ?? 0) + 1;
  }
  reset(): void {
    this.total = 0;
    this.byMethod = {};
  }
}


function copyValue(v: Value): Value {
  return v instanceof Date ? new Date(v.getTime()) : v;
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
  constructor(private readonly sheet: FakeSheet, readonly record: MetadataRecord) {}
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
    };
  }
  remove(): void {
    this.sheet.metadata = this.sheet.metadata.filter((m) => m !== this.record);
  }
}

class FakeFinder implements DeveloperMetadataFinderApi {
  private key: string | null = null;
  constructor(private readonly sheet: FakeSheet) {}
  withKey(key: string): DeveloperMetadataFinderApi {
    this.key = key;
    return this;
  }
  find(): DeveloperMetadataApi[] {
    this.sheet.book.calls.count('DeveloperMetadataFinder.find');
    return this.sheet.metadata.filter((m) => this.key === null || m.key === this.key).map((m) => new FakeMetadata(this.sheet, m));
  }
}

// ── Conditional formats ─────────────────────────────────────────────────────────────────────

export class FakeRule implements ConditionalFormatRuleApi {
  constructor(readonly formula: string | null, readonly background: string | null, readonly ranges: FakeRange[]) {}
  getBooleanCondition(): BooleanConditionApi | null {
    return this.formula === null ? null : { getCriteriaValues: () => [this.formula] };
  }
}

class FakeRuleBuilder implements ConditionalFormatRuleBuilderApi {
  private formula: string | null = null;
  private background: string | null = null;
  private ranges: FakeRange[] = [];
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
  build(): ConditionalFormatRuleApi {
    return new FakeRule(this.formula, this.background, [...this.ranges]);
  }
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
  constructor(readonly sheet: FakeSheet, readonly row: number, readonly column: number, readonly numRows: number, readonly numColumns: number) {}
  private count(name: string): void {
    this.sheet.book.calls.count(`Range.${name}`);
  }
  getValues(): Value[][] {
    this.count('getValues');
    return this.sheet.read(this.row, this.column, this.numRows, this.numColumns);
  }
  setValues(values: Value[][]): RangeApi {
    this.count('setValues');
    if (values.length !== this.numRows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`);
    }
    for (const row of values) {
      if (row.length !== this.numColumns) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`);
      }
    }
    this.sheet.write(this.row, this.column, values);
    return this;
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
  addDeveloperMetadata(key: string, value: string): RangeApi {
    this.count('addDeveloperMetadata');
    if (this.numColumns !== 1 || this.numRows !== this.sheet.maxRows || this.row !== 1) {
      throw new Error('Adding developer metadata to arbitrary ranges is not supported. Metadata can be added to rows, columns, sheets or spreadsheets.');
    }
    this.sheet.metadata.push({ id: this.sheet.book.nextId++, key, value, column: this.column });
    return this;
  }
}

export class FakeSheet implements SheetApi {
  values: Grid;
  formulas = new Map<string, string>();
  numberFormats = new Map<number, string>();
  /** Formats set on single cells ("row,column" → pattern), e.g. through a range list. */
  cellFormats = new Map<string, string>();
  metadata: MetadataRecord[] = [];
  rules: ConditionalFormatRuleApi[] = [];
  charts: FakeChart[] = [];
  maxRows: number;
  maxColumns: number;
  hidden = false;

  constructor(readonly book: FakeSpreadsheet, public name: string, readonly id: number, data: Value[][] = []) {
    // As in Sheets, text starting with "=" is a formula; its value is unknown until something computes it.
    this.values = data.map((r, i) => r.map((v, c) => {
      if (typeof v === 'string' && v.startsWith('=')) {
        this.formulas.set(`${i + 1},${c + 1}`, v);
        return '';
      }
      return copyValue(v);
    }));
    this.maxRows = Math.max(1000, data.length);
    this.maxColumns = Math.max(26, ...data.map((r) => r.length));
  }

  private count(name: string): void {
    this.book.calls.count(`Sheet.${name}`);
  }

  // Reading and writing cells, uncounted (the counted doors are Range's).
  read(row: number, column: number, numRows: number, numColumns: number): Value[][] {
    const out: Value[][] = new Array(numRows);
    for (let r = 0; r < numRows; r++) {
      const src = this.values[row - 1 + r];
      const line: Value[] = new Array(numColumns);
      for (let c = 0; c < numColumns; c++) {
        const v = src ? src[column - 1 + c] : undefined;
        line[c] = v === undefined || v === null ? '' : copyValue(v);
      }
      out[r] = line;
    }
    return out;
  }

  write(row: number, column: number, values: Value[][]): void {
    if (row + values.length - 1 > this.maxRows || column + (values[0]?.length ?? 0) - 1 > this.maxColumns) {
      throw new Error(`Range out of bounds: the sheet "${this.name}" has ${this.maxRows} rows and ${this.maxColumns} columns.`);
    }
    for (let r = 0; r < values.length; r++) {
      const target = (this.values[row - 1 + r] ??= []);
      for (let c = 0; c < values[r].length; c++) {
        const v = values[r][c];
        if (typeof v === 'string' && v.startsWith('=')) this.formulas.set(`${row + r},${column + c}`, v);
        else this.formulas.delete(`${row + r},${column + c}`);
        target[column - 1 + c] = copyValue(v);
      }
    }
    for (let r = 0; r < this.values.length; r++) this.values[r] ??= [];
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
      if (a < 1 || (column ?? 0) < 1 || numRows < 1 || numColumns < 1) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
      return new FakeRange(this, a, column!, numRows, numColumns);
    }
    return this.rangeOf(a);
  }
  getRangeList(a1Notations: string[]): RangeListApi {
    this.count('getRangeList');
    const ranges = a1Notations.map((a1) => this.rangeOf(a1));
    const list: RangeListApi = {
      setNumberFormat: (format) => {
        this.book.calls.count('RangeList.setNumberFormat');
        for (const r of ranges) {
          for (let i = 0; i < r.numRows; i++) for (let j = 0; j < r.numColumns; j++) this.cellFormats.set(`${r.row + i},${r.column + j}`, format);
        }
        return list;
      },
    };
    return list;
  }
  /** The number format Sheets would use at a cell: its own, else its column's; null for automatic. */
  formatAt(row: number, column: number): string | null {
    return this.cellFormats.get(`${row},${column}`) ?? this.numberFormats.get(column) ?? null;
  }
  private rangeOf(a: string): FakeRange {
    const m = /^([A-Z]+)(\d*)(?::([A-Z]+)(\d*))?$/u.exec(a.toUpperCase());
    if (!m) throw new Error(`Range not found: ${a}`);
    const c1 = columnNumber(m[1]);
    const r1 = m[2] ? Number(m[2]) : 1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : m[3] || !m[2] ? this.maxRows : r1;
    return new FakeRange(this, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
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
    if (this.values.length > afterPosition) this.values.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    this.maxRows += howMany;
    return this;
  }
  hideSheet(): SheetApi {
    this.count('hideSheet');
    this.hidden = true;
    return this;
  }
  insertColumnsAfter(columnIndex: number, howMany: number): SheetApi {
    this.count('insertColumnsAfter');
    for (const row of this.values) if (row && row.length > columnIndex) row.splice(columnIndex, 0, ...new Array<Value>(howMany).fill(''));
    for (const md of this.metadata) if (md.column !== null && md.column > columnIndex) md.column += howMany;
    this.maxColumns += howMany;
    return this;
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

  /** Test helpers: a deep copy of every value and formula. */
  snapshot(): { values: Grid; formulas: [string, string][] } {
    return { values: this.values.map((r) => (r ?? []).map(copyValue)), formulas: [...this.formulas].sort() };
  }
  /** Text as typed with a leading apostrophe in Sheets: getValues returns it, it is no formula. */
  setText(row: number, column: number, text: string): void {
    (this.values[row - 1] ??= [])[column - 1] = text;
    this.formulas.delete(`${row},${column}`);
  }
  setFormula(row: number, column: number, formula: string, cached: Value): void {
    this.write(row, column, [[cached]]);
    this.formulas.set(`${row},${column}`, formula);
  }

  /** The background Sheets would show at a cell from the conditional-format rules (first match wins). */
  backgroundAt(row: number, column: number): string | null {
    for (const rule of this.rules as FakeRule[]) {
      const range = rule.ranges.find((g) => row >= g.row && row < g.row + g.numRows && column >= g.column && column < g.column + g.numColumns);
      if (!range || !rule.formula) continue;
      const m = /^=\$([A-Z]+)(\d+)="((?:[^"]|"")*)"$/u.exec(rule.formula);
      if (!m) continue;
      const col = columnNumber(m[1]);
      const offset = row - range.row;
      const cell = this.values[Number(m[2]) - 1 + offset]?.[col - 1];
      if (String(cell ?? '') === m[3].replace(/""/gu, '"')) return rule.background;
    }
    return null;
  }
}

// ── Spreadsheet and the services ────────────────────────────────────────────────────────────

export class FakeSpreadsheet implements SpreadsheetApi {
  readonly calls = new CallCounter();
  sheets: FakeSheet[] = [];
  active: FakeSheet;
  properties: Record<string, string> = {};
  lockHolder: string | null = null;
  toasts: string[] = [];
  nextId = 1;

  constructor(sheets: Record<string, Value[][]>, public locale = 'en_US') {
    for (const [name, data] of Object.entries(sheets)) this.sheets.push(new FakeSheet(this, name, this.nextId++, data));
    if (this.sheets.length === 0) this.sheets.push(new FakeSheet(this, 'Sheet1', this.nextId++));
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
  insertSheet(name: string): SheetApi {
    this.count('insertSheet');
    if (this.sheets.some((s) => s.name === name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
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

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`No sheet "${name}"`);
    return s;
  }
  activate(name: string): void {
    this.active = this.sheet(name);
  }

  /** The services one user sees; two sessions on one spreadsheet share its document and its lock. */
  session(user = 'me@example.com', files: Record<string, string> = {}): FakeSession {
    return new FakeSession(this, user, files);
  }
}

export class FakeSession {
  readonly ui = { menus: [] as { caption: string; fn: string }[][], sidebars: [] as string[], alerts: [] as string[] };
  readonly services: Services;

  constructor(readonly book: FakeSpreadsheet, readonly user: string, files: Record<string, string>) {
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
    };
    const props: PropertiesApi = {
      getProperty: (key) => (calls.count('Properties.getProperty'), book.properties[key] ?? null),
      setProperty: (key, value) => {
        calls.count('Properties.setProperty');
        if (key.length + value.length > 9 * 1024) throw new Error('Argument too large: value');
        book.properties[key] = value;
        return props;
      },
      getProperties: () => (calls.count('Properties.getProperties'), { ...book.properties }),
    };
    const lock: LockApi = {
      tryLock: () => {
        calls.count('Lock.tryLock');
        if (book.lockHolder !== null && book.lockHolder !== user) return false;
        book.lockHolder = user;
        return true;
      },
      releaseLock: () => {
        calls.count('Lock.releaseLock');
        if (book.lockHolder === user) book.lockHolder = null;
      },
    };
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

  /** The globals Apps Script would give Code.js. */
  globals() {
    return {
      SpreadsheetApp: this.services.spreadsheetApp,
      PropertiesService: this.services.properties,
      LockService: this.services.lock,
      HtmlService: this.services.html,
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
