/** The report card (issue 17): how well the tiers predict the sheet's outcome column, asked of the server on a click. */
import { call } from '../api';
import { el } from '../dom';
import { action } from '../outcome';
import type { Store } from '../state';

type Card = NonNullable<Awaited<ReturnType<typeof call<'getReportCard'>>>>;

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
const fixed = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));

function cardView(store: Store, card: Card | null): HTMLElement {
  const { say } = store;
  if (!card) return el('div', { class: 'card', id: 'report-card' }, el('p', { class: 'secondary' }, say('ui.reportNone')));
  const head = el(
    'tr',
    {},
    ...[say('report.tier'), say('report.accounts'), say('report.successes'), say('report.rate'), say('report.lift')].map((h) => el('th', {}, h)),
  );
  const rows = card.tiers.map((t) =>
    el(
      'tr',
      {},
      el('td', { style: 'white-space: nowrap' }, t.label),
      el('td', { class: 'num' }, String(t.accounts)),
      el('td', { class: 'num' }, String(t.successes)),
      el('td', { class: 'num', title: `${pct(t.rateLow)} – ${pct(t.rateHigh)}` }, pct(t.rate)),
      el('td', { class: 'num', style: 'white-space: nowrap' }, `${fixed(t.lift, 2)}×`),
    ),
  );
  const bar = say(card.madKudu.pass ? 'report.pass' : 'report.fail');
  return el(
    'div',
    { class: 'card', id: 'report-card' },
    el('strong', { id: 'report-verdict' }, card.verdict),
    el('table', {}, head, ...rows),
    el('div', {}, `${say('report.auc')}: ${fixed(card.auc, 3)} (${fixed(card.aucLow, 3)} – ${fixed(card.aucHigh, 3)})`),
    el('div', {}, `${say('report.bar')}: ${bar}`),
    el('div', { class: 'secondary' }, card.used),
    ...card.notes.map((n) => el('div', { class: 'secondary' }, n)),
  );
}

/**
 * A block with a choice of tiers (as they stand, or an earlier run kept in "ABM History": the
 * backtest) and one button: the card of the active sheet under the settings being edited (nothing is written).
 */
export function reportCardBlock(store: Store): HTMLElement {
  const { say } = store;
  // The outcome column: found by its header unless one is chosen here (kept for the sheet, so Score's card uses it too).
  const outcome = el(
    'select',
    { id: 'report-card-outcome', 'aria-label': say('ui.reportOutcome') },
    el('option', { value: '' }, say('ui.reportByHeader')),
    ...store.sheet.columns.filter((c) => c.header && c.role === null).map((c) => el('option', { value: c.header }, c.header)),
  );
  const runs = el('select', { id: 'report-card-run', 'aria-label': say('ui.reportRun') }, el('option', { value: '' }, say('ui.reportNow')));
  // Untouched, the choice kept for the sheet stands (null); a choice made here replaces it.
  let touched = false;
  outcome.addEventListener('change', () => {
    touched = true;
  });
  const button = el('button', { id: 'report-card-show' }, say('ui.reportShow'));
  button.addEventListener('click', () => {
    const slot = runs.value === '' ? null : Number(runs.value);
    void action(
      button,
      () => call('getReportCard', store.input(), slot, touched ? outcome.value : null),
      (card) => {
        if (card?.chosen) outcome.value = card.chosen;
        return cardView(store, card);
      },
    );
  });
  const block = el(
    'details',
    { class: 'block', id: 'report-card-block' },
    el('summary', {}, say('report.title')),
    el('label', {}, `${say('ui.reportOutcome')} `, outcome),
    el('div', {}, runs),
    el('div', {}, button),
  );
  // The earlier runs are asked for once the block is opened (most people never open it).
  block.addEventListener('toggle', () => {
    if (!block.open || runs.dataset.loaded) return;
    runs.dataset.loaded = '1';
    call('getReportRuns').then(
      (list) => runs.append(...list.map((r) => el('option', { value: String(r.slot) }, r.title))),
      () => undefined,
    );
  });
  return block;
}
