/** The tiering block: language, method and its numbers, labels and colours, the unprofitable cap. */
import { settingsIssues } from '../../src/core/settings';
import { render, type Said } from '../../src/i18n';
import { el } from '../dom';
import type { Store } from '../state';
import { languageRow } from './language';
import { labelRows } from './labels';
import { capRow, methodRows } from './method';

export function tiersBlock(store: Store): HTMLElement {
  const block = el(
    'div',
    { class: 'block' },
    languageRow(store),
    el('h2', {}, store.say('ui.tiers')),
    ...methodRows(store),
    ...labelRows(store),
    capRow(store),
  );
  // After each change, once the panels have redrawn (a new method shows other fields): a block no longer shown stops listening.
  const stop = store.subscribe(() =>
    queueMicrotask(() => {
      if (block.isConnected) markIssues(block, store);
      else stop();
    }),
  );
  queueMicrotask(() => markIssues(block, store));
  return block;
}

/**
 * Each refused setting of this block's fields, said beside the field (under its row) in the
 * sidebar's language, the field marked aria-invalid. Only the chosen method's fields are ever
 * refused (settings.ts), so a stale threshold shows no mark under quantile.
 */
export function markIssues(block: HTMLElement, store: Store): void {
  for (const old of block.querySelectorAll('.field-error')) old.remove();
  for (const input of block.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const fields = [...block.querySelectorAll<HTMLElement>('[data-field]')];
  for (const issue of settingsIssues(store.input())) {
    // A field's own path, or a whole group's (the cut-offs that add up to more than 100): each of its fields.
    const inputs = fields.filter((f) => f.dataset.field === issue.path || f.dataset.field?.startsWith(`${issue.path}.`));
    if (inputs.length === 0) continue;
    for (const input of inputs) input.setAttribute('aria-invalid', 'true');
    let at: Element = inputs[inputs.length - 1].closest('.row') ?? inputs[inputs.length - 1];
    while (at.nextElementSibling?.classList.contains('field-error')) at = at.nextElementSibling;
    at.after(el('div', { class: 'error field-error', role: 'alert', 'data-for': issue.path }, render(store.lang(), issue.message as Said)));
  }
}
