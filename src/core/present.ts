import type { Analysis } from './analyse';
import { describeDrivers } from './drivers';
import type { Render } from './message';
import { ROW_BLANK, ROW_INVALID } from './table';

/** One account's outputs, as every surface writes them (the sheet's columns, the CLI's CSV and JSON); null where there is none. */
export interface AccountRow {
  /** NaN when the row has no score. */
  score: number;
  tier: string | null;
  segment: string | null;
  program: string | null;
  drivers: string | null;
  /** Why the row could not be scored (the row's other outputs are then null). */
  error: string | null;
}

/** Row `i` of the analysis as output (null for a blank row); `show`: the surface's words. */
export function accountRow(analysis: Analysis, i: number, show: Render): AccountRow | null {
  const { table, settings } = analysis;
  const status = table.status[i];
  if (status === ROW_BLANK) return null;
  if (status === ROW_INVALID) {
    const message = table.messages.get(i);
    return { score: Number.NaN, tier: null, segment: null, program: null, drivers: null, error: message ? show(message) : '' };
  }
  const t = analysis.tier[i];
  const s = analysis.segment[i];
  return {
    score: analysis.score[i],
    tier: t >= 0 ? settings.labels[t] : null,
    segment: s >= 0 ? settings.segmentLabels[s] : null,
    program: t >= 0 ? settings.programLabels[t] : null,
    drivers: t >= 0 ? describeDrivers(analysis.drivers, i, table.mapping.metrics, analysis.percentiles, show) : null,
    error: null,
  };
}
