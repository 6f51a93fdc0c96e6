/** The result card after scoring: tiers, segments, movement, the accounts to act on, KPIs, rows left out, warnings. */
import type { ScoreReport } from '../../src/sheet';
import { el } from '../dom';
import type { Store } from '../state';
import { exceptionsBlock } from './exceptions';
import { gridBlock } from './grid';
import { percent, tierTable } from './tier-table';

const KPI_KEYS = ['activeAccounts', 'newAccounts', 'spendPerPurchase', 'revenuePerLead', 'averageLifetime', 'averageLtv'] as const;

export function resultCard(store: Store, r: ScoreReport): HTMLElement {
  const { say } = store;
  return el(
    'div',
    { class: 'card', id: 'result', role: 'status' },
    el('strong', {}, say('ui.scored', { count: r.scored, sheet: r.sheet })),
    el('div', { class: 'secondary' }, say('ui.writtenTo', { columns: r.columns, summary: r.summarySheet })),
    el('h2', {}, say('ui.profitByTier')),
    tierTable(store, r),
    gridBlock(store, r),
    el('h2', {}, say('ui.profitBySegment')),
    el(
      'table',
      {},
      ...r.segments.map((s) =>
        el('tr', {}, el('td', {}, s.label), el('td', { class: 'num' }, String(s.accounts)), el('td', { class: 'num' }, percent(s.profitShare))),
      ),
    ),
    r.movement ? el('p', { id: 'movement' }, say('ui.moved', { up: r.movement.up, down: r.movement.down })) : null,
    r.exceptions ? exceptionsBlock(store, r) : null,
    el('h2', {}, say('ui.kpis')),
    el(
      'table',
      { id: 'kpis' },
      ...KPI_KEYS.map((k) => {
        const v = r.kpis[k];
        return el(
          'tr',
          {},
          el('td', {}, say(`kpi.${k}`)),
          el('td', { class: 'num' }, v === null ? '–' : Number.isInteger(v) ? String(v) : v.toLocaleString('en-US', { maximumFractionDigits: 2 })),
        );
      }),
    ),
    r.errors.length
      ? el(
          'div',
          {},
          el('h2', { class: 'error' }, say('ui.notScored', { count: r.errorCount })),
          el('ul', { class: 'messages' }, ...r.errors.map((e) => el('li', {}, e.message))),
        )
      : null,
    r.warnings.length
      ? el('div', {}, el('h2', {}, say('ui.warnings')), el('ul', { class: 'messages' }, ...r.warnings.map((w) => el('li', { class: 'secondary' }, w))))
      : null,
  );
}
