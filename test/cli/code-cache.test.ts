import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_FILE, cacheStamp, PROGRAM_FILE, readCache } from '../../src/cli/code-cache';
import { sampleCsv } from '../../src/sample/accounts';

// The command starts its program from V8's code cache (src/cli/code-cache.ts), which the build made
// (test/global-setup.ts built dist-cli/). From the cache or not, the program and its output are the same.
const built = join(__dirname, '..', '..', 'dist-cli');
const work = mkdtempSync(join(tmpdir(), 'abm-code-cache-'));
const csv = join(work, 'accounts.csv');
writeFileSync(csv, sampleCsv(400, 3));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A copy of dist-cli/; `stamped`: with the cache's stamp made for the copied program (a copy's
 * modification time is new, or rounded when kept), as if the build had made the cache there.
 */
function copyOfCli(name: string, stamped: boolean): string {
  const dir = join(work, name);
  cpSync(built, dir, { recursive: true });
  if (stamped) {
    const cache = join(dir, CACHE_FILE);
    const bytes = readFileSync(cache);
    const bytecode = bytes.subarray(bytes.indexOf(10) + 1);
    writeFileSync(cache, Buffer.concat([Buffer.from(cacheStamp(join(dir, PROGRAM_FILE)), 'latin1'), bytecode]));
  }
  return dir;
}

/** The command in `dir` on the sample, with how each thread loaded the program. */
function score(dir: string, extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(dir, 'abm-tier.js'), 'score', csv, '--format', 'json', '--as-of', '2026-01-01'], {
    encoding: 'utf8',
    env: { ...process.env, ABM_TIER_CODE_CACHE_REPORT: '1', ...extraEnv },
  });
  const reports = [...r.stderr.matchAll(/^abm-tier code cache: (\w+) \((main thread|worker)\)$/gmu)].map((m) => `${m[1]} ${m[2]}`);
  return { status: r.status, stdout: r.stdout, reports, otherErr: r.stderr.replace(/^abm-tier code cache: .*\n/gmu, '') };
}

const fromBuild = score(built);

describe('the built command', () => {
  it('loads its program from the build’s code cache', () => {
    expect(fromBuild.status).toBe(0);
    expect(fromBuild.reports).toEqual(['used main thread']);
    expect(JSON.parse(fromBuild.stdout).rows).toHaveLength(400);
  });

  it('starts its rows worker from the loader, so the worker reads the cache too', () => {
    const both = score(built, { ABM_TIER_PARALLEL_FROM: '0' });
    expect(both.status).toBe(0);
    expect(both.reports.sort()).toEqual(['used main thread', 'used worker']);
    expect(both.stdout).toBe(fromBuild.stdout);
  });

  it('says nothing about the cache unless asked', () => {
    const r = spawnSync(process.execPath, [join(built, 'abm-tier.js'), 'score', csv, '--as-of', '2026-01-01'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/code cache/u);
  });
});

describe('a copy of the command with its cache made for it', () => {
  it('loads from the cache (what the tests below change is all that differs)', () => {
    const r = score(copyOfCli('stamped', true));
    expect(r.reports).toEqual(['used main thread']);
    expect(r.stdout).toBe(fromBuild.stdout);
  });
});

describe('without a cache it can use, the program is compiled and gives the same output', () => {
  it('when the cache is missing', () => {
    const dir = copyOfCli('missing', true);
    rmSync(join(dir, CACHE_FILE));
    const r = score(dir);
    expect(r.reports).toEqual(['missing main thread']);
    expect(r.stdout).toBe(fromBuild.stdout);
    expect(r.otherErr).toBe('');
  });

  it('when the program is not the one the cache was made from (here: copied, with a new modification time, the build’s cache as it was)', () => {
    const r = score(copyOfCli('copied', false));
    expect(r.reports).toEqual(['stale main thread']);
    expect(r.stdout).toBe(fromBuild.stdout);
  });

  it('when the program was edited to the same length, which V8 alone would not notice: the edit runs', () => {
    const dir = copyOfCli('edited', true);
    const program = join(dir, PROGRAM_FILE);
    const text = readFileSync(program, 'utf8');
    const edited = text.replace('"Strategic ABM (1:1)"', '"STRATEGIC ABM (1:1)"');
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    writeFileSync(program, edited);
    const r = score(dir);
    expect(r.reports).toEqual(['stale main thread']);
    expect(r.stdout).toContain('STRATEGIC ABM (1:1)');
    expect(r.stdout).not.toContain('Strategic ABM (1:1)');
  });

  it('when V8 rejects the cached bytes', () => {
    const dir = copyOfCli('rejected', true);
    const cache = join(dir, CACHE_FILE);
    const stamp = cacheStamp(join(dir, PROGRAM_FILE));
    const bytes = readFileSync(cache);
    // The stamp kept, the bytecode replaced by bytes of the same size V8 cannot read.
    writeFileSync(cache, Buffer.concat([Buffer.from(stamp, 'latin1'), Buffer.alloc(bytes.length - stamp.length, 7)]));
    const r = score(dir);
    expect(r.reports).toEqual(['rejected main thread']);
    expect(r.stdout).toBe(fromBuild.stdout);
  });
});

describe('readCache', () => {
  it('gives the bytes after a matching stamp, and says why otherwise', () => {
    const file = join(work, 'a.cache');
    expect(readCache(file, 'stamp\n')).toBe('missing');
    writeFileSync(file, 'stamp\nBYTES');
    expect(readCache(file, 'stamp\n')).toEqual(Buffer.from('BYTES'));
    expect(readCache(file, 'other\n')).toBe('stale');
    writeFileSync(file, 'stamp\n');
    expect(readCache(file, 'stamp\n')).toBe('stale');
  });

  it('stamps a program by its size and modification time', () => {
    const file = join(work, 'p.js');
    writeFileSync(file, 'x');
    const { size, mtimeMs } = statSync(file);
    expect(cacheStamp(file)).toBe(`abm-tier code cache ${size} ${mtimeMs}\n`);
  });
});
