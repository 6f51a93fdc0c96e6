import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Where output goes: a file or stdout, through one reused buffer. Besides text (`write`, any
 * Unicode), a writer of rows can hand over pieces that need no encoding step: ASCII text, whole
 * numbers and bytes encoded once (labels), and JSON strings escaped as they are copied.
 */
export interface Sink {
  /** Any text, as UTF-8. */
  write(text: string): void;
  /** Text the caller knows is ASCII (our own punctuation and keys, a number's digits). */
  ascii(text: string): void;
  /** A whole number ≥ 0 (a row number), as its digits. */
  whole(value: number): void;
  /** Bytes encoded once (a label used on every row). */
  bytes(bytes: Uint8Array): void;
  /** Bytes `from` to `to` of `bytes`, as they are (a record of the input file written back). */
  copy(bytes: Uint8Array, from: number, to: number): void;
  /** `JSON.stringify(text)`, byte for byte, without the intermediate string when `text` is plain ASCII. */
  jsonString(text: string): void;
  /** jsonString of the text whose UTF-8 bytes are `bytes[from, to)` (valid UTF-8), copied as they are unless one needs escaping. */
  jsonUtf8(bytes: Uint8Array, from: number, to: number): void;
  close(): void;
}

const subarrayOf = Uint8Array.prototype.subarray;
/** Pieces copied up to this size are copied byte by byte (see `copy`). */
const COPY_LOOP = 512;

const FLUSH_AT = 1 << 20;
/**
 * The first flush comes this early. Each method checks for room through one function (`fit`), whose
 * call of `flush` V8 then has seen before it compiles the row loop: a flush first met in compiled
 * code (after 1 MiB, some 5 000 rows in) throws that code away, and the writer runs uncompiled until it
 * is compiled again (issue 16: at 100 000 rows five such deoptimisations, 10–20 ms of compiling each).
 */
const FIRST_FLUSH_AT = 1 << 12;
/** Room past FLUSH_AT for one piece of any size up to this, so a piece never straddles a flush. */
const SLACK = 1 << 16;
/** The most a byteSink hands over at once for pieces up to SLACK: its buffer's size. */
export const SINK_BUFFER = FLUSH_AT + SLACK;

/**
 * Rows are encoded straight into one reused buffer, handed to `flushBytes` each time it fills: no
 * joined copies of the text on the way out. `flushBytes` must be done with the bytes when it returns.
 */
export function byteSink(flushBytes: (bytes: Uint8Array) => void, done: () => void = () => {}): Sink {
  return new ByteSink(flushBytes, done);
}

class ByteSink implements Sink {
  private readonly buffer = Buffer.allocUnsafe(SINK_BUFFER);
  private at = 0;
  /** Where the buffer is flushed: FIRST_FLUSH_AT until the first flush, FLUSH_AT then. */
  private limit = FIRST_FLUSH_AT;

  constructor(
    private readonly flushBytes: (bytes: Uint8Array) => void,
    private readonly done: () => void,
  ) {}

  private flush(): void {
    if (this.at > 0) this.flushBytes(this.buffer.subarray(0, this.at));
    this.at = 0;
    this.limit = FLUSH_AT;
  }

  /** Flushes the buffer when `size` more bytes would go past its limit: the methods' one way to make room. */
  private fit(size: number): void {
    if (this.at + size > this.limit) this.flush();
  }

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (text.length <= 32 && this.isAscii(text)) {
      this.ascii(text);
      return;
    }
    if (text.length * 3 > SLACK) {
      this.flush();
      this.flushBytes(Buffer.from(text));
      return;
    }
    this.fit(text.length * 3);
    this.at += this.buffer.write(text, this.at);
  }

  private isAscii(text: string): boolean {
    for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) > 0x7f) return false;
    return true;
  }

  ascii(text: string): void {
    const n = text.length;
    if (n > SLACK) {
      this.write(text);
      return;
    }
    this.fit(n);
    const b = this.buffer;
    let at = this.at;
    for (let k = 0; k < n; k++) b[at++] = text.charCodeAt(k);
    this.at = at;
  }

  whole(value: number): void {
    if (!(value >= 0 && value < 1e15 && Math.floor(value) === value)) {
      this.ascii(String(value));
      return;
    }
    this.fit(16);
    const b = this.buffer;
    let digits = 1;
    for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    let v = value;
    do {
      const q = Math.floor(v / 10);
      b[--at] = 48 + (v - q * 10);
      v = q;
    } while (v > 0);
  }

  bytes(bytes: Uint8Array): void {
    if (bytes.length > SLACK) {
      this.flush();
      this.flushBytes(bytes);
      return;
    }
    this.fit(bytes.length);
    if (bytes.length < 16) {
      const b = this.buffer;
      let at = this.at;
      for (let k = 0; k < bytes.length; k++) b[at++] = bytes[k];
      this.at = at;
    } else {
      this.buffer.set(bytes, this.at);
      this.at += bytes.length;
    }
  }

  copy(bytes: Uint8Array, from: number, to: number): void {
    const size = to - from;
    if (size > SLACK) {
      this.flush();
      this.flushBytes(bytes.subarray(from, to));
      return;
    }
    this.fit(size);
    const b = this.buffer;
    let at = this.at;
    // A record (most are under 512 bytes) byte by byte: a view to copy it with set() is an object a
    // record (for a Buffer, a FastBuffer made through its constructor), 10 MB of garbage and five
    // collections of the young generation at 100 000 records.
    if (size < COPY_LOOP) for (let k = from; k < to; k++) b[at++] = bytes[k];
    else {
      // V8's own subarray: Buffer's is a JS wrapper, 60 ns a record at 100 000 records.
      b.set(subarrayOf.call(bytes, from, to), at);
      at += size;
    }
    this.at = at;
  }

  jsonString(text: string): void {
    const n = text.length;
    if (n + 2 > SLACK) {
      this.write(JSON.stringify(text));
      return;
    }
    this.fit(n + 2);
    const b = this.buffer;
    const start = this.at;
    let at = start;
    b[at++] = 34;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(k);
      // A quote, a backslash, a control character or anything past ASCII: JSON.stringify's own text.
      if (c < 0x20 || c > 0x7e || c === 34 || c === 92) {
        this.at = start;
        this.write(JSON.stringify(text));
        return;
      }
      b[at++] = c;
    }
    b[at++] = 34;
    this.at = at;
  }

  jsonUtf8(bytes: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (n + 2 > SLACK) {
      this.write(JSON.stringify(Buffer.from(bytes.buffer, bytes.byteOffset + from, n).toString('utf8')));
      return;
    }
    this.fit(n + 2);
    const b = this.buffer;
    const start = this.at;
    let at = start;
    b[at++] = 34;
    for (let k = from; k < to; k++) {
      const c = bytes[k];
      // A quote, a backslash or a control character: JSON.stringify's own text. (Other bytes, UTF-8 of
      // well-formed text, are what JSON.stringify writes for them.)
      if (c < 0x20 || c === 34 || c === 92) {
        this.at = start;
        this.write(JSON.stringify(Buffer.from(bytes.buffer, bytes.byteOffset + from, n).toString('utf8')));
        return;
      }
      b[at++] = c;
    }
    b[at++] = 34;
    this.at = at;
  }

  close(): void {
    this.flush();
    this.done();
  }
}

export function fileSink(path: string): Sink {
  const fd = openSync(path, 'w');
  return byteSink(
    (bytes) => {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    },
    () => closeSync(fd),
  );
}

/** Output for a consumer of text (the tests' stdout): the same bytes, decoded, in pieces of about FLUSH_AT bytes. */
export function streamSink(write: (text: string) => void): Sink {
  // A piece may end inside a character: the decoder holds its first bytes for the next piece.
  const decoder = new TextDecoder('utf-8');
  return byteSink(
    (bytes) => {
      const text = decoder.decode(bytes, { stream: true });
      if (text) write(text);
    },
    () => {
      const rest = decoder.decode();
      if (rest) write(rest);
    },
  );
}
