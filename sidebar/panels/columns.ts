/** The sheet's columns: each one's role, and for metrics its weight; unused columns folded away. */
import type { ColumnInfo } from '../../src/sheet';
import { ROLES } from '../../src/core/roles';
import { setOwn } from '../../src/core/own-key';
import type { UiKey } from '../../src/i18n/ui';
import { el } from '../dom';
import type { Frozen, Settings, Store } from '../state';
import { missingWeights, weightRow } from './weights';
import { axisSelect } from './grid';

// Outcome and category (issue 17) are mapped like any role; neither is a metric.
const ROLE_CHOICES = ['', ...ROLES, 'outcome', 'category', 'custom'];

export function columnsPanel(store: Store): (HTMLElement | null)[] {
  const { sheet, say } = store;
  // An outcome or category found by its header is listed with the columns the score does not use, until chosen here.
  const listed = (c: Frozen<ColumnInfo>) =>
    c.role !== null && ((c.role !== 'outcome' && c.role !== 'category') || Object.prototype.hasOwnProperty.call(store.settings.roles, c.header));
  const mapped = sheet.columns.filter(listed);
  const unmapped = sheet.columns.filter((c) => !listed(c));
  return [
    el('h2', {}, say('ui.columns')),
    el('div', { id: 'columns' }, ...mapped.map((c) => columnRow(store, c))),
    missingWeights(store),
    sheet.derivedProfit ? el('p', { class: 'secondary' }, say('ui.derivedProfit')) : null,
    unmapped.length
      ? el(
          'details',
          {},
          el('summary', {}, say('ui.notUsedCount', { count: unmapped.length })),
          el('div', { id: 'unmapped' }, ...unmapped.map((c) => columnRow(store, c))),
        )
      : null,
  ];
}

function columnRow(store: Store, c: Frozen<ColumnInfo>): HTMLElement {
  const { say } = store;
  const role = el(
    'select',
    { title: say('ui.roleOf', { column: c.header }), 'aria-label': say('ui.roleOf', { column: c.header }), dataset: { header: c.header } },
    ...ROLE_CHOICES.map((r) =>
      el(
        'option',
        { value: r, selected: (c.role ?? '') === r },
        r === '' ? say('ui.notUsed') : r === 'custom' ? say('ui.custom') : say(`ui.role.${r}` as UiKey),
      ),
    ),
  );
  role.addEventListener('change', () => {
    const value = role.value;
    // A new role changes which columns are metrics: the server works the list out again.
    store.update('reload', (s) => setOwn(s.roles, c.header, (value === '' ? 'ignore' : value) as Settings['roles'][string]));
  });
  return el(
    'div',
    { class: 'col', dataset: { column: c.letter } },
    el('span', { class: 'name', title: `${c.letter}: ${c.header}` }, `${c.letter} · ${c.header}`),
    role,
    // An outcome or a category has no weight: neither enters the score (docs/scoring.md, categories).
    c.role === 'outcome' || c.role === 'category' ? null : weightRow(store, c),
    axisSelect(store, c),
  );
}
