import { KPI_KEYS } from '../core';
import { frame, inLanguage, MAX_METRICS_CELLS, refuse, word, type DocumentLabels, type Output } from './args';
import type { MessageKey } from '../i18n';
import { analyseRange } from './metrics';

/** =ABMKPI(metrics): the KPI block of SPEC §8 as a two-column table. */
export function abmKpi(metrics: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => {
    const framed = frame(metrics, MAX_METRICS_CELLS);
    if (!framed.header) refuse('fn.header', { arg: 'metrics', fn: 'ABMKPI' });
    const analysis = analyseRange(framed, doc);
    return [[word(doc, 'col.kpi'), word(doc, 'col.value')], ...KPI_KEYS.map((k) => [word(doc, `kpi.${k}` as MessageKey), analysis.kpis[k] ?? ''])];
  });
}
