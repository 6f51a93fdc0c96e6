import { closeSync, openSync, readSync } from 'node:fs';

/**
 * A streaming CSV reader (RFC 4180: quotes, "" escapes, newlines inside quotes), with a BOM, CRLF,
 * LF or CR line ends, and `,` `;` or tab separators told apart on the first line. It reads the file in
 * chunks and hands over one record at a time, so a large file never sits in memory whole.
 */

export class CsvError extends Error {
  override name = 'CsvError';
}

export type Separator = ',' | ';' | '\t';

/** The separator that occurs most often on the first line, outside quotes. */
export function detectSeparator(firstLine: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as Separator]++;
  }
  return (Object.keys(counts) as Separator[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
}

const CHUNK = 1 << 20;
const QUOTE = 34;
const LF = 10;
const CR = 13;

export type OnRecord = (fields: string[], record: number, raw: string, separator: Separator) => void;

/**
 * Calls `onRecord(fields, recordNumber, raw)` for each record; record 1 is the header. `raw` is the
 * record's text as in the file (without its line end) when `keepRaw`, else ''.
 */
export function readCsv(path: string, onRecord: OnRecord, keepRaw = false): { records: number; separator: Separator } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CsvError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : 'cannot be read');
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    const decoder = new TextDecoder('utf-8');
    const parser = new CsvParser(onRecord, keepRaw);
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      parser.push(decoder.decode(buffer.subarray(0, n), { stream: true }));
    }
    parser.push(decoder.decode());
    const records = parser.end();
    return { records, separator: parser.separator };
  } finally {
    closeSync(fd);
  }
}

/** Parses CSV text that arrives in pieces. */
export class CsvParser {
  private sep: Separator | null = null;
  private field = '';
  private fields: string[] = [];
  private quoted = false;
  /** Inside a quoted field, the last character was a quote (end of field or an escaped quote). */
  private quoteSeen = false;
  private record = 0;
  private line = 1;
  private recordLine = 1;
  private pending = '';
  private started = false;
  private lastWasCR = false;

  /** Text of the current record read in earlier chunks, and where it starts in this one. */
  private rawBefore = '';
  private rawStart = 0;
  private chunk = '';

  constructor(private readonly onRecord: OnRecord, private readonly keepRaw = false) {}

  get separator(): Separator {
    return this.sep ?? ',';
  }

  push(text: string): void {
    let s = text;
    if (!this.started) {
      this.pending += s;
      const eol = this.pending.search(/[\r\n]/u);
      if (eol < 0 && this.pending.length < 65536) return;
      s = this.pending.replace(/^\uFEFF/u, '');
      this.pending = '';
      this.started = true;
      this.sep = detectSeparator(eol < 0 ? s : s.slice(0, s.search(/[\r\n]/u)));
    }
    this.scan(s);
  }

  end(): number {
    if (!this.started) {
      this.started = true;
      const s = this.pending.replace(/^\uFEFF/u, '');
      this.sep = detectSeparator(s);
      this.scan(s);
    }
    if (this.quoted && !this.quoteSeen) throw new CsvError(`line ${this.recordLine}: a quoted field is not closed (a " is missing)`);
    if (this.field !== '' || this.fields.length > 0 || this.quoteSeen) this.emit(this.chunk.length);
    return this.record;
  }

  private scan(s: string): void {
    if (this.keepRaw) {
      this.rawBefore += this.chunk.slice(this.rawStart);
      this.rawStart = 0;
      this.chunk = s;
    }
    const sep = this.sep!.charCodeAt(0);
    let field = this.field;
    const len = s.length;
    let i = 0;
    while (i < len) {
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (s.charCodeAt(i) === QUOTE) {
            field += '"';
            i++;
            continue;
          }
          this.quoted = false; // the quote closed the field; what follows is read as unquoted
          continue;
        }
        // Copy up to the next quote in one slice, counting the lines it spans for messages.
        let j = s.indexOf('"', i);
        if (j < 0) j = len;
        const piece = s.slice(i, j);
        for (let k = 0; k < piece.length; k++) {
          const c = piece.charCodeAt(k);
          if (c === LF ? !this.lastWasCR : c === CR) this.line++;
          this.lastWasCR = c === CR;
        }
        field += piece;
        if (j < len) this.quoteSeen = true;
        i = j + 1;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === sep) {
        this.fields.push(field);
        field = '';
        i++;
      } else if (c === LF || c === CR) {
        i++;
        if (c === LF && this.lastWasCR) {
          this.lastWasCR = false;
          this.rawStart = i;
          continue;
        }
        this.lastWasCR = c === CR;
        this.field = field;
        this.emit(i - 1);
        this.rawStart = i;
        field = '';
        this.line++;
        this.recordLine = this.line;
      } else if (c === QUOTE && field === '') {
        this.quoted = true;
        this.lastWasCR = false;
        i++;
      } else {
        // An unquoted run: up to the next separator, line end or quote.
        let j = i + 1;
        while (j < len) {
          const d = s.charCodeAt(j);
          if (d === sep || d === LF || d === CR || d === QUOTE) break;
          j++;
        }
        field += s.slice(i, j);
        if (j < len && s.charCodeAt(j) === QUOTE) {
          field += '"'; // a quote inside an unquoted field is kept as it is, as spreadsheets do
          j++;
        }
        this.lastWasCR = false;
        i = j;
      }
    }
    this.field = field;
  }

  /** `end`: where the record's text ends in the current chunk. */
  private emit(end: number): void {
    let raw = '';
    if (this.keepRaw) {
      raw = this.rawBefore + this.chunk.slice(this.rawStart, end);
      this.rawBefore = '';
    }
    this.fields.push(this.field);
    this.field = '';
    this.quoteSeen = false;
    this.quoted = false;
    this.record++;
    const fields = this.fields;
    this.fields = [];
    this.onRecord(fields, this.record, raw, this.sep ?? ',');
  }
}

/** Text a spreadsheet would run as a formula when opening the CSV: `=`, `+`, `-`, `@`, tab or CR first. */
function formulaLike(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

function quoteIfNeeded(text: string, sep: Separator): string {
  if (text.indexOf('"') < 0 && text.indexOf(sep) < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
  return `"${text.replace(/"/gu, '""')}"`;
}

/**
 * One CSV field we write. Text a spreadsheet would run as a formula gets a leading apostrophe;
 * numbers are written as numbers.
 */
export function csvField(value: string | number | null | undefined, sep: Separator = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return quoteIfNeeded(formulaLike(value) ? `'${value}` : value, sep);
}

/** An input field copied to the output: as it was, unless it is formula-like text (a number such as -120 stays). */
export function copyField(text: string, sep: Separator = ','): string {
  if (text !== '' && formulaLike(text) && !/^[+-]\p{Sc}?\d/u.test(text)) return csvField(text, sep);
  return quoteIfNeeded(text, sep);
}

/** An input record as it goes back out: its own text when that is safe, else re-written field by field with the guard. */
export function inputLine(fields: readonly string[], raw: string, sep: Separator): string {
  for (const f of fields) {
    if (f !== '' && formulaLike(f) && !/^[+-]\p{Sc}?\d/u.test(f)) return fields.map((x) => copyField(x, sep)).join(sep);
  }
  return raw;
}
