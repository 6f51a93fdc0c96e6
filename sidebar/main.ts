/** The sidebar: map columns, tune the tiering, preview live, score. Every text from the sheet goes in as textContent. */
import { ROLES } from '../src/core/roles';
import { DEFAULT_RFM_SEGMENTS } from '../src/core/rfm';
import type { Preview, ScoreReport, SettingsInput, SidebarState } from '../src/sheet';
import { api } from './api';

type Settings = SidebarState['settings'];
type Method = Settings['method'];

const ROLE_CHOICES = ['', ...ROLES, 'custom'];
const KPI_NAMES = {
  activeAccounts: 'Active accounts', newAccounts: 'New accounts', spendPerPurchase: 'Spend per purchase',
  revenuePerLead: 'Revenue per lead', averageLifetime: 'Average lifetime (years)', averageLtv: 'Average lifetime value',
};
const app = document.getElementById('app')!;
let state: SidebarState;
let settings: Settings;
let previewTimer: ReturnType<typeof setTimeout> | undefined;
let previewSeq = 0;

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
  const role = el('select', { title: 'Role of this column', 'aria-label': `Role of ${c.header}`, dataset: { header: c.header } },
    ...ROLE_CHOICES.map((r) => el('option', { value: r, selected: (c.role ?? '') === r }, r === '' ? 'not used' : r)));
  const weight = el('input', { type: 'range', min: '0', max: '5', step: '0.5', value: String(c.weight), 'aria-label': `Weight of ${c.header}`, dataset: { header: c.header } });
  const shown = el('span', { class: 'secondary' }, String(c.weight));
  const direction = el('select', { 'aria-label': `Direction of ${c.header}` },
    el('option', { value: 'higher', selected: c.direction === 'higher' }, 'higher ↑'),
    el('option', { value: 'lower', selected: c.direction === 'lower' }, 'lower ↓'));
  const metric = c.role !== null && c.role !== 'account';
  const weightRow = el('div', { class: 'weight', hidden: !metric }, weight, shown, direction);
  role.addEventListener('change', () => {
    const value = role.value;
    settings.roles[c.header] = (value === '' ? 'ignore' : value) as Settings['roles'][string];
    void reload();
  });
  weight.addEventListener('input', () => {
    shown.textContent = weight.value;
    settings.weights[c.header] = Number(weight.value);
    schedulePreview();
  });
  direction.addEventListener('change', () => {
    settings.directions[c.header] = direction.value as 'higher' | 'lower';
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
  const method = el('select', { id: 'method', 'aria-label': 'Tier method' },
    ...(['quantile', 'threshold', 'pareto', 'capacity'] as Method[]).map((m) => el('option', { value: m, selected: settings.method === m }, m)));
  const details = el('div', { id: 'method-details' });
  const renderDetails = () => {
    const s = settings;
    if (s.method === 'quantile') {
      details.replaceChildren(el('div', { class: 'row' },
        numberInput('T1 %', s.cutoffs[0], (v) => { s.cutoffs[0] = v; s.cutoffs[2] = 100 - s.cutoffs[0] - s.cutoffs[1]; syncLast(); }),
        numberInput('T2 %', s.cutoffs[1], (v) => { s.cutoffs[1] = v; s.cutoffs[2] = 100 - s.cutoffs[0] - s.cutoffs[1]; syncLast(); }),
        el('span', { class: 'secondary', id: 'cut3' }, `T3 ${s.cutoffs[2]}%`)));
    } else if (s.method === 'threshold') {
      details.replaceChildren(el('div', { class: 'row' },
        numberInput('Tier 1 ≥', s.thresholds[0], (v) => { s.thresholds[0] = v; }),
        numberInput('Tier 2 ≥', s.thresholds[1], (v) => { s.thresholds[1] = v; })));
    } else if (s.method === 'capacity') {
      details.replaceChildren(
        el('div', { class: 'row' }, numberInput('Strategic marketers', s.capacity.strategicMarketers, (v) => { s.capacity.strategicMarketers = v; }, 10000),
          numberInput('× accounts', s.capacity.strategicAccounts, (v) => { s.capacity.strategicAccounts = v; }, 10000)),
        el('div', { class: 'row' }, numberInput('ABM Lite marketers', s.capacity.liteMarketers, (v) => { s.capacity.liteMarketers = v; }, 10000),
          numberInput('× accounts', s.capacity.liteAccounts, (v) => { s.capacity.liteAccounts = v; }, 10000)));
    } else details.replaceChildren(el('p', { class: 'secondary' }, 'Tier 1: the accounts that make 80% of profit (else revenue); Tier 2: the next 15%.'));
  };
  const syncLast = () => {
    const last = document.getElementById('cut3');
    if (last) last.textContent = `T3 ${settings.cutoffs[2]}%`;
  };
  method.addEventListener('change', () => {
    settings.method = method.value as Method;
    renderDetails();
    schedulePreview();
  });
  renderDetails();
  const labels = el('div', { class: 'row labels' }, ...settings.labels.map((label, k) => {
    const input = el('input', { type: 'text', value: label, 'aria-label': `Label of tier ${k + 1}`, maxLength: 60 });
    input.addEventListener('input', () => {
      settings.labels[k] = input.value;
      schedulePreview();
    });
    return input;
  }));
  const colours = el('div', { class: 'row' }, el('span', { class: 'secondary' }, 'Row colours'), ...settings.colours.map((colour, k) => {
    const input = el('input', { type: 'color', value: colour, 'aria-label': `Colour of tier ${k + 1}` });
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
  return el('div', { class: 'block' },
    el('h2', {}, 'Tiers'),
    el('div', { class: 'row' }, el('label', { htmlFor: 'method' }, 'Method '), method),
    details,
    el('div', { class: 'secondary' }, 'Labels'), labels, colours,
    el('div', { class: 'row' }, cap, el('label', { htmlFor: 'cap' }, 'Unprofitable accounts go to the last tier')));
}

// ── Preview and result ───────────────────────────────────────────────────────────────────────

function tierTable(report: Preview, withProfit: boolean): HTMLElement {
  return el('table', {},
    el('tr', {}, el('th', {}, 'Tier'), el('th', { class: 'num' }, 'Accounts'), el('th', { class: 'num' }, withProfit ? 'Profit' : 'Marketers')),
    ...report.tiers.map((t, k) => el('tr', { dataset: { tier: String(k + 1) } },
      el('td', {}, el('span', { class: 'swatch', style: `background:${settings.colours[k]}` }), t.label),
      el('td', { class: 'num' }, String(t.accounts)),
      el('td', { class: 'num', title: t.program }, withProfit ? percent(t.profitShare) : `${t.marketers}`))));
}

function renderPreview(p: Preview): void {
  const box = document.getElementById('preview')!;
  box.replaceChildren(...present(
    el('div', { class: 'secondary' }, `Preview: ${p.scored} accounts would be scored`),
    tierTable(p, false),
    el('div', { class: 'secondary' }, p.tiers.map((t) => `${t.program}: ${t.marketers} marketer${t.marketers === 1 ? '' : 's'}`).join(' · ')),
    p.errorCount ? el('div', { class: 'error' }, `${p.errorCount} row${p.errorCount > 1 ? 's' : ''} cannot be scored, e.g. ${p.errors[0]?.message ?? ''}`) : null));
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
    el('strong', {}, `Scored ${r.scored} accounts on "${r.sheet}"`),
    el('div', { class: 'secondary' }, `Written to columns ${r.columns}; tables and charts on "${r.summarySheet}".`),
    el('h2', {}, 'Share of profit by tier'), tierTable(r, true),
    el('h2', {}, 'Share of profit by segment'),
    el('table', {}, ...r.segments.map((s) => el('tr', {}, el('td', {}, s.label), el('td', { class: 'num' }, String(s.accounts)), el('td', { class: 'num' }, percent(s.profitShare))))),
    r.movement ? el('p', { id: 'movement' }, `${r.movement.up} account${r.movement.up === 1 ? '' : 's'} moved up, ${r.movement.down} down since the last run.`) : null,
    el('h2', {}, 'KPIs'),
    el('table', { id: 'kpis' }, ...Object.entries(KPI_NAMES).map(([k, label]) => {
      const v = r.kpis[k as keyof typeof r.kpis];
      return el('tr', {}, el('td', {}, label), el('td', { class: 'num' }, v === null ? '–' : Number.isInteger(v) ? String(v) : v.toLocaleString('en-US', { maximumFractionDigits: 2 })));
    })),
    r.errors.length ? el('div', {}, el('h2', { class: 'error' }, `${r.errorCount} row${r.errorCount > 1 ? 's' : ''} not scored`),
      el('ul', { class: 'messages' }, ...r.errors.map((e) => el('li', {}, e.message)))) : null,
    r.warnings.length ? el('div', {}, el('h2', {}, 'Warnings'), el('ul', { class: 'messages' }, ...r.warnings.map((w) => el('li', { class: 'secondary' }, w)))) : null,
    sqlBlock());
}

async function score(button: HTMLButtonElement): Promise<void> {
  const out = document.getElementById('outcome')!;
  button.disabled = true;
  const label = button.textContent;
  button.textContent = 'Scoring…';
  app.setAttribute('aria-busy', 'true');
  out.replaceChildren(el('p', { class: 'gray' }, 'Scoring the sheet…'));
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

/** "Copy as SQL": the tuned model as queries for the full warehouse table (BigQuery or DuckDB). */
function sqlBlock(): HTMLElement {
  const table = el('input', { type: 'text', id: 'sql-table', value: 'project.dataset.accounts', 'aria-label': 'Warehouse table' });
  const dialect = el('select', { id: 'sql-dialect', 'aria-label': 'SQL dialect' }, el('option', { value: 'bigquery' }, 'BigQuery'), el('option', { value: 'duckdb' }, 'DuckDB'));
  const text = el('textarea', { id: 'sql-text', readOnly: true, rows: 6, hidden: true, 'aria-label': 'SQL' });
  text.style.width = '100%';
  const button = el('button', { id: 'copy-sql' }, 'Copy as SQL');
  const note = el('span', { class: 'secondary' });
  button.addEventListener('click', () => void (async () => {
    button.disabled = true;
    try {
      text.value = await api.sql(settingsInput(), table.value, dialect.value);
      text.hidden = false;
      text.select();
      const copied = await navigator.clipboard?.writeText(text.value).then(() => true, () => false) ?? false;
      note.textContent = copied || document.execCommand('copy') ? ' Copied.' : ' Select and copy the text above.';
    } catch (error) {
      note.textContent = ` ${error instanceof Error ? error.message : String(error)}`;
      note.className = 'error';
    } finally {
      button.disabled = false;
    }
  })());
  return el('div', { class: 'block' }, el('h2', {}, 'More accounts than a sheet holds'),
    el('div', { class: 'row' }, table, dialect), el('div', {}, button, note), text);
}

function moreBlock(): HTMLElement {
  const lookalikes = el('button', { id: 'lookalikes' }, `Find lookalikes of ${settings.labels[0]}`);
  lookalikes.addEventListener('click', () => void action(lookalikes, api.lookalikes, (r) => el('div', { class: 'card', id: 'lookalike-result' },
    el('strong', {}, `Lookalike column written to ${r.column}`),
    el('div', { class: 'secondary' }, 'The accounts outside the top tier that look most like it:'),
    el('table', {}, ...r.top.map((t) => el('tr', {}, el('td', {}, t.account), el('td', {}, t.tier), el('td', { class: 'num' }, t.similarity.toFixed(1))))))));
  const asOf = el('input', { type: 'date', id: 'as-of', 'aria-label': 'Orders as of' });
  const orders = el('button', { id: 'orders-to-accounts' }, 'Build accounts from orders');
  const rfm = el('button', { id: 'rfm' }, 'RFM from orders');
  const report = (r: { sheet: string; accounts: number; errors: string[]; errorCount: number }) => el('div', { class: 'card' },
    el('strong', {}, `${r.accounts} accounts written to "${r.sheet}"`),
    r.errorCount ? el('div', { class: 'error' }, `${r.errorCount} order line${r.errorCount > 1 ? 's' : ''} left out:`) : null,
    el('ul', { class: 'messages' }, ...r.errors.map((e) => el('li', {}, e))));
  orders.addEventListener('click', () => void action(orders, () => api.accountsFromOrders(asOf.value || undefined), report));
  rfm.addEventListener('click', () => void action(rfm, () => api.rfmFromOrders(asOf.value || undefined, settingsInput()), report));
  return el('details', { class: 'block' }, el('summary', {}, 'More analyses'),
    el('div', {}, lookalikes),
    el('div', { class: 'secondary' }, 'On a sheet of order lines (account, order date, revenue):'),
    el('div', { class: 'row' }, el('label', { htmlFor: 'as-of' }, 'As of '), asOf),
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
  return el('details', { id: 'rfm-rules' }, el('summary', {}, 'RFM segment rules'),
    el('div', { class: 'scroll' }, el('table', {},
      el('tr', {}, el('th', {}, 'Segment'), el('th', {}, 'R'), el('th', {}, ''), el('th', {}, 'F'), el('th', {}, ''), el('th', {}, 'M'), el('th', {}, '')),
      ...rules.map((rule) => {
        const name = el('input', { type: 'text', value: rule.name, 'aria-label': 'Segment name', maxLength: 60 });
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
    out.replaceChildren(el('p', { class: 'secondary' }, n ? 'Tier colours removed.' : 'No tier colours to remove on this sheet.'));
  } catch (error) {
    showError(out, error);
  }
}

// ── The page ─────────────────────────────────────────────────────────────────────────────────

function render(): void {
  const scoreButton = el('button', { class: 'action', id: 'score' }, 'Score');
  scoreButton.addEventListener('click', () => void score(scoreButton));
  const mapped = state.columns.filter((c) => c.role !== null);
  const unmapped = state.columns.filter((c) => c.role === null);
  app.replaceChildren(...present(
    el('div', { class: 'block' },
      el('div', {}, el('strong', {}, state.sheet)),
      el('div', { class: 'secondary' }, state.headerRow ? `Header on row ${state.headerRow}, ${state.rows} rows of accounts` : 'No header row found')),
    state.warning ? el('p', { class: 'error' }, state.warning) : null,
    state.problem ? el('p', { class: 'error', id: 'problem' }, state.problem) : null,
    el('h2', {}, 'Columns'),
    el('div', { id: 'columns' }, ...mapped.map(columnRow)),
    state.derivedProfit ? el('p', { class: 'secondary' }, 'Profit is computed as revenue − cost.') : null,
    unmapped.length ? el('details', {}, el('summary', {}, `Not used (${unmapped.length})`), el('div', { id: 'unmapped' }, ...unmapped.map(columnRow))) : null,
    methodBlock(),
    el('div', { class: 'card', id: 'preview' }, el('span', { class: 'gray' }, 'Preview…')),
    el('div', {}, scoreButton, el('button', { id: 'remove-colours', onclick: () => void removeColours() }, 'Remove tier colours')),
    moreBlock(),
    el('div', { id: 'outcome' })));
  if (!state.problem) schedulePreview();
  else document.getElementById('preview')!.replaceChildren(el('span', { class: 'gray' }, 'No preview until the columns are mapped.'));
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
