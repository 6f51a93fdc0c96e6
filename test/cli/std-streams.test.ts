import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInFolder } from './helpers';

// bin.ts writes stderr, and stdout when it is a file, straight to the descriptor; node's streams
// only when stdout is a pipe or a terminal. These run the built command as a shell would.
const { dir, file } = cliInFolder('abm-cli-std-');
const cliPath = join(__dirname, '..', '..', 'dist-cli', 'abm-tier.js');

/** Accounts with a duplicate name and an unprofitable account: the command has two warnings to give. */
function accounts(rows: number): string {
  const lines = ['Account,Revenue,Profit,Engagement'];
  for (let i = 0; i < rows; i++) lines.push(`${i % 50 === 7 ? 'บริษัท ซ้ำ' : `Co ${i}`},${1000 + ((i * 7919) % 9000)},${((i * 104_729) % 900) - 100},${i % 97}`);
  return `${lines.join('\n')}\n`;
}

/** The warnings on stderr (CSV output: JSON output carries its warnings inside). */
function warningsOf(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('abm-tier: warning:'));
}

describe('abm-tier on stdout and stderr', () => {
  it('gives its warnings (CSV output) whole on stderr, whether stderr is a pipe or a file, in the language asked for', () => {
    const csv = file('warned.csv', accounts(3000));
    const piped = spawnSync(process.execPath, [cliPath, 'score', csv, '--format', 'csv', '--out', join(dir, 'piped.csv'), '--lang', 'th'], {
      encoding: 'utf8',
    });
    expect(piped.status).toBe(0);
    const warnings = warningsOf(piped.stderr);
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(piped.stderr).toContain('บริษัท ซ้ำ');
    const fd = openSync(join(dir, 'stderr.txt'), 'w');
    const toFile = spawnSync(process.execPath, [cliPath, 'score', csv, '--format', 'csv', '--out', join(dir, 'to-file.csv'), '--lang', 'th'], {
      stdio: ['ignore', 'ignore', fd],
    });
    closeSync(fd);
    expect(toFile.status).toBe(0);
    expect(readFileSync(join(dir, 'stderr.txt'), 'utf8')).toBe(piped.stderr);
    expect(readFileSync(join(dir, 'to-file.csv')).equals(readFileSync(join(dir, 'piped.csv')))).toBe(true);
  });

  it('finishes its --out file when nobody reads its stderr any more', async () => {
    const csv = file('unread.csv', accounts(3000));
    const alone = spawnSync(process.execPath, [cliPath, 'score', csv, '--out', join(dir, 'read.csv'), '--format', 'csv']);
    expect(alone.status).toBe(0);
    const child = spawn(process.execPath, [cliPath, 'score', csv, '--out', join(dir, 'unread.csv'), '--format', 'csv'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // The reading end closed before the command says anything: its warnings meet a closed pipe.
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'unread.csv')).equals(readFileSync(join(dir, 'read.csv')))).toBe(true);
  });

  it('stops quietly, with status 0, when the reader of its stdout goes away (| head)', async () => {
    const csv = file('headed.csv', accounts(20_000));
    const child = spawn(process.execPath, [cliPath, 'score', csv, '--format', 'csv'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first.startsWith('Account,Revenue,Profit,Engagement,')).toBe(true);
    expect(code).toBe(0);
    expect(stderr).not.toContain('Error');
  });

  it('loads none of node’s stream or worker modules to score a file into --out with warnings on stderr', () => {
    const csv = file('modules.csv', accounts(3000));
    // Preloaded: lists the built-in modules loaded after it, as the command ends.
    const probe = join(dir, 'probe.js');
    writeFileSync(
      probe,
      `const before = new Set(process.moduleLoadList);
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'loaded.txt'))}, process.moduleLoadList.filter((m) => !before.has(m)).join('\\n')));`,
    );
    const r = spawnSync(process.execPath, ['-r', probe, cliPath, 'score', csv, '--format', 'csv', '--out', join(dir, 'modules.csv')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(warningsOf(r.stderr).length).toBeGreaterThanOrEqual(2);
    const loaded = readFileSync(join(dir, 'loaded.txt'), 'utf8').split('\n');
    expect(loaded.filter((m) => /^NativeModule (stream|net|tty|worker_threads|v8)$/.test(m))).toEqual([]);
  });
});
