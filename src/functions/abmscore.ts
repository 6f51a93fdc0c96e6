import { column, frame, inLanguage, MAX_METRICS_CELLS, word, type DocumentLabels, type Output } from './args';
import { analyseRange, perRow, weightOptions } from './metrics';

/** =ABMSCORE(metrics, [weights], [directions]): the 0–100 score of SPEC §3 per row. */
export function abmScore(metrics: unknown, weights?: unknown, directions?: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => {
    const framed = frame(metrics, MAX_METRICS_CELLS);
    const { settings, positional } = weightOptions(framed, weights, directions);
    const analysis = analyseRange(framed, doc, settings, positional);
    return column(
      framed,
      word(doc, 'out.score'),
      perRow(analysis, doc, (i) => (Number.isNaN(analysis.score[i]) ? '' : analysis.score[i])),
    );
  });
}
