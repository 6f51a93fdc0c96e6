/** The sticky action bar: the primary action (Score the sheet, which also saves the settings) and Remove colours. */
import { api } from '../api';
import { el, showError } from '../dom';
import { action, outcome, reveal } from '../outcome';
import type { Store } from '../state';
import { resultCard } from './result';
import { offerAccountsFromOrders } from './orders';

/** `scored` is told after each successful Score (the preview then counts changes against it). */
export function scoreRow(store: Store, scored: () => void): HTMLElement {
  const button = el('button', { class: 'action', id: 'score' }, store.say('ui.score'));
  button.addEventListener('click', () => void score(store, button, scored));
  const remove = el('button', { id: 'remove-colours' }, store.say('ui.removeColours'));
  remove.addEventListener(
    'click',
    () => void action(remove, api.removeColours, (n) => el('p', { class: 'secondary' }, n ? store.say('ui.coloursRemoved') : store.say('ui.noColours'))),
  );
  return el('div', { class: 'actions', id: 'actions' }, button, remove);
}

async function score(store: Store, button: HTMLButtonElement, scored: () => void): Promise<void> {
  const { say } = store;
  const out = outcome();
  const app = document.getElementById('app')!;
  button.disabled = true;
  const label = button.textContent;
  button.textContent = say('ui.scoring');
  app.setAttribute('aria-busy', 'true');
  out.replaceChildren(el('p', { class: 'gray' }, say('ui.scoringSheet')));
  try {
    const card = resultCard(store, await api.score(store.input()));
    out.replaceChildren(card);
    scored();
  } catch (error) {
    showError(out, error);
    offerAccountsFromOrders(store, out, error);
  } finally {
    button.disabled = false;
    button.textContent = label;
    app.removeAttribute('aria-busy');
    // The whole outcome: a refusal's message and the button offered under it.
    reveal(out);
  }
}
