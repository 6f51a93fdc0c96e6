import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FILE_LIMITS, FileRefused, readTableFile } from '../../scripts/preview/read-file';
import { mkfifo, scratch, SHEET_END, SHEET_START, write, xlsx, zipBomb } from './hostile-files';

/** `npm start -- --file`: inputs that are not a table of a sane size are refused with one line. */

const dir = scratch();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;

/** A sparse file of `bytes` (nothing written): as large as it says, at no cost. */
function sparse(name: string, bytes: number): string {
  const path = write(dir, name, '');
  truncateSync(path, bytes);
  return path;
}

/** readTableFile's refusal: a FileRefused whose message is one line naming the file. */
async function refusal(path: string): Promise<string> {
  const error = await readTableFile(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${path} was read`).toBeInstanceOf(FileRefused);
  const message = (error as Error).message;
  expect(message.split('\n')).toHaveLength(1);
  expect(message).toContain(path);
  return message;
}

describe("the preview's file reader refuses what is not a table of a sane size", () => {
  it('a folder, named like a table or not', async () => {
    for (const name of ['accounts.csv', 'book.xlsx']) {
      const path = join(dir, name);
      mkdirSync(path);
      expect(await refusal(path)).toBe(`${path} is a folder, not a file`);
    }
  });

  it('a symbolic link to /dev/zero (the path is resolved and its target checked; the .xlsx case runs through npm start below)', async () => {
    const path = join(dir, 'zero.csv');
    symlinkSync('/dev/zero', path);
    expect(await refusal(path)).toBe(`${path} is not a regular file: it is a device (it leads to /dev/zero)`);
    // A link to a link to it, from another folder, all the same.
    const again = join(dir, 'again.csv');
    symlinkSync(path, again);
    expect(await refusal(again)).toBe(`${again} is not a regular file: it is a device (it leads to /dev/zero)`);
  });

  it(`a file past the size limits (CSV ${FILE_LIMITS.csvBytes / MB} MB, .xlsx ${FILE_LIMITS.xlsxBytes / MB} MB), checked before reading`, async () => {
    const started = Date.now();
    expect(await refusal(sparse('huge.csv', FILE_LIMITS.csvBytes + 1))).toMatch(
      /huge\.csv is 50 MB \(52,428,801 bytes\): the preview reads CSV files of up to 50 MB \(52,428,800 bytes\)$/u,
    );
    expect(await refusal(sparse('huge.xlsx', 64 * MB))).toMatch(
      /huge\.xlsx is 64 MB \(67,108,864 bytes\): the preview reads \.xlsx files of up to 50 MB \(52,428,800 bytes\)$/u,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it(`a zip bomb: an .xlsx of about 1 MB whose sheet unpacks to 400 MB, whether its headers say so or lie (the limit: ${FILE_LIMITS.xlsxUnpackedBytes / MB} MB unpacked)`, async () => {
    const honest = write(dir, 'bomb.xlsx', zipBomb(400));
    const liar = write(dir, 'liar.xlsx', zipBomb(400, 1000));
    for (const path of [honest, liar]) {
      const started = Date.now();
      expect(await refusal(path)).toMatch(/ unpacks to more than 100 MB \(passed at xl\/worksheets\/sheet1\.xml; a zip bomb\?\)/u);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
    // The same workbook unpacking to 20 MB is an ordinary file, and opens.
    const sheets = await readTableFile(write(dir, 'fine.xlsx', zipBomb(20)));
    expect(sheets).toEqual({ Accounts: [[1]] });
  });

  it('an .xlsx whose one cell is XFD1048576 is refused by its size in rows, not read as a million rows', async () => {
    const far = write(
      dir,
      'far.xlsx',
      xlsx(
        `${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>Account</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>${SHEET_END}`,
      ),
    );
    expect(await refusal(far)).toMatch(/far\.xlsx, sheet "Accounts", has more than 100,000 rows, the most the preview reads in a sheet$/u);
    // An ordinary one still opens.
    const ok = await readTableFile(
      write(dir, 'plain.xlsx', xlsx(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>Account</t></is></c><c r="B1"><v>100</v></c></row>${SHEET_END}`)),
    );
    expect(ok).toEqual({ Accounts: [['Account', 100]] });
  });

  it(`a CSV of more than ${FILE_LIMITS.rows.toLocaleString('en-US')} rows, ${FILE_LIMITS.columns.toLocaleString('en-US')} columns or ${FILE_LIMITS.cells.toLocaleString('en-US')} cells`, async () => {
    const rows = (n: number) => `Account,Revenue\n${'a,1\n'.repeat(n - 1)}`;
    const atLimit = await readTableFile(write(dir, 'rows-ok.csv', rows(FILE_LIMITS.rows)));
    expect(atLimit['rows-ok']).toHaveLength(FILE_LIMITS.rows);
    expect(atLimit['rows-ok'][1]).toEqual(['a', 1]);
    expect(await refusal(write(dir, 'rows.csv', rows(FILE_LIMITS.rows + 1)))).toMatch(
      /rows\.csv has more than 100,000 rows, the most the preview reads in a sheet$/u,
    );
    // 1,000 rows, the last 18,000 columns wide: 18 million cells as a grid.
    const wide = `${'x\n'.repeat(999)}${','.repeat(17_999)}\n`;
    expect(await refusal(write(dir, 'cells.csv', wide))).toMatch(
      /cells\.csv has more than 10,000,000 cells \(rows × columns\), the most the preview reads, as Sheets$/u,
    );
    expect(await refusal(write(dir, 'columns.csv', `a\n${','.repeat(FILE_LIMITS.columns)}\n`))).toMatch(
      /columns\.csv has a row of 18,279 columns: the preview reads up to 18,278, as Sheets$/u,
    );
  });
});

/** `npm start -- --file PATH` as a person runs it (tsx on scripts/preview/main.ts), PORT=0. */
function preview(path: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('scripts', 'preview', 'main.ts'), '--file', path], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // A preview that started serving (or hangs) is stopped: the test then fails on its output.
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe.concurrent('npm start -- --file refuses them with one line and a non-zero exit', () => {
  const cli = scratch();
  afterAll(() => rmSync(cli, { recursive: true, force: true }));
  const cases: [string, () => string, RegExp][] = [
    ['a folder', () => (mkdirSync(join(cli, 'folder.csv')), join(cli, 'folder.csv')), /folder\.csv is a folder, not a file$/u],
    [
      'a symbolic link to /dev/zero',
      () => (symlinkSync('/dev/zero', join(cli, 'zero.xlsx')), join(cli, 'zero.xlsx')),
      /zero\.xlsx is not a regular file: it is a device \(it leads to \/dev\/zero\)$/u,
    ],
    [
      'a named pipe (FIFO), without waiting for a writer',
      () => mkfifo(join(cli, 'pipe.csv')),
      /pipe\.csv is not a regular file: it is a named pipe \(FIFO\)$/u,
    ],
    [
      'a file of 51 MB',
      () => (writeFileSync(join(cli, 'big.csv'), ''), truncateSync(join(cli, 'big.csv'), 51 * MB), join(cli, 'big.csv')),
      /big\.csv is 51 MB \(53,477,376 bytes\): the preview reads CSV files of up to 50 MB/u,
    ],
    ['a zip bomb', () => write(cli, 'bomb.xlsx', zipBomb(400)), /bomb\.xlsx unpacks to more than 100 MB/u],
  ];
  for (const [what, make, message] of cases) {
    it(what, async () => {
      const path = make();
      const { code, stdout, stderr } = await preview(path);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.trimEnd().split('\n');
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^preview: /u);
      expect(lines[0]).toContain(path);
      expect(lines[0]).toMatch(message);
    });
  }
});
