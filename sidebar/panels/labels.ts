/** The tiers' names and row colours. */
import { el } from '../dom';
import type { Settings, Store } from '../state';

export function labelRows(store: Store): HTMLElement[] {
  const { say } = store;
  const labels = el(
    'div',
    { class: 'row labels' },
    ...store.sheet.shownLabels.map((label, k) => {
      const input = el('input', { type: 'text', value: label, 'aria-label': say('ui.labelOf', { tier: k + 1 }), maxLength: 60, 'data-field': `labels.${k}` });
      input.addEventListener('input', () => {
        store.update('preview', (s, sheet) => {
          // The first edit keeps the labels as shown (the language's), then changes this one.
          s.labels = [...sheet.shownLabels] as Settings['labels'];
          s.labels[k] = input.value;
          sheet.shownLabels[k] = input.value;
        });
      });
      return input;
    }),
  );
  const colours = el(
    'div',
    { class: 'row' },
    el('span', { class: 'secondary' }, say('ui.colours')),
    ...store.settings.colours.map((colour, k) => {
      const input = el('input', { type: 'color', value: colour, 'aria-label': say('ui.colourOf', { tier: k + 1 }), 'data-field': `colours.${k}` });
      input.addEventListener('input', () => {
        store.update('preview', (s) => (s.colours[k] = input.value));
      });
      return input;
    }),
  );
  return [el('div', { class: 'secondary' }, say('ui.labels')), labels, colours];
}
