import { outcomeOfHeader, readOutcomes, type Cell } from '../core';
import { learnWeights, type Learned } from '../core/learn';
import { frame, inLanguage, MAX_METRICS_CELLS, refuse, say, show, toGrid, type DocumentLabels, type Framed, type Output } from './args';
import { analyseRange, weightOptions } from './metrics';

/** The outcome cells of each metrics row: the range spans the data rows, or the header row too (its header then says whether yes means churned). */
function outcomeCells(framed: Framed, outcomes: unknown): { cells: Cell[]; failure: boolean } {
  let grid = toGrid(outcomes).map((r) => r[0]);
  while (grid.length > 0 && (grid[grid.length - 1] === '' || grid[grid.length - 1] === null || grid[grid.length - 1] === undefined)) grid.pop();
  const skip = (framed.lead ?? 0) + (framed.header ? 1 : 0);
  let failure = false;
  if (grid.length > framed.rows.length && grid.length <= framed.rows.length + skip) {
    failure = outcomeOfHeader(grid[skip - 1])?.failure ?? false;
    grid = grid.slice(skip);
  }
  if (grid.length > framed.rows.length) refuse('learn.rows', { outcomes: grid.length, metrics: framed.rows.length });
  return { cells: grid, failure };
}

/** The weight table: one row per weighted metric (current and learned weight), then the two AUCs and the counts. */
export function learnedTable(learned: Learned, names: readonly string[], doc: DocumentLabels): Output {
  const t = say(doc);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return [
    [t('learn.metric'), t('learn.current'), t('learn.learned')],
    ...learned.weights.map((w, m): (string | number)[] => [names[m], learned.current[m], w]),
    [t('learn.auc', { folds: learned.folds }), r3(learned.currentCvAuc), r3(learned.cvAuc)],
    [t('learn.successes'), learned.successes, ''],
    [t('learn.failures'), learned.failures, ''],
    ...(learned.nothing ? [[show(doc)({ code: 'learn.nothing' } as never), '', '']] : []),
  ];
}

/** =ABMLEARN(metrics, outcomes, [weights]): weights learned from won/lost outcomes, beside the current ones (docs/scoring.md, "Learned weights"). */
export function abmLearn(metrics: unknown, outcomes: unknown, weights?: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => {
    const framed = frame(metrics, MAX_METRICS_CELLS);
    const { settings, positional } = weightOptions(framed, weights, undefined);
    const analysis = analyseRange(framed, doc, settings, positional);
    const { cells, failure } = outcomeCells(framed, outcomes);
    const read = readOutcomes(cells, failure);
    const success = new Int8Array(analysis.table.n).fill(-1);
    success.set(read.success.subarray(0, Math.min(read.success.length, success.length)));
    const learned = learnWeights(analysis, success);
    const t = say(doc);
    const byName = new Map(analysis.table.mapping.metrics.map((m) => [m.name, m.role === 'custom' ? m.header : t(`role.${m.role}`)]));
    return learnedTable(
      learned,
      learned.names.map((n) => byName.get(n) ?? n),
      doc,
    );
  });
}
