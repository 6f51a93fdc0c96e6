import { analyse, asOfMs, axesGrid, mapColumns, parseSettings, readRows, type Cell } from '../src/core';
import { HEADER, syntheticRows } from './data';
import { line, time } from './stats';

/** Fit × engagement: the two axis scores and cells on an analysed table (from the score's percentiles), and the grid method whole. */
export function benchGridAxes(): void {
  const n = 100_000;
  const settings = parseSettings({ asOf: '2026-01-01', weights: { health: 0 } });
  const grid = parseSettings({ asOf: '2026-01-01', weights: { health: 0 }, method: 'grid' });
  const mapping = mapColumns([...HEADER], HEADER.length, settings);
  const table = readRows(syntheticRows(n) as Cell[][], mapping, asOfMs(settings.asOf), 2);
  const a = analyse(table, settings);
  const label = `${n.toLocaleString('en-US')} accounts`;
  line(`score and tiers (quantile), ${label}`, `${time(() => analyse(table, settings), 5).toFixed(0)} ms`);
  line(`fit × engagement axes and cells, ${label}`, `${time(() => axesGrid(mapping, a.percentiles, table.n, settings), 5).toFixed(0)} ms`);
  line(`score and tiers (grid method), ${label}`, `${time(() => analyse(table, grid), 5).toFixed(0)} ms`);
}

if (process.argv[1]?.endsWith('grid-axes.ts')) benchGridAxes();
