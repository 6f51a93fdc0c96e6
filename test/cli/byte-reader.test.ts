import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BYTES_PIECE, FIRST_PIECE, plainNumber, readCsv } from '../../src/cli/csv';
import { run } from '../../src/cli/main';

/**
 * The byte reader (records split on the file's bytes, numbers read from the digits, records kept as
 * byte ranges) must read every file exactly as the text parser does; where it cannot (a quote, a
 * lone CR, bytes that are not UTF-8) it hands over to the text parser mid-file.
 */

const dir = mkdtempSync(join(tmpdir(), 'abm-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Record {
  fields: (string | number)[];
  raw: string;
}

/** What a read gave: its records, and the message it stopped with (a quoted field never closed), if any. */
function attempt(read: () => void): string {
  try {
    read();
    return '';
  } catch (error) {
    return String(error);
  }
}

/** Both readers' records: the text parser's (every field text), and the byte reader's with `numeric` columns read as numbers. */
function bothReads(path: string, numeric: boolean[]) {
  const text: Record[] = [];
  const textError = attempt(() => readCsv(path, (fields, _r, raw) => text.push({ fields: [...fields], raw }), true));
  const bytes: Record[] = [];
  const file = readFileSync(path);
  const bytesError = attempt(() =>
    readCsv(
      path,
      (fields, _r, raw, _sep, start, end, numbers) => {
        // Past a short record's end there is no number (the table reads `present` for every column).
        if (numbers) for (let c = fields.length; c < numbers.present.length; c++) expect(numbers.present[c]).toBe(0);
        return bytes.push({
          // A plain number arrives in `numbers`, its field ''.
          fields: fields.map((f, c) => {
            if (numbers?.present[c] !== 1) return f;
            expect(f).toBe('');
            return numbers.values[c];
          }),
          raw: start >= 0 ? file.toString('utf8', start, end) : raw,
        });
      },
      true,
      (header) => (header.length > 0 ? numeric : null),
      () => null,
    ),
  );
  expect(bytesError).toBe(textError);
  return { text, bytes };
}

/**
 * A record with its numeric columns' plain numbers as numbers: the byte reader reads them so, the
 * text parser in its quick path only (the table reads the rest the same way, from their text).
 */
function normal(record: Record, numeric: boolean[], isHeader: boolean): Record {
  return {
    raw: record.raw,
    fields: record.fields.map((f, c) => {
      if (isHeader || !numeric[c] || typeof f !== 'string') return f;
      const v = plainNumber(f, 0, f.length);
      return v === v ? v : f;
    }),
  };
}

const fieldText = fc.stringMatching(/^[-0-9.a-zé中"\r\n ,;]{0,6}$/u);
const quoted = (f: string) => (/[",\r\n]/u.test(f) ? `"${f.replace(/"/gu, '""')}"` : f);

describe('the byte reader reads a file exactly as the text parser does', () => {
  it('on any small file: quoted fields ("" inside, separators, line ends), stray quotes, CRLF and lone CRs, numbers and near-numbers, non-ASCII text', () => {
    let k = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fieldText, fc.integer({ min: -999, max: 999 }).map(String), fc.constant('1.50')), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (rows, eol, bom, asWritten) => {
          const path = join(dir, `small-${k++}.csv`);
          // Fields quoted as a spreadsheet writes them, or joined as they are (stray quotes, quotes after text).
          const line = (r: string[]) => (asWritten ? r.map(quoted) : r).join(',');
          const text = (bom ? '\uFEFF' : '') + ['a,b,c,d', ...rows.map(line)].join(eol);
          writeFileSync(path, text);
          const numeric = [false, true, true, false];
          const { text: t, bytes: b } = bothReads(path, numeric);
          expect(b.map((r, i) => normal(r, numeric, i === 0))).toEqual(t.map((r, i) => normal(r, numeric, i === 0)));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('across its pieces: records cut by the first piece end and later ones, a character of three bytes cut by it, a record longer than a piece, quotes and a line break in quotes far in', () => {
    const lines = ['Account,Revenue,Note'];
    // Ten pieces of records of irregular length, so that piece ends fall inside records and inside "中".
    let size = 0;
    for (let i = 0; size < 10 * BYTES_PIECE; i++) {
      const line = `中${'x'.repeat(i % 37)}${i},${(i * 7919) % 100003}.${i % 10},${i % 5 === 0 ? '=SUM(A1)' : 'é'.repeat(i % 3)}`;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    // A record longer than a piece (the piece grows to hold it), past the first piece.
    lines.splice(Math.floor(lines.length / 2), 0, `Long${'y'.repeat(BYTES_PIECE + 1000)},7,z`);
    // Quoted fields after the first piece (the byte reader's), and later a line break inside quotes:
    // the text parser goes on from there.
    lines.splice(lines.length - 2000, 0, '"Acme, Inc.",5,"a ""b"""');
    lines.splice(lines.length - 1000, 0, '"Two\nlines",6,"=cmd"');
    // The header's last name lengthened so that the first piece (a short one) ends after the first byte of a "中".
    const piece = FIRST_PIECE;
    let start = 0;
    let line = 0;
    while (start + Buffer.byteLength(lines[line]) + 1 <= piece - 1) start += Buffer.byteLength(lines[line++]) + 1;
    lines[0] += 'x'.repeat(piece - 1 - start);
    const path = join(dir, 'big.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const numeric = [false, true, false];
    const { text, bytes } = bothReads(path, numeric);
    // One record per entry, the one with a line break in quotes too.
    expect(bytes.length).toBe(lines.length);
    expect(JSON.stringify(bytes.map((r, i) => normal(r, numeric, i === 0)))).toBe(JSON.stringify(text.map((r, i) => normal(r, numeric, i === 0))));
    expect(
      readFileSync(path)
        .subarray(piece - 1, piece + 2)
        .toString(),
    ).toBe('中');
  });

  it('reads a first line longer than its short first piece itself, and the records after it as the text parser does', () => {
    // A header of 4 000 columns: about 76 KiB, past the first piece (FIRST_PIECE) and within a whole one.
    const names = Array.from({ length: 4000 }, (_, c) => `Column number ${c}`);
    const header = `Account,Revenue,${names.join(',')}`;
    expect(header.length).toBeGreaterThan(FIRST_PIECE);
    expect(header.length).toBeLessThan(BYTES_PIECE);
    const lines = [header];
    for (let i = 0; i < 5000; i++) lines.push(`A${i},${(i * 7919) % 10_007}`);
    const path = join(dir, 'wide.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    let ranges = 0;
    let withNumbers = 0;
    readCsv(
      path,
      (_fields, _r, _raw, _sep, start, _end, numbers) => {
        if (start >= 0) ranges++;
        if (numbers?.present[1] === 1) withNumbers++;
      },
      true,
      (h) => (h.length > 0 ? h.map((_, c) => c === 1) : null),
      () => null,
    );
    // The byte reader's own marks: every record after the header as a byte range (the text parser gives
    // none), revenue as a number read from its digits.
    expect(ranges).toBe(lines.length - 1);
    expect(withNumbers).toBeGreaterThan(4900);
    const numeric = [false, true];
    const { text, bytes } = bothReads(path, numeric);
    expect(bytes.map((r, i) => normal(r, numeric, i === 0))).toEqual(text.map((r, i) => normal(r, numeric, i === 0)));
  });

  it('leaves a file that is not UTF-8 to the text parser, which names the bad line', async () => {
    const path = join(dir, 'latin1.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('Account,Revenue\nAcme,5\n'), Buffer.from([0x42, 0xe9, 0x2c, 0x35, 0x0a])]));
    const err: string[] = [];
    const code = await run(['score', path], { stdout: () => {}, stderr: (t) => err.push(t), cwd: dir });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/line 3: the file is not UTF-8 text \(byte 0xE9\)/u);
  });
});

describe('score --format csv writes each record back from the file', () => {
  it('byte for byte, also when --out is the input file itself (held whole before it is replaced)', async () => {
    const rows = ['Account,Revenue,Profit,Engagement'];
    for (let i = 0; i < 500; i++) rows.push(`Acme ${i},${1000 + ((i * 37) % 900)},${(i * 53) % 400},${i % 100}`);
    // Records longer than the pieces the file is read back in (the first is 8 KiB, the others 256 KiB).
    rows.splice(1, 0, `Long ${'y'.repeat(20_000)},5,5,5`);
    rows.splice(300, 0, `Longer ${'z'.repeat(300_000)},6,6,6`);
    const input = join(dir, 'accounts.csv');
    writeFileSync(input, `${rows.join('\r\n')}\r\n`);
    const out = join(dir, 'scored.csv');
    const args = ['--format', 'csv', '--as-of', '2026-01-01'];
    expect(await run(['score', input, '--out', out, ...args], { stdout: () => {}, stderr: () => {}, cwd: dir })).toBe(0);
    const scored = readFileSync(out, 'utf8').split('\n');
    // Each input record is the start of its output line, then the added columns.
    rows.forEach((r, i) => expect(scored[i].startsWith(`${r},`)).toBe(true));
    expect(await run(['score', input, '--out', input, ...args], { stdout: () => {}, stderr: () => {}, cwd: dir })).toBe(0);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });
});

describe('a short record read on its bytes', () => {
  it('has no value in the columns past its end, as in the sheet (not the values of the record before)', async () => {
    // Past the first 20 records (the header scan) the byte reader reads numbers; row SHORT has only a revenue.
    const lines = ['Account,Revenue,Profit,Engagement'];
    for (let i = 1; i <= 30; i++) lines.push(`A${i},${i * 10},${i * 3},${i % 7}`);
    lines.push('SHORT,150');
    const path = join(dir, 'short-row.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    let out = '';
    expect(await run(['score', path, '--format', 'json', '--as-of', '2026-01-01'], { stdout: (t) => (out += t), stderr: () => {}, cwd: dir })).toBe(0);
    const short = JSON.parse(out).rows.find((r: { account: string }) => r.account === 'SHORT');
    // Revenue 150 ties with A15 (14 revenues below, 2 equal, 31 in all): its mid-rank percentile, alone, is the score.
    expect(short.score).toBeCloseTo((100 * (14 + 0.5)) / 30, 10);
    expect(short.drivers).not.toMatch(/profit|engagement/u);
  });
});
