import { describe, expect, it } from 'vitest';
import { cliInFolder, csvOf, records } from './helpers';
import { random as uniform } from '../../src/core/random';

const { file, cli } = cliInFolder('abm-learn-');

// 500 accounts; the outcome follows engagement's rank (logit −4 + 8·p), orders and feedback are noise.
const next = uniform(9);
const rows: (string | number)[][] = [];
for (let i = 0; i < 500; i++) rows.push([`A${i}`, Math.round(next() * 1e6) / 100, Math.round(next() * 1e6) / 100, Math.round(next() * 1e6) / 100]);
const order = rows.map((r, i) => [r[1] as number, i]).sort((a, b) => a[0] - b[0]);
const pOf = new Map(order.map(([, i], k) => [i, k / 499]));
const outcome = rows.map((_, i) => (next() < 1 / (1 + Math.exp(-(8 * pOf.get(i)! - 4))) ? 'Won' : 'Lost'));
const accounts = file('accounts.csv', csvOf([['Account', 'Engagement', 'Orders', 'Feedback', 'Closed won'], ...rows.map((r, i) => [...r, outcome[i]])]));

describe('abm-tier learn and score --weights-from', () => {
  it('prints {weights, cvAuc, currentCvAuc, folds, successes, failures}, engagement first', async () => {
    const { code, out, err } = await cli('learn', accounts, '--outcome', 'Closed won', '--format', 'json');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const learned = JSON.parse(out);
    expect(Object.keys(learned)).toEqual(['weights', 'cvAuc', 'currentCvAuc', 'folds', 'successes', 'failures']);
    expect(Object.keys(learned.weights)).toEqual(['engagement', 'orders', 'feedback']);
    expect(learned.weights.engagement).toBeGreaterThan(3 * Math.max(learned.weights.orders, learned.weights.feedback));
    // Scaled to the current sum: engagement 2 + orders 1 + feedback 1.
    expect(learned.weights.engagement + learned.weights.orders + learned.weights.feedback).toBeCloseTo(4, 2);
    expect(learned.cvAuc).toBeGreaterThan(learned.currentCvAuc);
    expect([learned.folds, learned.successes + learned.failures]).toEqual([5, 500]);
    expect(learned.successes).toBe(outcome.filter((o) => o === 'Won').length);
  });

  it('scores with the weights a learn run wrote, --weights still winning', async () => {
    const { out } = await cli('learn', accounts);
    const weightsFile = file('learned.json', out);
    const learned = JSON.parse(out).weights;
    const plain = JSON.parse(
      (await cli('score', accounts, '--weights', `engagement=${learned.engagement},orders=${learned.orders},feedback=${learned.feedback}`)).out,
    );
    const fromFile = await cli('score', accounts, '--weights-from', weightsFile);
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.out).rows.map((r: { score: number }) => r.score)).toEqual(plain.rows.map((r: { score: number }) => r.score));
    const overridden = JSON.parse((await cli('score', accounts, '--weights-from', weightsFile, '--weights', 'orders=0')).out);
    const noOrders = JSON.parse((await cli('score', accounts, '--weights', `engagement=${learned.engagement},orders=0,feedback=${learned.feedback}`)).out);
    expect(overridden.rows[0].score).toBe(noOrders.rows[0].score);
    file('bad.json', '{"weights":{"orders":-1}}');
    const bad = await cli('score', accounts, '--weights-from', 'bad.json');
    expect([bad.code, bad.err]).toEqual([1, 'abm-tier: --weights-from bad.json: the weight of "orders" is -1, not a number ≥ 0.\n']);
  });

  it('refuses below 50 successes or failures, saying why', async () => {
    const few = file('few.csv', csvOf([['Account', 'Engagement', 'Won'], ...Array.from({ length: 80 }, (_, i) => [`A${i}`, i, i < 10 ? 'Yes' : 'No'])]));
    const { code, err } = await cli('learn', few);
    expect(code).toBe(1);
    expect(err).toContain('needs at least 50 successes and 50 failures; these outcomes have 10 and 70');
  });
});

describe('abm-tier score --next', () => {
  const small = file('small.csv', csvOf([['Account', 'Engagement'], ...Array.from({ length: 11 }, (_, i) => [`A${i}`, i * 10])]));

  it("adds each account's move into the next tier, in JSON and in CSV", async () => {
    // Quantile 20/30/50 of 11: K1 = 2 (A10, A9), K2 = floor(5.5 + .5) = 6: Tier 2 starts at A5 (p .5).
    // A3 (p .3) among the 10 others: passing 40 gives .4, tying 50 .45, passing 50 .5 → "to above 50".
    const json = JSON.parse((await cli('score', small, '--next')).out);
    expect(json.rows[3].next).toBe('A3 → Tier 2 if engagement rises from 30 to above 50 (percentile 30 → 50)');
    expect(json.rows[10].next).toBe('A10 → already in Tier 1');
    const csv = records((await cli('score', small, '--next', '--format', 'csv')).out);
    expect(csv[0].at(-1)).toBe('Next tier');
    expect(csv[4].at(-1)).toBe(json.rows[3].next);
    expect(JSON.parse((await cli('score', small)).out).rows[3]).not.toHaveProperty('next');
  });
});
