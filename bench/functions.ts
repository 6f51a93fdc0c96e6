import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { MAX_FUNCTION_CELLS, MAX_METRICS_CELLS } from '../src/functions/args';
import { SAMPLE_HEADER, sampleAccounts } from '../src/sample/accounts';
import { line, median } from './stats';

/**
 * The custom functions as Sheets runs them: dist/Code.js in a fresh vm context, each call given its
 * ranges as 2-D arrays made in that context (Dates included), blank cells as ''. For each function
 * that takes ranges, growing inputs up to the largest the guard lets through (or until a call
 * takes a few seconds); the figure that matters is the slowest function's cells per second,
 * counted as the guard in src/functions/args.ts counts them: the cells of the largest single
 * range, after its trailing blank rows are trimmed (ABMRFM's three columns count as one's cells).
 *
 * What this cannot measure: Apps Script's slower machines, and Sheets building the argument
 * arrays (from every cell of the range, trailing blanks included). MAX_FUNCTION_CELLS keeps a
 * margin for both; the last line shows the margin it keeps under this machine's 30-second figure.
 * To raise the limit, raise the constant first: the guard refuses anything larger to time.
 */

type Fn = (...args: unknown[]) => unknown;
type Context = Record<string, Fn> & vm.Context;

const ROOT = join(__dirname, '..');
const BUDGET_S = 30;
/** Stop growing a function's input once a call takes this long (keeps `npm run bench` short). */
const STOP_MS = 1_500;

/** The spreadsheet's services as Apps Script gives them (the fake's), else none: English. */
function globals(): { globals: Record<string, unknown>; via: string } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FakeSpreadsheet } = require('../test/fakes/workbook') as typeof import('../test/fakes/workbook');
    return { globals: new FakeSpreadsheet({}).session().globals(), via: "the fake spreadsheet's services" };
  } catch {
    return { globals: {}, via: 'no services (English)' };
  }
}

function load(services: Record<string, unknown>): Context {
  const context = vm.createContext({ ...services }) as Context;
  vm.runInContext(readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  // Copies a grid into the context's realm, as Sheets hands it over (its own Arrays and Dates).
  vm.runInContext(
    'function __grid(g) { return g.map(function (r) { return r.map(function (c) { return c !== null && typeof c === "object" ? new Date(c.getTime()) : c; }); }); }',
    context,
  );
  return context;
}

type Grid = unknown[][];

/** One input of `rows` data rows: the arguments, and the cells of its largest range (the guard's count). */
interface Case {
  args: unknown[];
  guardCells: number;
}

const WIDTH = SAMPLE_HEADER.length;

let made: { rows: number; grid: Grid } | null = null;

/** The sample's accounts with their header (the last size asked for is kept: the benches reuse it). */
function accounts(rows: number, blankTail = 0): Grid {
  if (made?.rows !== rows) made = { rows, grid: [[...SAMPLE_HEADER], ...sampleAccounts(rows, 1000 + rows)] };
  if (!blankTail) return made.grid;
  const grid = [...made.grid];
  for (let i = 0; i < blankTail; i++) grid.push(new Array(WIDTH).fill(''));
  return grid;
}

const col = (grid: Grid, c: number): Grid => grid.map((r) => [r[c]]);
const REVENUE = SAMPLE_HEADER.indexOf('Revenue');
const PROFIT = SAMPLE_HEADER.indexOf('Profit');
const ORDERS = SAMPLE_HEADER.indexOf('Orders');

/** Order lines for ABMRFM: about five lines a customer over a year, as Dates. */
function orderLines(rows: number): Grid[] {
  const customers = Math.max(1, Math.floor(rows / 5));
  const ids: Grid = [['Account']];
  const dates: Grid = [['Order date']];
  const revenues: Grid = [['Revenue']];
  for (let i = 0; i < rows; i++) {
    const c = (i * 7919) % customers;
    ids.push([`C${c}`]);
    dates.push([new Date(Date.UTC(2025, 0, 1 + ((i * 37 + c) % 365)))]);
    revenues.push([Math.round(50 + ((i * 131 + c * 17) % 5000))]);
  }
  return [ids, dates, revenues];
}

interface Bench {
  name: string;
  /** Data rows to try, smallest first. */
  rows: number[];
  make: (rows: number) => Case;
  /** The guard this function's range meets (metrics tables are allowed more). */
  limit?: number;
}

const TIERS = ['Tier 1', 'Tier 2', 'Tier 3'];
const SEGMENTS = ['Money Maker', 'Contributor', 'Filler'];
const GRID_ROWS = [1_000, 10_000, 50_000, 100_000];
const COLUMN_ROWS = [10_000, 100_000, 300_000, 1_000_000];

const grid = (rows: number): Case => ({ args: [accounts(rows)], guardCells: (rows + 1) * WIDTH });

const BENCHES: Bench[] = [
  { name: 'ABMSCORE', rows: GRID_ROWS, make: grid, limit: MAX_METRICS_CELLS },
  { name: 'ABMDRIVERS', rows: GRID_ROWS, make: grid, limit: MAX_METRICS_CELLS },
  {
    name: 'ABMLOOKALIKE',
    rows: GRID_ROWS,
    limit: MAX_METRICS_CELLS,
    make: (n) => {
      const g = accounts(n);
      return { args: [g, g.map((_r, i) => [i === 0 ? 'Ideal' : i % 10 === 0])], guardCells: (n + 1) * WIDTH };
    },
  },
  { name: 'ABMTIER', rows: GRID_ROWS, make: grid },
  { name: 'ABMHEALTH', rows: GRID_ROWS, make: grid, limit: MAX_METRICS_CELLS },
  { name: 'ABMKPI', rows: GRID_ROWS, make: grid, limit: MAX_METRICS_CELLS },
  {
    name: 'ABMTIER (score column)',
    rows: COLUMN_ROWS,
    make: (n) => ({ args: [[['Score'], ...Array.from({ length: n }, (_, i) => [(i * 7919) % 101])]], guardCells: n + 1 }),
  },
  { name: 'ABMSEGMENT', rows: COLUMN_ROWS, make: (n) => ({ args: [col(accounts(n), REVENUE)], guardCells: n + 1 }) },
  { name: 'ABMPROGRAM', rows: COLUMN_ROWS, make: (n) => ({ args: [[['Tier'], ...Array.from({ length: n }, (_, i) => [TIERS[i % 3]])]], guardCells: n + 1 }) },
  {
    name: 'ABMLTV',
    rows: COLUMN_ROWS,
    make: (n) => {
      const g = accounts(n);
      return { args: [col(g, REVENUE), col(g, ORDERS), 5, [['Margin'], ...Array.from({ length: n }, (_, i) => [0.1 + (i % 5) / 10])]], guardCells: n + 1 };
    },
  },
  {
    name: 'ABMPROFIT',
    rows: COLUMN_ROWS,
    make: (n) => {
      const g = accounts(n);
      return { args: [g.map((_, i) => [i === 0 ? 'Segment' : SEGMENTS[i % 3]]), col(g, REVENUE), col(g, PROFIT)], guardCells: n + 1 };
    },
  },
  { name: 'ABMRFM', rows: COLUMN_ROWS, make: (n) => ({ args: orderLines(n), guardCells: n + 1 }) },
];

/** Each argument copied into the context (a grid as Sheets would build it; a value as is). */
function inContext(context: Context, args: unknown[]): unknown[] {
  return args.map((a) => (Array.isArray(a) ? context.__grid(a) : a));
}

/** Median wall time of `runs` calls, each on fresh argument arrays, and the median time to make them. */
function timeCall(context: Context, name: string, args: unknown[], runs: number): { ms: number; copyMs: number } {
  const fn = context[name.split(' ')[0]];
  const times: number[] = [];
  const copies: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c = performance.now();
    const inside = inContext(context, args);
    copies.push(performance.now() - c);
    const t = performance.now();
    let out: unknown;
    try {
      out = fn(...inside);
    } catch (error) {
      throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    times.push(performance.now() - t);
    if (!Array.isArray(out) || out.length === 0) throw new Error(`${name} gave no rows`);
  }
  return { ms: median(times), copyMs: median(copies) };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const perSecond = (cells: number, ms: number) => (cells / ms) * 1000;

/** The sizes to try: those the guard lets through, then the largest it lets through. */
function sizes(bench: Bench): number[] {
  const perRow = bench.make(2).guardCells - bench.make(1).guardCells;
  const fixed = bench.make(0).guardCells;
  const atLimit = Math.floor(((bench.limit ?? MAX_FUNCTION_CELLS) - fixed) / perRow);
  return [...bench.rows.filter((n) => n < atLimit), atLimit];
}

/** Four columns (account, revenue, profit, engagement): what issue 16 budgets ABMSCORE and ABMTIER on. */
function fourColumns(rows: number): Grid {
  const g = accounts(rows);
  const keep = ['Account', 'Revenue', 'Profit', 'Engagement'].map((h) => SAMPLE_HEADER.indexOf(h as (typeof SAMPLE_HEADER)[number]));
  return g.map((r) => keep.map((c) => r[c]));
}

const FOUR_ROWS = 50_000;
const FOUR_BUDGET_MS = 150;

/**
 * The same bundle loaded into node's own context: a fresh vm context (as above, like Sheets' fresh
 * runtime) makes every lookup of a global (`Number.isNaN`, `Math.round`) a call into its
 * interceptor, which per-cell loops pay for; this shows how much of a figure that is.
 */
function loadHere(): Context {
  const code = readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8');
  const api = vm.runInThisContext(`(function () {${code}\nreturn AbmTier;\n})()`, { filename: 'Code.js' }) as Record<string, Fn>;
  return Object.assign(Object.create(null), api, { __grid: (g: Grid) => g.map((r) => [...r]) }) as Context;
}

/**
 * ABMSCORE and ABMTIER on 50 000 rows × 4 columns (account, revenue, profit, engagement), beside
 * the 150 ms budget: median of 7 calls after 2 to warm, in a fresh vm context and in node's own.
 */
function benchBudget(context: Context): void {
  const args = [fourColumns(FOUR_ROWS)];
  const here = loadHere();
  for (const name of ['ABMSCORE', 'ABMTIER']) {
    timeCall(context, name, args, 2);
    const { ms } = timeCall(context, name, args, 7);
    timeCall(here, name, args, 2);
    const plain = timeCall(here, name, args, 7).ms;
    line(`${name}, ${fmt(FOUR_ROWS)} rows × 4 columns`, `${ms.toFixed(0)} ms`, `budget ${FOUR_BUDGET_MS} ms (node's own context: ${plain.toFixed(0)} ms)`);
  }
}

export function benchFunctions(only?: 'budget'): void {
  const { globals: services, via } = globals();
  const context = load(services);
  benchBudget(context);
  if (only === 'budget') return;
  console.log(
    `custom functions: dist/Code.js in a vm context with ${via}; MAX_FUNCTION_CELLS = ${fmt(MAX_FUNCTION_CELLS)}, MAX_METRICS_CELLS = ${fmt(MAX_METRICS_CELLS)}`,
  );
  let slowest = { name: '', rate: Number.POSITIVE_INFINITY, copyRate: 0 };
  let slowestMetrics = { name: '', rate: Number.POSITIVE_INFINITY };
  for (const bench of BENCHES) {
    let last = { rows: 0, cells: 0, ms: 0, copyMs: 0 };
    for (const rows of sizes(bench)) {
      const c = bench.make(rows);
      const { ms, copyMs } = timeCall(context, bench.name, c.args, rows <= 10_000 ? 5 : 3);
      last = { rows, cells: c.guardCells, ms, copyMs };
      if (ms > STOP_MS) break;
    }
    const rate = perSecond(last.cells, last.ms);
    line(`${bench.name}, ${fmt(last.rows)} rows (${fmt(last.cells)} cells)`, `${(last.ms / 1000).toFixed(2)} s`, `${fmt(rate)} cells/s`);
    if (bench.limit) {
      if (rate < slowestMetrics.rate) slowestMetrics = { name: bench.name, rate };
    } else if (rate < slowest.rate) slowest = { name: bench.name, rate, copyRate: perSecond(last.cells, last.copyMs) };
  }

  // An open range (A1:Q): the data, then three times as many blank rows of '' cells, trimmed first.
  const data = Math.min(50_000, Math.floor(MAX_FUNCTION_CELLS / WIDTH) - 1);
  const closed = timeCall(context, 'ABMDRIVERS', [accounts(data)], 3).ms;
  const withTail = timeCall(context, 'ABMDRIVERS', [accounts(data, 3 * data)], 3).ms;
  line(
    `ABMDRIVERS, ${fmt(data)} rows + ${fmt(3 * data)} blank rows (open range)`,
    `${(withTail / 1000).toFixed(2)} s`,
    `closed range ${(closed / 1000).toFixed(2)} s`,
  );

  const here = slowest.rate * BUDGET_S;
  line(`slowest per cell: ${slowest.name}`, fmt(slowest.rate), 'cells/s');
  line(`cells it would take ${BUDGET_S} s to score here`, fmt(here), '');
  line(`making its arguments' arrays in node (not counted above)`, fmt(slowest.copyRate), 'cells/s');
  line(
    `margin of MAX_FUNCTION_CELLS under the ${BUDGET_S} s figure`,
    `${(here / MAX_FUNCTION_CELLS).toFixed(1)}×`,
    "kept ≥ 10×: Apps Script's slower V8 (5×), Sheets' arrays (2×)",
  );
  const metricsHere = slowestMetrics.rate * BUDGET_S;
  line(`slowest metrics table per cell: ${slowestMetrics.name}`, fmt(slowestMetrics.rate), 'cells/s');
  line(`margin of MAX_METRICS_CELLS under its ${BUDGET_S} s figure`, `${(metricsHere / MAX_METRICS_CELLS).toFixed(1)}×`, 'kept ≥ 10×');
}

// `tsx bench/functions.ts budget` prints only the 50 000 × 4 budget lines.
if (require.main === module) benchFunctions(process.argv[2] === 'budget' ? 'budget' : undefined);
