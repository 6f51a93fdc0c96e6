import { lookalikeOfIdeal, ROW_OK } from '../core';
import { column, frame, inLanguage, MAX_METRICS_CELLS, refuse, word, type DocumentLabels, type Output } from './args';
import { tierIndex } from './abmprogram';
import { analyseRange, perRow } from './metrics';

/** TRUE, 1, "yes", "x" or a Tier 1 label mark an ideal account. */
function isIdeal(cell: unknown): boolean {
  if (cell === true || cell === 1) return true;
  const text = String(cell ?? '')
    .trim()
    .toLowerCase();
  return ['true', 'yes', 'y', 'x', '1'].includes(text) || tierIndex(text) === 0;
}

/** =ABMLOOKALIKE(metrics, is_ideal): how much each account looks like the ideal ones, 0–100 (SPEC §11). */
export function abmLookalike(metrics: unknown, ideal: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => {
    const framed = frame(metrics, MAX_METRICS_CELLS);
    const marks = frame(ideal).rows;
    const analysis = analyseRange(framed, doc);
    const { table } = analysis;
    const idealRows = Uint8Array.from({ length: table.n }, (_, i) => (isIdeal(marks[i]?.[0]) ? 1 : 0));
    if (!idealRows.some((v, i) => v && table.status[i] === ROW_OK)) refuse('fn.noIdeal', { arg: 'is_ideal', tier: doc.labels?.[0] ?? word(doc, 'tier.1') });
    const similarity = lookalikeOfIdeal(table, idealRows);
    return column(
      framed,
      word(doc, 'out.lookalike'),
      perRow(analysis, doc, (i) => (Number.isNaN(similarity[i]) ? '' : similarity[i])),
    );
  });
}
