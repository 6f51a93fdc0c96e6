/** From an orders sheet: one row per account, or the RFM table (with the rules being edited). */
import type { OrdersReport } from '../../src/sheet';
import { api } from '../api';
import { el } from '../dom';
import { action } from '../outcome';
import type { Store } from '../state';

export function ordersRows(store: Store): HTMLElement[] {
  const { say } = store;
  const asOf = el('input', { type: 'date', id: 'as-of', 'aria-label': say('ui.asOf') });
  const orders = el('button', { id: 'orders-to-accounts' }, say('ui.buildAccounts'));
  const rfm = el('button', { id: 'rfm' }, say('ui.rfm'));
  const report = (r: OrdersReport) =>
    el(
      'div',
      { class: 'card' },
      el('strong', {}, say('ui.accountsWritten', { count: r.accounts, sheet: r.sheet })),
      r.errorCount ? el('div', { class: 'error' }, say('ui.linesLeftOut', { count: r.errorCount })) : null,
      el('ul', { class: 'messages' }, ...r.errors.map((e) => el('li', {}, e))),
    );
  orders.addEventListener('click', () => void action(orders, () => api.accountsFromOrders(asOf.value || undefined), report));
  rfm.addEventListener('click', () => void action(rfm, () => api.rfmFromOrders(asOf.value || undefined, store.input()), report));
  return [
    el('div', { class: 'secondary' }, say('ui.ordersNote')),
    el('div', { class: 'row' }, el('label', { htmlFor: 'as-of' }, `${say('ui.asOf')} `), asOf),
    el('div', {}, orders, rfm),
  ];
}
