/**
 * What the rows worker computes besides rows. The worker sits idle from the end of the file's
 * reading to the first block of rows, so it is asked, as soon as their inputs exist: to share the
 * ranking of the metrics and the drivers with this thread (whichever thread is free takes the next
 * metric or block of rows), and, for the JSON output, for the KPIs and the whale curve's peak,
 * which go after the rows. The worker reads the table's columns where they are (SharedArrayBuffers,
 * prefault.ts) and a copy of the row masks; it computes with the core's own functions, so the
 * figures are the same to the last digit. Without an answer (a failed worker) this thread computes them.
 */

import {
  column,
  driverRows,
  driversOf,
  rankAll,
  rankInto,
  releaseRankingScratch,
  type DriverPlan,
  type DriverRows,
  type DriverSplit,
  type RankJob,
  type Ranker,
  computeElsewhere,
  kpiColumns,
  kpisOf,
  ROW_OK,
  whaleCurve,
  whalePeak,
  type Analysis,
  type KpiColumns,
  type Kpis,
  type KpiSettings,
  type ParsedTable,
  type WhalePeak,
} from '../core';

/** What the worker is asked. Arrays in shared memory are shared; others are copied (so what it writes goes into shared arrays only). */
export type SideRequest =
  | { side: 'kpis'; columns: KpiColumns; include: Uint8Array; settings: KpiSettings }
  | { side: 'whale'; profit: Float64Array; include: Uint8Array }
  | { side: 'rank'; jobs: RankJob[]; include: Uint8Array; claims: Int32Array }
  | { side: 'drivers'; plan: DriverPlan; scored: Float64Array; out: DriverRows; claims: Int32Array };

export type SideName = SideRequest['side'];

/** Its answer, or why there is none (ranks and drivers are in the shared arrays). */
export type SideReply =
  | { side: 'kpis'; value: Kpis }
  | { side: 'whale'; value: WhalePeak | null }
  | { side: 'rank' | 'drivers'; value: true }
  | { side: SideName; error: string };

/** The worker's side: the answer to one request. */
export function sideReply(request: SideRequest): SideReply {
  try {
    switch (request.side) {
      case 'kpis':
        return { side: 'kpis', value: kpisOf(request.columns, request.include, request.settings) };
      case 'whale':
        return { side: 'whale', value: whalePeak(request.profit, request.include) };
      case 'rank':
        for (let k = claim(request.claims); k < request.jobs.length; k = claim(request.claims)) rankInto(request.jobs[k], request.include);
        // The radix sort's scratch (16 MB at a million rows) is not kept for later.
        releaseRankingScratch();
        return { side: 'rank', value: true };
      case 'drivers': {
        const n = request.scored.length;
        for (let k = claim(request.claims); k * DRIVER_ROWS < n; k = claim(request.claims)) {
          driverRows(request.plan, request.scored, request.out, k * DRIVER_ROWS, Math.min(n, (k + 1) * DRIVER_ROWS));
        }
        return { side: 'drivers', value: true };
      }
    }
  } catch (error) {
    return { side: request.side, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The KPIs' request for a table without pins: its rows as the analysis includes them (analyse.ts: status OK), its columns. */
export function kpisRequest(table: ParsedTable, settings: KpiSettings): SideRequest {
  const include = new Uint8Array(table.n);
  for (let i = 0; i < table.n; i++) if (table.status[i] === ROW_OK) include[i] = 1;
  return { side: 'kpis', columns: kpiColumns(table), include, settings: { activeDays: settings.activeDays, discountRate: settings.discountRate } };
}

/** The rows a whale curve reads when there are no pins: those with a score (analyse.ts's scored mask). */
export function scoredRows(score: Float64Array): Uint8Array {
  const mask = new Uint8Array(score.length);
  for (let i = 0; i < score.length; i++) if (score[i] === score[i]) mask[i] = 1;
  return mask;
}

const shared = (a: ArrayBufferView) => a.buffer instanceof SharedArrayBuffer;

/** Ranks and drivers from this many rows are shared with the worker; below, the message costs more than the work. */
export const SHARE_FROM = 65_536;

/** The next job (metric or block of rows) to take: claims[0], counted up by whichever thread takes it. */
const claim = (claims: Int32Array) => Atomics.add(claims, 0, 1);

/**
 * score()'s Ranker with the worker: the metrics whose arrays are in shared memory are taken one at
 * a time, by whichever thread is free (an atomic counter), the others ranked here first. Without the
 * worker's answer every metric not ranked here is ranked afresh (into new arrays: it may still be writing).
 */
export function sharedRanker(helper: SideHelper): Ranker {
  return (jobs, include) => {
    const pool = jobs.filter((job) => shared(job.out));
    if (include.length < SHARE_FROM || pool.length < 2) return rankAll(jobs, include);
    const claims = new Int32Array(new SharedArrayBuffer(4));
    helper.ask({ side: 'rank', jobs: pool, include, claims });
    const here = new Set(jobs.filter((job) => !shared(job.out)));
    for (const job of here) rankInto(job, include);
    for (let k = claim(claims); k < pool.length; k = claim(claims)) {
      rankInto(pool[k], include);
      here.add(pool[k]);
    }
    if (helper.answer('rank')) return jobs.map((job) => job.out);
    return jobs.map((job) => (here.has(job) ? job.out : rankInto({ ...job, out: new Float64Array(include.length) }, include)));
  };
}

/** Rows of drivers taken at a time. */
const DRIVER_ROWS = 65_536;

/**
 * analyse's DriverSplit with the worker: blocks of rows, into shared arrays, each taken by whichever
 * thread is free (the worker may be busy with something asked before). Without the worker's answer
 * they are all found here afresh.
 */
export function sharedDrivers(helper: SideHelper): DriverSplit {
  return (plan, scored) => {
    const n = scored.length;
    if (n < SHARE_FROM) return null;
    const array = () => new Int16Array(new SharedArrayBuffer(2 * n)).fill(-1);
    const rows: DriverRows = { first: array(), second: array(), weakest: array() };
    const claims = new Int32Array(new SharedArrayBuffer(4));
    helper.ask({ side: 'drivers', plan, scored, out: rows, claims });
    for (let k = claim(claims); k * DRIVER_ROWS < n; k = claim(claims)) driverRows(plan, scored, rows, k * DRIVER_ROWS, Math.min(n, (k + 1) * DRIVER_ROWS));
    return helper.answer('drivers') ? rows : driversOf(plan, scored);
  };
}

/** Who answers side requests: the rows worker's helper (parallel-rows.ts). */
export interface SideHelper {
  ask(request: SideRequest): void;
  answer<S extends SideName>(side: S): Extract<SideReply, { side: S; value: unknown }> | null;
}

/**
 * Once the table is analysed: the drivers now, on both threads; then, for the JSON output (`sums`),
 * the KPIs and the whale curve's peak, which the worker computes while this thread goes on to the
 * rows. Each comes from the worker when the output first reads it (computed here if it has no
 * answer). Not with pins, which can take rows out. The segments stay here: on the worker their
 * working arrays (16 MB at a million rows) would still be held when the rows begin, where the
 * command's memory peaks.
 */
export function fromWorker(helper: SideHelper, analysis: Analysis, sums: boolean): void {
  void analysis.drivers;
  if (analysis.pinned || !sums) return;
  const { table, settings } = analysis;
  helper.ask(kpisRequest(table, settings));
  computeElsewhere(analysis, 'kpis', (here) => helper.answer('kpis')?.value ?? here());
  const profit = column(table, 'profit');
  if (!profit) return;
  const scored = scoredRows(analysis.score);
  helper.ask({ side: 'whale', profit, include: scored });
  computeElsewhere(analysis, 'whale', (here) => {
    const answer = helper.answer('whale');
    return answer ? whaleCurve(profit, scored, answer.value) : here();
  });
}
