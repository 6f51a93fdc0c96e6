/** The tiering block: language, method and its numbers, labels and colours, the unprofitable cap (refused values marked by field-issues.ts). */
import { el } from '../dom';
import type { Store } from '../state';
import { languageRow } from './language';
import { labelRows } from './labels';
import { capRow, methodRows } from './method';

export function tiersBlock(store: Store): HTMLElement {
  return el('div', { class: 'block' }, languageRow(store), el('h2', {}, store.say('ui.tiers')), ...methodRows(store), ...labelRows(store), capRow(store));
}
