import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { Sink } from './output';

/**
 * The records of a file `score --format csv` writes back, in order: each either text (guarded
 * against formulas, or read by the text parser) or a byte range of the input file, copied out as it
 * was with no string made for it. The ranges are read again from the file as they are written (in
 * large pieces, in order), so the file is never held whole; when the output is the input file itself,
 * `load` holds it first. Padding to the widest row is kept apart and written after. Entry 0 is
 * whatever stands above the data rows (title lines and the header) as one text.
 */
export class KeptLines {
  private n = 0;
  private starts: Int32Array = new Int32Array(1024);
  private ends: Int32Array = new Int32Array(1024);
  private readonly texts = new Map<number, string>();
  private readonly pads = new Map<number, string>();
  /** The input file, and its size when read (a file changed since is refused, not half copied). */
  private path = '';
  private size = 0;
  /** The file whole (`load`), or a piece of it: bytes from `windowStart`. */
  private window: Buffer | null = null;
  private windowStart = 0;
  private windowEnd = 0;
  private whole = false;
  private fd = -1;

  get length(): number {
    return this.n;
  }

  /** The file the ranges are in, and its size when it was read. */
  source(path: string, size: number): void {
    this.path = path;
    this.size = size;
  }

  text(line: string): void {
    this.grow();
    this.starts[this.n] = -1;
    this.texts.set(this.n++, line);
  }

  span(start: number, end: number): void {
    this.grow();
    this.starts[this.n] = start;
    this.ends[this.n++] = end;
  }

  /** The first `count` entries (all text: they were read before the header was known) become one, joined by line ends. */
  joinHead(count: number): void {
    if (count <= 1) return;
    const joined: string[] = [];
    for (let k = 0; k < count; k++) joined.push(this.texts.get(k) ?? '');
    const rest: (string | [number, number])[] = [];
    for (let k = count; k < this.n; k++) rest.push(this.starts[k] < 0 ? (this.texts.get(k) ?? '') : [this.starts[k], this.ends[k]]);
    this.n = 0;
    this.texts.clear();
    this.text(joined.join('\n'));
    for (const r of rest) typeof r === 'string' ? this.text(r) : this.span(r[0], r[1]);
  }

  /** Entry 0 (text: the header and what stands above it). */
  get first(): string {
    return this.texts.get(0) ?? '';
  }

  set first(text: string) {
    this.texts.set(0, text);
    this.starts[0] = -1;
  }

  /** `extra` (separators) goes after entry `k`. */
  pad(k: number, extra: string): void {
    this.pads.set(k, (this.pads.get(k) ?? '') + extra);
  }

  /** Holds the file whole now (the output is about to replace it). */
  load(): void {
    if (this.whole || !this.path) return;
    this.window = readFileSync(this.path);
    this.check(this.window.length);
    this.windowStart = 0;
    this.windowEnd = this.window.length;
    this.whole = true;
  }

  /** Entry `k` with its padding, straight into `sink`. */
  write(sink: Sink, k: number): void {
    const start = this.starts[k];
    if (start < 0) sink.write(this.texts.get(k)!);
    else {
      const end = this.ends[k];
      if (start < this.windowStart || end > this.windowEnd) this.read(start, end);
      sink.copy(this.window!, start - this.windowStart, end - this.windowStart);
    }
    if (this.pads.size > 0) {
      const pad = this.pads.get(k);
      if (pad !== undefined) sink.write(pad);
    }
  }

  /** Held whole (`load`): its ranges cannot be read again from the file by another thread. */
  get loaded(): boolean {
    return this.whole;
  }

  /** Entries [from, to) as plain data (for a worker thread), renumbered from 0. */
  block(from: number, to: number): KeptBlock {
    const texts = new Map<number, string>();
    const pads = new Map<number, string>();
    for (let k = from; k < to; k++) {
      if (this.starts[k] < 0) texts.set(k - from, this.texts.get(k)!);
      const pad = this.pads.get(k);
      if (pad !== undefined) pads.set(k - from, pad);
    }
    return { path: this.path, size: this.size, starts: this.starts.slice(from, to), ends: this.ends.slice(from, to), texts, pads };
  }

  /** Takes the entries of `block` in place of its own (a worker thread writing blocks of another's lines); the file stays open between blocks. */
  use(block: KeptBlock): void {
    if (block.path !== this.path) {
      this.close();
      this.source(block.path, block.size);
    }
    this.n = block.starts.length;
    this.starts = block.starts;
    this.ends = block.ends;
    this.texts.clear();
    for (const [k, text] of block.texts) this.texts.set(k, text);
    this.pads.clear();
    for (const [k, pad] of block.pads) this.pads.set(k, pad);
  }

  /** Done writing: the file is closed. */
  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.window = null;
  }

  private check(size: number): void {
    if (size !== this.size) throw new Error('the file changed while it was being scored; run abm-tier again');
  }

  /** The piece of the file from `start` that holds [start, end). */
  private read(start: number, end: number): void {
    if (this.fd < 0) {
      this.fd = openSync(this.path, 'r');
      this.check(fstatSync(this.fd).size);
    }
    // The first window is small, so the next read comes within the first rows written (see FIRST_PIECE).
    const size = Math.max(this.window ? PIECE : FIRST_PIECE, end - start);
    if (!this.window || this.window.length < size) this.window = Buffer.allocUnsafe(size);
    let at = 0;
    const want = Math.min(size, this.size - start);
    while (at < want) {
      const n = readSync(this.fd, this.window, at, want - at, start + at);
      if (n === 0) break;
      at += n;
    }
    if (start + at < end) throw new Error('the file changed while it was being scored; run abm-tier again');
    this.windowStart = start;
    this.windowEnd = start + at;
  }

  /** Room for `count` entries in all, made once (the rows the file is expected to hold), not by doubling. */
  reserve(count: number): void {
    if (count <= this.starts.length) return;
    const starts = new Int32Array(count);
    starts.set(this.starts.subarray(0, this.n));
    this.starts = starts;
    const ends = new Int32Array(count);
    ends.set(this.ends.subarray(0, this.n));
    this.ends = ends;
  }

  private grow(): void {
    if (this.n === this.starts.length) this.reserve(this.n * 2);
  }
}

/** The piece of the file read at a time: reused, so its pages are touched once (a bigger one costs a page fault per 4 KiB and no fewer reads that matter). */
const PIECE = 1 << 18;
/**
 * The first piece read: a few dozen records. A second read met first a quarter of a megabyte in is new
 * to the compiled loop that writes the rows, which V8 then throws away (issue 16).
 */
const FIRST_PIECE = 1 << 13;

/** Some of a KeptLines' entries as plain data (KeptLines.block), with the file their ranges are in. */
export interface KeptBlock {
  path: string;
  size: number;
  starts: Int32Array;
  ends: Int32Array;
  texts: Map<number, string>;
  pads: Map<number, string>;
}
