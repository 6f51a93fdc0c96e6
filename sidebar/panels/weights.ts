/**
 * A metric column's weight: a slider for 0–5 and, beside it, the number itself, which takes any
 * weight the engine takes (a refused one is said beside the row, field-issues.ts); and its direction
 * (higher or lower is better).
 */
import type { ColumnInfo } from '../../src/sheet';
import { setOwn } from '../../src/core/own-key';
import { normaliseHeader } from '../../src/core/roles';
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
    dataset: { header: c.header, field: `weights.${c.header}` },
  });
  const shown = el('input', {
    type: 'number',
    min: '0',
    max: '1000',
    step: 'any',
    value: String(c.weight),
    'aria-label': say('ui.weightNumberOf', { column: c.header }),
    'data-field': `weights.${c.header}`,
  });
  const direction = el(
    'select',
    { 'aria-label': say('ui.directionOf', { column: c.header }), 'data-field': `directions.${c.header}` },
    el('option', { value: 'higher', selected: c.direction === 'higher' }, say('ui.higher')),
    el('option', { value: 'lower', selected: c.direction === 'lower' }, say('ui.lower')),
  );
  weight.addEventListener('input', () => {
    shown.value = weight.value;
    store.update('preview', (s) => setOwn(s.weights, c.header, Number(weight.value)));
  });
  // Typed: any number is passed on (one the engine refuses is marked), an empty box changes nothing yet.
  shown.addEventListener('input', () => {
    if (shown.value === '' || !Number.isFinite(Number(shown.value))) return;
    weight.value = shown.value;
    store.update('preview', (s) => setOwn(s.weights, c.header, Number(shown.value)));
  });
  direction.addEventListener('change', () => {
    store.update('preview', (s) => setOwn(s.directions, c.header, direction.value as 'higher' | 'lower'));
  });
  const metric = c.role !== null && c.role !== 'account';
  return el('div', { class: 'weight', hidden: !metric }, weight, shown, direction);
}

/**
 * Saved weights and directions whose column is not on this sheet (renamed, deleted, another sheet):
 * named, with a button that forgets them, instead of lingering unseen. A name counts as present
 * when it is a column's header or the role of a used column, compared as the engine compares them.
 */
export function missingWeights(store: Store): HTMLElement | null {
  const { say, sheet, settings } = store;
  const here = new Set<string>();
  for (const c of sheet.columns) {
    here.add(normaliseHeader(c.header));
    if (c.role) here.add(c.role);
  }
  if (sheet.derivedProfit) here.add('profit');
  const gone = [...new Set([...Object.keys(settings.weights), ...Object.keys(settings.directions)])].filter((k) => !here.has(normaliseHeader(k)));
  if (gone.length === 0 || sheet.columns.length === 0) return null;
  const forget = el('button', { type: 'button' }, say('ui.forgetWeights'));
  forget.addEventListener('click', () => {
    store.update('preview', (s) => {
      for (const k of gone) {
        delete s.weights[k];
        delete s.directions[k];
      }
    });
    note.remove();
  });
  const note = el(
    'p',
    { class: 'secondary', id: 'missing-weights', 'data-fields': JSON.stringify(gone.flatMap((k) => [`weights.${k}`, `directions.${k}`])) },
    say('ui.missingWeights', { count: gone.length, names: gone.map((k) => `"${k}"`).join(', ') }),
    ' ',
    forget,
  );
  return note;
}
