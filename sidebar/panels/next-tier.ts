/** "What would move an account up a tier": the selected row's smallest single-metric moves (docs/scoring.md, "Next tier"). */
import { call } from '../api';
import { el } from '../dom';
import { action } from '../outcome';
import type { Store } from '../state';

export function nextTierBlock(store: Store): HTMLElement {
  const { say } = store;
  const button = el('button', { id: 'next-tier' }, say('ui.next.button'));
  button.addEventListener(
    'click',
    () =>
      void action(
        button,
        () => call('nextTierOfRow', store.input(), null),
        (r) =>
          el(
            'div',
            { class: 'card', id: 'next-tier-result' },
            el('strong', {}, say('ui.next.heading', { row: r.row, account: r.account, tier: r.tier })),
            el('p', { class: 'next-best' }, r.best),
            r.others.length > 0 && el('div', { class: 'secondary' }, say('ui.next.others')),
            r.others.length > 0 && el('ul', { class: 'next-others' }, ...r.others.map((o) => el('li', {}, o))),
          ),
      ),
  );
  return el(
    'details',
    { class: 'block', id: 'next-tier-block' },
    el('summary', {}, say('ui.next.title')),
    el('p', { class: 'secondary' }, say('ui.next.hint')),
    button,
  );
}
