import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { syntheticCsv } from './data';
import { line, median } from './stats';

const ROOT = join(__dirname, '..');
const SCORE = ['--as-of', '2026-01-01', '--weights', 'health=0'];
const CLI = join(ROOT, 'dist-cli', 'abm-tier.js');

/**
 * A `node -e` program that runs `script` as if it were started itself (its arguments follow a
 * placeholder) and, as it ends, reports on stderr its peak resident memory in KiB (VmHWM on Linux:
 * maxRSS there also counts the forked copy of this large benchmark process before exec) and its
 * minor page faults, every thread's: each a page of memory touched for the first time.
 */
function measured(script: string): string {
  const peak = `(() => { try { return Number(/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return process.resourceUsage().maxRSS; } })()`;
  const report = `'maxrss ' + ${peak} + ' faults ' + process.resourceUsage().minorPageFault + '\\n'`;
  return `process.on('exit', () => process.stderr.write(${report})); require(${JSON.stringify(script)});`;
}

/** Peak memory (KiB) and page faults, as a `measured` program reported them on `stderr`. */
function usage(stderr: string): { rss: number; faults: number } {
  const m = /maxrss (\d+) faults (\d+)/u.exec(stderr);
  return { rss: Number(m?.[1] ?? 0), faults: Number(m?.[2] ?? 0) };
}

/** Node starting and stopping with nothing to do: the floor under every CLI figure; and its page faults. */
function nodeStart(runs: number): { ms: number; faults: number } {
  const times: number[] = [];
  const faults: number[] = [];
  const empty = join(tmpdir(), 'abm-bench-empty.js');
  writeFileSync(empty, '');
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - t);
    faults.push(usage(spawnSync(process.execPath, ['-e', measured(empty)], { encoding: 'utf8' }).stderr).faults);
  }
  rmSync(empty, { force: true });
  return { ms: median(times), faults: median(faults) };
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
function floorMs(csv: string, runs: number): { ms: number; bytes: number; faults: number } {
  const out = join(tmpdir(), 'abm-bench-floor.csv');
  const times: number[] = [];
  const faults: number[] = [];
  let bytes = 0;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['-e', measured(join(__dirname, 'cli-floor.js')), 'x', csv, out], { encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`floor failed: ${r.stderr}`);
    bytes = Number(r.stdout);
    faults.push(usage(r.stderr).faults);
  }
  rmSync(out, { force: true });
  return { ms: median(times), bytes, faults: median(faults) };
}

/**
 * The same job inside this process (read, score, write the file `out`): the CLI less node's start-up.
 * `run` does its work before its first await (it has none on this path): the file is whole when it returns.
 */
function inProcessMs(args: readonly string[], out: string, runs: number): { median: number; fastest: number } {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    rmSync(out, { force: true });
    const t = performance.now();
    // With the CLI's own worker for the rows of a large file, as the command starts it (bin.ts).
    void run(args, { stdout: () => {}, stderr: () => {}, cwd: ROOT, rowsWorker: { script: CLI, from: 16 << 20 } });
    times.push(performance.now() - t);
    if (!existsSync(out) || statSync(out).size === 0) throw new Error(`cli wrote nothing: ${args.join(' ')}`);
  }
  return { median: median(times), fastest: Math.min(...times) };
}

/**
 * The CLI end to end (node start-up, read, score, write) on a CSV, to CSV and to JSON, with its
 * peak memory; beside it the same job in process and node's start-up alone, so the distance to the
 * floor shows.
 */
export function benchCli(): void {
  const cli = measured(CLI);
  const start = nodeStart(5);
  const fresh = freshMemoryMs();
  // 128 MiB is 32 768 pages of 4 KiB.
  const faultUs = (fresh * 1000) / 32_768;
  line('node start-up alone (node -e 0)', `${start.ms.toFixed(0)} ms`, `${start.faults} page faults`);
  line('first touch of 128 MiB of new memory (page faults)', `${fresh.toFixed(0)} ms`, `${faultUs.toFixed(1)} µs a page`);
  for (const n of [100_000, 1_000_000]) {
    const csv = syntheticCsv(n);
    const label = n.toLocaleString('en-US');
    const runs = n >= 1_000_000 ? 3 : 5;
    const floor = floorMs(csv, runs);
    line(
      `the floor, ${label} rows (bench/cli-floor.js)`,
      `${floor.ms.toFixed(0)} ms`,
      `${(floor.bytes / 2 ** 20).toFixed(1)} MiB out, ${floor.faults} page faults`,
    );
    let rss = 0;
    for (const format of ['csv', 'json'] as const) {
      const out = join(tmpdir(), `abm-bench-out-${n}.${format}`);
      const args = ['score', csv, '--format', format, '--out', out, ...SCORE];
      const times: number[] = [];
      const faults: number[] = [];
      for (let k = 0; k < runs; k++) {
        const t = performance.now();
        const r = spawnSync(process.execPath, ['-e', cli, 'x', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
        times.push(performance.now() - t);
        if (r.status !== 0) throw new Error(`cli failed: ${r.stderr}`);
        const used = usage(r.stderr);
        rss = Math.max(rss, used.rss);
        faults.push(used.faults);
      }
      const inside = inProcessMs(args, out, runs);
      rmSync(out, { force: true });
      const budget = n === 100_000 ? 'budget ≤ 450 ms' : 'budget ≤ 3.5 s';
      line(`CLI end to end, ${label} rows CSV → ${format.toUpperCase()}`, `${median(times).toFixed(0)} ms`, budget);
      // What the pages touched beyond node's own start cost at this machine's price of a page.
      const beyond = median(faults) - start.faults;
      line(`  its page faults beyond node's start`, `${beyond}`, `≈ ${((beyond * faultUs) / 1000).toFixed(0)} ms; the floor's ${floor.faults - start.faults}`);
      line(
        `  the same job in process (no start-up)`,
        `${inside.median.toFixed(0)} ms`,
        `fastest of ${runs}: ${inside.fastest.toFixed(0)} ms (compiled, memory reused)`,
      );
    }
    line(`CLI peak memory, ${label} rows`, `${(rss / 1024).toFixed(0)} MiB`, n === 1_000_000 ? 'budget ≤ 500 MiB' : '');
  }
}
