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

/**
 * The length in bytes of the whitespace character (as String.prototype.trim has it) that starts at
 * src[k], or 0. Past ASCII, in UTF-8: U+00A0 C2 A0; U+1680 E1 9A 80; U+2000–200A E2 80 80–8A;
 * U+2028, U+2029, U+202F E2 80 A8, A9, AF; U+205F E2 81 9F; U+3000 E3 80 80; U+FEFF EF BB BF.
 */
function spaceAt(src: Uint8Array, k: number, to: number): number {
  const c = src[k];
  if (c < 0x80) return isSpace(c) ? 1 : 0;
  if (c === 0xc2) return k + 1 < to && src[k + 1] === 0xa0 ? 2 : 0;
  if (k + 2 >= to) return 0;
  const b1 = src[k + 1];
  const b2 = src[k + 2];
  if (c === 0xe1) return b1 === 0x9a && b2 === 0x80 ? 3 : 0;
  if (c === 0xe2) return (b1 === 0x80 && ((b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf)) || (b1 === 0x81 && b2 === 0x9f) ? 3 : 0;
  if (c === 0xe3) return b1 === 0x80 && b2 === 0x80 ? 3 : 0;
  if (c === 0xef) return b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  return 0;
}

/** The length of the whitespace character that ends at src[to − 1] (no earlier than `from`), or 0. */
function spaceBefore(src: Uint8Array, from: number, to: number): number {
  const c = src[to - 1];
  if (c < 0x80) return isSpace(c) ? 1 : 0;
  if (to - 2 >= from && spaceAt(src, to - 2, to) === 2) return 2;
  if (to - 3 >= from && spaceAt(src, to - 3, to) === 3) return 3;
  return 0;
}

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
    // Trimmed on the bytes (no text made), ASCII and other whitespace alike.
    for (let k = from < to ? spaceAt(src, from, to) : 0; k > 0; k = from < to ? spaceAt(src, from, to) : 0) from += k;
    for (let k = to > from ? spaceBefore(src, from, to) : 0; k > 0; k = to > from ? spaceBefore(src, from, to) : 0) to -= k;
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
