import { describe, expect, it } from 'vitest';
import { cliInFolder, csvOf, records } from './helpers';

const { file, cli } = cliInFolder('abm-pins-');
/** Ten accounts A…J, revenue 100 … 10, and a column of the team's own tiers. */
const rows = (head: string, pins: string[]) => [['Account', 'Revenue', head], ...pins.map((p, i) => [String.fromCharCode(65 + i), 100 - 10 * i, p])];
const PINS = ['', '', '', '', '', '', '', 'Tier 1: strategic logo', '', 'exclude - partner'];

describe('abm-tier --pins', () => {
  it('tiers the column headed Pin by the pinned rule, and --pins names any other column', async () => {
    const auto = await cli('score', file('pins.csv', csvOf(rows('Pin', PINS))), '--format', 'csv');
    const named = await cli('score', file('team.csv', csvOf(rows('Team call', PINS))), '--format', 'csv', '--pins', 'team call');
    for (const { code, out } of [auto, named]) {
      expect(code).toBe(0);
      const table = records(out);
      const tier = table[0].indexOf('Tier');
      expect(table.slice(1).map((r) => r[tier])).toEqual(['Tier 1', 'Tier 2', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 1', 'Tier 3', '']);
    }
  });

  it('the JSON lists the pinned accounts with the tier the score alone gives', async () => {
    const { out } = await cli('score', file('j.csv', csvOf(rows('Pin', PINS))));
    expect(JSON.parse(out).pinned).toEqual([
      { row: 9, account: 'H', pin: 'Tier 1', score: 'Tier 3', reason: 'strategic logo' },
      { row: 11, account: 'J', pin: 'exclude', score: 'Tier 3', reason: 'partner' },
    ]);
  });

  it('summary lists the pinned accounts with what the score says and their reasons', async () => {
    const { code, out } = await cli('summary', file('sum.csv', csvOf(rows('Override', PINS))));
    expect(code).toBe(0);
    expect(out).toContain('Pinned accounts');
    expect(out).toMatch(/H +pinned Tier 1; the score says Tier 3 +strategic logo/u);
    expect(out).toMatch(/J +excluded; the score says Tier 3 +partner/u);
  });

  it('a column --pins does not name is refused; a bad pin is a warning naming row, column and value', async () => {
    const missing = await cli('score', file('m.csv', csvOf(rows('Pin', PINS))), '--pins', 'Nope');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--pins "Nope" is not a column of the file');
    const bad = await cli('score', file('b.csv', csvOf(rows('Pin', ['Gold', ...PINS.slice(1)]))), '--format', 'csv');
    expect(bad.code).toBe(0);
    expect(bad.err).toContain('Row 2, column "Pin": "Gold" is not a pin');
  });
});
