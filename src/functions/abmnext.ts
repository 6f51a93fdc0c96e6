import { nextMessage, nextTiers } from '../core/next-tier';
import { column, frame, inLanguage, MAX_METRICS_CELLS, show, word, type DocumentLabels, type Output } from './args';
import { analyseRange, perRow, weightOptions } from './metrics';

/** =ABMNEXT(metrics, [weights]): the smallest single-metric move that lifts each account into the next tier (docs/scoring.md, "Next tier"). */
export function abmNext(metrics: unknown, weights?: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => {
    const framed = frame(metrics, MAX_METRICS_CELLS);
    const { settings, positional } = weightOptions(framed, weights, undefined);
    if (doc.labels) settings.labels = doc.labels;
    const analysis = analyseRange(framed, doc, settings, positional);
    const next = nextTiers(analysis);
    const said = show(doc);
    return column(
      framed,
      word(doc, 'out.next'),
      perRow(analysis, doc, (i) => {
        const message = nextMessage(analysis, next, i);
        return message ? said(message as never) : '';
      }),
    );
  });
}
