import { KPI_LABELS, type Kpis } from '../core';
import { frame, type Output } from './args';
import { analyseRange } from './metrics';

/** =ABMKPI(metrics): the KPI block of SPEC §8 as a two-column table. */
export function abmKpi(metrics: unknown): Output {
  const framed = frame(metrics);
  if (!framed.header) throw new Error('metrics: ABMKPI needs the header row (Revenue, Orders, Recency, Tenure, Leads…) to find its columns.');
  const { analysis } = analyseRange(metrics, {}, {}, framed);
  return [['KPI', 'Value'], ...(Object.keys(KPI_LABELS) as (keyof Kpis)[]).map((k) => [KPI_LABELS[k], analysis.kpis[k] ?? ''])];
}
