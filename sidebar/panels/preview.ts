/**
 * The live preview, computed in the sidebar: the sheet's mapped columns come once from the server
 * (again only after a role or language change), and every change of the settings is scored here
 * (local-preview.ts): tiers, share of profit, marketers, how many accounts would change tier, and a
 * warning when Tier 1 needs more marketers than the team has.
 */
import { api } from '../api';
import { el, present, showError } from '../dom';
import { localPreview, localSheet, tierChanges, type LocalPreview, type LocalSheet } from '../local-preview';
import type { Store } from '../state';
import { offerAccountsFromOrders } from './orders';
import { tierTable } from './tier-table';

export interface LivePreview {
  /** The preview card for a new page: waiting for its first preview, or saying why there is none. */
  card(): HTMLElement;
  /** Recomputes after a short pause (the sliders send many changes); only the latest is shown. */
  schedule(): void;
  /** Reads the sheet's columns from the server (when it opens, and after a reload), then previews. */
  load(): Promise<void>;
  /** The sheet was just scored: it is read again, and changes are counted against this Score from now on. */
  scored(): void;
}

type Baseline = { tiers: Int8Array; since: 'lastScore' | 'opened' } | null;

export function livePreview(store: Store): LivePreview {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sheet: LocalSheet | null = null;
  let baseline: Baseline = null;
  let loading = 0;
  const run = () => {
    const box = document.getElementById('preview');
    if (!box || !sheet) return;
    try {
      const p = localPreview(sheet, store.input(), store.lang());
      baseline ??= { tiers: p.tier, since: 'opened' };
      box.replaceChildren(...previewOf(store, p, baseline));
    } catch (error) {
      showError(box, error);
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  };
  const load = async () => {
    const seq = ++loading;
    sheet = null;
    baseline = null;
    if (store.sheet.problem) return;
    const box = document.getElementById('preview');
    box?.classList.add('busy');
    try {
      const data = await api.data(store.input());
      if (seq !== loading) return;
      sheet = localSheet(data);
      if (sheet.lastTiers) baseline = { tiers: sheet.lastTiers, since: 'lastScore' };
      run();
    } catch (error) {
      const now = document.getElementById('preview');
      if (seq === loading && now) {
        showError(now, error);
        // A sheet of order lines: "Build accounts from orders" right under the preview's refusal.
        offerAccountsFromOrders(store, now, error, 'preview-offer-accounts');
      }
    } finally {
      if (seq === loading) document.getElementById('preview')?.classList.remove('busy');
    }
  };
  return {
    card: () =>
      el(
        'div',
        { class: 'card', id: 'preview' },
        el('span', { class: 'gray' }, store.sheet.problem ? store.say('ui.noPreview') : store.say('ui.previewWaiting')),
      ),
    schedule,
    load,
    scored() {
      // Read again: the sheet as scored (cells edited since are in), with the tiers Score wrote to count against.
      void load();
    },
  };
}

function previewOf(store: Store, p: LocalPreview, baseline: Baseline): (Node | string)[] {
  const { say, settings } = store;
  const moved = baseline ? tierChanges(baseline.tiers, p.tier) : { up: 0, down: 0 };
  const changed = moved.up + moved.down;
  const against = baseline?.since === 'lastScore' ? say('ui.sinceLastScore') : say('ui.sinceOpened');
  const t1 = p.tiers[0];
  // Marketers Tier 1 needs at the accounts each strategic marketer covers: what capacity tiers would hold.
  const needed = t1 ? Math.ceil(t1.accounts / settings.capacity.strategicAccounts) : 0;
  const short = settings.method !== 'capacity' && needed > settings.capacity.strategicMarketers;
  let warning: HTMLElement | null = null;
  if (short) {
    const button = el('button', { id: 'switch-capacity' }, say('ui.switchCapacity'));
    button.addEventListener('click', () => store.update('render', (s) => (s.method = 'capacity')));
    warning = el(
      'div',
      { id: 'capacity-warning', role: 'alert' },
      el(
        'div',
        { class: 'warn' },
        say('ui.teamShort', {
          count: t1.accounts,
          program: t1.program,
          marketers: say('ui.marketerN', { count: needed }),
          have: settings.capacity.strategicMarketers,
        }),
      ),
      button,
    );
  }
  return present(
    el('div', { class: 'secondary' }, say('ui.preview', { count: p.scored })),
    tierTable(store, p),
    el('div', { class: 'secondary', id: 'marketers' }, p.tiers.map((t) => say('ui.marketerCount', { program: t.program, count: t.marketers })).join(' · ')),
    el(
      'div',
      { id: 'changes', class: 'secondary' },
      changed ? say('ui.wouldChange', { count: changed, up: moved.up, down: moved.down, against }) : say('ui.noChange', { against }),
    ),
    warning,
    p.errorCount ? el('div', { class: 'error' }, say('ui.cannotScore', { count: p.errorCount, message: p.errors[0]?.message ?? '' })) : null,
  );
}
