/**
 * Fit × engagement (issue 18): each metric column's axis in the columns panel, and the 3 × 3 grid of
 * accounts per cell in the result card, coloured as a heat map (the fuller the cell, the darker).
 */
import { GRID_CELLS, defaultAxis, heatColour } from '../../src/core/grid-axes';
import { setOwn } from '../../src/core/own-key';
import type { ColumnInfo, Preview } from '../../src/sheet';
import { el } from '../dom';
import type { Frozen, Store } from '../state';

/** The axis a metric column counts on: the one set here for its header, else its role's default. */
export function axisSelect(store: Store, c: Frozen<ColumnInfo>): HTMLElement | null {
  if (c.role === null || c.role === 'account' || c.role === 'outcome' || c.role === 'category') return null;
  const { say } = store;
  const own = Object.prototype.hasOwnProperty.call(store.settings.axes, c.header) ? store.settings.axes[c.header] : undefined;
  const chosen = own ?? defaultAxis(c.role);
  const label = `${say('ui.axis')}: ${c.header}`;
  const select = el(
    'select',
    { class: 'axis', title: label, 'aria-label': label, 'data-field': `axes.${c.header}` },
    ...(['fit', 'engagement'] as const).map((a) => el('option', { value: a, selected: chosen === a }, say(`ui.axis.${a}`))),
  );
  select.addEventListener('change', () => store.update('preview', (s) => setOwn(s.axes, c.header, select.value as 'fit' | 'engagement')));
  return el('label', { class: 'secondary', style: 'grid-column: 1 / 3; display: flex; gap: 6px; align-items: center' }, say('ui.axis'), select);
}

export function gridBlock(store: Store, r: Frozen<Preview>): HTMLElement | null {
  const grid = r.grid;
  if (!grid || grid.counts.every((c) => c === 0)) return null;
  const { say } = store;
  const max = Math.max(...grid.counts);
  const head = el('tr', {}, el('th', {}, ''), ...[1, 2, 3].map((e) => el('th', { class: 'num' }, String(e))));
  const rows = ['A', 'B', 'C'].map((fit, f) =>
    el(
      'tr',
      {},
      el('th', {}, fit),
      ...[0, 1, 2].map((e) => {
        const k = 3 * f + e;
        const count = grid.counts[k];
        const text = say('ui.grid.cell', { cell: GRID_CELLS[k], count, program: r.tiers[grid.programs[k]]?.program ?? '' });
        const td = el('td', { class: 'num', title: text, 'aria-label': text, dataset: { cell: GRID_CELLS[k] } }, `${GRID_CELLS[k]} · ${count}`);
        td.style.background = heatColour(count, max);
        return td;
      }),
    ),
  );
  return el(
    'div',
    { id: 'grid' },
    el('h2', {}, say('grid.title')),
    el('p', { class: 'secondary' }, `${say('grid.fit')} A–C ↓ · ${say('grid.engagement')} 1–3 →`),
    el('table', { class: 'grid', style: 'table-layout: fixed' }, head, ...rows),
  );
}
