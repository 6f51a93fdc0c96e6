/** The live preview: tiers as the settings being edited would give, asked for 250 ms after the last change. */
import type { Preview } from '../../src/sheet';
import { api } from '../api';
import { el, present, showError } from '../dom';
import type { Store } from '../state';
import { tierTable } from './tier-table';

export interface LivePreview {
  /** The preview card for a new page: waiting for its first preview, or saying why there is none. */
  card(): HTMLElement;
  /** Asks for a preview after a pause; only the answer to the latest request is shown. */
  schedule(): void;
}

export function livePreview(store: Store): LivePreview {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  const run = async () => {
    const seq = ++latest;
    const box = document.getElementById('preview');
    if (!box) return;
    box.classList.add('busy');
    try {
      const p = await api.preview(store.input());
      if (seq === latest) box.replaceChildren(...previewOf(store, p));
    } catch (error) {
      if (seq === latest) showError(box, error);
    } finally {
      if (seq === latest) box.classList.remove('busy');
    }
  };
  return {
    card: () =>
      el(
        'div',
        { class: 'card', id: 'preview' },
        el('span', { class: 'gray' }, store.sheet.problem ? store.say('ui.noPreview') : store.say('ui.previewWaiting')),
      ),
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), 250);
    },
  };
}

function previewOf(store: Store, p: Preview): (Node | string)[] {
  const { say } = store;
  return present(
    el('div', { class: 'secondary' }, say('ui.preview', { count: p.scored })),
    tierTable(store, p, false),
    el('div', { class: 'secondary' }, p.tiers.map((t) => say('ui.marketerCount', { program: t.program, count: t.marketers })).join(' · ')),
    p.errorCount ? el('div', { class: 'error' }, say('ui.cannotScore', { count: p.errorCount, message: p.errors[0]?.message ?? '' })) : null,
  );
}
