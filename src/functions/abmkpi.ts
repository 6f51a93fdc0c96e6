import { KPI_LABELS, type Kpis } from '../core';
import { frame, MAX_METRICS_CELLS, word, type DocumentLabels, type Output } from './args';
import type { MessageKey } from '../i18n';
import { analyseRange } from './metrics';

/** =ABMKPI(metrics): the KPI block of SPEC §8 as a two-column table. */
export function abmKpi(metrics: unknown, doc: DocumentLabels = {}): Output {
  const framed = frame(metrics, MAX_METRICS_CELLS);
  if (!framed.header) throw new Error('metrics: ABMKPI needs the header row (Revenue, Orders, Recency, Tenure, Leads…) to find its columns.');
  const { analysis } = analyseRange(metrics, {}, {}, framed, doc);
  return [[word(doc, 'col.kpi'), word(doc, 'col.value')], ...(Object.keys(KPI_LABELS) as (keyof Kpis)[]).map((k) => [word(doc, `kpi.${k}` as MessageKey), analysis.kpis[k] ?? ''])];
}
