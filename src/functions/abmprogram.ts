import { blankRow, DEFAULT_SETTINGS, type Cell } from '../core';
import { LANGS, t } from '../i18n';
import { column, firstDataRow, frame, inLanguage, labelList, say, word, type DocumentLabels, type Output } from './args';

const SYNONYMS: Record<string, number> = { 1: 0, 2: 1, 3: 2, high: 0, medium: 1, low: 2, t1: 0, t2: 1, t3: 2 };

let tierWords: Map<string, number> | undefined;

/** Each of our languages' tier labels, lower-cased → tier index (the first language to use a label keeps it); made once, on first use. */
function tierWordsOfEveryLanguage(): Map<string, number> {
  if (!tierWords) {
    tierWords = new Map();
    for (const lang of LANGS) {
      for (const k of [0, 1, 2]) {
        const word = t(lang, `tier.${k + 1}` as 'tier.1').toLowerCase();
        if (!tierWords.has(word)) tierWords.set(word, k);
      }
    }
  }
  return tierWords;
}

/** A tier label (`Tier 1`, `1`, `High`, `T1`, a label in any of our languages, or a custom label) → tier index, or −1. */
export function tierIndex(cell: Cell, labels: readonly string[] = DEFAULT_SETTINGS.labels): number {
  const text = String(cell ?? '')
    .trim()
    .toLowerCase();
  const custom = labels.findIndex((l) => l.toLowerCase() === text);
  if (custom >= 0) return custom;
  const k = tierWordsOfEveryLanguage().get(text);
  if (k !== undefined) return k;
  const key = text.replace(/^tier\s*/u, '');
  return SYNONYMS[key] ?? -1;
}

/** =ABMPROGRAM(tiers): the ABM program for each tier (SPEC §5). */
export function abmProgram(tiers: unknown, labels?: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => {
    // A range of tier labels (O2:O) has no header: its first label is a row like the others.
    const framed = frame(tiers, undefined, (row) => tierIndex(row[0], doc.labels) >= 0);
    const programs = labelList(labels, 'labels') ?? doc.programLabels ?? DEFAULT_SETTINGS.programLabels;
    const first = firstDataRow(framed);
    const out = framed.rows.map((row, i) => {
      if (blankRow(row)) return '';
      const t = tierIndex(row[0], doc.labels);
      if (t >= 0) return programs[t];
      const [t1, t2, t3] = doc.labels ?? DEFAULT_SETTINGS.labels;
      return say(doc)('msg.notTier', { row: first + i, value: String(row[0]), t1, t2, t3 });
    });
    return column(framed, word(doc, 'out.program'), out);
  });
}
