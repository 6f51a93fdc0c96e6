/** The sheet the sidebar works on (it follows the active sheet), its header row, and what is wrong with it. */
import { el } from '../dom';
import type { Store } from '../state';

export function sheetHeading(store: Store): (HTMLElement | null)[] {
  const { sheet, say } = store;
  return [
    el(
      'div',
      { class: 'block', id: 'sheet' },
      el('div', {}, `${say('ui.workingOn')} `, el('strong', { id: 'sheet-name' }, sheet.sheet)),
      el('div', { class: 'secondary' }, sheet.headerRow ? say('ui.headerRow', { row: sheet.headerRow, rows: sheet.rows }) : say('ui.noHeader')),
    ),
    sheet.warning ? el('p', { class: 'error' }, sheet.warning) : null,
    sheet.problem ? el('p', { class: 'error', id: 'problem' }, sheet.problem) : null,
  ];
}
