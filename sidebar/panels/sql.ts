/** "Copy as SQL": the tuned model as queries for the full warehouse table (BigQuery or DuckDB). */
import { parseSettings, SettingsError } from '../../src/core/settings';
import { localise } from '../../src/i18n/labels';
import { headerRow, sqlExportText, SqlRequestError } from '../../src/sql/export-text';
import type { DocumentPin } from '../../src/sql/pins';
import { call } from '../api';
import { el } from '../dom';
import type { Store } from '../state';

/**
 * The SQL for the sheet the sidebar shows, made here (Code.js stays small: the server only reads the
 * document's pins), from the state's columns: every column with a header, by index; the labels Score
 * writes (the language's defaults); the pins Score applies (the document's, a row's own Pin cell winning).
 */
function sqlOfSheet(store: Store, table: string, dialect: string, documentPins: readonly DocumentPin[]): string {
  const parsed = localise(parseSettings(store.input()), store.lang()); // throws SettingsError: shown as ui.sqlSettings
  const { sheet } = store;
  const headers = sheet.headerRow ? headerRow(sheet.columns) : null;
  try {
    return sqlExportText({ headers, source: sheet.sheet, table, dialect, documentPins }, parsed, store.say);
  } catch (error) {
    // As the server says it: our own messages whole, anything else as a failure.
    if (error instanceof SqlRequestError || error instanceof SettingsError) throw error;
    throw new Error(`ABM Tier could not finish: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function sqlBlock(store: Store): HTMLElement {
  const { say } = store;
  const table = el('input', { type: 'text', id: 'sql-table', value: 'project.dataset.accounts', 'aria-label': say('ui.sqlTable') });
  const dialect = el(
    'select',
    { id: 'sql-dialect', 'aria-label': say('ui.sqlDialect') },
    el('option', { value: 'bigquery' }, 'BigQuery'),
    el('option', { value: 'duckdb' }, 'DuckDB'),
  );
  const text = el('textarea', { id: 'sql-text', readOnly: true, rows: 6, hidden: true, 'aria-label': 'SQL' });
  text.style.width = '100%';
  const button = el('button', { id: 'copy-sql' }, say('ui.copySql'));
  const note = el('span', { class: 'secondary' });
  button.addEventListener(
    'click',
    () =>
      void (async () => {
        button.disabled = true;
        try {
          // Read when pressed: pins made in this sidebar since it opened count too.
          text.value = sqlOfSheet(store, table.value, dialect.value, await call('getDocumentPins'));
          text.hidden = false;
          text.select();
          const copied =
            (await navigator.clipboard?.writeText(text.value).then(
              () => true,
              () => false,
            )) ?? false;
          note.textContent = ` ${copied || document.execCommand('copy') ? say('ui.copied') : say('ui.selectCopy')}`;
          note.className = 'secondary';
        } catch (error) {
          // A settings error carries a code, not words: the preview already shows it in the user's language.
          note.textContent = ` ${error instanceof SettingsError ? say('ui.sqlSettings') : error instanceof Error ? error.message : String(error)}`;
          note.className = 'error';
        } finally {
          button.disabled = false;
        }
      })(),
  );
  return el('div', { class: 'block' }, el('h2', {}, say('ui.sqlTitle')), el('div', { class: 'row' }, table, dialect), el('div', {}, button, note), text);
}
