import { GRID_CELLS, ROW_OK } from '../core';
import { frame, inLanguage, leadRows, MAX_METRICS_CELLS, refuse, word, type DocumentLabels, type Output } from './args';
import { analyseRange, perRow, weightOptions } from './metrics';

/**
 * =ABMGRID(metrics, [weights]): per row the fit score, the engagement score (each 0–100, SPEC §3 over
 * that axis's metrics) and the cell of the fit × engagement grid, A1 … C3 (SPEC §15). Axes come
 * from the roles found by header, so the range needs its header row.
 */
export function abmGrid(metrics: unknown, weights?: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => {
    const framed = frame(metrics, MAX_METRICS_CELLS);
    if (!framed.header) refuse('fn.header', { arg: 'metrics', fn: 'ABMGRID' });
    const { settings, positional } = weightOptions(framed, weights, undefined);
    const analysis = analyseRange(framed, doc, settings, positional);
    const { fit, engagement, cell } = analysis.axes;
    const number = (v: number) => (Number.isNaN(v) ? '' : v);
    // The message of an invalid row goes in the first column; the others stay blank.
    const first = perRow(analysis, doc, (i) => number(fit[i]));
    const out: Output = [...leadRows(framed, 3), [word(doc, 'out.fit'), word(doc, 'out.engagementScore'), word(doc, 'out.grid')]];
    for (let i = 0; i < first.length; i++) {
      const ok = analysis.table.status[i] === ROW_OK;
      out.push(ok ? [first[i], number(engagement[i]), cell[i] >= 0 ? GRID_CELLS[cell[i]] : ''] : [first[i], '', '']);
    }
    return out;
  });
}
