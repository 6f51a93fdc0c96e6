import {
  MessageError,
  NO_PIN,
  TIER_METHODS,
  assignTiers,
  parseSettings,
  pinnedTiers,
  quoteCell,
  readPin,
  roleOfHeader,
  type Cell,
  type Pins,
  type Settings,
  type SettingsInput,
} from '../core';
import { absent, column, firstDataRow, frame, inLanguage, labelList, numberColumn, numberList, refuse, refuseSingleValue, toGrid, width, word } from './args';
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

/** Pins beside a score column; a cell that is not a pin refuses the call, naming its row (a formula has no warnings to show). */
function pinsOfCells(cells: readonly Cell[], labels: readonly string[], framed: Framed): Pins {
  const pins: Pins = { pin: new Int8Array(cells.length).fill(NO_PIN), reason: cells.map(() => null) };
  cells.forEach((cell, i) => {
    const read = readPin(cell, labels);
    if (!read) {
      const row = { code: 'cell.rowOfRange', params: { row: firstDataRow(framed) + i } } as const;
      refuse('pin.bad', {
        row,
        column: { code: 'cell.column', params: { column: 'pins' } },
        value: quoteCell(cell),
        t1: labels[0],
        t2: labels[1],
        t3: labels[2],
      });
    }
    pins.pin[i] = read.pin;
    pins.reason[i] = read.reason;
  });
  return pins;
}

/** A single column whose header is not a metric's name holds scores (an empty range is an empty column). */
function isScoreColumn(framed: Framed): boolean {
  if (width(framed) > 1) return false;
  const role = framed.header ? roleOfHeader(framed.header[0]) : null;
  return !role || role.role === 'account';
}

/** =ABMTIER(scores_or_metrics, [method], [cutoffs], [labels], [pins]): the tier label per row. */
export function abmTier(input: unknown, method?: unknown, cutoffs?: unknown, labels?: unknown, doc: DocumentLabels = {}, pins?: unknown): Output {
  return inLanguage(doc, () => tier(input, method, cutoffs, labels, pins, doc));
}

/**
 * The `pins` argument: one cell per row of the first range, from the same top row (P1:P beside
 * A1:M); the cells beside the data rows, or undefined when absent.
 */
function pinCells(pins: unknown, framed: Framed): Cell[] | undefined {
  if (absent(pins)) return undefined;
  const skip = (framed.lead ?? 0) + (framed.header ? 1 : 0);
  const grid = toGrid(pins);
  return framed.rows.map((_, i) => grid[skip + i]?.[0] ?? null);
}

function tier(input: unknown, method: unknown, cutoffs: unknown, labels: unknown, pins: unknown, doc: DocumentLabels): Output {
  const settingsInput = tierSettings(method, cutoffs);
  const chosen = labelList(labels, 'labels') ?? doc.labels;
  if (chosen) settingsInput.labels = chosen;
  const framed = frame(input);
  if (!isScoreColumn(framed)) {
    const given = pinCells(pins, framed);
    const analysis = analyseRange(framed, doc, settingsInput, {}, given && { cells: given, header: 'pins' });
    // A formula has no warnings to show: a cell that is not a pin refuses the call, naming its row.
    const bad = analysis.warnings.find((w) => w.code === 'pin.bad');
    if (bad) throw new MessageError(bad);
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
  let tiers = assignTiers(scores, settings, scores);
  const given = pinCells(pins, framed);
  if (given) tiers = pinnedTiers(scores, settings, tiers, scores, null, pinsOfCells(given, settings.labels, framed)).tier;
  for (let i = 0; i < tiers.length; i++) if (tiers[i] >= 0) out[i] = settings.labels[tiers[i]];
  return column(framed, word(doc, 'out.tier'), out);
}
