import { describe, expect, it } from 'vitest';
import { aucDeLong, readOutcomes, wilson } from '../../src/core';
import { cliInFolder, csvOf } from './helpers';

const { file, cli } = cliInFolder('abm-report-');

// 10 accounts, revenue 100…1000 (one metric: score = its percentile); the 4 top and the 6th have Won.
// Quantile 20/30/50: Tier 1 = J, I; Tier 2 = H, G, F; Tier 3 = E…A.
const rows = Array.from({ length: 10 }, (_, i) => [String.fromCharCode(65 + i), (i + 1) * 100, i >= 6 || i === 4 ? 'Won' : i === 0 ? '' : 'Lost']);
const accounts = file('accounts.csv', csvOf([['Account', 'Revenue', 'Closed won'], ...rows]));

describe('abm-tier report', () => {
  it('prints the JSON fields the issue names, per tier and over all', async () => {
    const { code, out, err } = await cli('report', accounts);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const card = JSON.parse(out);
    // Row A has no outcome: 9 accounts counted, 5 successes (E, G, H, I, J), base rate 5/9.
    expect([card.outcome, card.accounts, card.successes, card.leftOut, card.baseRate]).toEqual(['Closed won', 9, 5, 1, 5 / 9]);
    // Tier 1 = J, I: 2 of 2; Tier 2 = H, G, F: 2 of 3; Tier 3 = E, D, C, B (A left out): 1 of 4.
    expect(card.tiers.map((t: { label: string; accounts: number; successes: number }) => [t.label, t.accounts, t.successes])).toEqual([
      ['Tier 1', 2, 2],
      ['Tier 2', 3, 2],
      ['Tier 3', 4, 1],
    ]);
    expect(card.tiers[1]).toMatchObject({ rate: 2 / 3, rateLow: wilson(2, 3).low, rateHigh: wilson(2, 3).high, lift: 2 / 3 / (5 / 9) });
    // Captured by Tier 1 + 2: 5 of 9 accounts, 4 of 5 successes.
    expect(card.captureTop2).toEqual({ accounts: 5 / 9, successes: 4 / 5 });
    // AUC over the scores: successes at ranks 5, 7, 8, 9, 10 (of B…J), failures at 2, 3, 4, 6.
    const expected = aucDeLong(Float64Array.from([2, 3, 4, 5, 6, 7, 8, 9, 10]), Array.from(readOutcomes(rows.slice(1).map((r) => r[2])).success));
    expect(card.auc).toBeCloseTo(expected.auc, 12);
    expect(card.auc).toBeCloseTo(19 / 20, 12);
    expect([card.aucLow, card.aucHigh]).toEqual([expected.low, expected.high]);
    expect(card.verdict).toBeNull();
    expect(card.note).toBe('5 successes and 4 failures: fewer than 20 of either, so these are rates without a verdict.');
  });

  it('uses the column --outcome names and prints a text card', async () => {
    const f = file('other.csv', csvOf([['Account', 'Revenue', 'Result 2025'], ...rows]));
    const { code, out } = await cli('report', f, '--outcome', 'result 2025', '--format', 'text');
    expect(code).toBe(0);
    expect(out).toContain('ABM Report Card: Result 2025');
    expect(out).toMatch(/Tier 1 +2 +2 +100\.0 %/u);
    expect(out).toContain('9 accounts with an outcome counted; 1 without one left out.');
  });

  it('refuses a file without an outcome column, or an --outcome that is not one of its columns', async () => {
    const f = file(
      'plain.csv',
      csvOf([
        ['Account', 'Revenue'],
        ['A', 1],
        ['B', 2],
      ]),
    );
    const none = await cli('report', f);
    expect(none.code).toBe(1);
    expect(none.err).toContain('No outcome column: head one Outcome, Won, Converted, Renewed or Churned.');
    const wrong = await cli('report', accounts, '--outcome', 'Bought');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('--outcome "Bought" is not a column of the file');
  });

  it('reads the card with the same scoring options as score', async () => {
    const { out } = await cli('report', accounts, '--cutoffs', '10,10,80');
    expect(JSON.parse(out).tiers.map((t: { accounts: number }) => t.accounts)).toEqual([1, 1, 7]);
  });

  it('abm-tier sql --outcome adds the report card query after the others', async () => {
    const plain = await cli('sql', accounts, '--table', 'crm.accounts');
    const { code, out } = await cli('sql', accounts, '--table', 'crm.accounts', '--outcome', 'Closed won');
    expect(code).toBe(0);
    expect(out.startsWith(plain.out)).toBe(true);
    expect(out.slice(plain.out.length)).toMatch(/^\n-- ABM Tier: report card by tier \(outcome "Closed won"\)\nWITH raw AS/u);
    expect(out).toContain('AS rate_low');
  });

  it('takes --format text for report only, and json or text there', async () => {
    expect((await cli('score', accounts, '--format', 'text')).err).toContain('--format text is for report; use json or csv.');
    expect((await cli('report', accounts, '--format', 'csv')).err).toContain('--format for report is json or text.');
  });
});
