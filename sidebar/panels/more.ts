/** "More": lookalikes of Tier 1, accounts and RFM from an orders sheet, and the RFM rules. */
import { api } from '../api';
import { el } from '../dom';
import { action } from '../outcome';
import type { Store } from '../state';
import { ordersRows } from './orders';
import { rfmRulesEditor } from './rfm-rules';

function lookalikesButton(store: Store): HTMLElement {
  const { say } = store;
  const button = el('button', { id: 'lookalikes' }, say('ui.lookalikes', { tier: store.sheet.shownLabels[0] }));
  // The button follows a renamed Tier 1 ("Find lookalikes of Strategic") as the label is typed.
  const stop = store.subscribe(() => {
    if (!button.isConnected) stop();
    else button.textContent = say('ui.lookalikes', { tier: store.sheet.shownLabels[0] });
  });
  button.addEventListener(
    'click',
    () =>
      void action(button, api.lookalikes, (r) =>
        el(
          'div',
          { class: 'card', id: 'lookalike-result' },
          el('strong', {}, say('ui.lookalikeWritten', { column: r.column })),
          el('div', { class: 'secondary' }, say('ui.lookalikeNote')),
          el(
            'table',
            {},
            ...r.top.map((t) => el('tr', {}, el('td', {}, t.account), el('td', {}, t.tier), el('td', { class: 'num' }, t.similarity.toFixed(1)))),
          ),
        ),
      ),
  );
  return el('div', {}, button);
}

export function moreBlock(store: Store): HTMLElement {
  return el('details', { class: 'block' }, el('summary', {}, store.say('ui.more')), lookalikesButton(store), ...ordersRows(store), rfmRulesEditor(store));
}
