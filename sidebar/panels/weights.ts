/** A metric column's weight slider and its direction (higher or lower is better). */
import type { ColumnInfo } from '../../src/sheet';
import { setOwn } from '../../src/core/own-key';
import { el } from '../dom';
import type { Frozen, Store } from '../state';

export function weightRow(store: Store, c: Frozen<ColumnInfo>): HTMLElement {
  const { say } = store;
  const weight = el('input', {
    type: 'range',
    min: '0',
    max: '5',
    step: '0.5',
    value: String(c.weight),
    'aria-label': say('ui.weightOf', { column: c.header }),
    dataset: { header: c.header },
  });
  const shown = el('span', { class: 'secondary' }, String(c.weight));
  const direction = el(
    'select',
    { 'aria-label': say('ui.directionOf', { column: c.header }) },
    el('option', { value: 'higher', selected: c.direction === 'higher' }, say('ui.higher')),
    el('option', { value: 'lower', selected: c.direction === 'lower' }, say('ui.lower')),
  );
  weight.addEventListener('input', () => {
    shown.textContent = weight.value;
    store.update('preview', (s) => setOwn(s.weights, c.header, Number(weight.value)));
  });
  direction.addEventListener('change', () => {
    store.update('preview', (s) => setOwn(s.directions, c.header, direction.value as 'higher' | 'lower'));
  });
  const metric = c.role !== null && c.role !== 'account';
  return el('div', { class: 'weight', hidden: !metric }, weight, shown, direction);
}
