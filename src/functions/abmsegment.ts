import { parseSettings, quantileTiers, type SettingsInput } from '../core';
import { absent, column, frame, inLanguage, labelList, numberColumn, numberList, refuse, refuseSingleValue, word } from './args';
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
  refuseSingleValue(revenue, doc, { fn: 'ABMSEGMENT', arg: 'revenue', example: 'C2:C' });
  const framed = frame(revenue);
  const { values, out } = numberColumn(framed, doc, 'col.revenue');
  const segments = quantileTiers(values, settings.segmentCutoffs);
  segments.forEach((s, i) => {
    if (s >= 0) out[i] = settings.segmentLabels[s];
  });
  return column(framed, word(doc, 'out.segment'), out);
}
