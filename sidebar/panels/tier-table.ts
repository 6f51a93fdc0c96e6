/** Accounts per tier, with each tier's colour; marketers needed (preview) or share of profit (result). */
import type { Preview } from '../../src/sheet';
import { el } from '../dom';
import type { Store } from '../state';

export function percent(x: number | null): string {
  return x === null ? '–' : `${Math.round(x * 100)}%`;
}

export function tierTable(store: Store, report: Preview, withProfit: boolean): HTMLElement {
  const { say } = store;
  return el(
    'table',
    {},
    el(
      'tr',
      {},
      el('th', {}, say('col.tier')),
      el('th', { class: 'num' }, say('col.accounts')),
      el('th', { class: 'num' }, withProfit ? say('ui.profit') : say('ui.marketers')),
    ),
    ...report.tiers.map((t, k) =>
      el(
        'tr',
        { dataset: { tier: String(k + 1) } },
        el('td', {}, el('span', { class: 'swatch', style: `background:${store.settings.colours[k]}` }), t.label),
        el('td', { class: 'num' }, String(t.accounts)),
        el('td', { class: 'num', title: t.program }, withProfit ? percent(t.profitShare) : `${t.marketers}`),
      ),
    ),
  );
}
