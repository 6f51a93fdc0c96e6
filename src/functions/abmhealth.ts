import { healthIndex, healthLabel, ROW_OK } from '../core';
import { frame, leadRows, MAX_METRICS_CELLS, type DocumentLabels, type Output } from './args';
import { analyseRange, perRow } from './metrics';

/**
 * =ABMHEALTH(metrics): the health index 0–100 and its label (Healthy, Watch, At risk), SPEC §8,
 * from the recency, engagement, orders, products, feedback and support columns found by header.
 */
export function abmHealth(metrics: unknown, doc: DocumentLabels = {}): Output {
  const framed = frame(metrics, MAX_METRICS_CELLS);
  if (!framed.header) throw new Error('metrics: ABMHEALTH needs the header row (e.g. Recency, Engagement, Orders) to find its columns.');
  const { analysis } = analyseRange(metrics, {}, {}, framed, doc);
  const include = analysis.table.status.map((s) => (s === ROW_OK ? 1 : 0));
  const health = healthIndex(analysis.table, include);
  if (!health) throw new Error('metrics: no health column found; name columns Recency, Engagement, Orders, Products, Feedback or Support.');
  const index = perRow(analysis, (i) => (Number.isNaN(health[i]) ? '' : health[i]));
  const out: Output = [...leadRows(framed, 2), ['Health', 'Health status']];
  const names = doc.healthLabels;
  const label = (h: number) => {
    const english = healthLabel(h);
    return names ? names[['Healthy', 'Watch', 'At risk'].indexOf(english)] ?? english : english;
  };
  index.forEach((v, i) => out.push([v, typeof v === 'number' ? label(health[i]) : '']));
  return out;
}
