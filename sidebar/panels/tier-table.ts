/** Accounts per tier, with each tier's colour, and their share of profit. */
import type { Preview } from '../../src/sheet';
import { el } from '../dom';
import type { Store } from '../state';

export function percent(x: number | null): string {
  return x === null ? '–' : `${Math.round(x * 100)}%`;
}

export function tierTable(store: Store, report: Preview): HTMLElement {
  const { say } = store;
  return el(
    'table',
    { class: 'tiers' },
    el('tr', {}, el('th', {}, say('col.tier')), el('th', { class: 'num' }, say('col.accounts')), el('th', { class: 'num' }, say('ui.profit'))),
    ...report.tiers.map((t, k) =>
      el(
        'tr',
        { dataset: { tier: String(k + 1) } },
        el('td', { class: 'label' }, el('span', { class: 'swatch', style: `background:${store.settings.colours[k]}` }), t.label),
        el('td', { class: 'num' }, String(t.accounts)),
        el('td', { class: 'num share' }, percent(t.profitShare)),
      ),
    ),
  );
}
