/** `abm-tier learn FILE.csv --outcome COLUMN`: weights learned from outcomes; `--weights-from` reads them back. */
import { readFileSync } from 'node:fs';
import { MessageError, outcomeOfHeader, readOutcomes, type Analysis } from '../core';
import { learnWeights } from '../core/learn';
import { renderer, translator, type Lang } from '../i18n';
import { readCsv } from './csv';
import { excerpt } from './excerpt';
import { outcomeColumn } from './report';

export class LearnFileError extends Error {
  override name = 'LearnFileError';
}

/** The learned weights of the scored file against its outcome column (read again, that column alone), as JSON or text. */
export function learnOutput(path: string, analysis: Analysis, header: readonly string[], chosen: string | null, lang: Lang, format: string | null): string {
  // Without --outcome, as the report card: the settings' outcome mapping (else the first outcome header).
  const mapped = analysis.table.mapping.outcome;
  const column = chosen === null && mapped ? mapped.index : outcomeColumn(header, chosen, lang);
  const byRecord: (string | undefined)[] = [];
  readCsv(path, (fields, record) => {
    byRecord[record] = fields[column];
  });
  const cells = Array.from(analysis.table.rowNumbers, (record) => byRecord[record]);
  const outcomes = readOutcomes(cells, outcomeOfHeader(header[column])?.failure ?? false);
  let learned: ReturnType<typeof learnWeights>;
  try {
    learned = learnWeights(analysis, outcomes.success);
  } catch (error) {
    if (error instanceof MessageError) throw new LearnFileError(renderer(lang)(error.said as never));
    throw error;
  }
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const weights = Object.fromEntries(learned.names.map((name, m) => [name, learned.weights[m]]));
  if (format === 'text') {
    const t = translator(lang);
    const width = Math.max(...learned.names.map((n) => n.length), 6);
    const lines = [
      `${t('learn.metric').padEnd(width)}  ${t('learn.current')}  ${t('learn.learned')}`,
      ...learned.names.map(
        (n, m) =>
          `${n.padEnd(width)}  ${String(learned.current[m]).padStart(t('learn.current').length)}  ${String(learned.weights[m]).padStart(t('learn.learned').length)}`,
      ),
      `${t('learn.auc', { folds: learned.folds })}: ${r4(learned.currentCvAuc)} → ${r4(learned.cvAuc)}`,
      `${t('learn.successes')}: ${learned.successes}, ${t('learn.failures')}: ${learned.failures}`,
    ];
    if (learned.nothing) lines.push(renderer(lang)({ code: 'learn.nothing' } as never));
    return `${lines.join('\n')}\n`;
  }
  const json = {
    weights,
    cvAuc: r4(learned.cvAuc),
    currentCvAuc: r4(learned.currentCvAuc),
    folds: learned.folds,
    successes: learned.successes,
    failures: learned.failures,
  };
  return `${JSON.stringify(json)}\n`;
}

/** Weights from a file `abm-tier learn` wrote (`{"weights": {…}}`) or a plain `{"profit": 3, …}`. */
export function weightsFromFile(path: string, shown: string): Record<string, number> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LearnFileError(`--weights-from ${shown}: ${code === 'ENOENT' ? 'no such file' : code ? `cannot be read (${code})` : 'is not JSON'}.`);
  }
  const record = data && typeof data === 'object' && 'weights' in data ? (data as { weights: unknown }).weights : data;
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw new LearnFileError(`--weights-from ${shown}: expected {"weights": {"profit": 3, …}}, as abm-tier learn writes it.`);
  }
  const out: Record<string, number> = {};
  for (const [name, w] of Object.entries(record)) {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      throw new LearnFileError(`--weights-from ${shown}: the weight of ${excerpt(name)} is ${String(JSON.stringify(w)).slice(0, 40)}, not a number ≥ 0.`);
    Object.defineProperty(out, name, { value: w, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
