import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core';
import { aucOf, learnWeights } from '../../src/core/learn';
import { refusal, run } from './helpers';
import { random as uniform } from '../../src/core/random';

const HEADER = ['Account', 'Engagement', 'Orders', 'Health', 'Feedback', 'Products'];

/**
 * n accounts with five metrics of distinct random values; the outcome follows a known logistic
 * model on the percentiles: logit = −3 + 4·p(engagement) + 2·p(orders) (health, feedback, products: noise).
 */
function table(n: number, seed: number) {
  const next = uniform(seed);
  const rows: Cell[][] = [HEADER];
  for (let i = 0; i < n; i++) rows.push([`A${i}`, ...HEADER.slice(1).map(() => Math.round(next() * 1e9) / 1000)]);
  const a = run(rows);
  const p = (role: string) => a.percentiles[a.table.mapping.metrics.findIndex((m) => m.role === role)]!;
  const logit = new Float64Array(n);
  const success = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    logit[i] = -3 + 4 * p('engagement')[i] + 2 * p('orders')[i];
    success[i] = next() < 1 / (1 + Math.exp(-logit[i])) ? 1 : 0;
  }
  return { a, logit, success };
}

describe('learned weights (docs/scoring.md, "Learned weights")', () => {
  it('ranks the metrics the outcome follows first, and its cross-validated AUC is close to the known model', () => {
    const { a, logit, success } = table(3000, 7);
    const learned = learnWeights(a, success);
    const byWeight = learned.names.map((name, m) => ({ name, w: learned.weights[m] })).sort((x, y) => y.w - x.w);
    expect(byWeight.slice(0, 2).map((x) => x.name)).toEqual(['engagement', 'orders']);
    expect(byWeight[0].w).toBeGreaterThan(1.5 * byWeight[1].w);
    expect(byWeight[1].w).toBeGreaterThan(2 * byWeight[2].w);
    const y = Uint8Array.from(success);
    const known = aucOf(logit, y, Uint32Array.from(y.keys()));
    expect(Math.abs(learned.cvAuc - known)).toBeLessThan(0.02);
    // The default weights (health and products count, orders only 1) rank worse.
    expect(learned.cvAuc).toBeGreaterThan(learned.currentCvAuc + 0.02);
    expect(learned.folds).toBe(5);
    expect(learned.successes + learned.failures).toBe(3000);
    expect(learned.successes).toBe(y.reduce((s, v) => s + v, 0));
  });

  it('scales the learned weights to the current sum, keeps them non-negative, and is deterministic', () => {
    const { a, success } = table(800, 11);
    const first = learnWeights(a, success);
    const sum = a.table.mapping.metrics.reduce((s, m) => s + m.weight, 0);
    expect(first.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(sum, 2);
    for (const w of first.weights) expect(w).toBeGreaterThanOrEqual(0);
    expect(learnWeights(a, success)).toEqual(first);
  });

  it('a metric that lowers the chance of success gets weight 0, not a negative weight', () => {
    const { a } = table(1000, 3);
    const h = a.percentiles[a.table.mapping.metrics.findIndex((m) => m.role === 'health')]!;
    const e = a.percentiles[a.table.mapping.metrics.findIndex((m) => m.role === 'engagement')]!;
    const next = uniform(5);
    const success = Int8Array.from({ length: 1000 }, (_, i) => (next() < 1 / (1 + Math.exp(-(3 * e[i] - 3 * h[i]))) ? 1 : 0));
    const learned = learnWeights(a, success);
    expect(learned.weights[learned.names.indexOf('health')]).toBe(0);
    expect(learned.weights[learned.names.indexOf('engagement')]).toBeGreaterThan(0);
  });

  it('refuses below 50 successes or 50 failures, saying why', () => {
    const { a } = table(300, 1);
    const success = Int8Array.from({ length: 300 }, (_, i) => (i < 49 ? 1 : i < 250 ? 0 : -1));
    expect(refusal(() => learnWeights(a, success))).toBe(
      'Learning weights needs at least 50 successes and 50 failures; these outcomes have 49 and 201 (Demandbase asks for 50 accounts with opportunities, Salesforce for 120 conversions).',
    );
  });

  it('AUC counts ties as one half', () => {
    // Successes score 3, 2; failures 2, 1: pairs (3>2) 1, (3>1) 1, (2=2) ½, (2>1) 1 → 3.5 / 4.
    expect(aucOf(Float64Array.of(3, 2, 2, 1), Uint8Array.of(1, 1, 0, 0), Uint32Array.of(0, 1, 2, 3))).toBe(0.875);
  });
});
