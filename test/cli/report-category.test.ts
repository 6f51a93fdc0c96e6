import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/core';
import { cliInFolder, csvOf } from './helpers';

const { file, cli } = cliInFolder('abm-report-category-');

// 50 accounts, revenue 1…50: Industry Retail for the first 22 (2 won), Software for the next 21
// (14 won), and 7 of Mining (all won) pooled as Other.
const rows = Array.from({ length: 50 }, (_, i) => {
  const industry = i < 22 ? 'Retail' : i < 43 ? 'Software' : 'Mining';
  const won = i < 22 ? i < 2 : i < 43 ? i < 36 : true;
  return [`A${i + 1}`, industry, i + 1, won ? 'Won' : 'Lost'];
});
const accounts = file('accounts.csv', csvOf([['Account', 'Industry', 'Revenue', 'Closed won'], ...rows]));

describe('abm-tier report: a category column (issue 17)', () => {
  it('adds `categories` to the JSON: the rate per value with its Wilson interval, Other pooling values under 20 accounts', async () => {
    const { code, out, err } = await cli('report', accounts);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const card = JSON.parse(out);
    expect(card.categories).toHaveLength(1);
    const [industry] = card.categories;
    expect(industry.column).toBe('Industry');
    expect(industry.values.map((v: { value: string | null; accounts: number; successes: number }) => [v.value, v.accounts, v.successes])).toEqual([
      ['Retail', 22, 2],
      ['Software', 21, 14],
      [null, 7, 7],
    ]);
    expect(industry.values[2].other).toBe(true);
    // Base rate 23 / 50.
    expect(industry.values[1]).toMatchObject({ rate: 14 / 21, rateLow: wilson(14, 21).low, rateHigh: wilson(14, 21).high, lift: 14 / 21 / (23 / 50) });
  });

  it('prints the same table in the text card', async () => {
    const { code, out } = await cli('report', accounts, '--format', 'text');
    expect(code).toBe(0);
    expect(out).toContain('Success rate by Industry (values with fewer than 20 accounts pooled as Other)');
    expect(out).toMatch(/^Software\s+21\s+14\s+66\.7 %/mu);
    expect(out).toMatch(/^Other\s+7\s+7\s+100\.0 %/mu);
  });
});
