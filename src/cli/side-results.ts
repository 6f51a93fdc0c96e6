/**
 * What the rows worker computes besides rows: the KPIs and the whale curve's peak, which the JSON
 * output puts after the rows. At a million rows they take this thread about 0.4 s, while the worker
 * sits idle from the end of the file's reading to the first block of rows; asked for as soon as their
 * inputs exist (the KPIs once the table is read, the peak once it is scored), they are ready by the
 * time the output reads them. The worker reads the table's columns where they are (SharedArrayBuffers,
 * prefault.ts) and a copy of the row masks; it computes with the core's own functions, so the figures
 * are the same to the last digit. Without an answer (a failed worker) this thread computes them.
 */

import {
  column,
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
  type Pins,
  type WhalePeak,
} from '../core';

/** What the worker is asked. */
export type SideRequest =
  | { side: 'kpis'; columns: KpiColumns; include: Uint8Array; settings: KpiSettings }
  | { side: 'whale'; profit: Float64Array; include: Uint8Array };

export type SideName = SideRequest['side'];

/** Its answer, or why there is none. */
export type SideReply = { side: 'kpis'; value: Kpis } | { side: 'whale'; value: WhalePeak | null } | { side: SideName; error: string };

/** The worker's side: the answer to one request. */
export function sideReply(request: SideRequest): SideReply {
  try {
    if (request.side === 'kpis') return { side: 'kpis', value: kpisOf(request.columns, request.include, request.settings) };
    return { side: 'whale', value: whalePeak(request.profit, request.include) };
  } catch (error) {
    return { side: request.side, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The KPIs' request for a table without pins: its rows as the analysis includes them (analyse.ts), its columns. */
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

/** Who answers side requests: the rows worker's helper (parallel-rows.ts). */
export interface SideHelper {
  ask(request: SideRequest): void;
  answer<S extends SideName>(side: S): Extract<SideReply, { side: S; value: unknown }> | null;
}

/**
 * For PipelineOptions.tableMade: asks for the KPIs of the table just read (not with pins, which can
 * take rows out), and says which table they are of.
 */
export function askKpis(helper: SideHelper, settings: KpiSettings, asked: (table: ParsedTable) => void) {
  return (table: ParsedTable, pins: Pins | null): void => {
    if (pins) return;
    helper.ask(kpisRequest(table, settings));
    asked(table);
  };
}

/**
 * Once the table is analysed: the KPIs, if asked for this table, and the whale curve's peak, asked
 * now, come from the worker when the output first reads them (computed here if it has no answer).
 */
export function fromWorker(helper: SideHelper, analysis: Analysis, kpisTable: ParsedTable | null): void {
  if (analysis.pinned) return;
  if (kpisTable === analysis.table) computeElsewhere(analysis, 'kpis', (here) => helper.answer('kpis')?.value ?? here());
  const profit = column(analysis.table, 'profit');
  if (!profit) return;
  const include = scoredRows(analysis.score);
  helper.ask({ side: 'whale', profit, include });
  computeElsewhere(analysis, 'whale', (here) => {
    const answer = helper.answer('whale');
    return answer ? whaleCurve(profit, include, answer.value) : here();
  });
}
