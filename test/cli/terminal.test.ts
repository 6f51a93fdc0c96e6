import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalLine } from '../../src/cli/main';
import { cliInFolder } from './helpers';

const { dir, file, cli } = cliInFolder('abm-terminal-');

// C0 (but the line break that ends a message), DEL, C1 and ESC: nothing a terminal acts on.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u;
const ANSI = ['\u001b[31m', '\u001b[2J', '\u001b]0;owned\u0007', '\u001b]8;;http://x\u001b\\', '\u009b1;31m', '\u001bc', '\u0007', '\u0000', '\r', '\b'];
const RED = '\u001b[31mRed\u001b[0m';

/** Every line of stderr is one message: it starts with abm-tier: and holds no control character. */
function clean(err: string): void {
  const lines = err.split('\n');
  expect(lines.at(-1)).toBe('');
  for (const line of lines.slice(0, -1)) {
    expect(line.startsWith('abm-tier: ')).toBe(true);
    expect(CONTROL.test(line)).toBe(false);
  }
}

describe('what reaches the terminal is stripped of control characters and escape sequences', () => {
  it('terminalLine takes out whole ANSI and OSC sequences and every C0/C1 control; a line break becomes a space', () => {
    expect(terminalLine(`a${RED}b`)).toBe('aRedb');
    expect(terminalLine('x\u001b]0;title\u0007y\u009b2Jz')).toBe('xyz');
    expect(terminalLine('Birch\nLtd\tCo\r')).toBe('Birch Ltd Co ');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...ANSI), fc.string({ unit: 'binary', maxLength: 5 }))), (parts) => {
        expect(CONTROL.test(terminalLine(parts.join('')))).toBe(false);
        expect(terminalLine(parts.join('')).includes('\n')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("headers and cells echoed in errors and warnings: the no-metric error, an invalid row's header, a duplicate account", async () => {
    file('esc-header.csv', `Name,${RED}\nA,x\n`);
    const noMetric = await cli('score', 'esc-header.csv');
    expect(noMetric.err).toBe('abm-tier: esc-header.csv: no metric column found in the header (Name, Red); name a column Revenue, Profit, Engagement…\n');
    file('esc-cells.csv', `Account,Revenue,${RED}\n"Acme\u001b[2J\u009b1m",1,#N/A\n"Acme\u001b[2J\u009b1m",2,3\nB\u0007,oops,1\n`);
    const warned = await cli('score', 'esc-cells.csv', '--format', 'csv', '--weights', 'Red=1');
    expect(warned.code).toBe(0);
    expect(warned.err).toContain('Account "Acme" appears on rows 2, 3');
    clean(warned.err);
  });

  it('the summary report: its lines hold no control character, whatever the file is called', async () => {
    const name = 'acc\u001b[2Jounts\u0007.csv';
    file(name, 'Account,Revenue,Profit\nA,1,1\nB,2,2\n');
    const r = await cli('summary', name);
    expect(r.code).toBe(0);
    for (const line of r.out.split('\n')) expect(CONTROL.test(line)).toBe(false);
    expect(r.out.split('\n')[0]).toContain('accounts.csv');
  });
});

describe('a message quotes at most a short excerpt of a bad value', () => {
  const huge = 'x'.repeat(10 * 1024 * 1024);
  it.each([
    ['--cutoffs', ['score', 'a.csv', '--cutoffs', huge]],
    ['--weights pair', ['score', 'a.csv', '--weights', huge]],
    ['--directions pair', ['score', 'a.csv', '--directions', `Foo=${huge}`]],
    ['--format', ['score', 'a.csv', '--format', huge]],
    ['--bins', ['rfm', 'a.csv', '--bins', huge]],
    ['an unknown option', ['score', 'a.csv', `--${huge}`]],
    ['an unknown command', [huge]],
    ['a second file', ['score', 'a.csv', huge]],
    ['a file name', ['score', huge]],
    ['a --weights name no column has', ['score', 'a.csv', '--weights', `${huge}=1`]],
  ])('%s of 10 MB gives a short message', async (_what, argv) => {
    file('a.csv', 'Account,Revenue\nA,1\nB,2\n');
    const r = await cli(...(argv as string[]));
    const text = r.err + (r.code === 0 ? JSON.parse(r.out).warnings.join('\n') : '');
    expect(text.length).toBeGreaterThan(10);
    expect(text.length).toBeLessThan(400);
  });
});

describe('a path that is a folder or cannot be read names itself in one line', () => {
  it('a folder given as the file, as --out, or to sql', async () => {
    mkdirSync(join(dir, 'accounts'), { recursive: true });
    file('ok.csv', 'Account,Revenue\nA,1\nB,2\n');
    expect(await cli('score', 'accounts/')).toEqual({ code: 1, out: '', err: 'abm-tier: accounts/ is a folder, not a file\n' });
    expect(await cli('summary', 'accounts')).toEqual({ code: 1, out: '', err: 'abm-tier: accounts is a folder, not a file\n' });
    expect(await cli('accounts', 'accounts')).toEqual({ code: 1, out: '', err: 'abm-tier: accounts is a folder, not a file\n' });
    expect(await cli('score', 'ok.csv', '--out', 'accounts')).toEqual({ code: 1, out: '', err: 'abm-tier: accounts is a folder, not a file\n' });
    expect(await cli('sql', 'accounts', '--table', 't')).toEqual({ code: 1, out: '', err: 'abm-tier: accounts is a folder, not a file\n' });
  });

  it('a path through a file, or an --out folder that does not exist', async () => {
    file('ok.csv', 'Account,Revenue\nA,1\nB,2\n');
    expect((await cli('score', 'ok.csv/inner.csv')).err).toBe('abm-tier: ok.csv/inner.csv cannot be read (a part of the path is a file, not a folder)\n');
    expect((await cli('score', 'ok.csv', '--out', 'nowhere/out.csv')).err).toBe('abm-tier: nowhere/out.csv cannot be written (no such folder)\n');
  });

  it('a file without read permission (when not run as root, who may read anything)', async () => {
    const path = file('secret.csv', 'Account,Revenue\nA,1\n');
    const root = process.getuid?.() === 0;
    const r = spawnSync('chmod', ['000', path]);
    expect(r.status).toBe(0);
    const out = await cli('score', 'secret.csv');
    if (root) expect(out.code).toBe(0);
    else expect(out).toEqual({ code: 1, out: '', err: 'abm-tier: secret.csv cannot be read (permission denied)\n' });
  });
});
