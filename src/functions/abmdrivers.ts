import { describeDrivers } from '../core';
import { column, frame, inLanguage, MAX_METRICS_CELLS, show, word, type DocumentLabels, type Output } from './args';
import { analyseRange, perRow, weightOptions } from './metrics';

/** =ABMDRIVERS(metrics, [weights]): what lifts each score and what holds it back (SPEC §9). */
export function abmDrivers(metrics: unknown, weights?: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => {
    const framed = frame(metrics, MAX_METRICS_CELLS);
    const { settings, positional } = weightOptions(framed, weights, undefined);
    const analysis = analyseRange(framed, doc, settings, positional);
    const { table, drivers, percentiles } = analysis;
    const said = show(doc);
    return column(
      framed,
      word(doc, 'out.drivers'),
      perRow(analysis, doc, (i) => describeDrivers(drivers, i, table.mapping.metrics, percentiles, said)),
    );
  });
}
