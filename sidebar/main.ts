/**
 * The sidebar: map columns, tune the tiering, preview live, score. Every text from the sheet goes
 * in as textContent. This file only wires: the state lives in state.ts, each panel in panels/,
 * and api.ts is the one door to the server.
 */
import { api } from './api';
import { el, present, showError } from './dom';
import { createStore, type Store } from './state';
import { columnsPanel } from './panels/columns';
import { moreBlock } from './panels/more';
import { livePreview, type LivePreview } from './panels/preview';
import { scoreRow } from './panels/score';
import { sheetHeading } from './panels/sheet-heading';
import { tiersBlock } from './panels/tiers';

const app = document.getElementById('app')!;

function render(store: Store, preview: LivePreview): void {
  document.documentElement.lang = store.lang();
  app.replaceChildren(
    ...present(
      ...sheetHeading(store),
      ...columnsPanel(store),
      tiersBlock(store),
      preview.card(),
      scoreRow(store),
      moreBlock(store),
      el('div', { id: 'outcome' }),
    ),
  );
  if (!store.sheet.problem) preview.schedule();
}

async function start(): Promise<void> {
  try {
    const store = createStore(await api.state());
    const preview = livePreview(store);
    const reload = async () => {
      try {
        // After a role or language change the column list is worked out again from the settings being edited.
        store.load(await api.state(store.input()));
        render(store, preview);
      } catch (error) {
        showError(app, error);
      }
    };
    store.subscribe((change) => {
      if (change === 'preview') preview.schedule();
      else if (change === 'reload') void reload();
    });
    render(store, preview);
  } catch (error) {
    showError(app, error);
  }
}

void start();
