/**
 * Each refused setting said beside its field, in the sidebar's language, the field marked
 * aria-invalid: any element with `data-field` (its settings path, e.g. `cutoffs.0`, `weights.Revenue`,
 * `rfmSegments.2.r.0`, `asOf`) and, for a note that stands for several, `data-fields` (a JSON list).
 * Only the chosen tier method's fields are ever refused (settings.ts), so a stale threshold shows no mark
 * under quantile. Run over the whole sidebar after each change (main.ts).
 */
import { settingsIssues } from '../src/core/settings';
import { normaliseHeader } from '../src/core/roles';
import { render, type Said } from '../src/i18n';
import { el } from './dom';
import type { Store } from './state';

/** The As of field's day, when one is typed: checked with the settings, as the server would check it. */
function asOfTyped(root: ParentNode): string | undefined {
  const input = root.querySelector<HTMLInputElement>('#as-of');
  return input?.value || undefined;
}

/** Whether a field at `field` is (part of) the setting at `path`; weights and directions compare their column as the engine does. */
function fieldOf(field: string, path: string): boolean {
  if (field === path || field.startsWith(`${path}.`)) return true;
  const keyed = /^(weights|directions)\.(.*)$/su;
  const a = keyed.exec(field);
  const b = keyed.exec(path);
  return Boolean(a && b && a[1] === b[1] && normaliseHeader(a[2]) === normaliseHeader(b[2]));
}

const fieldsOf = (e: HTMLElement): string[] => [
  ...(e.dataset.field ? [e.dataset.field] : []),
  ...(e.dataset.fields ? (JSON.parse(e.dataset.fields) as string[]) : []),
];

export function markIssues(root: HTMLElement, store: Store): void {
  for (const old of root.querySelectorAll('.field-error')) old.remove();
  for (const input of root.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const fields = [...root.querySelectorAll<HTMLElement>('[data-field], [data-fields]')];
  const asOf = asOfTyped(root);
  const issues = settingsIssues(asOf ? { ...store.input(), asOf } : store.input());
  for (const issue of issues) {
    // A field's own path, or a whole group's (the cut-offs that add up to more than 100): each of its fields.
    const inputs = fields.filter((f) => fieldsOf(f).some((field) => fieldOf(field, issue.path)));
    if (inputs.length === 0) continue;
    for (const input of inputs) input.setAttribute('aria-invalid', 'true');
    const last = inputs[inputs.length - 1];
    let at: Element = last.closest('tr, .row, .col') ?? last;
    while (at.nextElementSibling?.classList.contains('field-error')) at = at.nextElementSibling;
    const text = render(store.lang(), issue.message as Said);
    const attrs = { class: 'error field-error', role: 'alert', 'data-for': issue.path };
    // In a table (the RFM rules) the mark is a row of its own across the table.
    at.after(at.tagName === 'TR' ? el('tr', attrs, el('td', { colSpan: 6 }, text)) : el('div', attrs, text));
  }
  const invalidDay = root.querySelector('#as-of[aria-invalid]') !== null;
  for (const id of ['orders-to-accounts', 'rfm']) {
    const button = root.querySelector<HTMLButtonElement>(`#${id}`);
    if (button) button.disabled = invalidDay;
  }
}
