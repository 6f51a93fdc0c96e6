import { describe, expect, it } from 'vitest';
import { round6, score } from '../../src/core';
import { english, percentilesOf, refusal, run } from './helpers';

const F = (xs: number[]) => Float64Array.from(xs);

describe('the weighted score (SPEC §3)', () => {
  it('is 100 × Σ w·p / Σ w over the weighted metrics', () => {
    // Revenue (w2): 10, 20, 30 → p 0, .5, 1. Engagement (w2): 3, 1, 2 → p 1, 0, .5.
    // Support (w1, lower is better): 5, 5, 1 → −5, −5, −1 → the −5s tie: (0 + 1/2) / 2 = .25; −1 → 1.
    // A: 100·(2·0 + 2·1 + 1·.25) / 5 = 45; B: 100·(2·.5 + 0 + .25) / 5 = 25; C: 100·(2 + 1 + 1) / 5 = 80.
    const a = run([
      ['Account', 'Revenue', 'Engagement', 'Support'],
      ['A', 10, 3, 5],
      ['B', 20, 1, 5],
      ['C', 30, 2, 1],
    ]);
    expect(Array.from(a.score)).toEqual([45, 25, 80]);
  });

  it('turns a lower-is-better metric round before ranking', () => {
    // Recency 10, 20, 30 days → −10, −20, −30 → p 1, .5, 0.
    const a = run([
      ['Account', 'Recency'],
      ['A', 10],
      ['B', 20],
      ['C', 30],
    ]);
    expect(percentilesOf(a, 'recency')).toEqual([1, 0.5, 0]);
    expect(Array.from(a.score)).toEqual([100, 50, 0]);
  });

  it('averages over the metrics a row has a value for', () => {
    // B lacks engagement: its score is its revenue percentile alone, 100·(2·.5) / 2 = 50.
    // Engagement has n = 2 (A 5 → 0, C 9 → 1). A: 100·(2·0 + 2·0) / 4 = 0; C: 100·(2 + 2) / 4 = 100.
    const a = run([
      ['Account', 'Revenue', 'Engagement'],
      ['A', 10, 5],
      ['B', 20, ''],
      ['C', 30, 9],
    ]);
    expect(Array.from(a.score)).toEqual([0, 50, 100]);
  });

  it("does not count missing values in a metric's n", () => {
    // Engagement present for A, C, D only: n = 3 → 1 → 0, 2 → .5, 3 → 1.
    const a = run([
      ['Account', 'Engagement'],
      ['A', 1],
      ['B', ''],
      ['C', 2],
      ['D', 3],
      ['E', ''],
    ]);
    expect(percentilesOf(a, 'engagement')).toEqual([0, Number.NaN, 0.5, 1, Number.NaN]);
  });

  it('gives p = 1 to the only row with a value in a metric', () => {
    // Orders: only B → p 1. A: revenue 0 alone → 0. B: 100·(2·1 + 1·1) / 3 = 100.
    const a = run([
      ['Account', 'Revenue', 'Orders'],
      ['A', 1, ''],
      ['B', 2, 7],
    ]);
    expect(percentilesOf(a, 'orders')).toEqual([Number.NaN, 1]);
    expect(Array.from(a.score)).toEqual([0, 100]);
  });

  it('gives no score to a row without metric values, and says how many such rows there are', () => {
    const a = run([
      ['Account', 'Revenue', 'Engagement'],
      ['A', 10, 1],
      ['B', '#N/A', ''],
      ['C', 30, 3],
      ['D', '', ''],
    ]);
    expect(a.score[1]).toBeNaN();
    expect(a.score[3]).toBeNaN();
    // n counts the scored rows only.
    expect(a.scored).toBe(2);
    expect(english(a.warnings)).toContain('2 rows have no value in any weighted metric and no score.');
  });

  it('gives no score to a row whose only values are in weight-0 metrics', () => {
    // B has only a cost (weight 0).
    const a = run([
      ['Account', 'Revenue', 'Cost'],
      ['A', 10, 1],
      ['B', '', 5],
    ]);
    expect(a.score[1]).toBeNaN();
    expect(a.scored).toBe(1);
  });

  it('leaves out a metric of weight 0', () => {
    const a = run(
      [
        ['Account', 'Revenue', 'Engagement'],
        ['A', 10, 9],
        ['B', 20, 1],
      ],
      { weights: { engagement: 0 } },
    );
    expect(Array.from(a.score)).toEqual([0, 100]);
    expect(a.percentiles[1]).toBeNull();
  });

  it('keeps full precision (no rounding of the score itself)', () => {
    // n = 4: 1 → 0, 2 → 1/3, 3 → 2/3, 4 → 1. B scores 100/3, not 33.333333.
    const a = run([
      ['Account', 'Revenue'],
      ['A', 1],
      ['B', 2],
      ['C', 3],
      ['D', 4],
    ]);
    expect(a.score[1]).toBeCloseTo(100 / 3, 12);
    expect(a.score[1]).not.toBe(round6(a.score[1]));
  });

  it('ranks only the rows it is told to include', () => {
    // Row 2 is left out: n = 2 over 10 and 30.
    const s = score({ values: [F([10, 20, 30])], weights: [1], directions: ['higher'], include: Uint8Array.from([1, 0, 1]) });
    expect(Array.from(s.score)).toEqual([0, Number.NaN, 100]);
  });

  it('refuses a table without a metric to score, or with every weight 0', () => {
    expect(
      refusal(() =>
        run([
          ['Account', 'Notes'],
          ['A', 'x'],
        ]),
      ),
    ).toBe('No metric column found: name a column Revenue, Profit, Engagement… or map one in the settings.');
    expect(
      refusal(() =>
        run(
          [
            ['Account', 'Revenue'],
            ['A', 1],
          ],
          { weights: { revenue: 0 } },
        ),
      ),
    ).toBe('Every metric has weight 0: give at least one metric a weight above 0.');
  });
});
