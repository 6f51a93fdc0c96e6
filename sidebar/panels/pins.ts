/** "Pin the selected rows": the team's tier for the selected accounts, kept in the document (docs/scoring.md, "Pinned tiers"). */
import { call } from '../api';
import { el } from '../dom';
import { action } from '../outcome';
import type { Store } from '../state';

export function pinsBlock(store: Store): HTMLElement {
  const { say } = store;
  const labels = store.sheet.shownLabels;
  const choice = el(
    'select',
    { id: 'pin-tier', 'aria-label': say('ui.pins.title') },
    ...labels.map((label, t) => el('option', { value: String(t + 1) }, label)),
    el('option', { value: 'exclude' }, say('pin.exclude')),
  );
  const rows = el('input', { id: 'pin-rows-field', type: 'text', inputMode: 'numeric', placeholder: say('ui.pins.rows'), 'aria-label': say('ui.pins.rows') });
  const reason = el('input', { id: 'pin-reason', type: 'text', maxLength: 200, placeholder: say('ui.pins.reason'), 'aria-label': say('ui.pins.reason') });
  const run = (button: HTMLButtonElement, pin: () => string) =>
    void action(
      button,
      () => call('pinSelectedRows', store.input(), pin(), reason.value, sheetRows(rows.value)),
      (r) =>
        el(
          'div',
          { class: 'card', id: 'pins-result' },
          el('strong', {}, say('ui.pins.done', { count: r.accounts.length, pin: r.pin || say('ui.pins.unpin') })),
          el('p', { class: 'secondary' }, r.accounts.join(', ')),
        ),
    );
  const pin = el('button', { id: 'pin-rows' }, say('ui.pins.button'));
  const unpin = el('button', { id: 'unpin-rows' }, say('ui.pins.unpin'));
  pin.addEventListener('click', () => run(pin, () => choice.value));
  unpin.addEventListener('click', () => run(unpin, () => ''));
  return el(
    'details',
    { class: 'block', id: 'pins-block' },
    el('summary', {}, say('ui.pins.title')),
    el('p', { class: 'secondary' }, say('ui.pins.hint')),
    el('div', { class: 'row' }, choice, reason),
    rows,
    el('div', { class: 'row' }, pin, unpin),
  );
}

/** "5, 8-10" → [5, 8, 9, 10]; blank → null (the selection). At most 10,000 rows. */
export function sheetRows(text: string): number[] | null {
  const out: number[] = [];
  for (const part of text.split(/[,;\s]+/u)) {
    const m = /^(\d+)(?:[-–](\d+))?$/u.exec(part);
    if (!m) continue;
    const from = Number(m[1]);
    const to = Math.min(Number(m[2] ?? m[1]), from + 10_000);
    for (let r = from; r <= to && out.length < 10_000; r++) out.push(r);
  }
  return out.length > 0 ? out : null;
}
