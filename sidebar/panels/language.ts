/** The sidebar's and the output's language: the document's (auto) or one chosen. */
import { LANGUAGE_NAMES } from '../../src/i18n';
import { LANGS } from '../../src/i18n/ui';
import { el } from '../dom';
import type { Settings, Store } from '../state';

export function languageRow(store: Store): HTMLElement {
  const { settings, sheet, say } = store;
  const language = el(
    'select',
    { id: 'lang', 'aria-label': say('ui.language') },
    el('option', { value: 'auto', selected: settings.lang === 'auto' }, `${say('ui.languageAuto')} (${LANGUAGE_NAMES[sheet.lang]})`),
    ...LANGS.map((l) => el('option', { value: l, selected: settings.lang === l }, LANGUAGE_NAMES[l])),
  );
  language.addEventListener('change', () => {
    store.update('reload', (s) => (s.lang = language.value as Settings['lang']));
  });
  return el('div', { class: 'row' }, el('label', { htmlFor: 'lang' }, `${say('ui.language')} `), language);
}
