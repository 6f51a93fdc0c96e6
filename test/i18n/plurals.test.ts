import { describe, expect, it } from 'vitest';
import { analyseGrid, parseSettings, type Cell } from '../../src/core';
import { render, t } from '../../src/i18n';

/** Plural entries are the catalogue's: the form for `count` comes from Intl.PluralRules of the language. */

const capped = (n: number) => ({ code: 'warn.capped', params: { count: n, tier: 'Tier 3' } }) as const;

describe('a message with a count takes the plural form of its language', () => {
  it('English: 1 account was, 2 accounts were', () => {
    expect(render('en', capped(1))).toBe('1 unprofitable account was moved to Tier 3.');
    expect(render('en', capped(2))).toBe('2 unprofitable accounts were moved to Tier 3.');
    expect(render('en', capped(0))).toBe('0 unprofitable accounts were moved to Tier 3.');
  });

  it('Armenian: one form for 1 (and 0), another for 2', () => {
    expect(render('hy', capped(1))).toBe('1 վնասաբեր հաճախորդ տեղափոխվեց Tier 3։');
    expect(render('hy', capped(2))).toBe('2 վնասաբեր հաճախորդ տեղափոխվեցին Tier 3։');
    expect(render('hy', { code: 'set.unknown', params: { count: 1, keys: '"a"' } })).toBe('անհայտ կարգավորում "a"');
    expect(render('hy', { code: 'set.unknown', params: { count: 2, keys: '"a", "b"' } })).toBe('անհայտ կարգավորումներ "a", "b"');
  });

  it('Thai and Chinese: one form for every count', () => {
    for (const lang of ['th', 'zh-CN'] as const) expect(render(lang, capped(1)).replace('1', '2')).toBe(render(lang, capped(2)));
  });

  it("the engine's own warnings, through the one translator: the same words as t()", () => {
    const rows = (profits: number[]): Cell[][] => [['Account', 'Profit'], ...profits.map((p, i) => [`A${i}`, p])];
    const one = analyseGrid(rows([-1, 5, 6, 7]), parseSettings({ method: 'threshold', thresholds: [0, 0] }));
    const two = analyseGrid(rows([-1, -2, 6, 7]), parseSettings({ method: 'threshold', thresholds: [0, 0] }));
    expect(render('en', one.warnings[0])).toBe('1 unprofitable account was moved to Tier 3.');
    expect(render('en', two.warnings[0])).toBe('2 unprofitable accounts were moved to Tier 3.');
    expect(render('hy', two.warnings[0])).toBe(t('hy', 'warn.capped', { count: 2, tier: 'Tier 3' }));
  });

  it('a nested message and a list of them are rendered in the same language', () => {
    const problem = (column: string) =>
      ({ code: 'cell.problem', params: { where: { code: 'cell.column', params: { column } }, value: '"x"', why: { code: 'cell.notNumber' } } }) as const;
    const message = {
      code: 'cell.invalid',
      params: { row: { code: 'cell.row', params: { row: 3 } }, problems: [problem('Revenue'), problem('Orders')] },
    } as const;
    expect(render('en', message)).toBe('Row 3, column "Revenue": "x" is not a number; column "Orders": "x" is not a number.');
    expect(render('zh-CN', message)).toBe('第 3 行，“Revenue”列："x" 不是数字; “Orders”列："x" 不是数字。');
  });
});
