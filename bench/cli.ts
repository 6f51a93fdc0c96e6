import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticCsv } from './data';
import { line, median } from './stats';

const ROOT = join(__dirname, '..');

/** The CLI end to end on a CSV (node start-up, read, score, write CSV), with its peak memory. */
export function benchCli(): void {
  const cli = join(ROOT, 'dist-cli', 'abm-tier.js');
  // A wrapper that runs the CLI and then reports its peak resident memory in KiB: VmHWM on Linux
  // (maxRSS there also counts the forked copy of this large benchmark process before exec).
  const peak = `(() => { try { return Number(/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return process.resourceUsage().maxRSS; } })()`;
  const wrapper = `process.on('exit', () => process.stderr.write('maxrss ' + ${peak} + '\\n')); require(${JSON.stringify(cli)});`;
  for (const n of [100_000, 1_000_000]) {
    const csv = syntheticCsv(n);
    const out = join(tmpdir(), `abm-bench-out-${n}.csv`);
    const times: number[] = [];
    let rss = 0;
    for (let k = 0; k < (n >= 1_000_000 ? 3 : 5); k++) {
      const t = performance.now();
      const r = spawnSync(
        process.execPath,
        ['-e', wrapper, 'x', 'score', csv, '--format', 'csv', '--out', out, '--as-of', '2026-01-01', '--weights', 'health=0'],
        { encoding: 'utf8', maxBuffer: 1 << 26 },
      );
      times.push(performance.now() - t);
      if (r.status !== 0) throw new Error(`cli failed: ${r.stderr}`);
      rss = Math.max(rss, Number(/maxrss (\d+)/u.exec(r.stderr)?.[1] ?? 0));
    }
    rmSync(out, { force: true });
    const label = n.toLocaleString('en-US');
    line(`CLI end to end, ${label} rows CSV → CSV`, `${median(times).toFixed(0)} ms`, n === 100_000 ? 'budget ≤ 1 s' : '');
    line(`CLI peak memory, ${label} rows`, `${(rss / 1024).toFixed(0)} MiB`, n === 1_000_000 ? 'budget < 1 GiB' : '');
  }
}
