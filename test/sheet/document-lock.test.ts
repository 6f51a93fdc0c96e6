import { describe, expect, it } from 'vitest';
import { findLookalikes } from '../../src/sheet/lookalike-column';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { FakeSpreadsheet } from '../fakes/workbook';

/** Every writer holds the document lock while it works, and lets go when it is done, whether it wrote or refused. */
describe('Find lookalikes and the document lock', () => {
  const accounts = () => [
    ['Account', 'Revenue', 'Engagement'],
    ['A', 50, 5],
    ['B', 40, 4],
    ['C', 30, 3],
    ['D', 20, 2],
    ['E', 10, 1],
  ];

  it('lets go of the lock when it has written its column: someone else can score right after', () => {
    const book = new FakeSpreadsheet({ Accounts: accounts() });
    const alice = book.session('alice');
    scoreSheet(alice.services);
    findLookalikes(alice.services);
    // Alice's execution has not ended (Apps Script would release it then): the lock must already be free.
    expect(book.lockHolder).toBeNull();
    const bob = book.session('bob').services;
    expect(scoreSheet(bob).scored).toBe(5);
    expect(() => findLookalikes(bob)).not.toThrow();
    expect(book.lockHolder).toBeNull();
  });

  it('lets go of the lock when it refuses (no Tier 1 account to look like)', () => {
    // Every profit below zero: the cap puts every account in Tier 3.
    const book = new FakeSpreadsheet({
      Accounts: [
        ['Account', 'Revenue', 'Profit'],
        ['A', 10, -1],
        ['B', 20, -2],
        ['C', 30, -3],
      ],
    });
    expect(() => findLookalikes(book.session('alice').services)).toThrow();
    expect(book.lockHolder).toBeNull();
    expect(scoreSheet(book.session('bob').services).scored).toBe(3);
  });
});
