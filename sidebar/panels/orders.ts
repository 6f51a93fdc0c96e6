/** From an orders sheet: one row per account, or the RFM table (with the rules being edited). */
import type { OrdersReport } from '../../src/sheet';
import { api } from '../api';
import { el } from '../dom';
import { action } from '../outcome';
import type { Store } from '../state';

/** What Build accounts or RFM wrote: how many accounts, the day recency runs to, the lines left out. */
function ordersReport(store: Store): (r: OrdersReport) => HTMLElement {
  const { say } = store;
  return (r) =>
    el(
      'div',
      { class: 'card', id: 'orders-result' },
      el('strong', {}, say('ui.accountsWritten', { count: r.accounts, sheet: r.sheet })),
      el('div', { class: 'secondary', id: 'as-of-note' }, r.asOfNote),
      r.errorCount ? el('div', { class: 'error' }, say('ui.linesLeftOut', { count: r.errorCount })) : null,
      el('ul', { class: 'messages' }, ...r.errors.map((e) => el('li', {}, e))),
    );
}

export function ordersRows(store: Store): HTMLElement[] {
  const { say } = store;
  const asOf = el('input', { type: 'date', id: 'as-of', 'aria-label': say('ui.asOf'), 'data-field': 'asOf' });
  // A day the server would refuse (a year of five digits) is said beside the field, and both actions wait for a good one.
  asOf.addEventListener('input', () => store.update('none', () => undefined));
  const orders = el('button', { id: 'orders-to-accounts' }, say('ui.buildAccounts'));
  const rfm = el('button', { id: 'rfm' }, say('ui.rfm'));
  const report = ordersReport(store);
  orders.addEventListener('click', () => void action(orders, () => api.accountsFromOrders(asOf.value || undefined), report));
  rfm.addEventListener('click', () => void action(rfm, () => api.rfmFromOrders(asOf.value || undefined, store.input()), report));
  return [
    el('div', { class: 'secondary' }, say('ui.ordersNote')),
    el('div', { class: 'row' }, el('label', { htmlFor: 'as-of' }, `${say('ui.asOf')} `), asOf),
    el('div', {}, orders, rfm),
  ];
}

/**
 * Where Score or the preview was refused because the sheet looks like order lines (its message ends
 * with `msg.orderLinesNext`): a "Build accounts from orders" button under the message, which runs
 * the same action as the one in More analyses on that sheet. Anything else adds nothing.
 */
export function offerAccountsFromOrders(store: Store, where: HTMLElement, error: unknown, id = 'offer-accounts'): void {
  const message = error instanceof Error ? error.message : String(error);
  if (!message.includes(store.say('msg.orderLinesNext'))) return;
  const build = el('button', { class: 'action', id }, store.say('ui.buildAccounts'));
  // The As of field of More analyses, where it is filled in; else the day after the last order.
  const asOf = () => (document.getElementById('as-of') as HTMLInputElement | null)?.value || undefined;
  build.addEventListener('click', () => void action(build, () => api.accountsFromOrders(asOf()), ordersReport(store)));
  where.append(build);
}
