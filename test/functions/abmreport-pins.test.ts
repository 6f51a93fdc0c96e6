import { describe, expect, it } from 'vitest';
import { abmReport } from '../../src/functions/abmreport';
import { abmTier } from '../../src/functions/abmtier';

const col = (header: string, values: (string | number)[]) => [[header], ...values.map((v) => [v])];
const TITLE = "Pinned accounts, apart from the tiers above: did the team's judgement beat the score?";

/** The pinned block under the card: its five rows (tier, pinned, successes, rate, unpinned rate) and the lines in words. */
function pinnedBlock(out: (string | number)[][]) {
  const at = out.findIndex((r) => r[0] === TITLE);
  expect(at).toBeGreaterThan(0);
  expect(out[at - 1].every((c) => c === '')).toBe(true);
  expect(out[at + 1].slice(0, 5)).toEqual(['Tier', 'Pinned', 'Successes', 'Success rate', 'Unpinned rate']);
  return { rows: out.slice(at + 2, at + 7).map((r) => r.slice(0, 5)), lines: out.slice(at + 7).map((r) => r[0]) };
}

/**
 * Ten accounts A…J scored 100, 90 … 10 (A highest); won W W W L W L L W L L; the team pins H Tier 1, I Tier 2,
 * B Tier 3 (the sheet's example in test/sheet/report-card-sheet.test.ts).
 */
const SCORES = Array.from({ length: 10 }, (_, i) => 100 - 10 * i);
const WON = 'WWWLWLLWLL'.split('').map((w) => (w === 'W' ? 'Won' : 'Lost'));
const PINS = ['', 'Tier 3', '', '', '', '', '', 'Tier 1: strategic logo', 'Tier 2', ''];

describe('=ABMREPORT(tiers_or_scores, outcomes, [category], [pins]) (issue 18)', () => {
  it('with scores: cut 20/30/50 with the pins taking their places, the pinned accounts counted apart below the card', () => {
    // n = 10: K1 = 2, K2 = 5; P1 = P2 = P3 = 1, so K1' = 1, K2' = 3 for the seven unpinned: A Tier 1; C, D Tier 2; E, F, G, J Tier 3.
    // Without pins A, B are Tier 1, C, D, E Tier 2, F…J Tier 3: H and I are pinned up from Tier 3, B down from Tier 1.
    const out = abmReport(col('Score', SCORES), col('Won', WON), {}, undefined, col('Pin', PINS));
    // The card over the unpinned: Tier 1 {A} 1 of 1, Tier 2 {C, D} 1 of 2, Tier 3 {E, F, G, J} 1 of 4.
    expect(out.slice(1, 5).map((r) => r.slice(0, 3))).toEqual([
      ['Tier 1', 1, 1],
      ['Tier 2', 2, 1],
      ['Tier 3', 4, 1],
      ['All', 7, 3],
    ]);
    const { rows, lines } = pinnedBlock(out);
    // H (Won) beside A's 1 of 1; I (Lost) beside 1 of 2; B (Won) beside 1 of 4. Up: H, I 1 of 2 against Tier 3's 1/4; down: B 1 of 1 against 1/1.
    expect(rows).toEqual([
      ['Tier 1', 1, 1, 1, 1],
      ['Tier 2', 1, 0, 0, 0.5],
      ['Tier 3', 1, 1, 1, 0.25],
      ["Pinned above the score's tier", 2, 1, 0.5, 0.25],
      ["Pinned below the score's tier", 1, 1, 1, 1],
    ]);
    expect(lines).toEqual([
      'The 2 accounts the team pinned up converted at 50 % against 25 % for the tiers the score gave them.',
      'The 1 account the team pinned down converted at 100 % against 100 % for the tier the score gave it.',
    ]);
    expect(new Set(out.map((r) => r.length)).size).toBe(1);
    // The card's tiers are ABMTIER's with the same pins.
    const tiers = abmTier(col('Score', SCORES), undefined, undefined, undefined, {}, col('Pin', PINS))
      .slice(1)
      .map((r) => r[0]);
    expect(tiers).toEqual(['Tier 1', 'Tier 3', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 1', 'Tier 2', 'Tier 3']);
  });

  it('with tier labels: read as the tiers the score gave; an excluded account leaves; pins as 1/2/3 in a range without header', () => {
    // Tiers without pins: A, B Tier 1; C, D, E Tier 2; F…J Tier 3. J is excluded.
    const tiers = ['Tier 1', 'Tier 1', 'Tier 2', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 3'];
    const pins = [['Pin'], [''], [3], [''], [''], [''], [''], [''], [1], [2], ['exclude - partner']];
    const out = abmReport(col('Tier', tiers), col('Won', WON), {}, undefined, pins);
    // The unpinned: Tier 1 {A} 1 of 1; Tier 2 {C, D, E} 2 of 3; Tier 3 {F, G} 0 of 2.
    expect(out.slice(1, 5).map((r) => r.slice(0, 3))).toEqual([
      ['Tier 1', 1, 1],
      ['Tier 2', 3, 2],
      ['Tier 3', 2, 0],
      ['All', 6, 3],
    ]);
    const { rows, lines } = pinnedBlock(out);
    // Up: H (Won) and I (Lost) from Tier 3, 1 of 2 against Tier 3's unpinned 0 of 2; down: B (Won) from Tier 1, 1 of 1 against 1 of 1.
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['Tier 1', 1, 1],
      ['Tier 2', 1, 0],
      ['Tier 3', 1, 1],
      ["Pinned above the score's tier", 2, 1],
      ["Pinned below the score's tier", 1, 1],
    ]);
    expect(rows.map((r) => r[4])).toEqual([1, 2 / 3, 0, 0, 1]);
    expect(lines[0]).toBe('The 2 accounts the team pinned up converted at 50 % against 0 % for the tiers the score gave them.');
  });

  it('puts the pinned block under the category block, and changes nothing without a pin', () => {
    const region = [...Array(5).fill('North'), ...Array(5).fill('South')];
    const out = abmReport(col('Score', SCORES), col('Won', WON), {}, col('Region', region), col('Pin', PINS));
    const category = out.findIndex((r) => String(r[0]).startsWith('Success rate by Region'));
    expect(category).toBeGreaterThan(0);
    expect(out.findIndex((r) => r[0] === TITLE)).toBeGreaterThan(category);
    const plain = abmReport(col('Score', SCORES), col('Won', WON));
    expect(abmReport(col('Score', SCORES), col('Won', WON), {}, undefined, col('Pin', Array(10).fill('')))).toEqual(plain);
    expect(plain.some((r) => r[0] === TITLE)).toBe(false);
  });

  it('refuses a cell that is not a pin, naming its row, and speaks the document language', () => {
    const bad = PINS.map((p, i) => (i === 3 ? 'Tier 9' : p));
    expect(() => abmReport(col('Score', SCORES), col('Won', WON), {}, undefined, col('Pin', bad))).toThrow(
      'Row 5 of the range, column "pins": "Tier 9" is not a pin',
    );
    const th = abmReport(col('Score', SCORES), col('Won', WON), { lang: 'th' }, undefined, col('Pin', PINS));
    expect(th.some((r) => r[0] === 'บัญชีที่ปักหมุด แยกจากระดับด้านบน: วิจารณญาณของทีมดีกว่าคะแนนหรือไม่')).toBe(true);
  });
});
