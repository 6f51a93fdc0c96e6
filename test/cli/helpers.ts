import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { CsvParser } from '../../src/cli/csv';

/** A fresh folder per test file, files written into it, and the CLI run in it (in process). */
export function cliInFolder(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = (name: string, text: string | Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const cli = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const code = await run(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir });
    return { code, out, err };
  };
  return { dir, file, cli };
}

/** A grid as CSV text, its cells joined by commas as they are (no quoting: for grids that need none). */
export function csvOf(grid: readonly (readonly unknown[])[]): string {
  return `${grid.map((r) => r.join(',')).join('\n')}\n`;
}

/** CSV text read back by our own reader: its records. */
export function records(text: string): string[][] {
  const out: string[][] = [];
  const parser = new CsvParser((fields) => out.push(fields));
  parser.push(text);
  parser.end();
  return out;
}

/** A field quoted only where RFC 4180 needs it (the tests' own writer, independent of the one under test). */
export function quoted(field: string, sep: string): string {
  return /["\r\n]/u.test(field) || field.includes(sep) ? `"${field.replace(/"/gu, '""')}"` : field;
}

/** The tests' own statement of the rule: text a spreadsheet runs (first = + - @ TAB CR) that is not just a number. */
export function runnable(field: string): boolean {
  return /^[=+\-@\t\r]/u.test(field) && !(/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/iu.test(field) && Number.isFinite(Number(field)));
}
