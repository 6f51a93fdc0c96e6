/** How scores become tiers: the method and its numbers (cut-offs, thresholds or capacity), and the unprofitable cap. */
import { TIER_METHODS } from '../../src/core/settings';
import { el } from '../dom';
import type { Settings, Store } from '../state';

type Method = Settings['method'];

/** A number field that passes on each number it is given; `field` is its settings path (tiers.ts marks a refused one beside it). */
function numberInput(label: string, value: number, set: (v: number) => void, field: string, max = 100): HTMLElement {
  const input = el('input', { type: 'number', min: '0', max: String(max), step: 'any', value: String(value), 'aria-label': label, 'data-field': field });
  input.addEventListener('input', () => {
    if (input.value !== '' && Number.isFinite(Number(input.value))) set(Number(input.value));
  });
  return el('label', {}, `${label} `, input);
}

/** The method's dropdown and, under it, the numbers that method takes. */
export function methodRows(store: Store): HTMLElement[] {
  const { say } = store;
  const method = el(
    'select',
    { id: 'method', 'aria-label': say('ui.method') },
    ...TIER_METHODS.map((m) => el('option', { value: m, selected: store.settings.method === m }, say(`ui.method.${m}`))),
  );
  const details = el('div', { id: 'method-details' });
  const set = (edit: (s: Settings) => void) => store.update('preview', edit);
  const syncLast = () => {
    const last = document.getElementById('cut3');
    if (last) last.textContent = say('ui.t3', { value: store.settings.cutoffs[2] });
  };
  const cutoff = (k: 0 | 1) => (v: number) => {
    set((s) => {
      s.cutoffs[k] = v;
      s.cutoffs[2] = 100 - s.cutoffs[0] - s.cutoffs[1];
    });
    syncLast();
  };
  const renderDetails = () => {
    const s = store.settings;
    if (s.method === 'quantile') {
      details.replaceChildren(
        el(
          'div',
          { class: 'row' },
          numberInput(say('ui.t1'), s.cutoffs[0], cutoff(0), 'cutoffs.0'),
          numberInput(say('ui.t2'), s.cutoffs[1], cutoff(1), 'cutoffs.1'),
          el('span', { class: 'secondary', id: 'cut3' }, say('ui.t3', { value: s.cutoffs[2] })),
        ),
      );
    } else if (s.method === 'threshold') {
      details.replaceChildren(
        el(
          'div',
          { class: 'row' },
          numberInput(say('ui.tier1At'), s.thresholds[0], (v) => set((t) => (t.thresholds[0] = v)), 'thresholds.0'),
          numberInput(say('ui.tier2At'), s.thresholds[1], (v) => set((t) => (t.thresholds[1] = v)), 'thresholds.1'),
        ),
      );
    } else if (s.method === 'capacity') {
      const capacity = (key: keyof Settings['capacity'], label: string) =>
        numberInput(label, s.capacity[key], (v) => set((t) => (t.capacity[key] = v)), `capacity.${key}`, 10000);
      details.replaceChildren(
        el('div', { class: 'row' }, capacity('strategicMarketers', say('ui.strategicMarketers')), capacity('strategicAccounts', say('ui.accountsEach'))),
        el('div', { class: 'row' }, capacity('liteMarketers', say('ui.liteMarketers')), capacity('liteAccounts', say('ui.accountsEach'))),
      );
    } else details.replaceChildren(el('p', { class: 'secondary' }, say('ui.paretoNote')));
  };
  method.addEventListener('change', () => {
    set((s) => (s.method = method.value as Method));
    renderDetails();
  });
  renderDetails();
  return [el('div', { class: 'row' }, el('label', { htmlFor: 'method' }, `${say('ui.method')} `), method), details];
}

/** Unprofitable accounts held out of Tier 1. */
export function capRow(store: Store): HTMLElement {
  const cap = el('input', { type: 'checkbox', id: 'cap', checked: store.settings.unprofitableCap });
  cap.addEventListener('change', () => {
    store.update('preview', (s) => (s.unprofitableCap = cap.checked));
  });
  return el('div', { class: 'row' }, cap, el('label', { htmlFor: 'cap' }, store.say('ui.cap')));
}
