import { TIER_METHODS, assignTiers, parseSettings, roleOfHeader, type Settings, type SettingsInput } from '../core';
import { absent, column, frame, inLanguage, labelList, numberColumn, numberList, refuse, refuseSingleValue, width, word } from './args';
import type { DocumentLabels, Framed, Output } from './args';
import { analyseRange, perRow } from './metrics';

/** `method` and `cutoffs` arguments → settings; cut-offs mean what the method needs. */
function tierSettings(method: unknown, cutoffs: unknown): SettingsInput {
  const name = absent(method) ? 'quantile' : String(method).trim().toLowerCase();
  if (!(TIER_METHODS as readonly string[]).includes(name))
    refuse('fn.bad', { arg: 'method', value: String(method), why: { code: 'set.oneOf', params: { values: TIER_METHODS.join(', ') } } });
  const settings: SettingsInput = { method: name as Settings['method'] };
  if (absent(cutoffs)) return settings;
  const c = numberList(cutoffs, 'cutoffs');
  if (name === 'quantile') {
    if (c.length !== 3) refuse('fn.count', { arg: 'cutoffs', count: 3, example: '20,30,50', got: c.length });
    settings.cutoffs = [c[0], c[1], c[2]];
  } else if (name === 'threshold') {
    if (c.length !== 2) refuse('fn.count', { arg: 'cutoffs', count: 2, example: '70,40', got: c.length });
    settings.thresholds = [c[0], c[1]];
  } else if (name === 'capacity') {
    if (c.length !== 2 && c.length !== 4) refuse('fn.capacity', { arg: 'cutoffs' });
    settings.capacity = { strategicMarketers: c[0], liteMarketers: c[1], ...(c.length === 4 ? { strategicAccounts: c[2], liteAccounts: c[3] } : {}) };
  } else refuse('fn.pareto', { arg: 'cutoffs' });
  return settings;
}

/** A single column whose header is not a metric's name holds scores (an empty range is an empty column). */
function isScoreColumn(framed: Framed): boolean {
  if (width(framed) > 1) return false;
  const role = framed.header ? roleOfHeader(framed.header[0]) : null;
  return !role || role.role === 'account';
}

/** =ABMTIER(scores_or_metrics, [method], [cutoffs]): the tier label per row. */
export function abmTier(input: unknown, method?: unknown, cutoffs?: unknown, labels?: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => tier(input, method, cutoffs, labels, doc));
}

function tier(input: unknown, method: unknown, cutoffs: unknown, labels: unknown, doc: DocumentLabels): Output {
  const settingsInput = tierSettings(method, cutoffs);
  const chosen = labelList(labels, 'labels') ?? doc.labels;
  if (chosen) settingsInput.labels = chosen;
  const framed = frame(input);
  if (!isScoreColumn(framed)) {
    const analysis = analyseRange(framed, doc, settingsInput);
    const labels = analysis.settings.labels;
    return column(
      framed,
      word(doc, 'out.tier'),
      perRow(analysis, doc, (i) => (analysis.tier[i] >= 0 ? labels[analysis.tier[i]] : '')),
    );
  }
  const settings = parseSettings(settingsInput);
  // A score alone can be tiered against thresholds, never against other accounts.
  if (settings.method !== 'threshold') refuseSingleValue(input, doc, { fn: 'ABMTIER', arg: 'scores_or_metrics', example: 'N2:N', code: 'fn.singleScore' });
  const { values: scores, out } = numberColumn(framed, doc, 'out.score');
  const tiers = assignTiers(scores, settings, scores);
  for (let i = 0; i < tiers.length; i++) if (tiers[i] >= 0) out[i] = settings.labels[tiers[i]];
  return column(framed, word(doc, 'out.tier'), out);
}
