import { column, frame } from './args';
import type { Output } from './args';
import { analyseRange, perRow, weightOptions } from './metrics';

/** =ABMSCORE(metrics, [weights], [directions]): the 0–100 score of SPEC §3 per row. */
export function abmScore(metrics: unknown, weights?: unknown, directions?: unknown): Output {
  const framed = frame(metrics);
  const { settings, positional } = weightOptions(framed, weights, directions);
  const { analysis } = analyseRange(metrics, settings, positional, framed);
  return column(framed, 'Score', perRow(analysis, (i) => (Number.isNaN(analysis.score[i]) ? '' : analysis.score[i])));
}
