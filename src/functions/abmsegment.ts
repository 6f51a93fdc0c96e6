import { parseCell, parseSettings, quantileTiers, type SettingsInput } from '../core';
import { absent, cellMessage, column, firstDataRow, frame, inLanguage, isBlankRow, labelList, numberList, refuse, word } from './args';
import type { DocumentLabels, Output } from './args';

/** =ABMSEGMENT(revenue, [cutoffs]): Money Maker, Contributor or Filler by revenue (SPEC §6). */
export function abmSegment(revenue: unknown, cutoffs?: unknown, labels?: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => segment(revenue, cutoffs, labels, doc));
}

function segment(revenue: unknown, cutoffs: unknown, labels: unknown, doc: DocumentLabels): Output {
  const input: SettingsInput = {};
  const chosen = labelList(labels, 'labels') ?? doc.segmentLabels;
  if (chosen) input.segmentLabels = chosen;
  if (!absent(cutoffs)) {
    const c = numberList(cutoffs, 'cutoffs');
    if (c.length !== 3) refuse('fn.count', { arg: 'cutoffs', count: 3, example: '20,40,40', got: c.length });
    input.segmentCutoffs = [c[0], c[1], c[2]];
  }
  const settings = parseSettings(input);
  const framed = frame(revenue);
  const first = firstDataRow(framed);
  const title = framed.header ? String(framed.header[0]) : word(doc, 'col.revenue');
  const values = new Float64Array(framed.rows.length).fill(Number.NaN);
  const out: (string | number)[] = new Array(framed.rows.length).fill('');
  framed.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const parsed = parseCell(row[0], 'number', 0, doc.locale);
    if (parsed.ok) values[i] = parsed.value;
    else if (!parsed.missing) out[i] = cellMessage(doc, first + i, { column: title }, row[0], parsed.code);
  });
  const segments = quantileTiers(values, settings.segmentCutoffs);
  segments.forEach((s, i) => {
    if (s >= 0) out[i] = settings.segmentLabels[s];
  });
  return column(framed, word(doc, 'out.segment'), out);
}
