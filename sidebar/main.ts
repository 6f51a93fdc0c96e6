/** The sidebar: map columns, tune the tiering, preview live, score. Every text from the sheet goes in as textContent. */
import { ROLES } from '../src/core/roles';
import { setOwn } from '../src/core/own-key';
import { DEFAULT_RFM_SEGMENTS } from '../src/core/rfm';
import { parseSettings, SettingsError } from '../src/core/settings';
import { headerRow, sqlExportText, SqlRequestError } from '../src/sql/export-text';
import type { Preview, ScoreReport, SettingsInput, SidebarState } from '../src/sheet';
import { api } from './api';
import { LANGS, ui, type Lang, type UiKey } from '../src/i18n/ui';
import { LANGUAGE_NAMES, type MessageKey } from '../src/i18n';

type Settings = SidebarState['settings'];
type Method = Settings['method'];

const ROLE_CHOICES = ['', ...ROLES, 'custom'];
const KPI_KEYS = ['activeAccounts', 'newAccounts', 'spendPerPurchase', 'revenuePerLead', 'averageLifetime', 'averageLtv'] as const;
const app = document.getElementById('app')!;
let state: SidebarState;
let settings: Settings;
let previewTimer: ReturnType<typeof setTimeout> | undefined;
let previewSeq = 0;

/** The sidebar's words in the document's language. */
function lang(): Lang {
  return settings?.lang && settings.lang !== 'auto' ? settings.lang : state?.lang ?? 'en';
}
function say(key: UiKey | MessageKey, params: Record<string, string | number> = {}): string {
  return ui(lang(), key, params);
}

/** A tiny element builder: children are nodes or text (always set as text, never parsed as HTML). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = String(v);
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.includes('-') || k === 'role') node.setAttribute(k, String(v));
    else if (v !== undefined && v !== false) (node as unknown as Record<string, unknown>)[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** Children for replaceChildren, the absent ones dropped. */
function present(...xs: (Node | string | null | undefined | false)[]): (Node | string)[] {
  return xs.filter((x): x is Node | string => x !== null && x !== undefined && x !== false);
}

function percent(x: number | null): string {
  return x === null ? '–' : `${Math.round(x * 100)}%`;
}

function showError(where: HTMLElement, error: unknown): void {
  where.replaceChildren(el('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
}

function settingsInput(): SettingsInput {
  return JSON.parse(JSON.stringify(settings)) as SettingsInput;
}

// ── Columns ──────────────────────────────────────────────────────────────────────────────────

function columnRow(c: SidebarState['columns'][number]): HTMLElement {
  const role = el('select', { title: say('ui.roleOf', { column: c.header }), 'aria-label': say('ui.roleOf', { column: c.header }), dataset: { header: c.header } },
    ...ROLE_CHOICES.map((r) => el('option', { value: r, selected: (c.role ?? '') === r }, r === '' ? say('ui.notUsed') : r === 'custom' ? say('ui.custom') : say(`role.${r}` as MessageKey))));
  const weight = el('input', { type: 'range', min: '0', max: '5', step: '0.5', value: String(c.weight), 'aria-label': say('ui.weightOf', { column: c.header }), dataset: { header: c.header } });
  const shown = el('span', { class: 'secondary' }, String(c.weight));
  const direction = el('select', { 'aria-label': say('ui.directionOf', { column: c.header }) },
    el('option', { value: 'higher', selected: c.direction === 'higher' }, say('ui.higher')),
    el('option', { value: 'lower', selected: c.direction === 'lower' }, say('ui.lower')));
  const metric = c.role !== null && c.role !== 'account';
  const weightRow = el('div', { class: 'weight', hidden: !metric }, weight, shown, direction);
  role.addEventListener('change', () => {
    const value = role.value;
    setOwn(settings.roles, c.header, (value === '' ? 'ignore' : value) as Settings['roles'][string]);
    void reload();
  });
  weight.addEventListener('input', () => {
    shown.textContent = weight.value;
    setOwn(settings.weights, c.header, Number(weight.value));
    schedulePreview();
  });
  direction.addEventListener('change', () => {
    setOwn(settings.directions, c.header, direction.value as 'higher' | 'lower');
    schedulePreview();
  });
  return el('div', { class: 'col', dataset: { column: c.letter } },
    el('span', { class: 'name', title: `${c.letter}: ${c.header}` }, `${c.letter} · ${c.header}`), role, weightRow);
}

// ── Tiering ──────────────────────────────────────────────────────────────────────────────────

function numberInput(label: string, value: number, set: (v: number) => void, max = 100): HTMLElement {
  const input = el('input', { type: 'number', min: '0', max: String(max), step: 'any', value: String(value), 'aria-label': label });
  input.addEventListener('input', () => {
    if (input.value !== '' && Number.isFinite(Number(input.value))) {
      set(Number(input.value));
      schedulePreview();
    }
  });
  return el('label', {}, `${label} `, input);
}

function methodBlock(): HTMLElement {
  const method = el('select', { id: 'method', 'aria-label': say('ui.method') },
    ...(['quantile', 'threshold', 'pareto', 'capacity'] as Method[]).map((m) => el('option', { value: m, selected: settings.method === m }, say(`ui.method.${m}`))));
  const details = el('div', { id: 'method-details' });
  const renderDetails = () => {
    const s = settings;
    if (s.method === 'quantile') {
      details.replaceChildren(el('div', { class: 'row' },
        numberInput(say('ui.t1'), s.cutoffs[0], (v) => { s.cutoffs[0] = v; s.cutoffs[2] = 100 - s.cutoffs[0] - s.cutoffs[1]; syncLast(); }),
        numberInput(say('ui.t2'), s.cutoffs[1], (v) => { s.cutoffs[1] = v; s.cutoffs[2] = 100 - s.cutoffs[0] - s.cutoffs[1]; syncLast(); }),
        el('span', { class: 'secondary', id: 'cut3' }, say('ui.t3', { value: s.cutoffs[2] }))));
    } else if (s.method === 'threshold') {
      details.replaceChildren(el('div', { class: 'row' },
        numberInput(say('ui.tier1At'), s.thresholds[0], (v) => { s.thresholds[0] = v; }),
        numberInput(say('ui.tier2At'), s.thresholds[1], (v) => { s.thresholds[1] = v; })));
    } else if (s.method === 'capacity') {
      details.replaceChildren(
        el('div', { class: 'row' }, numberInput(say('ui.strategicMarketers'), s.capacity.strategicMarketers, (v) => { s.capacity.strategicMarketers = v; }, 10000),
          numberInput(say('ui.accountsEach'), s.capacity.strategicAccounts, (v) => { s.capacity.strategicAccounts = v; }, 10000)),
        el('div', { class: 'row' }, numberInput(say('ui.liteMarketers'), s.capacity.liteMarketers, (v) => { s.capacity.liteMarketers = v; }, 10000),
          numberInput(say('ui.accountsEach'), s.capacity.liteAccounts, (v) => { s.capacity.liteAccounts = v; }, 10000)));
    } else details.replaceChildren(el('p', { class: 'secondary' }, say('ui.paretoNote')));
  };
  const syncLast = () => {
    const last = document.getElementById('cut3');
    if (last) last.textContent = say('ui.t3', { value: settings.cutoffs[2] });
  };
  method.addEventListener('change', () => {
    settings.method = method.value as Method;
    renderDetails();
    schedulePreview();
  });
  renderDetails();
  const labels = el('div', { class: 'row labels' }, ...state.shownLabels.map((label, k) => {
    const input = el('input', { type: 'text', value: label, 'aria-label': say('ui.labelOf', { tier: k + 1 }), maxLength: 60 });
    input.addEventListener('input', () => {
      // The first edit keeps the labels as shown, then changes this one.
      settings.labels = [...state.shownLabels] as Settings['labels'];
      settings.labels[k] = input.value;
      state.shownLabels[k] = input.value;
      schedulePreview();
    });
    return input;
  }));
  const colours = el('div', { class: 'row' }, el('span', { class: 'secondary' }, say('ui.colours')), ...settings.colours.map((colour, k) => {
    const input = el('input', { type: 'color', value: colour, 'aria-label': say('ui.colourOf', { tier: k + 1 }) });
    input.addEventListener('input', () => {
      settings.colours[k] = input.value;
      schedulePreview();
    });
    return input;
  }));
  const cap = el('input', { type: 'checkbox', id: 'cap', checked: settings.unprofitableCap });
  cap.addEventListener('change', () => {
    settings.unprofitableCap = cap.checked;
    schedulePreview();
  });
  const language = el('select', { id: 'lang', 'aria-label': say('ui.language') },
    el('option', { value: 'auto', selected: settings.lang === 'auto' }, `${say('ui.languageAuto')} (${LANGUAGE_NAMES[state.lang]})`),
    ...LANGS.map((l) => el('option', { value: l, selected: settings.lang === l }, LANGUAGE_NAMES[l])));
  language.addEventListener('change', () => {
    settings.lang = language.value as Settings['lang'];
    void reload();
  });
  return el('div', { class: 'block' },
    el('div', { class: 'row' }, el('label', { htmlFor: 'lang' }, `${say('ui.language')} `), language),
    el('h2', {}, say('ui.tiers')),
    el('div', { class: 'row' }, el('label', { htmlFor: 'method' }, `${say('ui.method')} `), method),
    details,
    el('div', { class: 'secondary' }, say('ui.labels')), labels, colours,
    el('div', { class: 'row' }, cap, el('label', { htmlFor: 'cap' }, say('ui.cap'))));
}

// ── Preview and result ───────────────────────────────────────────────────────────────────────

function tierTable(report: Preview, withProfit: boolean): HTMLElement {
  return el('table', {},
    el('tr', {}, el('th', {}, say('col.tier')), el('th', { class: 'num' }, say('col.accounts')), el('th', { class: 'num' }, withProfit ? say('ui.profit') : say('ui.marketers'))),
    ...report.tiers.map((t, k) => el('tr', { dataset: { tier: String(k + 1) } },
      el('td', {}, el('span', { class: 'swatch', style: `background:${settings.colours[k]}` }), t.label),
      el('td', { class: 'num' }, String(t.accounts)),
      el('td', { class: 'num', title: t.program }, withProfit ? percent(t.profitShare) : `${t.marketers}`))));
}

function renderPreview(p: Preview): void {
  const box = document.getElementById('preview')!;
  box.replaceChildren(...present(
    el('div', { class: 'secondary' }, say('ui.preview', { count: p.scored })),
    tierTable(p, false),
    el('div', { class: 'secondary' }, p.tiers.map((t) => say('ui.marketerCount', { program: t.program, count: t.marketers })).join(' · ')),
    p.errorCount ? el('div', { class: 'error' }, say('ui.cannotScore', { count: p.errorCount, message: p.errors[0]?.message ?? '' })) : null));
}

function schedulePreview(): void {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => void runPreview(), 250);
}

async function runPreview(): Promise<void> {
  const seq = ++previewSeq;
  const box = document.getElementById('preview');
  if (!box) return;
  box.classList.add('busy');
  try {
    const p = await api.preview(settingsInput());
    if (seq === previewSeq) renderPreview(p);
  } catch (error) {
    if (seq === previewSeq) showError(box, error);
  } finally {
    if (seq === previewSeq) box.classList.remove('busy');
  }
}

function renderResult(r: ScoreReport): HTMLElement {
  return el('div', { class: 'card', id: 'result', role: 'status' },
    el('strong', {}, say('ui.scored', { count: r.scored, sheet: r.sheet })),
    el('div', { class: 'secondary' }, say('ui.writtenTo', { columns: r.columns, summary: r.summarySheet })),
    el('h2', {}, say('ui.profitByTier')), tierTable(r, true),
    el('h2', {}, say('ui.profitBySegment')),
    el('table', {}, ...r.segments.map((s) => el('tr', {}, el('td', {}, s.label), el('td', { class: 'num' }, String(s.accounts)), el('td', { class: 'num' }, percent(s.profitShare))))),
    r.movement ? el('p', { id: 'movement' }, say('ui.moved', { up: r.movement.up, down: r.movement.down })) : null,
    el('h2', {}, say('ui.kpis')),
    el('table', { id: 'kpis' }, ...KPI_KEYS.map((k) => {
      const v = r.kpis[k];
      return el('tr', {}, el('td', {}, say(`kpi.${k}`)), el('td', { class: 'num' }, v === null ? '–' : Number.isInteger(v) ? String(v) : v.toLocaleString('en-US', { maximumFractionDigits: 2 })));
    })),
    r.errors.length ? el('div', {}, el('h2', { class: 'error' }, say('ui.notScored', { count: r.errorCount })),
      el('ul', { class: 'messages' }, ...r.errors.map((e) => el('li', {}, e.message)))) : null,
    r.warnings.length ? el('div', {}, el('h2', {}, say('ui.warnings')), el('ul', { class: 'messages' }, ...r.warnings.map((w) => el('li', { class: 'secondary' }, w)))) : null,
    sqlBlock());
}

async function score(button: HTMLButtonElement): Promise<void> {
  const out = document.getElementById('outcome')!;
  button.disabled = true;
  const label = button.textContent;
  button.textContent = say('ui.scoring');
  app.setAttribute('aria-busy', 'true');
  out.replaceChildren(el('p', { class: 'gray' }, say('ui.scoringSheet')));
  try {
    const card = renderResult(await api.score(settingsInput()));
    out.replaceChildren(card);
    card.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    showError(out, error);
  } finally {
    button.disabled = false;
    button.textContent = label;
    app.removeAttribute('aria-busy');
  }
}

/** Runs a secondary action with its button busy, showing what it returns (or the error) in the outcome area. */
async function action<T>(button: HTMLButtonElement, run: () => Promise<T>, show: (value: T) => HTMLElement): Promise<void> {
  const out = document.getElementById('outcome')!;
  button.disabled = true;
  try {
    out.replaceChildren(show(await run()));
  } catch (error) {
    showError(out, error);
  } finally {
    button.disabled = false;
  }
}

/**
 * The SQL for the sheet the sidebar shows, made here (no server call: Code.js stays small), from
 * the state's columns: every column with a header, by index.
 */
function sqlOfSheet(table: string, dialect: string): string {
  const parsed = parseSettings(settingsInput());
  const headers = state.headerRow ? headerRow(state.columns) : null;
  try {
    return sqlExportText({ headers, source: state.sheet, table, dialect }, parsed, say);
  } catch (error) {
    // As the server says it: our own messages whole, anything else as a failure.
    if (error instanceof SqlRequestError || error instanceof SettingsError) throw error;
    throw new Error(`ABM Tier could not finish: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** "Copy as SQL": the tuned model as queries for the full warehouse table (BigQuery or DuckDB). */
function sqlBlock(): HTMLElement {
  const table = el('input', { type: 'text', id: 'sql-table', value: 'project.dataset.accounts', 'aria-label': say('ui.sqlTable') });
  const dialect = el('select', { id: 'sql-dialect', 'aria-label': say('ui.sqlDialect') }, el('option', { value: 'bigquery' }, 'BigQuery'), el('option', { value: 'duckdb' }, 'DuckDB'));
  const text = el('textarea', { id: 'sql-text', readOnly: true, rows: 6, hidden: true, 'aria-label': 'SQL' });
  text.style.width = '100%';
  const button = el('button', { id: 'copy-sql' }, say('ui.copySql'));
  const note = el('span', { class: 'secondary' });
  button.addEventListener('click', () => void (async () => {
    button.disabled = true;
    try {
      text.value = sqlOfSheet(table.value, dialect.value);
      text.hidden = false;
      text.select();
      const copied = await navigator.clipboard?.writeText(text.value).then(() => true, () => false) ?? false;
      note.textContent = ` ${copied || document.execCommand('copy') ? say('ui.copied') : say('ui.selectCopy')}`;
    } catch (error) {
      note.textContent = ` ${error instanceof Error ? error.message : String(error)}`;
      note.className = 'error';
    } finally {
      button.disabled = false;
    }
  })());
  return el('div', { class: 'block' }, el('h2', {}, say('ui.sqlTitle')),
    el('div', { class: 'row' }, table, dialect), el('div', {}, button, note), text);
}

function moreBlock(): HTMLElement {
  const lookalikes = el('button', { id: 'lookalikes' }, say('ui.lookalikes', { tier: state.shownLabels[0] }));
  lookalikes.addEventListener('click', () => void action(lookalikes, api.lookalikes, (r) => el('div', { class: 'card', id: 'lookalike-result' },
    el('strong', {}, say('ui.lookalikeWritten', { column: r.column })),
    el('div', { class: 'secondary' }, say('ui.lookalikeNote')),
    el('table', {}, ...r.top.map((t) => el('tr', {}, el('td', {}, t.account), el('td', {}, t.tier), el('td', { class: 'num' }, t.similarity.toFixed(1))))))));
  const asOf = el('input', { type: 'date', id: 'as-of', 'aria-label': say('ui.asOf') });
  const orders = el('button', { id: 'orders-to-accounts' }, say('ui.buildAccounts'));
  const rfm = el('button', { id: 'rfm' }, say('ui.rfm'));
  const report = (r: { sheet: string; accounts: number; errors: string[]; errorCount: number }) => el('div', { class: 'card' },
    el('strong', {}, say('ui.accountsWritten', { count: r.accounts, sheet: r.sheet })),
    r.errorCount ? el('div', { class: 'error' }, say('ui.linesLeftOut', { count: r.errorCount })) : null,
    el('ul', { class: 'messages' }, ...r.errors.map((e) => el('li', {}, e))));
  orders.addEventListener('click', () => void action(orders, () => api.accountsFromOrders(asOf.value || undefined), report));
  rfm.addEventListener('click', () => void action(rfm, () => api.rfmFromOrders(asOf.value || undefined, settingsInput()), report));
  return el('details', { class: 'block' }, el('summary', {}, say('ui.more')),
    el('div', {}, lookalikes),
    el('div', { class: 'secondary' }, say('ui.ordersNote')),
    el('div', { class: 'row' }, el('label', { htmlFor: 'as-of' }, `${say('ui.asOf')} `), asOf),
    el('div', {}, orders, rfm),
    rfmRulesEditor());
}

/** The RFM segment rules, editable: name and the R, F, M ranges; first matching rule wins. */
function rfmRulesEditor(): HTMLElement {
  settings.rfmSegments ??= DEFAULT_RFM_SEGMENTS.map((r) => ({ name: r.name, r: [...r.r], f: [...r.f], m: [...r.m] }));
  const rules = settings.rfmSegments;
  const cell = (value: number, set: (v: number) => void, label: string) => {
    const input = el('input', { type: 'number', min: '1', max: '10', step: '1', value: String(value), 'aria-label': label });
    input.addEventListener('change', () => set(Number(input.value)));
    return el('td', {}, input);
  };
  return el('details', { id: 'rfm-rules' }, el('summary', {}, say('ui.rfmRules')),
    el('div', { class: 'scroll' }, el('table', {},
      el('tr', {}, el('th', {}, say('col.segment')), el('th', {}, 'R'), el('th', {}, ''), el('th', {}, 'F'), el('th', {}, ''), el('th', {}, 'M'), el('th', {}, '')),
      ...rules.map((rule) => {
        const name = el('input', { type: 'text', value: rule.name, 'aria-label': say('ui.segmentName'), maxLength: 60 });
        name.addEventListener('change', () => (rule.name = name.value));
        return el('tr', {}, el('td', {}, name),
          cell(rule.r[0], (v) => (rule.r[0] = v), `${rule.name} R from`), cell(rule.r[1], (v) => (rule.r[1] = v), `${rule.name} R to`),
          cell(rule.f[0], (v) => (rule.f[0] = v), `${rule.name} F from`), cell(rule.f[1], (v) => (rule.f[1] = v), `${rule.name} F to`),
          cell(rule.m[0], (v) => (rule.m[0] = v), `${rule.name} M from`), cell(rule.m[1], (v) => (rule.m[1] = v), `${rule.name} M to`));
      }))));
}

async function removeColours(): Promise<void> {
  const out = document.getElementById('outcome')!;
  try {
    const n = await api.removeColours();
    out.replaceChildren(el('p', { class: 'secondary' }, n ? say('ui.coloursRemoved') : say('ui.noColours')));
  } catch (error) {
    showError(out, error);
  }
}

// ── The page ─────────────────────────────────────────────────────────────────────────────────

function render(): void {
  document.documentElement.lang = lang();
  const scoreButton = el('button', { class: 'action', id: 'score' }, say('ui.score'));
  scoreButton.addEventListener('click', () => void score(scoreButton));
  const mapped = state.columns.filter((c) => c.role !== null);
  const unmapped = state.columns.filter((c) => c.role === null);
  app.replaceChildren(...present(
    el('div', { class: 'block' },
      el('div', {}, el('strong', {}, state.sheet)),
      el('div', { class: 'secondary' }, state.headerRow ? say('ui.headerRow', { row: state.headerRow, rows: state.rows }) : say('ui.noHeader'))),
    state.warning ? el('p', { class: 'error' }, state.warning) : null,
    state.problem ? el('p', { class: 'error', id: 'problem' }, state.problem) : null,
    el('h2', {}, say('ui.columns')),
    el('div', { id: 'columns' }, ...mapped.map(columnRow)),
    state.derivedProfit ? el('p', { class: 'secondary' }, say('ui.derivedProfit')) : null,
    unmapped.length ? el('details', {}, el('summary', {}, say('ui.notUsedCount', { count: unmapped.length })), el('div', { id: 'unmapped' }, ...unmapped.map(columnRow))) : null,
    methodBlock(),
    el('div', { class: 'card', id: 'preview' }, el('span', { class: 'gray' }, say('ui.previewWaiting'))),
    el('div', {}, scoreButton, el('button', { id: 'remove-colours', onclick: () => void removeColours() }, say('ui.removeColours'))),
    moreBlock(),
    el('div', { id: 'outcome' })));
  if (!state.problem) schedulePreview();
  else document.getElementById('preview')!.replaceChildren(el('span', { class: 'gray' }, say('ui.noPreview')));
}

async function reload(): Promise<void> {
  try {
    // After a role change the column list is worked out again from the settings being edited.
    state = await api.state(settings ? settingsInput() : undefined);
    settings ??= state.settings;
    render();
  } catch (error) {
    showError(app, error);
  }
}

void reload();
