import { healthBand } from '../core';
import { frame, inLanguage, leadRows, MAX_METRICS_CELLS, refuse, word, type DocumentLabels, type Output } from './args';
import { analyseRange, perRow } from './metrics';

/**
 * =ABMHEALTH(metrics): the health index 0–100 and its label (Healthy, Watch, At risk), SPEC §8,
 * from the recency, engagement, orders, products, feedback and support columns found by header.
 */
export function abmHealth(metrics: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => {
    const framed = frame(metrics, MAX_METRICS_CELLS);
    if (!framed.header) refuse('fn.header', { arg: 'metrics', fn: 'ABMHEALTH' });
    const analysis = analyseRange(framed, doc);
    const { health } = analysis;
    if (!health) refuse('fn.noHealth', { arg: 'metrics' });
    const index = perRow(analysis, doc, (i) => (Number.isNaN(health[i]) ? '' : health[i]));
    const out: Output = [...leadRows(framed, 2), [word(doc, 'out.health'), word(doc, 'out.healthStatus')]];
    const labels = [word(doc, 'health.1'), word(doc, 'health.2'), word(doc, 'health.3')];
    index.forEach((v, i) => out.push([v, typeof v === 'number' ? labels[healthBand(health[i])] : '']));
    return out;
  });
}
