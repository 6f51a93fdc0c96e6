import { quantileTiers, readOutcomes, reportCard } from '../src/core';
import { line, median, time } from './stats';
import { random } from '../src/core/random';

/** Median CPU time of this process per run, in ms: steadier than wall time on a machine others share. */
function cpuTime(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t);
    times.push((d.user + d.system) / 1000);
  }
  return median(times);
}

/** The report card (outcome cells read, tiers, AUC with DeLong, calibration) on 100 000 scored accounts. */
export function benchReport(): void {
  const n = 100_000;
  const next = random(17);
  const score = new Float64Array(n);
  const words: string[] = new Array(n);
  const revenue: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    // Scores on a 0.1 grid (ties, as real scores have), success more likely with the score; one row in ten has no outcome.
    score[i] = Math.round(next() * 1000) / 10;
    const won = next() < 0.1 + score[i] / 200;
    words[i] = next() < 0.1 ? '' : won ? 'Won' : 'Lost';
    revenue[i] = won ? Math.round(next() * 5000) : 0;
  }
  const tier = quantileTiers(score, [20, 30, 50]);
  const labels = ['Tier 1', 'Tier 2', 'Tier 3'];
  let auc = 0;
  const words100k = () => {
    auc = reportCard({ tier, score, outcomes: readOutcomes(words), labels }).auc;
  };
  const numbers100k = () => void reportCard({ tier, score, outcomes: readOutcomes(revenue), labels });
  for (const [what, fn] of [
    ['Won/Lost', words100k],
    ['numeric outcome', numbers100k],
  ] as const) {
    const wall = time(fn, 9);
    const cpu = cpuTime(fn, 9);
    line(`report card, ${n.toLocaleString('en-US')} accounts (${what})`, `${wall.toFixed(1)} ms`, `budget ≤ 150 ms (CPU ${cpu.toFixed(1)} ms)`);
  }
  if (!(auc > 0.5)) throw new Error('the bench outcome should follow the score');
}
