/**
 * The accounts to act on, in the result card: Money Makers that lose money, and the most profitable
 * accounts that lapsed (no purchase within the active window), each with its sheet row. The lists
 * are the engine's (src/core/exceptions.ts): a count and the first five.
 */
import type { ExceptionList, ExceptionRow } from '../../src/core/exceptions';
import type { ScoreReport } from '../../src/sheet';
import { el } from '../dom';
import type { Store } from '../state';

export function exceptionsBlock(store: Store, r: ScoreReport): HTMLElement {
  const { say } = store;
  const x = r.exceptions;
  const amount = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : Math.round(v).toLocaleString(store.lang()));
  const list = (id: string, title: string, found: ExceptionList, days: boolean) => {
    const row = (a: ExceptionRow) =>
      el(
        'tr',
        {},
        el('td', { class: 'account' }, a.account ?? say('cell.row', { row: a.row })),
        el('td', { class: 'num' }, String(a.row)),
        el('td', { class: 'num' }, amount(a.profit)),
        days ? el('td', { class: 'num' }, amount(a.recency)) : null,
      );
    return el(
      'div',
      { id, dataset: { count: String(found.count) } },
      el('h3', {}, `${title} (${found.count})`),
      found.count === 0
        ? el('div', { class: 'secondary' }, say('summary.none'))
        : el(
            'table',
            {},
            el(
              'tr',
              {},
              el('th', {}, say('col.account')),
              el('th', { class: 'num' }, say('col.row')),
              el('th', { class: 'num' }, say('col.profit')),
              days ? el('th', { class: 'num', title: say('col.daysSince') }, say('ui.days')) : null,
            ),
            ...found.first.map(row),
          ),
      found.count > found.first.length ? el('div', { class: 'secondary' }, say('summary.more', { count: found.count - found.first.length })) : null,
    );
  };
  return el(
    'div',
    { id: 'exceptions' },
    el('h2', {}, say('summary.act')),
    list('losing-money-makers', say('summary.losing', { segment: r.segments[0]?.label ?? '' }), x.losingMoneyMakers, false),
    list('lapsed', say('summary.lapsed', { days: x.activeDays }), x.lapsed, true),
  );
}
