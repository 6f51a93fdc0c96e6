import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { FakeSpreadsheet } from '../fakes/workbook';

/**
 * What `clasp push` uploads, and that it runs as Apps Script runs it: every pushed server file, in
 * clasp's order, in one global scope that holds only Apps Script's services. One pushed file that
 * calls `require` (the CLI bundle once sat in dist/) breaks the menu and every custom function.
 */

const root = join(__dirname, '..', '..');
const PUSHED = ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json'];
// clasp starts node and reads the project: seconds, more on a busy machine.
const CLASP_TIMEOUT = 120_000;

interface FileStatus {
  filesToPush: string[];
  untrackedFiles: string[];
}

function parseStatus(stdout: string): FileStatus {
  const json = stdout.split('\n').find((line) => line.trim().startsWith('{'));
  if (!json) throw new Error(`clasp show-file-status printed no JSON:\n${stdout}`);
  return JSON.parse(json) as FileStatus;
}

const run = promisify(execFile);

/** `npx clasp show-file-status --json` in the project, as a person runs it (no login needed). */
async function projectStatus(): Promise<FileStatus> {
  // --no: use the project's own clasp, never download one.
  const { stdout } = await run('npx', ['--no', '--', 'clasp', 'show-file-status', '--json'], { cwd: root, encoding: 'utf8', timeout: CLASP_TIMEOUT });
  return parseStatus(stdout);
}

/** The same, on a copy of the project in `dir` (the project's own clasp, run directly). */
async function statusIn(dir: string): Promise<FileStatus> {
  const claspBin = join(root, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js');
  const { stdout } = await run(process.execPath, [claspBin, '--project', join(dir, '.clasp.json'), 'show-file-status', '--json'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: CLASP_TIMEOUT,
  });
  return parseStatus(stdout);
}

const claspConfig = JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8')) as { filePushOrder?: string[]; scriptExtensions?: string[] };

/** Server files (.js, .gs) in the order `clasp push` sends them: filePushOrder first, then by path. */
function serverFilesInPushOrder(files: string[]): string[] {
  const extensions = (claspConfig.scriptExtensions ?? ['.js', '.gs']).map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  const order = (claspConfig.filePushOrder ?? []).map((p) => normalize(p));
  const rank = (file: string) => order.indexOf(normalize(file));
  return files
    .filter((file) => extensions.includes(extname(file).toLowerCase()))
    .sort((a, b) => {
      const [ia, ib] = [rank(a), rank(b)];
      if (ia === -1 && ib === -1) return a.localeCompare(b);
      if (ia === -1) return 1;
      if (ib === -1) return -1;
      return ia - ib;
    });
}

/** Runs each file's top-level code, in order, in one fresh context: what every Apps Script execution does. */
function loadAsAppsScript(files: { path: string; source: string }[], globals: object): vm.Context {
  const context = vm.createContext({ ...globals });
  for (const file of files) vm.runInContext(file.source, context, { filename: file.path });
  return context;
}

function read(path: string): { path: string; source: string } {
  return { path, source: readFileSync(join(root, path), 'utf8') };
}

/** The error a load throws (the context's own ReferenceError, not this realm's: compare by name). */
function loadError(files: { path: string; source: string }[]): Error {
  try {
    loadAsAppsScript(files, new FakeSpreadsheet({}).session().globals());
  } catch (error) {
    return error as Error;
  }
  throw new Error(`loading ${files.map((f) => f.path).join(', ')} did not fail`);
}

/** Plain values, as Sheets receives a custom function's answer. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

const copies: string[] = [];

/** A copy of the project's clasp settings and build, with stray files a build might leave in dist/. */
function copyWithStrays({ claspignore }: { claspignore: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'abm-push-set-'));
  copies.push(dir);
  mkdirSync(join(dir, 'dist', 'lib'), { recursive: true });
  for (const file of ['.clasp.json', ...(claspignore ? ['.claspignore'] : []), ...PUSHED]) copyFileSync(join(root, file), join(dir, file));
  copyFileSync(join(root, 'dist-cli', 'abm-tier.js'), join(dir, 'dist', 'cli.js'));
  writeFileSync(join(dir, 'dist', 'lib', 'helper.js'), 'module.exports = {};\n');
  writeFileSync(join(dir, 'dist', 'Page.html'), '<p></p>\n');
  return dir;
}

let status: FileStatus;
let withClaspignore: FileStatus;
let withoutClaspignore: FileStatus;

beforeAll(async () => {
  // test/global-setup.ts has built dist/ (and dist-cli/) before any test file runs.
  // Each clasp run takes seconds (it starts node and reads the project): the three run side by side.
  [status, withClaspignore, withoutClaspignore] = await Promise.all([
    projectStatus(),
    statusIn(copyWithStrays({ claspignore: true })),
    statusIn(copyWithStrays({ claspignore: false })),
  ]);
}, CLASP_TIMEOUT);

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('clasp push uploads exactly the add-on', () => {
  it('lists appsscript.json, Code.js and Sidebar.html, and nothing else (no CLI bundle)', () => {
    expect([...status.filesToPush].sort()).toEqual([...PUSHED].sort());
  });

  it('runs every pushed server file in one Apps Script context: onOpen builds the menu, a custom function answers', () => {
    const server = serverFilesInPushOrder(status.filesToPush);
    expect(server).toEqual(['dist/Code.js']);
    const session = new FakeSpreadsheet({ Accounts: [['Account', 'Score']] }).session();
    const context = loadAsAppsScript(server.map(read), session.globals());

    context.onOpen({ authMode: 'NONE' });
    expect(session.ui.menus).toHaveLength(1);
    const [menu] = session.ui.menus;
    expect(menu.map((item) => item.caption)).toEqual(
      expect.arrayContaining([en['menu.open'], en['menu.score'], en['menu.removeColours'], en['menu.template']]),
    );
    // Each item calls a top-level, public function of the pushed files, or Apps Script cannot run it.
    for (const { fn } of menu.filter((item) => item.fn !== '')) {
      expect(typeof context[fn], fn).toBe('function');
      expect(fn.endsWith('_'), fn).toBe(false);
    }

    const scores = [[90], [80], [70], [60], [50], [40], [30], [20], [10], [0]];
    expect(plain(context.ABMTIER(scores))).toEqual([
      ['Tier 1'],
      ['Tier 1'],
      ['Tier 2'],
      ['Tier 2'],
      ['Tier 2'],
      ['Tier 3'],
      ['Tier 3'],
      ['Tier 3'],
      ['Tier 3'],
      ['Tier 3'],
    ]);
    const metrics = [
      ['Account', 'Revenue', 'Profit'],
      ['A', 100, 10],
      ['B', 200, 30],
      ['C', 300, 20],
      ['D', 400, 40],
    ];
    const [head, ...rows] = plain(context.ABMSCORE(metrics)) as unknown[][];
    expect(head).toEqual(['Score']);
    expect(rows.map(([score]) => Number((score as number).toFixed(6)))).toEqual([0, 53.333333, 46.666667, 100]);
  });

  it('would fail loudly if a file that calls require were pushed beside Code.js (as dist/cli.js was)', () => {
    const code = read('dist/Code.js');
    // The old bug: dist/cli.js sorts before dist/Code.js, and its first statement is require("node:path").
    const stray = { path: 'dist/cli.js', source: 'const path = require("node:path");\n' };
    const order = serverFilesInPushOrder([...PUSHED, stray.path]);
    expect(order).toEqual(['dist/cli.js', 'dist/Code.js']);
    const byPath = new Map([
      [code.path, code],
      [stray.path, stray],
    ]);
    const error = loadError(order.map((p) => byPath.get(p)!));
    expect(error.name).toBe('ReferenceError');
    expect(error.message).toBe('require is not defined');
    // Pushed after Code.js it breaks the execution just the same.
    expect(loadError([code, stray]).name).toBe('ReferenceError');
    // And so does the real CLI bundle, were it pushed.
    const cli = loadError([read('dist-cli/abm-tier-program.js'), code]);
    expect(cli.name).toBe('ReferenceError');
    expect(cli.message).toMatch(/^(require|process|module|exports) is not defined$/u);
  });
});

describe('.claspignore lets only the three files through, whatever else lands in dist/', () => {
  it('keeps a stray .js and .html out of the push', () => {
    expect([...withClaspignore.filesToPush].sort()).toEqual([...PUSHED].sort());
  });

  it('is what keeps them out: without it clasp would push them all', () => {
    expect(withoutClaspignore.filesToPush).toEqual(expect.arrayContaining([...PUSHED, 'dist/cli.js', 'dist/lib/helper.js', 'dist/Page.html']));
  });
});
