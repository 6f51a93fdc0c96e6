import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prefault, prefault, PROGRESS_ROWS, type PrefaultMessage } from '../../src/cli/prefault';
import { cliInFolder } from './helpers';

// The rows worker touches the table's columns ahead of the reader (src/cli/prefault.ts). What it
// must never do is change a value, whatever the reader has written; and the command's output is
// the same with it as without (parallel-rows.test.ts compares one core with two on messy tables).

describe('Prefault, the main thread’s side', () => {
  it('makes the table’s columns shared and zeroed until started, then hands out the arrays set aside', () => {
    const sent: PrefaultMessage[] = [];
    const p = new Prefault((m) => sent.push(m));
    const a = p.newColumn(1000);
    const b = p.newColumn(1000);
    expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...a, ...b].every((v) => v === 0)).toBe(true);
    p.started(1000, 2);
    expect(sent).toHaveLength(1);
    expect(sent[0].prefault).toEqual([a.buffer, b.buffer]);
    expect(sent[0].spares).toHaveLength(2);
    expect(sent[0].rows).toBe(1000);
    // The analysis's arrays: the spares, at the length asked for, while there are any that long.
    const s1 = p.newColumn(990);
    const s2 = p.newColumn(1000);
    expect(s1.length).toBe(990);
    expect(sent[0].spares).toContain(s1.buffer);
    expect(sent[0].spares).toContain(s2.buffer);
    expect(s1.buffer).not.toBe(s2.buffer);
    expect(p.newColumn(10).buffer).toBeInstanceOf(ArrayBuffer);
    // Longer than the spares (a table that grew past its estimate): a new array.
    const q = new Prefault(() => {});
    q.newColumn(100);
    q.started(100, 1);
    expect(q.newColumn(101).buffer).toBeInstanceOf(ArrayBuffer);
    expect(q.newColumn(100).buffer).toBeInstanceOf(SharedArrayBuffer);
    // Started once: a second call sends nothing more.
    p.started(1000, 2);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing when the table made no column before it started', () => {
    const sent: PrefaultMessage[] = [];
    const p = new Prefault((m) => sent.push(m));
    p.started(100, 3);
    expect(sent).toHaveLength(0);
    expect(p.newColumn(10).buffer).toBeInstanceOf(ArrayBuffer);
  });
});

describe('prefault, the worker’s side', () => {
  const message = (rows: number, columns: number, spares: number, reader: number): PrefaultMessage => {
    const progress = new Int32Array(new SharedArrayBuffer(4));
    progress[0] = reader;
    return {
      prefault: Array.from({ length: columns }, () => new SharedArrayBuffer(rows * 8)),
      spares: Array.from({ length: spares }, () => new SharedArrayBuffer(rows * 8)),
      progress,
      rows,
    };
  };

  it('changes no value, in the columns or the spares, wherever the reader is', () => {
    for (const reader of [0, 5 * PROGRESS_ROWS, 100_000, 0x7fffffff]) {
      const m = message(100_000, 3, 2, reader);
      const views = [...m.prefault, ...m.spares].map((b) => new Float64Array(b));
      // Values whose low words are what a touch adds 0 to: every row of every array, negative and odd ones too.
      views.forEach((v, k) => {
        for (let i = 0; i < v.length; i++) v[i] = (i % 7 === 0 ? -1 : 1) * (i * 1.000001 + k);
      });
      const before = views.map((v) => v.slice());
      prefault(m);
      views.forEach((v, k) => expect(v.every((x, i) => Object.is(x, before[k][i]))).toBe(true));
    }
  });

  it('touches rows past the end of a short table without going out of it', () => {
    const m = message(700, 2, 1, 0);
    expect(() => prefault(m)).not.toThrow();
    expect(new Float64Array(m.prefault[0]).every((v) => v === 0)).toBe(true);
  });
});

describe('the command with the worker readying its columns', () => {
  const { dir, file } = cliInFolder('abm-cli-prefault-');
  const cliPath = join(__dirname, '..', '..', 'dist-cli', 'abm-tier.js');
  const score = (parallel: boolean, name: string) =>
    spawnSync(process.execPath, [cliPath, 'score', name, '--format', 'json'], {
      cwd: dir,
      env: { ...process.env, ABM_TIER_PARALLEL_FROM: parallel ? '0' : '1e15' },
      maxBuffer: 1 << 28,
    });

  it('gives the same bytes as on one core when the table outgrows its estimate (the later columns are not readied)', () => {
    // The first rows are long (a wide notes column), so the reader expects few rows and the table grows.
    const lines = ['Account,Notes,Revenue,Profit,Engagement'];
    for (let i = 0; i < 60_000; i++) lines.push(`A${i},${i < 40 ? 'x'.repeat(400) : ''},${(i * 7919) % 10_007},${((i * 104_729) % 503) - 60},${i % 101}`);
    file('grows.csv', `${lines.join('\n')}\n`);
    const one = score(false, 'grows.csv');
    const two = score(true, 'grows.csv');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(JSON.parse(two.stdout.toString()).rows).toHaveLength(60_000);
    expect(two.stdout.equals(one.stdout)).toBe(true);
  });
});
