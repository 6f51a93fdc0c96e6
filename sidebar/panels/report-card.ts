/** The report card (issue 17): how well the tiers predict the sheet's outcome column, asked of the server on a click. */
import { call } from '../api';
import { el } from '../dom';
import { setOwn } from '../../src/core/own-key';
import { action } from '../outcome';
import type { Store } from '../state';

type Card = NonNullable<Awaited<ReturnType<typeof call<'getReportCard'>>>>;

type Profit = NonNullable<Awaited<ReturnType<typeof call<'getCategoryProfit'>>>>;

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
const fixed = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));
const money = (x: number | null) => (x === null ? '–' : Math.round(x).toLocaleString('en-US'));

/** A small table: a header row, then rows of cells (numbers right-aligned). */
function table(id: string, head: string[], rows: (string | [string])[][]): HTMLElement {
  return el(
    'table',
    { id },
    el('tr', {}, ...head.map((h) => el('th', {}, h))),
    ...rows.map((r) =>
      el('tr', {}, ...r.map((c, k) => (typeof c === 'string' ? el('td', k === 0 ? {} : { class: 'num' }, c) : el('td', { class: 'num' }, c[0])))),
    ),
  );
}

/** Success rate by each category column's values (issue 17), below the card. */
function categoriesView(store: Store, card: Card): HTMLElement | null {
  const { say } = store;
  if (!card.categories?.length) return null;
  return el(
    'div',
    { class: 'card', id: 'report-categories' },
    ...card.categories.flatMap((c, k) => [
      el('strong', {}, say('report.category', { column: c.header, min: 20 })),
      table(
        `report-category-${k}`,
        [c.header, say('report.accounts'), say('report.rate'), say('report.lift')],
        c.rows.map((r) => [r.label, String(r.accounts), [`${pct(r.rate)}`] as [string], `${fixed(r.lift, 2)}×`]),
      ),
    ]),
  );
}

function profitView(store: Store, profit: Profit | null): HTMLElement {
  const { say } = store;
  if (!profit) return el('p', { class: 'secondary' }, say('ui.reportNone'));
  return el(
    'div',
    { class: 'card', id: 'category-profit' },
    el('strong', {}, say('report.profitBy', { column: profit.column })),
    table(
      'category-profit-table',
      // The sidebar is 300 px wide: margin is left to the sheet's tables.
      [profit.column, say('col.accounts'), say('col.profit'), say('col.shareProfit')],
      profit.rows.map((r) => [r.label, String(r.accounts), money(r.profit), pct(r.profitShare)]),
    ),
  );
}

/** Pinned accounts' outcomes apart (issue 18): per pinned tier and pinned up/down, beside the unpinned rate; then the lines in words. */
function pinnedView(store: Store, card: Card): HTMLElement | null {
  const { say } = store;
  if (!card.pinned) return null;
  return el(
    'div',
    { class: 'card', id: 'report-pinned' },
    el('strong', {}, say('report.pinnedTitle')),
    table(
      'report-pinned-table',
      [say('report.tier'), say('report.pinnedAccounts'), say('report.rate'), say('report.unpinnedRate')],
      card.pinned.rows.map((r) => [r.label, String(r.accounts), pct(r.rate), pct(r.unpinnedRate)]),
    ),
    ...card.pinned.lines.map((line) => el('p', { class: 'pinned-line' }, line)),
  );
}

function cardView(store: Store, card: Card | null): HTMLElement {
  if (!card) return oneCard(store, card);
  return el('div', {}, oneCard(store, card), pinnedView(store, card), categoriesView(store, card));
}

function oneCard(store: Store, card: Card | null): HTMLElement {
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
  // The outcome column is a role of the column mapping (issue 17): found by its header unless one is mapped, here or in the columns.
  const mapped = store.sheet.columns.find((c) => c.role === 'outcome');
  const explicit = mapped && Object.prototype.hasOwnProperty.call(store.settings.roles, mapped.header);
  const outcome = el(
    'select',
    { id: 'report-card-outcome', 'aria-label': say('ui.reportOutcome') },
    el('option', { value: '' }, say('ui.reportByHeader')),
    ...store.sheet.columns
      .filter((c) => c.header && (c.role === null || c.role === 'outcome'))
      .map((c) => el('option', { value: c.header, selected: explicit && c === mapped }, c.header)),
  );
  /** Maps `header` as the outcome (none: back to finding it by header), unmapping any other outcome. */
  const mapOutcome = (header: string, change: 'reload' | 'none') =>
    store.update(change, (s) => {
      for (const k of Object.keys(s.roles)) if (s.roles[k] === 'outcome') delete s.roles[k];
      if (header) setOwn(s.roles, header, 'outcome');
    });
  outcome.addEventListener('change', () => mapOutcome(outcome.value, 'reload'));
  const runs = el('select', { id: 'report-card-run', 'aria-label': say('ui.reportRun') }, el('option', { value: '' }, say('ui.reportNow')));
  const button = el('button', { id: 'report-card-show' }, say('ui.reportShow'));
  button.addEventListener('click', () => {
    const slot = runs.value === '' ? null : Number(runs.value);
    void action(
      button,
      () => call('getReportCard', store.input(), slot, null),
      (card) => {
        // An older document's choice (a document property) is read once into the mapping, saved with the settings.
        const roles = Object.values(store.settings.roles);
        if (card?.chosen && !roles.includes('outcome')) {
          mapOutcome(card.chosen, 'none');
          outcome.value = card.chosen;
        }
        return cardView(store, card);
      },
    );
  });
  // Profit by a category column: one click ("which region earns the profit?").
  const profitButtons = store.sheet.columns
    .filter((c) => c.role === 'category')
    .map((c) => {
      const b = el('button', { class: 'profit-by', dataset: { header: c.header } }, say('ui.profitByShow', { column: c.header }));
      b.addEventListener('click', () => {
        void action(
          b,
          () => call('getCategoryProfit', store.input(), c.header),
          (profit) => profitView(store, profit),
        );
      });
      return el('div', {}, b);
    });
  const block = el(
    'details',
    { class: 'block', id: 'report-card-block' },
    el('summary', {}, say('report.title')),
    el('label', {}, `${say('ui.reportOutcome')} `, outcome),
    el('div', {}, runs),
    el('div', {}, button),
    ...profitButtons,
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
