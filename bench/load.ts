import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { SAMPLE_HEADER, sampleAccounts } from '../src/sample/accounts';
import { line, median } from './stats';

/**
 * Loading dist/Code.js, as each custom-function cell does: Apps Script evaluates every pushed file
 * in a fresh context before the call. Timed: evaluating the bundle in a new, empty context (making
 * the context is not counted), the median of many; then the same with one English ABMSCORE call
 * on ten accounts; and the first load in a new node process, where V8 has compiled nothing of it
 * yet (the case of a cold Apps Script run). `tsx bench/load.ts OTHER/Code.js` also times another build (e.g. one from before
 * a change), alternating the two so that the machine's load falls on both alike.
 */

const ROOT = join(__dirname, '..');
const BUDGET_MS = 12;
const RUNS = 60;

type Fn = (...args: unknown[]) => unknown;

interface Figures {
  load: number;
  loadAndCall: number;
}

/** The ten accounts of ABMSCORE's call, as Sheets hands a range over (no Dates in this sample's cells). */
const GRID = [[...SAMPLE_HEADER], ...sampleAccounts(10, 7)];

function once(script: vm.Script, call: boolean): number {
  const context = vm.createContext({});
  const t = performance.now();
  script.runInContext(context);
  if (call) {
    const out = (context.ABMSCORE as Fn)(GRID.map((r) => [...r]));
    if (!Array.isArray(out) || out.length !== GRID.length) throw new Error('ABMSCORE gave no scores');
  }
  return performance.now() - t;
}

/** Medians over `runs` fresh contexts of each build, taken in turn. */
function measure(codes: string[], runs: number): Figures[] {
  // Compiled anew for each context, as a new Apps Script run would (V8 may still cache the code).
  const times = codes.map(() => ({ load: [] as number[], loadAndCall: [] as number[] }));
  for (let k = 0; k < runs; k++) {
    codes.forEach((code, c) => {
      times[c].load.push(once(new vm.Script(code, { filename: 'Code.js' }), false));
      times[c].loadAndCall.push(once(new vm.Script(code, { filename: 'Code.js' }), true));
    });
  }
  return times.map((t) => ({ load: median(t.load), loadAndCall: median(t.loadAndCall) }));
}

const COLD_RUNS = 15;

/** The first evaluation of each file in a new node process, compiling included: medians of COLD_RUNS processes each, in turn. */
function cold(paths: string[]): number[] {
  const script = (path: string) =>
    `const vm=require('node:vm'),c=require('node:fs').readFileSync(${JSON.stringify(path)},'utf8'),x=vm.createContext({}),t=performance.now();vm.runInContext(c,x,{filename:'Code.js'});process.stdout.write(String(performance.now()-t))`;
  const times = paths.map(() => [] as number[]);
  for (let k = 0; k < COLD_RUNS; k++)
    paths.forEach((path, p) => times[p].push(Number(execFileSync(process.execPath, ['-e', script(path)], { encoding: 'utf8' }))));
  return times.map(median);
}

export function benchLoad(other?: string): void {
  const mine = join(ROOT, 'dist', 'Code.js');
  const paths = other ? [mine, other] : [mine];
  const codes = paths.map((path) => readFileSync(path, 'utf8'));
  measure(codes, 5); // warm: node's own code, and V8's first compilations
  const [now, then] = measure(codes, RUNS);
  const [coldNow, coldThen] = cold(paths);
  const beside = (figure: number | undefined) => (figure === undefined ? '' : `${other}: ${figure.toFixed(1)} ms`);
  line(`Code.js load into a fresh context (median of ${RUNS})`, `${now.load.toFixed(1)} ms`, `budget ≤ ${BUDGET_MS} ms${then ? `; ${beside(then.load)}` : ''}`);
  line('Code.js load + one English ABMSCORE (10 accounts)', `${now.loadAndCall.toFixed(1)} ms`, beside(then?.loadAndCall));
  line(`Code.js first load in a new process (median of ${COLD_RUNS})`, `${coldNow.toFixed(1)} ms`, beside(coldThen));
}

if (require.main === module) benchLoad(process.argv[2]);
