import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapColumns, outcomeOf, outcomeOfHeader, parseSettings, readOutcomes, roleOfHeader, unreadableOutcome } from '../../src/core';

describe('outcome cells (SPEC §13)', () => {
  it('reads 1/0 and TRUE/FALSE as success and failure', () => {
    expect([1, 0, true, false, '1', '0', 'TRUE', 'false'].map(outcomeOf)).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
  });

  it('reads Won/Lost, Yes/No, Converted, Renewed and Churned in any case and spacing', () => {
    expect(['Won', ' lost ', 'YES', 'no', 'Converted', 'Renewed', 'Churned', 'Closed-Won', 'closed lost'].map(outcomeOf)).toEqual([1, 0, 1, 0, 1, 1, 0, 1, 0]);
  });

  it('reads yes and no in Thai, Chinese and Armenian', () => {
    expect(['ใช่', 'ไม่', 'ชนะ', 'แพ้', '是', '否', '赢单', '输单', '流失', 'այո', 'ոչ', 'շահված', 'կորցված'].map(outcomeOf)).toEqual([
      1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0,
    ]);
  });

  it('reads a number as itself: positive is a success, zero and below a failure', () => {
    expect([1200, '$1,200', -5, '0.5', '12%'].map(outcomeOf)).toEqual([1200, 1200, -5, 0.5, 0.12]);
  });

  it('reads blanks, error values, dates and other text as no outcome', () => {
    expect(['', '  ', null, undefined, '#N/A', new Date(0), 'maybe', Number.NaN].map(outcomeOf)).toEqual([null, null, null, null, null, null, null, null]);
    expect(['maybe', '#N/A', '', 'Won', 3].map(unreadableOutcome)).toEqual([true, false, false, false, false]);
  });
});

describe('outcome columns', () => {
  it('recognises outcome headers in the four languages, a churn header reading yes as failure', () => {
    expect(['Outcome', 'Won', 'Closed won', 'Converted', 'Bought again', 'ผลลัพธ์', '结果', 'արդյունք'].map((h) => outcomeOfHeader(h)?.failure)).toEqual(
      Array(8).fill(false),
    );
    expect(['Churned', 'Churn', 'เลิกใช้', '流失', 'հեռացած'].map((h) => outcomeOfHeader(h)?.failure)).toEqual(Array(5).fill(true));
    expect(outcomeOfHeader('Revenue')).toBeNull();
  });

  it('never enters the score: an outcome header names no role and is carried along unmapped', () => {
    expect(roleOfHeader('Outcome')).toBeNull();
    const mapping = mapColumns(['Account', 'Revenue', 'Won'], 3, parseSettings({}));
    expect(mapping.metrics.map((m) => m.header)).toEqual(['Revenue']);
    expect(mapping.unmapped).toEqual([{ index: 2, header: 'Won' }]);
  });

  it('counts the rows with an outcome and leaves the others out', () => {
    const o = readOutcomes(['Won', '', 'Lost', 'maybe', 1, null, 'No']);
    expect(Array.from(o.success)).toEqual([1, -1, 0, -1, 1, -1, 0]);
    expect([o.used, o.successes, o.unreadable, o.firstUnreadable, o.numeric]).toEqual([4, 2, 1, 3, false]);
  });

  it('marks a column with numbers other than 0 and 1 as numeric, keeping each number', () => {
    const o = readOutcomes([500, 0, '', -20]);
    expect(o.numeric).toBe(true);
    expect(Array.from(o.value)).toEqual([500, 0, Number.NaN, -20]);
    expect(Array.from(o.success)).toEqual([1, 0, -1, 0]);
  });

  it('reads a churn column the other way round: a yes is a failure, and its numbers are not summed', () => {
    const o = readOutcomes(['Yes', 'No', 1, 0, 3], true);
    expect(Array.from(o.success)).toEqual([0, 1, 0, 1, 0]);
    expect([o.successes, o.numeric]).toEqual([2, false]);
  });

  it('counts successes and failures that add up to the rows with an outcome, for any column', () => {
    const cell = fc.oneof(fc.constantFrom('Won', 'Lost', 'yes', 'no', '', 'maybe', null, true, false), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(fc.array(cell), fc.boolean(), (cells, failure) => {
        const o = readOutcomes(cells, failure);
        const s = Array.from(o.success);
        expect(s.filter((x) => x === 1).length).toBe(o.successes);
        expect(s.filter((x) => x >= 0).length).toBe(o.used);
        expect(o.used + o.unreadable).toBeLessThanOrEqual(cells.length);
      }),
    );
  });
});
