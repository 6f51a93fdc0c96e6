import { analyseGrid, MessageError, parseSettings, type Cell, type GridAnalysis, type Message, type MetricRole, type SettingsInput } from '../../src/core';
import { renderer } from '../../src/i18n';

/** Analyse a small table written as rows, header first, as of 2026-06-30 unless the settings say otherwise. */
export function run(rows: Cell[][], settings: SettingsInput = {}): GridAnalysis {
  return analyseGrid(rows, parseSettings({ asOf: '2026-06-30', ...settings }));
}

/** Tier label of each row; '' for a row without a tier. */
export function tiers(a: GridAnalysis): string[] {
  return Array.from(a.tier, (t) => (t < 0 ? '' : a.settings.labels[t]));
}

/** Segment label of each row; '' for a row without a segment. */
export function segments(a: GridAnalysis): string[] {
  return Array.from(a.segment, (s) => (s < 0 ? '' : a.settings.segmentLabels[s]));
}

/** The parsed values of the column with this role. */
export function values(a: GridAnalysis, role: MetricRole): number[] {
  const m = a.table.mapping.metrics.findIndex((c) => c.role === role);
  if (m < 0) throw new Error(`no ${role} column`);
  return Array.from(a.table.values[m]);
}

/** The percentiles of the column with this role or name (lower-is-better already turned round). */
export function percentilesOf(a: GridAnalysis, role: string): number[] {
  const m = a.table.mapping.metrics.findIndex((c) => c.role === role || c.name === role);
  const p = a.percentiles[m];
  if (!p) throw new Error(`no ranked ${role} column`);
  return Array.from(p);
}

/** A header and one row per account named A, B, C… (then A1, B1, …), each with the values given. */
export function accounts(header: string[], ...rows: Cell[][]): Cell[][] {
  return [['Account', ...header], ...rows.map((r, i) => [String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : ''), ...r])];
}

/** The engine's messages in English, as the command line and an English sheet write them. */
export const say = renderer('en');

/** Each message of a list (warnings, a table's messages) in English. */
export function english(messages: Iterable<Message>): string[] {
  return [...messages].map(say);
}

/** What `run` refuses with, in English (the engine throws messages, not words). */
export function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MessageError) return say(error.said);
    throw error;
  }
  throw new Error('nothing was refused');
}

/** SPEC §6's example: revenues 10 … 1 split 20/40/40 (n = 10: K1 = floor(2 + .5) = 2, K2 = floor(10·60/100 + .5) = 6). */
export const TEN_REVENUES = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
export const TEN_SEGMENTS = ['Money Maker', 'Money Maker', ...Array(4).fill('Contributor'), ...Array(4).fill('Filler')] as string[];
