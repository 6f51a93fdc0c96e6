import { describe, expect, it } from 'vitest';
import { categoryGroups, categoryRates, mapColumns, parseSettings, smoothedRates, wilson } from '../../src/core';

/** `count` rows of `value`, the first `wins` of them successes. */
function rows(value: string, count: number, wins: number): [string, number][] {
  return Array.from({ length: count }, (_, k) => [value, k < wins ? 1 : 0]);
}

function split(table: [string, number][]) {
  return { values: table.map((r) => r[0]), success: Int8Array.from(table.map((r) => r[1])) };
}

describe('success rate per category value (issue 17)', () => {
  // A 25 (10 won), B 20 (5 won), C 19 (all won), D 5 (none), 3 blanks (1 won), and 4 A without an outcome.
  const { values, success } = split([...rows('A', 25, 10), ...rows('C', 19, 19), ...rows('B', 20, 5), ...rows('', 3, 1), ...rows('D', 5, 0)]);
  const withUnknown = { values: [...values, ' A ', ' A '], success: Int8Array.from([...success, -1, -1]) };

  it('keeps values of 20 accounts or more and pools the rest and the blanks as Other', () => {
    const card = categoryRates(withUnknown.values, withUnknown.success);
    expect(card.map((r) => [r.label, r.other, r.accounts, r.successes])).toEqual([
      ['A', false, 25, 10],
      ['B', false, 20, 5],
      ['', true, 27, 20],
    ]);
  });

  it('pins each rate, its Wilson interval and its lift over the base rate (35 of 72)', () => {
    const [a, b, other] = categoryRates(values, success);
    expect(a.rate).toBe(0.4);
    expect(a.lift).toBeCloseTo(0.4 / (35 / 72), 12);
    expect(b.rate).toBe(0.25);
    // 5 of 20: d = 1 + 3.841459/20 = 1.192073; centre = (0.25 + 0.096036) / d = 0.290281;
    // half = 1.959964 · √(0.009375 + 0.002401) / d = 0.178420 → 0.111861 … 0.468701.
    expect(b.rateLow).toBeCloseTo(0.111861, 5);
    expect(b.rateHigh).toBeCloseTo(0.468701, 5);
    expect(other.rate).toBeCloseTo(20 / 27, 12);
    expect([other.rateLow, other.rateHigh]).toEqual(Object.values(wilson(20, 27)));
  });

  it('takes 19 accounts as Other and 20 as a value of its own', () => {
    const at = (n: number) => categoryRates([...Array(n).fill('X'), ...Array(30).fill('Y')], new Int8Array(n + 30)).map((r) => r.label);
    expect(at(19)).toEqual(['Y', '']);
    expect(at(20)).toEqual(['Y', 'X']);
  });
});

describe('smoothed success rate of a category (empirical Bayes, prior strength 20)', () => {
  // X: 10 accounts, 8 won; Y: 30 accounts, 6 won. Base rate p = 14 / 40 = 0.35.
  const { values, success } = split([...rows('X', 10, 8), ...rows('Y', 30, 6)]);

  it('pulls each rate towards the base rate: (s + 20·p) / (n + 20)', () => {
    const r = smoothedRates([...values, '', 'Z'], Int8Array.from([...success, -1, -1]));
    expect(r[0]).toBeCloseTo((8 + 7) / 30, 12); // 0.5, where the raw rate is 0.8
    expect(r[10]).toBeCloseTo((6 + 7) / 50, 12); // 0.26, where the raw rate is 0.2
    expect(r[40]).toBeCloseTo(0.35, 12); // blank: the base rate
    expect(r[41]).toBeCloseTo(0.35, 12); // a value no outcome has: (0 + 7) / 20
  });

  it('out of fold, a row does not see its own outcome (row i in fold i mod 5)', () => {
    // X X X X X Y Y Y Y Y, won 1 1 1 1 0 0 0 0 0 1, and an X without an outcome.
    const v = ['X', 'X', 'X', 'X', 'X', 'Y', 'Y', 'Y', 'Y', 'Y', 'X'];
    const s = Int8Array.from([1, 1, 1, 1, 0, 0, 0, 0, 0, 1, -1]);
    const inSample = smoothedRates(v, s);
    const oof = smoothedRates(v, s, true);
    // In sample every X gets (4 + 20·0.5) / (5 + 20) = 0.56, its own outcome included.
    expect(inSample[0]).toBeCloseTo(0.56, 12);
    expect(inSample[4]).toBeCloseTo(0.56, 12);
    // Row 0 (fold 0: rows 0 and 5 left out): p = 4/8, X has 3 of 4 → (3 + 10) / 24.
    expect(oof[0]).toBeCloseTo(13 / 24, 12);
    // Row 4, a failure (fold 4: rows 4 and 9 left out): X has 4 of 4 → (4 + 10) / 24: higher, not lower.
    expect(oof[4]).toBeCloseTo(14 / 24, 12);
    // Row 5 (fold 0): p = 0.5, Y has 1 of 4 (rows 6–9) → (1 + 10) / 24.
    expect(oof[5]).toBeCloseTo(11 / 24, 12);
    // No outcome: the rate of all.
    expect(oof[10]).toBeCloseTo(0.56, 12);
  });
});

describe('outcome and category are roles of the column mapping, never metrics', () => {
  const header = ['Account', 'Industry', 'Revenue', 'Closed won', 'Result 2026', 'Owner'];

  it('finds them by header: the first outcome header, and Industry, Region… as categories (weight 0)', () => {
    const m = mapColumns(header, header.length, parseSettings({}));
    expect(m.metrics.map((c) => c.header)).toEqual(['Revenue']);
    expect(m.outcome).toEqual({ index: 3, header: 'Closed won', failure: false });
    expect(m.categories).toEqual([{ index: 1, header: 'Industry', weight: 0 }]);
    // Carried along untouched, like any column the score does not read.
    expect(m.unmapped.map((u) => u.header)).toEqual(['Industry', 'Closed won', 'Result 2026', 'Owner']);
  });

  it('takes the roles chosen in the settings over the headers, a category weight included', () => {
    const m = mapColumns(header, header.length, parseSettings({ roles: { 'Result 2026': 'outcome', Owner: 'category' }, weights: { Industry: 2 } }));
    expect(m.outcome?.header).toBe('Result 2026');
    expect(m.categories).toEqual([
      { index: 1, header: 'Industry', weight: 2 },
      { index: 5, header: 'Owner', weight: 0 },
    ]);
    expect(m.metrics.map((c) => c.header)).toEqual(['Revenue']);
  });

  it('reads a churn header as an outcome whose yes is a failure, and an ignored one as none', () => {
    expect(mapColumns(['Revenue', 'Churned'], 2, parseSettings({})).outcome).toEqual({ index: 1, header: 'Churned', failure: true });
    expect(mapColumns(['Revenue', 'Won'], 2, parseSettings({ roles: { Won: 'ignore' } })).outcome).toBeNull();
  });
});

describe('groups for a profit table by category', () => {
  it('orders values by accounts, leaves out rows not included and pools past `max` as Other', () => {
    const { groups, labels } = categoryGroups(['b', 'a', 'b', 'c', ' a', 'd', ''], [1, 1, 1, 1, 1, 0, 1], 2);
    expect(labels).toEqual(['b', 'a', '']);
    expect(Array.from(groups)).toEqual([0, 1, 0, 2, 1, -1, 2]);
  });
});
