/** The primary action (Score the sheet, which also saves the settings) and Remove colours. */
import { api } from '../api';
import { el, showError } from '../dom';
import { action, outcome } from '../outcome';
import type { Store } from '../state';
import { resultCard } from './result';

export function scoreRow(store: Store): HTMLElement {
  const button = el('button', { class: 'action', id: 'score' }, store.say('ui.score'));
  button.addEventListener('click', () => void score(store, button));
  const remove = el('button', { id: 'remove-colours' }, store.say('ui.removeColours'));
  remove.addEventListener(
    'click',
    () => void action(remove, api.removeColours, (n) => el('p', { class: 'secondary' }, n ? store.say('ui.coloursRemoved') : store.say('ui.noColours'))),
  );
  return el('div', {}, button, remove);
}

async function score(store: Store, button: HTMLButtonElement): Promise<void> {
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
    card.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    showError(out, error);
  } finally {
    button.disabled = false;
    button.textContent = label;
    app.removeAttribute('aria-busy');
  }
}
