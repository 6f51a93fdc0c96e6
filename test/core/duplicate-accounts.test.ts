import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUPLICATES_SHOWN, duplicateAccounts, type Message, ROW_BLANK, ROW_INVALID, ROW_OK } from '../../src/core';

/** FNV-1a over UTF-16 code units, as duplicateAccounts hashes a name. */
function fnv(key: string): number {
  let h = 0x811c9dc5;
  for (let c = 0; c < key.length; c++) h = Math.imul(h ^ key.charCodeAt(c), 16777619);
  return h >>> 0;
}

/** Two different names with one FNV-1a hash (found by a birthday search), so the sort's groups hold more than one name. */
const COLLIDING = ['Acct 2mn', 'Acct b3r0'];

/** The rule plainly: names on more than one scored row, in the order of their first rows, through a Map. */
function reference(accounts: string[], status: Uint8Array, rowNumbers: Int32Array): Message | null {
  const rows = new Map<string, number[]>();
  accounts.forEach((name, i) => {
    if (name && status[i] === ROW_OK) rows.set(name, [...(rows.get(name) ?? []), rowNumbers[i]]);
  });
  const repeated = [...rows].filter(([, list]) => list.length > 1);
  if (repeated.length === 0) return null;
  const named: Message[] = repeated.slice(0, DUPLICATES_SHOWN).map(([name, list]) => ({
    code: 'dup.account',
    params: {
      account: name.length > 40 ? `${name.slice(0, 39)}…` : name,
      rows: `${list.slice(0, DUPLICATES_SHOWN).join(', ')}${list.length > DUPLICATES_SHOWN ? ', …' : ''}`,
    },
  }));
  if (repeated.length === 1) return { code: 'msg.duplicateKey', params: named[0].params };
  if (repeated.length > DUPLICATES_SHOWN) named.push({ code: 'dup.more', params: { count: repeated.length - DUPLICATES_SHOWN } });
  return { code: 'msg.duplicateKeys', params: { count: repeated.length, accounts: named } };
}

describe('duplicateAccounts', () => {
  it('the two colliding names do share a hash (the premise of the tests below)', () => {
    expect(COLLIDING[0]).not.toBe(COLLIDING[1]);
    expect(fnv(COLLIDING[0])).toBe(fnv(COLLIDING[1]));
  });

  it('says what the plain rule says, on any table: repeats, colliding names, blank and invalid rows, long names', () => {
    const name = fc.oneof(
      fc.constantFrom('', 'Acme', 'Birch', 'École', '客户甲', 'x'.repeat(45), ...COLLIDING),
      fc.string({ maxLength: 3 }),
      fc.integer({ min: 0, max: 30 }).map((k) => `Account ${k}`),
    );
    const row = fc.record({ name, status: fc.constantFrom(ROW_OK, ROW_OK, ROW_OK, ROW_BLANK, ROW_INVALID) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), fc.integer({ min: 1, max: 5 }), (rows, gap) => {
        const accounts = rows.map((r) => r.name);
        const status = Uint8Array.from(rows, (r) => r.status);
        // Row numbers rise with gaps, as a sheet's or a file's do past blank lines.
        const rowNumbers = Int32Array.from(rows, (_, i) => 2 + i * gap);
        expect(duplicateAccounts({ accounts, status, rowNumbers })).toEqual(reference(accounts, status, rowNumbers));
      }),
      { numRuns: 500 },
    );
  });

  it('tells colliding names apart: each alone is no repeat, each twice is one', () => {
    const status = new Uint8Array(4).fill(ROW_OK);
    const rowNumbers = Int32Array.of(2, 3, 4, 5);
    expect(duplicateAccounts({ accounts: [COLLIDING[0], 'Birch', COLLIDING[1], 'Cedar'], status, rowNumbers })).toBeNull();
    const said = duplicateAccounts({ accounts: [COLLIDING[1], COLLIDING[0], COLLIDING[0], COLLIDING[1]], status, rowNumbers });
    expect(said).toEqual({
      code: 'msg.duplicateKeys',
      params: {
        count: 2,
        accounts: [
          { code: 'dup.account', params: { account: COLLIDING[1], rows: '2, 5' } },
          { code: 'dup.account', params: { account: COLLIDING[0], rows: '3, 4' } },
        ],
      },
    });
  });

  it('names the first five by their first rows, whatever order their hashes sort in', () => {
    const names = Array.from({ length: 40 }, (_, k) => `Name ${k}`);
    const accounts = [...names, ...[...names].reverse()];
    const status = new Uint8Array(accounts.length).fill(ROW_OK);
    const rowNumbers = Int32Array.from(accounts, (_, i) => i + 2);
    const said = duplicateAccounts({ accounts, status, rowNumbers })!;
    expect(said.params!.count).toBe(40);
    const shown = (said.params!.accounts as Message[]).filter((m) => m.code === 'dup.account').map((m) => m.params!.account);
    expect(shown).toEqual(['Name 0', 'Name 1', 'Name 2', 'Name 3', 'Name 4']);
  });
});
