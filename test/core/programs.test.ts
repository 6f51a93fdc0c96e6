import { describe, expect, it } from 'vitest';
import { capacity, parseSettings } from '../../src/core';
import { accounts, run } from './helpers';

/** A tier list with t1 Tier 1, t2 Tier 2, t3 Tier 3 accounts and `none` rows without a tier. */
const tierList = (t1: number, t2: number, t3: number, none = 0) =>
  Int8Array.from([...Array<number>(t1).fill(0), ...Array<number>(t2).fill(1), ...Array<number>(t3).fill(2), ...Array<number>(none).fill(-1)]);

describe('ABM programs and capacity (SPEC §5)', () => {
  it('serves Tier 1 with Strategic ABM (1:1), Tier 2 with ABM Lite (1:few), Tier 3 with Programmatic ABM (1:many)', () => {
    expect(capacity(tierList(1, 1, 1), parseSettings({})).programs).toEqual(['Strategic ABM (1:1)', 'ABM Lite (1:few)', 'Programmatic ABM (1:many)']);
  });

  it('needs ceil(T1 / 3) strategic, ceil(T2 / 10) ABM Lite and ceil(T3 / 500) programmatic marketers', () => {
    const s = parseSettings({});
    // 3/3 = 1; 10/10 = 1; 500/500 = 1.
    expect(capacity(tierList(3, 10, 500), s).marketers).toEqual([1, 1, 1]);
    // 4/3 → 2; 11/10 → 2; 501/500 → 2.
    expect(capacity(tierList(4, 11, 501), s).marketers).toEqual([2, 2, 2]);
    // No accounts, no marketers.
    expect(capacity(tierList(0, 0, 0), s).marketers).toEqual([0, 0, 0]);
  });

  it('counts the accounts in each tier, leaving out rows without a tier', () => {
    expect(capacity(tierList(2, 3, 4, 5), parseSettings({})).accounts).toEqual([2, 3, 4]);
  });

  it('takes the accounts per marketer from the settings', () => {
    // 5/2 → 3; 5/5 = 1; 5/4 → 2.
    expect(capacity(tierList(5, 5, 5), parseSettings({ ratios: { strategic: 2, lite: 5, programmatic: 4 } })).marketers).toEqual([3, 1, 2]);
  });

  it('plans the team of a scored table from its tiers', () => {
    // 50 accounts: K1 = floor(50·.2 + .5) = 10, K2 = floor(25.5) = 25 → 10, 15, 25 accounts;
    // marketers ceil(10/3) = 4, ceil(15/10) = 2, ceil(25/500) = 1.
    const a = run(accounts(['Revenue'], ...Array.from({ length: 50 }, (_, i) => [i])));
    expect(a.capacity.accounts).toEqual([10, 15, 25]);
    expect(a.capacity.marketers).toEqual([4, 2, 1]);
  });

  it('uses the configured program names', () => {
    const a = run(accounts(['Revenue'], [1]), { programLabels: ['One to one', 'One to few', 'One to many'] });
    expect(a.capacity.programs).toEqual(['One to one', 'One to few', 'One to many']);
  });
});
