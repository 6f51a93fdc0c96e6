import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ColumnNumbers } from '../core/table';

/**
 * A streaming CSV reader (RFC 4180: quotes, "" escapes, newlines inside quotes), with CRLF, LF or
 * CR line ends, and `,` `;` or tab separators told apart on the first line. It reads the file in
 * chunks and hands over one record at a time, so a large file never sits in memory whole. The file
 * is UTF-8 (a BOM allowed), or UTF-16 LE/BE with its BOM; bytes that are not text in that encoding
 * are refused with their line, never replaced.
 */

export class CsvError extends Error {
  override name = 'CsvError';
}

/** The path itself is the problem (a folder, unreadable): the message follows the path, e.g. `accounts/ is a folder, not a file`. */
export class PathError extends Error {
  override name = 'PathError';
  /** The path as the message names it, when not the input file's. */
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export type Separator = ',' | ';' | '\t';

/** The separator that occurs most often on the first line, outside quotes. */
function detectSeparator(firstLine: string): Separator {
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

/**
 * `raw`: the record's text when kept; from the byte reader, `start` ≥ 0 and `raw` '' instead: the
 * record is bytes `start` to `end` of the file, exactly as written back (no field needs a guard).
 */
export type OnRecord = (fields: string[], record: number, raw: string, separator: Separator, start: number, end: number, numbers?: RecordNumbers) => void;

/**
 * From the byte reader: the record's plain numbers in the numeric columns, by column (`present[c]`
 * is 1 where column c held one; its field is then ''). Valid during the callback only.
 */
export type RecordNumbers = ColumnNumbers;

/**
 * Which columns, told from the header, hold plain numbers worth reading straight from the text:
 * in those, a field written like `-1234.5` (up to 15 digits) arrives as that number, exactly as
 * Number() reads it, with no string made for it; any other text there still arrives as text.
 * Asked after each record until it answers (the header need not be the first record).
 */
export type NumberColumns = (header: readonly string[]) => readonly boolean[] | null;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface CsvRead {
  records: number;
  separator: Separator;
  /** The file started with a byte order mark (written back when the CSV is). */
  bom: boolean;
  /** The file's size when read: what the byte ranges of its records (`start`, `end`) were taken from. */
  size: number;
}

/** The encoding a file's first bytes announce, and how many bytes its BOM takes. */
function encodingOf(bytes: Uint8Array): { encoding: Encoding; bom: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: 'utf-8', bom: 0 };
}

function openFile(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CsvError('no such file');
    throw new PathError(code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${reason(code)})`);
  }
  // On Linux a folder opens like a file and fails only when read.
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw new PathError('is a folder, not a file');
  }
  return fd;
}

/** Why a path cannot be used, in words. */
export function reason(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return code ?? 'unknown error';
  }
}

/**
 * Calls `onRecord(fields, recordNumber, raw)` for each record; record 1 is the file's first. `raw`
 * is the record's text as in the file (without its line end) when `keepRaw`, else ''.
 *
 * With `numbers` (the command line's scoring read), a UTF-8 file's records are split on its bytes
 * (see `BytesReader`), and a record kept as it was arrives as its byte range (`start`, `end`) in
 * the file instead of `raw`; `texts`, asked like `numbers`, names the columns whose text is used:
 * another column's field arrives as ''; `byteText`, asked with `texts`, names the column (the
 * account) whose field arrives as '' with its bytes in the record's numbers (`text`, `textFrom`,
 * `textTo`; unless it was quoted with a `""` inside). The fields array is the reader's own once
 * `numbers` has answered: the callback must not keep it.
 */
export function readCsv(
  path: string,
  onRecord: OnRecord,
  keepRaw = false,
  numbers?: NumberColumns,
  texts?: () => readonly boolean[] | null,
  byteText?: () => number,
): CsvRead {
  const fd = openFile(path);
  try {
    const size = fstatSync(fd).size;
    let parser = new CsvParser(onRecord, keepRaw);
    let from = 0;
    let resumed = false;
    let resumedBom = false;
    if (numbers && size > 0 && size <= BYTES_UP_TO) {
      const reader = new BytesReader(fd, size, onRecord, keepRaw, numbers, texts ?? (() => null), byteText ?? (() => -1));
      const done = reader.read();
      if (done.finished) return { records: done.records, separator: done.separator, bom: done.bom, size };
      resumedBom = done.bom;
      // Something the byte reader leaves to the text parser (a quote, a lone CR): from that record on.
      if (done.records > 0) {
        from = done.at;
        resumed = true;
        parser = CsvParser.resumed(onRecord, keepRaw, done.separator, done.records);
      }
    }
    const buffer = Buffer.allocUnsafe(CHUNK);
    let position = from;
    const next = (): Uint8Array | null => {
      // From the start, in order (a pipe cannot be read at a position); from where the byte reader stopped, at it.
      const n = read(fd, buffer, resumed ? position : null);
      position += n;
      return n === 0 ? null : buffer.subarray(0, n);
    };
    let decoder: TextDecoder | null = null;
    let found: { encoding: Encoding; bom: number } | null = resumed ? { encoding: 'utf-8', bom: 0 } : null;
    /** No part of a character is pending in the decoder: the last byte it was given was ASCII. */
    let clean = true;
    let start = !resumed;
    for (;;) {
      const bytes = next();
      if (bytes === null) break;
      const n = bytes.length;
      found ??= encodingOf(bytes);
      if (clean && found.encoding === 'utf-8' && isAscii(bytes)) {
        // ASCII is its own UTF-8 (and Latin-1): read as one-byte text, with no decoder.
        parser.push(Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1'));
      } else {
        // fatal: bytes that are not text stop the read (and are located below) instead of becoming U+FFFD.
        // A BOM is dropped only at the start of the file (a decoder started later keeps what it reads).
        decoder ??= new TextDecoder(found.encoding, { fatal: true, ignoreBOM: !start });
        parser.push(decode(decoder, bytes, true, fd, found.encoding));
        clean = bytes[n - 1] < 0x80;
      }
      start = false;
    }
    found ??= { encoding: 'utf-8', bom: 0 };
    if (decoder) parser.push(decode(decoder, undefined, false, fd, found.encoding));
    const records = parser.end();
    // A resumed read began past the start: the BOM, if any, was the byte reader's to see.
    return { records, separator: parser.separator, bom: resumed ? resumedBom : found.bom > 0, size };
  } finally {
    closeSync(fd);
  }
}

/** Files up to this size go to the byte reader (its records' byte ranges are 32-bit); larger ones to the text parser. */
const BYTES_UP_TO = 1 << 30;
/**
 * The byte reader's piece of the file: one buffer, reused from piece to piece (and made twice as
 * large for a record longer than it). Small on purpose: each 4 KiB of new memory costs a page fault
 * (about 11 µs on this kind of machine), and an 8 MiB piece was 2 000 of them at 100 000 rows.
 */
export const BYTES_PIECE = 1 << 18;
/**
 * The first piece is smaller (read on to a whole piece when the first line is longer): short enough
 * that the code between pieces runs in the first few hundred records. Met first a quarter of a
 * megabyte in, it is new to the compiled record loop, which V8 then throws away.
 */
export const FIRST_PIECE = 1 << 16;

interface BytesRead {
  /** The whole file was read; else the text parser goes on from byte `at`, the start of record `records + 1`. */
  finished: boolean;
  at: number;
  records: number;
  separator: Separator;
  bom: boolean;
  numeric: readonly boolean[] | null;
}

/**
 * Records split on the bytes of a UTF-8 file: a record that ends at LF or CRLF is split at its
 * separators (quoted fields that close before a separator included), a numeric column's plain
 * number read straight from the digits (`plainBytes`) and a used column's text decoded from its
 * bytes, with no text made of the file. The file is read in large pieces (a record cut by a piece's
 * end is carried to the next); a record to be written back as it was (`keepRaw`, no field starting
 * like a formula) is handed over as its byte range in the file. At the first record it cannot split
 * so (a line break inside quotes, a stray quote, a lone CR) or bytes that are not UTF-8 it stops,
 * and the text parser goes on from there (it names a bad line); a file that starts with another BOM
 * or UTF-16's is left to it whole.
 */
class BytesReader {
  private numeric: readonly boolean[] | null = null;
  private used: readonly boolean[] | null = null;
  private readonly fields: string[] = [];
  private ascii = true;
  /** The record being split has a text field that starts like a formula. */
  private guard = false;
  private b: Buffer;
  /** The file offset of b[0]. */
  private offset = 0;
  /** The current record's plain numbers, by column (sized to the numeric columns once known). */
  private numbers: RecordNumbers = BytesReader.numbersFor(0);
  /** The column handed over as its bytes (RecordNumbers' text), once the header is known; −1: none. */
  private textColumn = -1;

  constructor(
    private readonly fd: number,
    private readonly size: number,
    private readonly onRecord: OnRecord,
    private readonly keepRaw: boolean,
    private readonly numberColumns: NumberColumns,
    private readonly texts: () => readonly boolean[] | null,
    private readonly byteText: () => number,
  ) {
    this.b = Buffer.allocUnsafe(Math.min(size, BYTES_PIECE));
  }

  private static numbersFor(columns: number): RecordNumbers {
    return { values: new Float64Array(columns), present: new Uint8Array(columns), text: EMPTY, textFrom: -1, textTo: -1 };
  }

  private text(from: number, to: number): string {
    if (from === to) return '';
    return this.b.toString(this.ascii ? 'latin1' : 'utf8', from, to);
  }

  /** Reads into b[len…] (up to b[upTo − 1]) from file offset `position`; the new length. */
  private fill(len: number, position: number, upTo = this.b.length): number {
    let at = len;
    while (at < upTo && position + (at - len) < this.size) {
      let n: number;
      try {
        n = readSync(this.fd, this.b, at, upTo - at, position + (at - len));
      } catch (error) {
        throw new PathError(`cannot be read (${reason((error as NodeJS.ErrnoException).code)})`);
      }
      if (n === 0) break;
      at += n;
    }
    return at;
  }

  read(): BytesRead {
    let len = this.fill(0, 0, Math.min(this.b.length, FIRST_PIECE));
    /** The file offset of the end of what has been read. */
    let readTo = len;
    let b = this.b;
    const bom = len >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    let at = bom ? 3 : 0;
    const refuse: BytesRead = { finished: false, at: 0, records: 0, separator: ',', bom, numeric: null };
    // Another BOM or UTF-16's: the text reader's.
    if (encodingOf(b).encoding !== 'utf-8' || (bom && len >= 6 && b[3] === 0xef && b[4] === 0xbb && b[5] === 0xbf)) return refuse;
    // The separator, from the first line as the text parser finds it (up to its first CR or LF).
    let eol = at;
    while (eol < len && b[eol] !== LF && b[eol] !== CR) eol++;
    // A first line longer than the first piece: the rest of the piece is read before it is given up on.
    if (eol === len && readTo < this.size && len < b.length) {
      len = this.fill(len, readTo);
      readTo = len;
      while (eol < len && b[eol] !== LF && b[eol] !== CR) eol++;
    }
    if (eol === len && (readTo < this.size || len - at >= 65536)) return refuse;
    this.ascii = isAscii(b.subarray(at, eol));
    if (!this.ascii && !isUtf8(b.subarray(at, eol))) return refuse;
    const separator = detectSeparator(this.text(at, eol));
    const sep = separator.charCodeAt(0);
    let records = 0;
    const stop = (): BytesRead => ({ finished: false, at: this.offset + at, records, separator, bom, numeric: this.numeric });
    let ended = false;
    for (;;) {
      const last: boolean = ended || readTo >= this.size;
      // Whole records only: up to the last LF of what has been read, or everything at the end of the file.
      const cut: number = last ? len : b.lastIndexOf(LF, len - 1) + 1;
      if (cut > at) {
        const region = b.subarray(at, cut);
        this.ascii = isAscii(region);
        if (!this.ascii && !isUtf8(region)) return stop();
        let nextQuote = -1;
        let nextCR = -1;
        while (at < cut) {
          let lf = b.indexOf(LF, at);
          if (lf < 0 || lf >= cut) lf = cut;
          if (nextQuote < at) nextQuote = b.indexOf(QUOTE, at) >>> 0; // -1 → beyond any index
          if (nextCR < at) nextCR = b.indexOf(CR, at) >>> 0;
          const end = nextCR === lf - 1 && lf < cut ? lf - 1 : lf;
          if (nextCR < end || !this.record(at, end, sep, records + 1, separator, nextQuote < lf)) return stop();
          records++;
          at = lf + 1;
        }
      }
      if (last) return { finished: true, at: this.offset + len, records, separator, bom, numeric: this.numeric };
      // Carry the cut record to the start (the piece grows when one record is longer than it), read on.
      const carry: number = len - cut;
      if (carry === b.length) {
        const bigger = Buffer.allocUnsafe(b.length * 2);
        b.copy(bigger, 0, cut, len);
        this.b = b = bigger;
      } else b.copy(b, 0, cut, len);
      this.offset += cut;
      at = 0;
      len = this.fill(carry, readTo);
      // The file ended sooner than its size said (it shrank while read): what there is, is all.
      ended = len === carry;
      readTo = this.offset + len;
    }
  }

  /** Hands over record `records`, bytes [at, end) of the piece; false (nothing handed over) when it is the text parser's. */
  private record(at: number, end: number, sep: number, records: number, separator: Separator, quotes: boolean): boolean {
    this.guard = false;
    const fields = this.fields;
    if (!this.split(at, end, sep, quotes)) {
      fields.length = 0;
      return false;
    }
    if (this.numeric === null) {
      // Until the header is known every field is text, in an array of its own (the caller may keep it).
      const own = fields.slice();
      this.onRecord(own, records, this.keepRaw ? this.text(at, end) : '', separator, -1, -1);
      this.numeric = this.numberColumns(own as string[]);
      if (this.numeric) {
        this.used = this.texts();
        this.textColumn = this.byteText();
        this.numbers = BytesReader.numbersFor(this.numeric.length);
      }
    } else if (!this.keepRaw) this.onRecord(fields, records, '', separator, -1, -1, this.numbers);
    else if (!this.guard) this.onRecord(fields, records, '', separator, this.offset + at, this.offset + end, this.numbers);
    else {
      // A field starts like a formula: the record is re-written field by field, so every field is read as text.
      const { used, numeric } = this;
      this.used = null;
      this.numeric = null;
      this.split(at, end, sep, quotes);
      this.used = used;
      this.numeric = numeric;
      this.onRecord(fields, records, this.text(at, end), separator, -1, -1);
    }
    return true;
  }

  /**
   * Splits the record [from, end) into `fields`: unquoted fields, and quoted ones ("" for a quote)
   * that close before a separator or the record's end. Anything else (a quote inside an unquoted
   * field, text after a closing quote, a quoted field that goes on past the line) is the text
   * parser's: false. `quotes`: the record holds a quote at all. The array is the same from record to
   * record, written over in place: emptied and filled again, V8 would free its store each time
   * (`length = 0` trims it) and grow a new one field by field.
   */
  private split(from: number, end: number, sep: number, quotes: boolean): boolean {
    const b = this.b;
    const numeric = this.numeric;
    const used = this.used;
    const fields = this.fields;
    const textColumn = numeric !== null ? this.textColumn : -1;
    this.numbers.textFrom = -1;
    let start = from;
    let col = 0;
    for (; ; col++) {
      // The field's text is [first, last); the next field starts after `stop` (a separator, or the end).
      let first = start;
      let last: number;
      let stop: number;
      let escaped = false;
      if (quotes && start < end && b[start] === QUOTE) {
        first = start + 1;
        let q = first;
        for (;;) {
          q = b.indexOf(QUOTE, q);
          if (q < 0 || q >= end) return false;
          if (q + 1 < end && b[q + 1] === QUOTE) {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        last = q;
        stop = q + 1;
        if (stop < end && b[stop] !== sep) return false;
      } else {
        // Fields are short: a loop over their bytes costs less than a call to indexOf each.
        stop = start;
        if (quotes) {
          for (; stop < end; stop++) {
            const c = b[stop];
            if (c === sep) break;
            if (c === QUOTE) return false;
          }
        } else while (stop < end && b[stop] !== sep) stop++;
        last = stop;
      }
      const v = numeric !== null && numeric[col] === true && !escaped ? plainBytes(b, first, last) : Number.NaN;
      if (v === v) {
        // Into the record's numbers, not the fields (a boxed number per cell would be garbage by the million).
        this.numbers.values[col] = v;
        this.numbers.present[col] = 1;
        fields[col] = '';
      } else {
        if (numeric !== null && col < numeric.length) this.numbers.present[col] = 0;
        // A column nobody reads arrives as ''; when written back, a field that starts like a formula is marked.
        if (this.keepRaw && last > first && formulaByte(b[first])) this.guard = true;
        if (used !== null && col < used.length && !used[col]) fields[col] = '';
        else if (col === textColumn && !escaped) {
          // The account: its bytes, not a string (src/cli/account-bytes.ts).
          fields[col] = '';
          const numbers = this.numbers;
          numbers.text = b;
          numbers.textFrom = first;
          numbers.textTo = last;
        } else {
          const text = this.text(first, last);
          fields[col] = escaped ? text.replace(/""/gu, '"') : text;
        }
      }
      if (stop >= end) break;
      start = stop + 1;
    }
    if (fields.length !== col + 1) fields.length = col + 1;
    // A short record has no number in the columns past its end (not the record before's).
    if (numeric !== null) for (let c = fields.length; c < numeric.length; c++) this.numbers.present[c] = 0;
    return true;
  }
}

/**
 * Bytes [from, to) as `-?digits(.digits)?` with at most 15 digits, read as Number() reads them (as
 * `plainNumber` does for text); NaN for anything else.
 */
function plainBytes(b: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = i < to && b[i] === 45;
  if (negative) i++;
  let digits = 0;
  let value = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0 && digits > 0) decimals = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > 15 || decimals === 0) return Number.NaN;
  const v = decimals > 0 ? value / POWERS_OF_TEN[decimals] : value;
  return negative ? -v : v;
}

const EMPTY = new Uint8Array(0);

/** A first byte that makes a field formula-like (formulaLike's characters; a CR never reaches here). */
const formulaByte = (c: number) => c === 61 || c === 43 || c === 45 || c === 64 || c === 9;

function read(fd: number, buffer: Buffer, position: number | null = null): number {
  try {
    return readSync(fd, buffer, 0, buffer.length, position);
  } catch (error) {
    throw new PathError(`cannot be read (${reason((error as NodeJS.ErrnoException).code)})`);
  }
}

function decode(decoder: TextDecoder, bytes: Uint8Array | undefined, stream: boolean, fd: number, encoding: Encoding): string {
  try {
    return bytes ? decoder.decode(bytes, { stream }) : decoder.decode();
  } catch {
    const at = firstBadLine(fd, encoding);
    throw new CsvError(
      encoding === 'utf-8'
        ? `line ${at.line}: the file is not UTF-8 text (byte 0x${at.byte.toString(16).toUpperCase().padStart(2, '0')}); save it as UTF-8 (in Excel: CSV UTF-8) and try again`
        : `line ${at.line}: the file is not valid ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} text; save it as UTF-8 (in Excel: CSV UTF-8) and try again`,
    );
  }
}

/**
 * Re-reads the file from its start to the first bytes that are not text in `encoding` (by the
 * rules TextDecoder's fatal mode follows): the line they are on (CRLF, LF or CR end a line) and
 * their first byte. Only run once a read has failed.
 */
function firstBadLine(fd: number, encoding: Encoding): { line: number; byte: number } {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const scan = encoding === 'utf-8' ? new Utf8Scan() : new Utf16Scan(encoding === 'utf-16le');
  for (let position = 0; ; ) {
    const n = read(fd, buffer, position);
    if (n === 0) break;
    const bad = scan.push(buffer, n);
    if (bad >= 0) return { line: scan.line, byte: bad };
    position += n;
  }
  return { line: scan.line, byte: scan.pendingByte };
}

/** Counts line ends; `push` returns the first byte of an invalid sequence, else −1. */
class Utf8Scan {
  line = 1;
  pendingByte = 0;
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;
  private lastCR = false;

  push(b: Uint8Array, n: number): number {
    for (let i = 0; i < n; i++) {
      const c = b[i];
      if (this.need > 0) {
        if (c < this.lo || c > this.hi) return this.pendingByte;
        this.need--;
        this.lo = 0x80;
        this.hi = 0xbf;
        continue;
      }
      if (c === LF ? !this.lastCR : c === CR) this.line++;
      this.lastCR = c === CR;
      if (c < 0x80) continue;
      this.pendingByte = c;
      if (c >= 0xc2 && c <= 0xdf) this.need = 1;
      else if (c >= 0xe0 && c <= 0xef) {
        this.need = 2;
        if (c === 0xe0) this.lo = 0xa0;
        else if (c === 0xed) this.hi = 0x9f;
      } else if (c >= 0xf0 && c <= 0xf4) {
        this.need = 3;
        if (c === 0xf0) this.lo = 0x90;
        else if (c === 0xf4) this.hi = 0x8f;
      } else return c;
    }
    return -1;
  }
}

/** UTF-16 code units (after the BOM); a surrogate without its partner, or an odd last byte, is invalid. */
class Utf16Scan {
  line = 1;
  pendingByte = 0;
  private odd = -1;
  private high = false;
  private lastCR = false;
  private started = false;

  constructor(private readonly little: boolean) {}

  push(b: Uint8Array, n: number): number {
    let i = 0;
    if (!this.started) {
      this.started = true;
      i = 2;
    }
    for (; i < n; i++) {
      if (this.odd < 0) {
        this.odd = b[i];
        continue;
      }
      const unit = this.little ? this.odd | (b[i] << 8) : (this.odd << 8) | b[i];
      this.odd = -1;
      const surrogate = unit >= 0xd800 && unit <= 0xdfff;
      if (this.high) {
        if (unit < 0xdc00 || unit > 0xdfff) return this.pendingByte;
        this.high = false;
        continue;
      }
      if (surrogate) {
        if (unit >= 0xdc00) return unit >> 8;
        this.high = true;
        this.pendingByte = unit >> 8;
        continue;
      }
      if (unit === LF ? !this.lastCR : unit === CR) this.line++;
      this.lastCR = unit === CR;
    }
    return -1;
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

  constructor(
    private readonly onRecord: OnRecord,
    private readonly keepRaw = false,
  ) {}

  get separator(): Separator {
    return this.sep ?? ',';
  }

  /** A parser that goes on where the byte reader stopped: at the start of record `records + 1`, on line `records + 1`. */
  static resumed(onRecord: OnRecord, keepRaw: boolean, sep: Separator, records: number): CsvParser {
    const parser = new CsvParser(onRecord, keepRaw);
    parser.started = true;
    parser.sep = sep;
    parser.record = records;
    parser.line = records + 1;
    parser.recordLine = records + 1;
    return parser;
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
    const sepChar = this.sep!;
    const sep = sepChar.charCodeAt(0);
    let field = this.field;
    const len = s.length;
    let i = 0;
    // Where the next quote and CR are: a record that starts here and ends at an LF before either is
    // split in one native call (most lines of most files).
    let nextQuote = -1;
    let nextCR = -1;
    while (i < len) {
      if (!this.quoted && field === '' && this.fields.length === 0 && !this.lastWasCR) {
        const lf = s.indexOf('\n', i);
        if (lf >= 0) {
          if (nextQuote < i) nextQuote = s.indexOf('"', i) >>> 0; // -1 → beyond any index
          if (nextCR < i) nextCR = s.indexOf('\r', i) >>> 0;
          if (nextQuote > lf && nextCR >= lf - 1) {
            const end = nextCR === lf - 1 ? lf - 1 : lf;
            this.fields = s.slice(i, end).split(sepChar);
            this.deliver(end);
            i = lf + 1;
            this.rawStart = i;
            this.line++;
            this.recordLine = this.line;
            continue;
          }
        }
      }
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
        if (j < len) {
          this.quoteSeen = true;
          this.lastWasCR = false;
        }
        i = j + 1;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === sep) {
        this.fields.push(field);
        field = '';
        this.lastWasCR = false;
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
    this.fields.push(this.field);
    this.field = '';
    this.deliver(end);
  }

  /** Hands over the record whose fields are all in `fields`. */
  private deliver(end: number): void {
    let raw = '';
    if (this.keepRaw) {
      raw = this.rawBefore + this.chunk.slice(this.rawStart, end);
      this.rawBefore = '';
    }
    this.quoteSeen = false;
    this.quoted = false;
    this.record++;
    const fields = this.fields;
    this.fields = [];
    this.onRecord(fields, this.record, raw, this.sep ?? ',', -1, -1);
  }
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * `-?digits(.digits)?` with at most 15 digits, read as Number() would (D / 10^k is correctly rounded
 * because both are exact); NaN for anything else. The byte reader's rule (plainBytes), for text.
 */
export function plainNumber(s: string, start: number, stop: number): number {
  const bytes = Buffer.from(s.slice(start, stop));
  return plainBytes(bytes, 0, bytes.length);
}

/** Text a spreadsheet would run as a formula when opening the CSV: `=`, `+`, `-`, `@`, tab or CR first. */
export function formulaLike(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/u;

/**
 * Text that is a number and nothing else (`-120`, `+4.5`, `-1e3`): a spreadsheet reads it back as
 * that number, so it is safe to write as it is. `-2+3`, `-$5` or `- 5` are not.
 */
function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text) && Number.isFinite(Number(text));
}

/** A field a spreadsheet would run: formula-like first character, and not a plain number. */
function needsGuard(text: string): boolean {
  return text !== '' && formulaLike(text) && !isPlainNumber(text);
}

function quoteIfNeeded(text: string, sep: Separator): string {
  const quotes = text.indexOf('"') >= 0;
  if (!quotes && text.indexOf(sep) < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
  return quotes ? `"${text.replace(/"/gu, '""')}"` : `"${text}"`;
}

/**
 * One CSV field we write, quoted for the file's separator. Numbers are written as numbers; text
 * that a spreadsheet would run as a formula (first `=` `+` `-` `@`, tab or CR, unless it is a plain
 * number) gets a leading apostrophe.
 */
export function csvField(value: string | number | null | undefined, sep: Separator = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return quoteIfNeeded(needsGuard(value) ? `'${value}` : value, sep);
}

/** An input record as it goes back out: its own text when that is safe, else re-written field by field with the guard. */
export function inputLine(fields: readonly string[], raw: string, sep: Separator): string {
  // Every field arrives as its text here (the byte reader hands a record to guard over whole, as text).
  for (const f of fields) if (needsGuard(f)) return fields.map((x) => csvField(x, sep)).join(sep);
  return raw;
}
