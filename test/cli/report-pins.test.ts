import { describe, expect, it } from 'vitest';
import { cliInFolder, csvOf } from './helpers';

const { file, cli } = cliInFolder('abm-report-pins-');

/**
 * Ten accounts A…J, revenue 100 … 10 (A scores highest), a Won column and the team's pins; the card
 * is read with --cutoffs 30,30,40.
 *
 * Without pins (n = 10: K1 = ⌊3 + ½⌋ = 3, K2 = ⌊6 + ½⌋ = 6): A B C Tier 1, D E F Tier 2, G…J Tier 3.
 * Pins: H Tier 1 (the score: Tier 3, so up), D Tier 1 (Tier 2: up), E Tier 2 (Tier 2: neither),
 * B Tier 3 (Tier 1: down), J excluded. With them n = 9 (J out): K1 = ⌊2.7 + ½⌋ = 3, K2 = ⌊5.4 + ½⌋ = 5;
 * P1 = 2, P2 = 1, so K1' = 1, K2' = 5 − 3 = 2 for the unpinned A C F G I: A Tier 1, C Tier 2, F G I Tier 3.
 *
 * Outcomes: A W, B L, C W, D W, E L, F W, G L, H W, I L, J W.
 * The card (unpinned only): Tier 1 {A} 1 of 1, Tier 2 {C} 1 of 1, Tier 3 {F, G, I} 1 of 3; 5 accounts, 3 successes.
 * Pinned apart: Tier 1 {H, D} 2 of 2 beside 100 %; Tier 2 {E} 0 of 1 beside 100 %; Tier 3 {B} 0 of 1 beside 33.3 %.
 * Up: H and D, 2 of 2 = 100 %, against the mean of Tier 3's 1/3 and Tier 2's 1/1 = 66.7 %.
 * Down: B, 0 of 1, against Tier 1's 1 of 1 = 100 %. J (excluded) is counted nowhere.
 */
const WON = 'WLWWLWLWLW';
const PINS: Record<string, string> = { H: 'Tier 1: strategic logo', D: 'Tier 1', E: 'Tier 2', B: 'Tier 3', J: 'exclude - partner' };
const grid = (pinHeader: string) => [
  ['Account', 'Revenue', 'Won', pinHeader],
  ...Array.from({ length: 10 }, (_, i) => {
    const a = String.fromCharCode(65 + i);
    return [a, 100 - 10 * i, WON[i] === 'W' ? 'Won' : 'Lost', PINS[a] ?? ''];
  }),
];
const pinned = file('pinned.csv', csvOf(grid('Pin')));
const cells = (line: string) => line.split(/ {2,}/u);

describe('abm-tier report --format text with pins (issue 18)', () => {
  it('prints the pinned accounts apart under the card, per tier and up and down, with the lines in words', async () => {
    const { code, out, err } = await cli('report', pinned, '--cutoffs', '30,30,40', '--format', 'text');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.split('\n');
    // The card above judges the score on the unpinned accounts only.
    expect(out).toMatch(/^Tier 1 +1 +1 +100\.0 %/mu);
    expect(out).toMatch(/^Tier 2 +1 +1 +100\.0 %/mu);
    expect(out).toMatch(/^Tier 3 +3 +1 +33\.3 %/mu);
    expect(out).toContain('5 accounts with an outcome counted; 0 without one left out.');
    const at = lines.indexOf("Pinned accounts, apart from the tiers above: did the team's judgement beat the score?");
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toBe('');
    expect(lines.slice(at + 1, at + 7).map(cells)).toEqual([
      ['Tier', 'Pinned', 'Successes', 'Success rate', 'Unpinned rate'],
      ['Tier 1', '2', '2', '100.0 %', '100.0 %'],
      ['Tier 2', '1', '0', '0.0 %', '100.0 %'],
      ['Tier 3', '1', '0', '0.0 %', '33.3 %'],
      ["Pinned above the score's tier", '2', '2', '100.0 %', '66.7 %'],
      ["Pinned below the score's tier", '1', '0', '0.0 %', '100.0 %'],
    ]);
    expect(lines.slice(at + 7)).toEqual([
      'The 2 accounts the team pinned up converted at 100 % against 66.7 % for the tiers the score gave them.',
      'The 1 account the team pinned down converted at 0 % against 100 % for the tier the score gave it.',
      '',
    ]);
  });

  it('gives the same numbers as the JSON, and reads a column --pins names', async () => {
    const named = file('team.csv', csvOf(grid('Team call')));
    const text = await cli('report', named, '--pins', 'team call', '--cutoffs', '30,30,40', '--format', 'text');
    const json = JSON.parse((await cli('report', pinned, '--cutoffs', '30,30,40')).out);
    const lines = text.out.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Pinned accounts'));
    const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
    const rows = [
      ...json.pinned.tiers.map((t: { label: string; rate: number; unpinnedRate: number; accounts: number; successes: number }) => [
        t.label,
        t.accounts,
        t.successes,
        t.rate,
        t.unpinnedRate,
      ]),
    ];
    rows.push(["Pinned above the score's tier", json.pinned.up.accounts, json.pinned.up.successes, json.pinned.up.rate, json.pinned.up.scoreRate]);
    rows.push(["Pinned below the score's tier", json.pinned.down.accounts, json.pinned.down.successes, json.pinned.down.rate, json.pinned.down.scoreRate]);
    expect(lines.slice(at + 2, at + 7).map(cells)).toEqual(rows.map((r) => [r[0], String(r[1]), String(r[2]), pct(r[3]), pct(r[4])]));
  });

  it('speaks --lang, and shows no pinned block without pins', async () => {
    const { out } = await cli('report', pinned, '--cutoffs', '30,30,40', '--format', 'text', '--lang', 'zh-CN');
    expect(out).toContain('固定层级的客户（不计入上方各层级）：团队的判断是否胜过分数？');
    expect(out).toMatch(/固定在分数层级之上 +2 +2 +100\.0 % +66\.7 %/u);
    expect(out).not.toContain("Pinned above the score's tier");
    const plain = file('plain.csv', csvOf(grid('Note').map((r, i) => (i === 0 ? r : [...r.slice(0, 3), '']))));
    const none = await cli('report', plain, '--format', 'text');
    expect(none.code).toBe(0);
    expect(none.out).not.toContain('Pinned');
    expect(none.out).not.toContain('pinned');
  });
});
