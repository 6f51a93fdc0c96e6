/**
 * The floor under `abm-tier score` (bench/cli.ts runs it as the CLI is run, a cold node): a plain
 * program for the same job, with none of the rules. It reads the CSV in 256 KiB pieces, reads
 * twelve numeric columns (from the third) into arrays, sorts each once, adds the sorted values up
 * into a stand-in score, then reads the file again and writes every record back with that score and a
 * fixed tail as long as the CLI's tier, segment, program and drivers, in 1 MiB pieces. No ranks, no
 * ties, no drivers, no tables, no checks: what it costs is node's start, the reads and writes, the
 * number parsing, twelve sorts (the built-in one: at a million rows slower than the CLI's radix
 * sort, so there it is a reference, not a bound) and the memory they touch.
 *
 * Usage: node bench/cli-floor.js accounts.csv out.csv; prints the bytes written.
 */
const { closeSync, fstatSync, openSync, readSync, writeSync } = require('node:fs');

const PIECE = 1 << 18;
const COLUMNS = 12;
const [input, output] = process.argv.slice(2);
const fd = openSync(input, 'r');
const size = fstatSync(fd).size;
const piece = Buffer.allocUnsafe(PIECE);
const rows = Math.ceil(size / 40);
const columns = Array.from({ length: COLUMNS }, () => new Float64Array(rows));
let n = -1; // the header is record −1
let field = 0;
let value = 0;
let negative = false;
let decimals = -1;
for (let position = 0; position < size; ) {
  const got = readSync(fd, piece, 0, PIECE, position);
  for (let k = 0; k < got; k++) {
    const c = piece[k];
    if (c === 44 || c === 10) {
      if (n >= 0 && field >= 2 && field < 2 + COLUMNS) columns[field - 2][n] = (negative ? -value : value) / (decimals > 0 ? 10 ** decimals : 1);
      field++;
      value = 0;
      negative = false;
      decimals = -1;
      if (c === 10) {
        n++;
        field = 0;
      }
    } else if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (decimals >= 0) decimals++;
    } else if (c === 45) negative = true;
    else if (c === 46) decimals = 0;
  }
  position += got;
}
const score = new Float64Array(n);
const sorted = new Float64Array(n);
for (const column of columns) {
  sorted.set(column.subarray(0, n));
  sorted.sort();
  for (let i = 0; i < n; i++) score[i] += sorted[(i * 7919) % n];
}
const out = openSync(output, 'w');
const buffer = Buffer.allocUnsafe(1 << 20);
const tail = Buffer.from(',Tier 3,Filler,Programmatic ABM (1:many),"support (top 27%), tenure (top 36%); weakest: profit (bottom 15%)"\n');
let at = 0;
let written = 0;
let row = -1;
const flush = () => {
  writeSync(out, buffer, 0, at);
  written += at;
  at = 0;
};
for (let position = 0; position < size; ) {
  const got = readSync(fd, piece, 0, PIECE, position);
  let from = 0;
  for (let k = 0; k < got; k++) {
    if (piece[k] !== 10) continue;
    // A record cut by the piece's end goes out in two parts; its score goes after the second.
    if (at + (k - from) + 512 > buffer.length) flush();
    at += piece.copy(buffer, at, from, k);
    if (row < 0) at += buffer.write(',Score\n', at, 'latin1');
    else {
      at += buffer.write(`,${JSON.stringify(score[row] / COLUMNS)}`, at, 'latin1');
      at += tail.copy(buffer, at);
    }
    row++;
    from = k + 1;
  }
  if (at + (got - from) > buffer.length) flush();
  at += piece.copy(buffer, at, from, got);
  position += got;
}
flush();
closeSync(out);
closeSync(fd);
process.stdout.write(`${written}\n`);
