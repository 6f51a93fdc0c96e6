import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { AccountBytes } from '../../src/cli/account-bytes';
import { analyseRows, duplicateAccounts, HEADER_SCAN_ROWS, parseSettings, ROW_OK, type Cell } from '../../src/core';
import { renderer } from '../../src/i18n';
import { cliInFolder, quoted, records } from './helpers';

/**
 * The command line keeps account names as their bytes (src/cli/account-bytes.ts): what it says about
 * them (JSON's `account`, the duplicate warning, total rows, blank lines) must be what the engine says
 * reading the same file as text, whatever the names hold: whitespace trim takes off (ASCII and not),
 * quotes, backslashes, control characters, non-ASCII text, formula-like starts, repeats.
 */

const { dir, file, cli } = cliInFolder('abm-account-bytes-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PIECES = [
  'Acme',
  'acme',
  ' Acme',
  'Acme\t',
  '\u00a0Acme',
  'Acme\u3000',
  'Bé',
  '中文',
  '😀 Co',
  'A "B"',
  'C\\D',
  'x\u0001y',
  '=cmd',
  '-1x',
  '',
  ' ',
  'Total',
];

/** A name from the pieces: one piece, or two run together. */
const name = fc.oneof(
  fc.constantFrom(...PIECES),
  fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...PIECES)).map(([a, b]) => a + b),
);

/**
 * Records read before the header is found (the first HEADER_SCAN_ROWS) are read as text; the byte
 * reader hands over names as bytes from then on. `FILLER` rows put the names past them.
 */
const FILLER = Array.from({ length: HEADER_SCAN_ROWS + 5 }, (_, i) => `Filler ${i}`);

/**
 * Runs `score` to JSON on `names` (one row each, with a revenue; the first three also before the
 * filler, so that some are read as text and the rest as bytes) and reads the same file as the engine does.
 */
async function both(given: readonly string[], sep = ',') {
  const header = ['Account', 'Revenue', 'Profit'];
  const names = [...given.slice(0, 3), ...FILLER, ...given];
  const lines = [header.join(sep), ...names.map((a, i) => [quoted(a, sep), String(100 + ((i * 37) % 50)), String((i * 13) % 40)].join(sep))];
  const text = `${lines.join('\n')}\n`;
  const path = file('accounts.csv', text);
  const { code, out, err } = await cli('score', path, '--format', 'json', '--as-of', '2026-01-01');
  expect(err).toBe('');
  expect(code).toBe(0);
  const json = JSON.parse(out) as { rows: { row: number; account: string | null }[]; warnings: string[] };
  const grid = records(text) as Cell[][];
  const analysis = analyseRows(grid[0], grid.slice(1), parseSettings({ asOf: '2026-01-01' }), { firstRowNumber: 2 });
  return { json, analysis };
}

describe('account names kept as bytes', () => {
  it('are the names the engine reads, trimmed as it trims, and the same duplicate warning, on any names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(name, { minLength: 1, maxLength: 40 }), async (names) => {
        const { json, analysis } = await both(names);
        const { table } = analysis;
        // Every row the command writes carries the engine's name for its row.
        const byRow = new Map<number, string>();
        for (let i = 0; i < table.n; i++) byRow.set(table.rowNumbers[i], table.accounts![i]);
        for (const r of json.rows) expect(r.account).toBe(byRow.get(r.row));
        // The rows it writes are the engine's (blank and total rows left out alike).
        const written = [...byRow.keys()].filter((_, i) => table.status[i] !== 1);
        expect(json.rows.map((r) => r.row)).toEqual(written);
        const said = duplicateAccounts(table);
        const warning = said ? renderer('en')(said) : null;
        expect(json.warnings.filter((w) => /appear|appears/u.test(w))).toEqual(warning ? [warning] : []);
        const totals = table.warnings.filter((w) => w.code === 'warn.totalRow').map(renderer('en'));
        expect(json.warnings.filter((w) => / is a total, not an account/u.test(w))).toEqual(totals);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('a line holding only a name is a row (not a blank line); an empty line is blank', async () => {
    const path = file('lonely.csv', `Account,Revenue\n${FILLER.map((f) => `${f},1\n`).join('')}Acme,5\nLonely\n\nBeta,7\n`);
    const { code, out } = await cli('score', path, '--format', 'json', '--as-of', '2026-01-01');
    expect(code).toBe(0);
    const rows = (JSON.parse(out) as { rows: { row: number; account: string }[] }).rows;
    const at = FILLER.length + 2;
    expect(rows.slice(FILLER.length).map((r) => [r.row, r.account])).toEqual([
      [at, 'Acme'],
      [at + 1, 'Lonely'],
      [at + 3, 'Beta'],
    ]);
  });

  it('names read as bytes and names the text parser reads after a line break in quotes are one set: a repeat across them is found', async () => {
    const head = FILLER.map((f) => `${f},1,x\n`).join('');
    const path = file('mixed.csv', `Account,Revenue,Note\n${head}Acme,5,a\nBeta,6,b\n"Gamma",7,"two\nlines"\nAcme,8,c\n Beta ,9,d\n`);
    const { code, out } = await cli('score', path, '--format', 'json', '--as-of', '2026-01-01');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { rows: { account: string }[]; warnings: string[] };
    expect(json.rows.slice(FILLER.length).map((r) => r.account)).toEqual(['Acme', 'Beta', 'Gamma', 'Acme', 'Beta']);
    const at = FILLER.length + 2;
    expect(json.warnings.join('\n')).toMatch(
      new RegExp(`2 accounts appear on more than one row: "Acme" \\(rows ${at}, ${at + 3}\\); "Beta" \\(rows ${at + 1}, ${at + 4}\\)`, 'u'),
    );
  });

  it('two names with one hash (FNV-1a) are told apart by their bytes: only the one that repeats is said', async () => {
    const head = FILLER.map((f) => `${f},1\n`).join('');
    const path = file('collide.csv', `Account,Revenue\n${head}Co3pfs,5\nCokvja,6\nCo3pfs,7\n`);
    const { code, out } = await cli('score', path, '--format', 'json', '--as-of', '2026-01-01');
    expect(code).toBe(0);
    const warning = (JSON.parse(out) as { warnings: string[] }).warnings.find((w) => /appear/u.test(w))!;
    const at = FILLER.length + 2;
    expect(warning).toMatch(new RegExp(`"Co3pfs".*\\brows? ${at}, ${at + 2}\\b`, 'u'));
    expect(warning).not.toMatch(new RegExp(`Cokvja|${at + 1}`, 'u'));
  });

  it('a name with a lone surrogate (text UTF-8 cannot hold) sends the readers back to the names as text', () => {
    const store = new AccountBytes(4);
    store.addText('a\ud800');
    store.addText('a\udc00');
    store.addText('a\ud800');
    const view = store.view();
    expect(view.exact).toBe(false);
    const table = {
      accounts: ['a\ud800', 'a\udc00', 'a\ud800'],
      accountBytes: view,
      status: new Uint8Array(3).fill(ROW_OK),
      rowNumbers: Int32Array.of(2, 3, 4),
    };
    // As bytes the two would be one name (both U+FFFD); as text they are two, and only the first repeats.
    expect(duplicateAccounts(table)).toMatchObject({ code: 'msg.duplicateKey', params: { rows: '2, 4' } });
  });

  it('trims bytes as String.prototype.trim trims text, and says which names are empty', () => {
    const store = new AccountBytes(2);
    const bytes = (text: string) => new Uint8Array(Buffer.from(text));
    const spaces = ['\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    // Not whitespace to trim: U+180E (no longer), U+200B (zero width), U+0085 (NEL), U+2060, and characters whose UTF-8 looks alike.
    const others = ['\u180e', '\u200b', '\u0085', '\u2060', '\u200c', '\u2030', '\u3001', '\ufefe', '\u1681', 'ไทย', '中'];
    const cases = [
      ' a ',
      '\t\n\v\f\r a\tb \r',
      '\u00a0a\u00a0',
      '\u3000中\u3000',
      '\ufeffé',
      '   ',
      '',
      '\u00a0',
      ...spaces.map((c) => `${c} ${c}x${c}${c} `),
      ...others.map((c) => `${c}x${c}`),
      ...others.map((c) => ` ${c} `),
      `${spaces.join('')}ชื่อ ไทย${spaces.join('')}`,
    ];
    const empty = cases.map((c) => {
      const b = bytes(`xx${c}yy`);
      return store.addBytes(b, 2, b.length - 2);
    });
    const view = store.view();
    expect(cases.map((_, i) => view.text(i))).toEqual(cases.map((c) => c.trim()));
    expect(empty).toEqual(cases.map((c) => c.trim() !== ''));
  });
});
