/**
 * The sidebar: map columns, tune the tiering, preview live, score. Every text from the sheet goes
 * in as textContent. This file only wires: the state lives in state.ts, each panel in panels/,
 * and api.ts is the one door to the server. The sidebar follows the active sheet (asked every few
 * seconds while it is shown), and offers the next step after each action.
 */
import { api } from './api';
import { el, present, showError } from './dom';
import { offerNext } from './outcome';
import { createStore, type Store } from './state';
import { columnsPanel } from './panels/columns';
import { moreBlock } from './panels/more';
import { learnBlock } from './panels/learn';
import { nextTierBlock } from './panels/next-tier';
import { reportCardBlock } from './panels/report-card';
import { livePreview, type LivePreview } from './panels/preview';
import { scoreRow } from './panels/score';
import { sheetHeading } from './panels/sheet-heading';
import { sqlBlock } from './panels/sql';
import { tiersBlock } from './panels/tiers';

const app = document.getElementById('app')!;
/** How often the sidebar asks which sheet is active. */
const FOLLOW_MS = 2500;
/** The actions after which Score is the next step: Build accounts, RFM, Lookalikes, Remove colours. */
const NEXT_SCORE_AFTER = new Set(['orders-to-accounts', 'offer-accounts', 'rfm', 'lookalikes', 'remove-colours']);

function render(store: Store, preview: LivePreview): void {
  document.documentElement.lang = store.lang();
  app.replaceChildren(
    ...present(
      ...sheetHeading(store),
      ...columnsPanel(store),
      tiersBlock(store),
      preview.card(),
      moreBlock(store),
      nextTierBlock(store),
      learnBlock(store),
      reportCardBlock(store),
      sqlBlock(store),
      el('div', { id: 'outcome' }),
      scoreRow(store, () => preview.scored()),
    ),
  );
}

async function start(): Promise<void> {
  try {
    const store = createStore(await api.state());
    const preview = livePreview(store);
    let busy = false;
    /** The server's description of the sheet again (another sheet, a role or language change), then its columns for the preview. */
    const reload = async (load: () => ReturnType<typeof api.state> = () => api.state(store.input())) => {
      busy = true;
      try {
        store.load(await load());
        render(store, preview);
        await preview.load();
      } catch (error) {
        showError(app, error);
      } finally {
        busy = false;
      }
    };
    store.subscribe((change) => {
      if (change === 'preview') preview.schedule();
      else if (change === 'reload') void reload();
      else if (change === 'render') {
        render(store, preview);
        preview.schedule();
      }
    });
    // After an action that writes a sheet or changes this one, the next step: score the sheet it
    // wrote (made active first), else the one shown.
    offerNext((value, ran) => {
      if (!NEXT_SCORE_AFTER.has(ran.id)) return null;
      const written = typeof value === 'object' && value && 'sheet' in value && typeof value.sheet === 'string' ? value.sheet : store.sheet.sheet;
      const button = el('button', { class: 'action', id: 'next-score' }, store.say('ui.scoreNow', { sheet: written }));
      button.addEventListener('click', () => {
        button.disabled = true;
        void (async () => {
          if (written !== store.sheet.sheet) await reload(() => api.openSheet(written, store.input()));
          document.getElementById('score')?.click();
        })();
      });
      return el('div', { class: 'next' }, button);
    });
    render(store, preview);
    await preview.load();
    setInterval(() => {
      if (busy || document.visibilityState === 'hidden') return;
      api.activeSheet().then(
        (name) => {
          if (name !== store.sheet.sheet && !busy) void reload();
        },
        () => undefined,
      );
    }, FOLLOW_MS);
  } catch (error) {
    showError(app, error);
  }
}

void start();
