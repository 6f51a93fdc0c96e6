/**
 * The RFM segment rules, editable: name and the R, F, M ranges; first matching rule wins. The
 * settings carry rules only once one is edited: until then the engine's defaults apply and no
 * document stores a copy of them.
 */
import { DEFAULT_RFM_SEGMENTS } from '../../src/core/rfm';
import { el } from '../dom';
import type { RfmRule, Store } from '../state';

export function rfmRulesEditor(store: Store): HTMLElement {
  const { say } = store;
  const rules = store.settings.rfmSegments ?? DEFAULT_RFM_SEGMENTS;
  const edit = (k: number, change: (rule: RfmRule) => void) =>
    store.update('none', (s) => {
      s.rfmSegments ??= DEFAULT_RFM_SEGMENTS.map((r) => ({ name: r.name, r: [...r.r], f: [...r.f], m: [...r.m] }));
      change(s.rfmSegments[k]);
    });
  // Each field carries its settings path: a refused value is said under its rule (field-issues.ts).
  const cell = (value: number, set: (v: number) => void, label: string, field: string) => {
    const input = el('input', { type: 'number', min: '1', max: '10', step: '1', value: String(value), 'aria-label': label, 'data-field': field });
    input.addEventListener('input', () => {
      if (input.value !== '') set(Number(input.value));
    });
    return el('td', {}, input);
  };
  const head = el('tr', {}, ...(['R', 'F', 'M'] as const).map((axis) => el('th', { colSpan: 2 }, axis)));
  return el(
    'details',
    { id: 'rfm-rules' },
    el('summary', {}, say('ui.rfmRules')),
    el(
      'table',
      {},
      head,
      // Each rule on two rows: its name across the table, then its R, F and M ranges.
      ...rules.flatMap((rule, k) => {
        const name = el('input', { type: 'text', value: rule.name, 'aria-label': say('ui.segmentName'), maxLength: 60, 'data-field': `rfmSegments.${k}.name` });
        name.addEventListener('input', () => edit(k, (r) => (r.name = name.value)));
        const range = (axis: 'r' | 'f' | 'm', end: 0 | 1, label: string) =>
          cell(rule[axis][end], (v) => edit(k, (r) => (r[axis][end] = v)), `${rule.name} ${label}`, `rfmSegments.${k}.${axis}.${end}`);
        return [
          el('tr', { class: 'rule-name' }, el('td', { colSpan: 6 }, name)),
          el(
            'tr',
            {},
            range('r', 0, 'R from'),
            range('r', 1, 'R to'),
            range('f', 0, 'F from'),
            range('f', 1, 'F to'),
            range('m', 0, 'M from'),
            range('m', 1, 'M to'),
          ),
        ];
      }),
    ),
  );
}
