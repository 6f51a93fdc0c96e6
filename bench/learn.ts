import { analyse, asOfMs, mapColumns, parseSettings, readRows, type Cell } from '../src/core';
import { learnWeights } from '../src/core/learn';
import { nextTiers } from '../src/core/next-tier';
import { HEADER, syntheticRows } from './data';
import { line, median, time } from './stats';

/** Learned weights (5 folds) and next-tier moves on 100,000 synthetic accounts × 12 metrics. */
export function benchLearn(): void {
  // The sample's columns less the CRM health score: 12 weighted metrics, as in the pipeline bench.
  const settings = parseSettings({ asOf: '2026-01-01', weights: { health: 0 } });
  const n = 100_000;
  const mapping = mapColumns([...HEADER], HEADER.length, settings);
  const table = readRows(syntheticRows(n) as Cell[][], mapping, asOfMs(settings.asOf), 2);
  const a = analyse(table, settings);
  // An outcome that follows the score, with noise: about a third succeed.
  let seed = 17;
  const success = Int8Array.from(a.score, (s) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return s === s ? (s / 100 + seed / 2 ** 32 > 0.95 ? 1 : 0) : -1;
  });
  const metrics = mapping.metrics.filter((m) => m.weight > 0).length;
  // Wall time, and this process's CPU time beside it (a busy shared machine inflates the first).
  const cpu = (run: () => void) => {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const learnCpu: number[] = [];
  const learn = time(() => learnCpu.push(cpu(() => void learnWeights(a, success))), 3);
  line(
    `learn weights, 5 folds, ${n.toLocaleString('en-US')} accounts × ${metrics} metrics`,
    `${learn.toFixed(0)} ms`,
    `budget ≤ 2000 ms (CPU ${median(learnCpu).toFixed(0)} ms)`,
  );
  const nextCpu: number[] = [];
  const next = time(() => nextCpu.push(cpu(() => void nextTiers(a))), 5);
  line(
    `next-tier moves, ${n.toLocaleString('en-US')} accounts × ${metrics} metrics`,
    `${next.toFixed(0)} ms`,
    `budget ≤ 300 ms (CPU ${median(nextCpu).toFixed(0)} ms)`,
  );
}

if (process.argv[1]?.endsWith('learn.ts')) benchLearn();
