/** How scores become tiers: the method and its numbers (cut-offs, thresholds, capacity or the grid's), and the unprofitable cap. */
import { GRID_CELLS, GRID_PROGRAMS, type GridProgram } from '../../src/core/grid-axes';
import { settingsIssues, TIER_METHODS } from '../../src/core/settings';
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

/** The grid's bands' cut-offs, the same on each axis (A/1, B/2, C/3 the rest), under their heading. */
function gridCutoffRows(store: Store, set: (edit: (s: Settings) => void) => void): HTMLElement[] {
  const { say } = store;
  const s = store.settings;
  const last = el('span', { class: 'secondary', id: 'grid-cut3' }, say('ui.grid.last', { value: s.gridCutoffs[2] }));
  const cutoff = (k: 0 | 1) => (v: number) => {
    set((t) => {
      t.gridCutoffs[k] = v;
      t.gridCutoffs[2] = 100 - t.gridCutoffs[0] - t.gridCutoffs[1];
    });
    last.textContent = say('ui.grid.last', { value: store.settings.gridCutoffs[2] });
  };
  const band = (k: 0 | 1) => `${'AB'[k]}/${k + 1}`;
  const cutoffs = el(
    'div',
    { class: 'row', id: 'grid-cutoffs' },
    ...([0, 1] as const).map((k) => numberInput(`${band(k)} %`, s.gridCutoffs[k], cutoff(k), `gridCutoffs.${k}`)),
    last,
  );
  // The inputs' names for screen readers and messages: "Grid A/1 %".
  cutoffs.querySelectorAll('input').forEach((input, k) => input.setAttribute('aria-label', say('set.f.gridCutoff', { band: band(k as 0 | 1) })));
  return [el('div', {}, say('set.f.gridCutoffs')), cutoffs];
}

/** The grid method's settings (issue 18): the cut-offs, and a 3 × 3 of program selects, fit A–C down, engagement 1–3 across. */
function gridRows(store: Store, set: (edit: (s: Settings) => void) => void): HTMLElement[] {
  const { say } = store;
  const s = store.settings;
  const program = (k: number) => {
    const label = say('set.f.gridProgram', { cell: GRID_CELLS[k] });
    const select = el(
      'select',
      { 'aria-label': label, title: label, 'data-field': `gridPrograms.${k}`, dataset: { cell: GRID_CELLS[k] } },
      ...GRID_PROGRAMS.map((p, t) =>
        el('option', { value: p, selected: s.gridPrograms[k] === p, title: say(`program.${t + 1}` as 'program.1') }, say(`ui.grid.p.${p}`)),
      ),
    );
    select.addEventListener('change', () => set((t) => (t.gridPrograms[k] = select.value as GridProgram)));
    return el('td', {}, select);
  };
  const programs = el(
    'table',
    { class: 'grid-programs', id: 'grid-programs' },
    el('tr', {}, el('th', {}, ''), ...[1, 2, 3].map((e) => el('th', {}, String(e)))),
    ...['A', 'B', 'C'].map((fit, f) => el('tr', {}, el('th', {}, fit), ...[0, 1, 2].map((e) => program(3 * f + e)))),
  );
  return [
    el('div', { class: 'secondary' }, `${say('grid.fit')} A–C ↓ · ${say('grid.engagement')} 1–3 →`),
    ...gridCutoffRows(store, set),
    el('div', {}, say('set.f.gridPrograms')),
    programs,
    el('div', { class: 'secondary', id: 'grid-program-legend' }, [1, 2, 3].map((t) => say(`program.${t}` as 'program.1')).join(' · ')),
  ];
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
    } else if (s.method === 'grid') details.replaceChildren(...gridRows(store, set));
    else details.replaceChildren(el('p', { class: 'secondary' }, say('ui.paretoNote')));
    // The Grid column uses the cut-offs under any method: refused ones stay in sight, with their mark, until fixed.
    if (s.method !== 'grid' && settingsIssues(store.input()).some((i) => i.path === 'gridCutoffs' || i.path.startsWith('gridCutoffs.')))
      details.append(...gridCutoffRows(store, set));
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
