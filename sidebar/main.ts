/**
 * The sidebar: map columns, tune the tiering, preview live, score. Every text from the sheet goes
 * in as textContent. This file only wires: the state lives in state.ts, each panel in panels/,
 * and api.ts is the one door to the server. The sidebar follows the active sheet (asked while it is
 * shown, less often while nothing changes: `follow`), and offers the next step after each action.
 */
import { api } from './api';
import { el, present, showError } from './dom';
import { markIssues } from './field-issues';
import { follow } from './follow';
import { offerNext } from './outcome';
import { createStore, type Store } from './state';
import { columnsPanel } from './panels/columns';
import { moreBlock } from './panels/more';
import { learnBlock } from './panels/learn';
import { nextTierBlock } from './panels/next-tier';
import { pinsBlock } from './panels/pins';
import { reportCardBlock } from './panels/report-card';
import { livePreview, type LivePreview } from './panels/preview';
import { scoreRow } from './panels/score';
import { sheetHeading } from './panels/sheet-heading';
import { sqlBlock } from './panels/sql';
import { tiersBlock } from './panels/tiers';

const app = document.getElementById('app')!;
/**
 * The actions after which Score is the next step: Build accounts, Lookalikes, Remove colours. Not RFM:
 * "ABM RFM" holds a segment table beside its accounts, and Score there would count both as accounts.
 */
const NEXT_SCORE_AFTER = new Set(['orders-to-accounts', 'offer-accounts', 'preview-offer-accounts', 'lookalikes', 'remove-colours']);

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
      pinsBlock(store),
      learnBlock(store),
      reportCardBlock(store),
      sqlBlock(store),
      el('div', { id: 'outcome' }),
      scoreRow(store, () => preview.scored()),
    ),
  );
  markIssues(app, store);
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
      // Once the panels have redrawn (a new method shows other fields): each refused value beside its field.
      queueMicrotask(() => markIssues(app, store));
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
    follow(async () => {
      if (busy) return false;
      const name = await api.activeSheet();
      if (name === store.sheet.sheet || busy) return false;
      await reload();
      return true;
    });
  } catch (error) {
    showError(app, error);
  }
}

void start();
