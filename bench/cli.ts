import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { syntheticCsv } from './data';
import { line, median } from './stats';

const ROOT = join(__dirname, '..');
const SCORE = ['--as-of', '2026-01-01', '--weights', 'health=0'];
const CLI = join(ROOT, 'dist-cli', 'abm-tier.js');

/** Node starting and stopping with nothing to do: the floor under every CLI figure. */
function nodeStartMs(runs: number): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * What fresh memory costs on this machine: the first write to each page of a new 128 MiB typed array
 * (the kernel's page faults). At a million rows the CLI touches about 500 MiB of new arrays (columns,
 * percentiles, scores), so this is a large part of its floor; `sys` time in /usr/bin/time shows it.
 */
function freshMemoryMs(): number {
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const a = new Float64Array(16 * 1024 * 1024);
    for (let i = 0; i < a.length; i += 512) a[i] = 1;
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * The floor (bench/cli-floor.js): a cold node that reads the same file, parses twelve columns, sorts
 * each and writes as many bytes, with none of the rules. The CLI's distance to it is what the rules,
 * the checks and V8 warming up to them cost.
 */
function floorMs(csv: string, runs: number): { ms: number; bytes: number } {
  const out = join(tmpdir(), 'abm-bench-floor.csv');
  const times: number[] = [];
  let bytes = 0;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(__dirname, 'cli-floor.js'), csv, out], { encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`floor failed: ${r.stderr}`);
    bytes = Number(r.stdout);
  }
  rmSync(out, { force: true });
  return { ms: median(times), bytes };
}

/**
 * The same job inside this process (read, score, write the file `out`): the CLI less node's start-up.
 * `run` does its work before its first await (it has none on this path): the file is whole when it returns.
 */
function inProcessMs(args: readonly string[], out: string, runs: number): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    rmSync(out, { force: true });
    const t = performance.now();
    // With the CLI's own worker for the rows of a large file, as the command starts it (bin.ts).
    void run(args, { stdout: () => {}, stderr: () => {}, cwd: ROOT, rowsWorker: { script: CLI, from: 16 << 20 } });
    times.push(performance.now() - t);
    if (!existsSync(out) || statSync(out).size === 0) throw new Error(`cli wrote nothing: ${args.join(' ')}`);
  }
  return median(times);
}

/**
 * The CLI end to end (node start-up, read, score, write) on a CSV, to CSV and to JSON, with its
 * peak memory; beside it the same job in process and node's start-up alone, so the distance to the
 * floor shows.
 */
export function benchCli(): void {
  const cli = CLI;
  // A wrapper that runs the CLI and then reports its peak resident memory in KiB: VmHWM on Linux
  // (maxRSS there also counts the forked copy of this large benchmark process before exec).
  const peak = `(() => { try { return Number(/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return process.resourceUsage().maxRSS; } })()`;
  const wrapper = `process.on('exit', () => process.stderr.write('maxrss ' + ${peak} + '\\n')); require(${JSON.stringify(cli)});`;
  line('node start-up alone (node -e 0)', `${nodeStartMs(5).toFixed(0)} ms`);
  line('first touch of 128 MiB of new memory (page faults)', `${freshMemoryMs().toFixed(0)} ms`);
  for (const n of [100_000, 1_000_000]) {
    const csv = syntheticCsv(n);
    const label = n.toLocaleString('en-US');
    const runs = n >= 1_000_000 ? 3 : 5;
    const floor = floorMs(csv, runs);
    line(`the floor, ${label} rows (bench/cli-floor.js)`, `${floor.ms.toFixed(0)} ms`, `${(floor.bytes / 2 ** 20).toFixed(1)} MiB out`);
    let rss = 0;
    for (const format of ['csv', 'json'] as const) {
      const out = join(tmpdir(), `abm-bench-out-${n}.${format}`);
      const args = ['score', csv, '--format', format, '--out', out, ...SCORE];
      const times: number[] = [];
      for (let k = 0; k < runs; k++) {
        const t = performance.now();
        const r = spawnSync(process.execPath, ['-e', wrapper, 'x', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
        times.push(performance.now() - t);
        if (r.status !== 0) throw new Error(`cli failed: ${r.stderr}`);
        rss = Math.max(rss, Number(/maxrss (\d+)/u.exec(r.stderr)?.[1] ?? 0));
      }
      const inside = inProcessMs(args, out, runs);
      rmSync(out, { force: true });
      const budget = n === 100_000 ? 'budget ≤ 450 ms' : 'budget ≤ 3.5 s';
      line(`CLI end to end, ${label} rows CSV → ${format.toUpperCase()}`, `${median(times).toFixed(0)} ms`, budget);
      line(`  the same job in process (no start-up)`, `${inside.toFixed(0)} ms`);
    }
    line(`CLI peak memory, ${label} rows`, `${(rss / 1024).toFixed(0)} MiB`, n === 1_000_000 ? 'budget ≤ 500 MiB' : '');
  }
}
