import { GRID_CELLS, type AxesGrid } from '../core';
import { csvField, type Separator } from './csv';

/** `score --grid`: each account's fit and engagement scores and its grid cell (SPEC §15), after the other columns. */

export const GRID_HEADERS = ['Fit', 'Engagement', 'Grid'];

const cellOf = (grid: AxesGrid, i: number) => (grid.cell[i] >= 0 ? GRID_CELLS[grid.cell[i]] : null);
const scoreJson = (v: number) => (Number.isFinite(v) ? String(v) : 'null');

export function gridJson(grid: AxesGrid, i: number): string {
  const cell = cellOf(grid, i);
  return `,"fit":${scoreJson(grid.fit[i])},"engagement":${scoreJson(grid.engagement[i])},"grid":${cell ? `"${cell}"` : 'null'}`;
}

export function gridCsv(grid: AxesGrid, i: number, separator: Separator): string {
  return separator + csvField(grid.fit[i], separator) + separator + csvField(grid.engagement[i], separator) + separator + (cellOf(grid, i) ?? '');
}
