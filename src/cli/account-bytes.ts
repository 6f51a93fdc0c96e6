import type { AccountBytesView, AccountStore } from '../core';

/**
 * The account names of a file as their UTF-8 bytes, one after another in one growing array (the
 * table's AccountStore, src/core/table.ts): the byte reader hands each name over as a byte range, so
 * no string is made per row while the file is read, and none at all where bytes do (the duplicate
 * check compares bytes, JSON output copies them). Strings are made when something reads
 * `table.accounts`. At 100 000 rows the strings cost about 60 ms of a cold run (their memory's page
 * faults, the young generation they grow, the collections that move them).
 *
 * Bytes and names correspond one to one because every name is well-formed: the byte reader hands
 * over only valid UTF-8, and a name given as text with a lone surrogate (which UTF-8 cannot hold)
 * makes the view `exact: false`, which sends its readers back to the strings.
 */

/** JS whitespace among the ASCII bytes (what trim takes off): tab, LF, VT, FF, CR, space. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** Whether `text` holds a lone surrogate (String.prototype.isWellFormed, which ES2022 lacks). */
function hasLoneSurrogate(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && k + 1 < text.length) {
      const d = text.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        k++;
        continue;
      }
    }
    return true;
  }
  return false;
}

export class AccountBytes implements AccountStore {
  private bytes: Buffer;
  private start: Int32Array;
  private n = 0;
  private ascii = true;
  private exact = true;

  /**
   * `rows`: about how many names to expect. The room is made once, for names of up to 64 bytes on
   * average, and doubled only past that: memory not yet written to costs nothing (no page of it is
   * touched), where growing copies every name into new pages.
   */
  constructor(rows: number) {
    this.start = new Int32Array(Math.max(16, rows) + 1);
    this.bytes = Buffer.allocUnsafeSlow(Math.max(4096, rows * 64));
  }

  addBytes(src: Uint8Array, from: number, to: number): boolean {
    while (from < to && isSpace(src[from])) from++;
    while (to > from && isSpace(src[to - 1])) to--;
    // Non-ASCII at an edge may be whitespace trim takes off (no-break space, ideographic space…): as text.
    if (from < to && (src[from] >= 0x80 || src[to - 1] >= 0x80))
      return this.addText(
        Buffer.from(src.buffer, src.byteOffset + from, to - from)
          .toString('utf8')
          .trim(),
      );
    const size = to - from;
    this.room(size);
    const bytes = this.bytes;
    let at = this.start[this.n];
    let high = 0;
    for (let k = from; k < to; k++) {
      const c = src[k];
      high |= c;
      bytes[at++] = c;
    }
    if (high >= 0x80) this.ascii = false;
    this.start[++this.n] = at;
    return size > 0;
  }

  addText(text: string): boolean {
    if (hasLoneSurrogate(text)) this.exact = false;
    this.room(3 * text.length);
    const at = this.start[this.n];
    const written = this.bytes.write(text, at, 'utf8');
    // One byte a character only when every character is ASCII.
    if (written !== text.length) this.ascii = false;
    this.start[++this.n] = at + written;
    return text.length > 0;
  }

  /** Room for the next name of up to `size` bytes. */
  private room(size: number): void {
    if (this.n + 1 >= this.start.length) {
      const start = new Int32Array(this.start.length * 2);
      start.set(this.start);
      this.start = start;
    }
    const need = this.start[this.n] + size;
    if (need > this.bytes.length) {
      const bytes = Buffer.allocUnsafeSlow(Math.max(need, this.bytes.length * 2));
      this.bytes.copy(bytes, 0, 0, this.start[this.n]);
      this.bytes = bytes;
    }
  }

  view(): AccountBytesView {
    const { bytes, ascii } = this;
    const start = this.start.subarray(0, this.n + 1);
    return {
      bytes,
      start,
      exact: this.exact,
      text: (i) => (start[i] === start[i + 1] ? '' : bytes.toString(ascii ? 'latin1' : 'utf8', start[i], start[i + 1])),
    };
  }
}
