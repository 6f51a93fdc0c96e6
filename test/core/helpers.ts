import { analyseGrid, parseSettings, type Cell, type GridAnalysis, type SettingsInput } from '../../src/core';

/** Analyse a small table written as rows, header first. */
export function run(rows: Cell[][], settings: SettingsInput = {}): GridAnalysis {
  return analyseGrid(rows, parseSettings({ asOf: '2026-06-30', ...settings }));
}

export function tiers(a: GridAnalysis): string[] {
  return Array.from(a.tier, (t) => (t < 0 ? '' : a.settings.labels[t]));
}
