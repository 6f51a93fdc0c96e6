import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('the weighted score (SPEC §3)', () => {
  it('is 100 × Σ w·p / Σ w (hand-computed)', () => {
    // revenue w2: 10, 20, 30 → p 0, .5, 1. engagement w2: 3, 1, 2 → p 1, 0, .5. support w1 (lower better): 5, 5, 1 → -5,-5,-1 → p .25, .25, 1.
    const a = run([['Account', 'Revenue', 'Engagement', 'Support'], ['A', 10, 3, 5], ['B', 20, 1, 5], ['C', 30, 2, 1]]);
    expect(a.score[0]).toBeCloseTo((100 * (0 + 2 + 0.25)) / 5, 12);
    expect(a.score[1]).toBeCloseTo((100 * (1 + 0 + 0.25)) / 5, 12);
    expect(a.score[2]).toBeCloseTo((100 * (2 + 1 + 1)) / 5, 12);
  });

  it('averages only over the metrics a row has', () => {
    // B lacks engagement: its score is its revenue percentile alone.
    const a = run([['Account', 'Revenue', 'Engagement'], ['A', 10, 5], ['B', 20, ''], ['C', 30, 9]]);
    expect(a.score[1]).toBeCloseTo(50, 12);
    // A: revenue 0 (w2), engagement 0 (n=2) → 0; C: 1 and 1 → 100.
    expect(a.score[0]).toBe(0);
    expect(a.score[2]).toBe(100);
  });

  it('gives no score to a row without metric values, and says so', () => {
    const a = run([['Account', 'Revenue'], ['A', 10], ['B', '#N/A'], ['C', 30]]);
    expect(Number.isNaN(a.score[1])).toBe(true);
    expect(a.scored).toBe(2);
    expect(a.warnings).toContain('1 row has no value in any weighted metric and no score.');
  });

  it('lets a weight of 0 leave a metric out', () => {
    const a = run([['Account', 'Revenue', 'Engagement'], ['A', 10, 9], ['B', 20, 1]], { weights: { engagement: 0 } });
    expect(Array.from(a.score)).toEqual([0, 100]);
  });

  it('refuses a table without a metric to score', () => {
    expect(() => run([['Account', 'Notes'], ['A', 'x']])).toThrow(/No metric column found/);
    expect(() => run([['Account', 'Revenue'], ['A', 1]], { weights: { revenue: 0 } })).toThrow(/Every metric has weight 0/);
  });
});
