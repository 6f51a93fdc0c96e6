import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet } from '../fakes/workbook';

/**
 * Every custom-function cell loads the whole of dist/Code.js, so loading it unpacks no catalogue, and
 * a call unpacks only its own language's (and the English one, whose keys the others are packed by).
 */

const code = readFileSync(join(__dirname, '..', '..', 'dist', 'Code.js'), 'utf8');
// unpackTexts (src/i18n/unpack.ts) puts the pieces back with this pattern: into each piece, then into
// the catalogue's slots, the one text of them that holds line breaks. So that call counts a catalogue.
const PIECES = '[\\u0100-\\u04ff]';

/** dist/Code.js loaded in a fresh context with `globals`, counting the catalogues it unpacks. */
function load(globals: object = {}) {
  const context = vm.createContext({ ...globals, unpacks: 0 });
  vm.runInContext(
    `const replace = String.prototype.replace;
     String.prototype.replace = function (pattern, by) {
       if (pattern instanceof RegExp && pattern.source === ${JSON.stringify(PIECES)} && this.includes('\\n')) unpacks++;
       return replace.call(this, pattern, by);
     };`,
    context,
  );
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context as vm.Context & { unpacks: number } & Record<string, (...args: unknown[]) => unknown[][]>;
}

const metrics = [
  ['Account', 'Revenue'],
  ['A', 100],
  ['B', 'abc'],
];

describe('dist/Code.js unpacks a catalogue when its language is first used, not when it loads', () => {
  it('ships the unpacking this test counts', () => {
    expect(code).toContain(`/${PIECES}/gu`);
  });

  it('loading unpacks nothing', () => {
    expect(load().unpacks).toBe(0);
  });

  it('an English call unpacks English alone, once however many calls', () => {
    const context = load();
    expect(context.ABMSCORE(metrics)[2][0]).toBe('Row 3 of the range, column "Revenue": "abc" is not a number.');
    context.ABMSCORE(metrics);
    expect(context.unpacks).toBe(1);
  });

  it('a Thai call unpacks Thai and English (its keys), not Chinese or Armenian', () => {
    const context = load(new FakeSpreadsheet({ Accounts: [['Account']] }, 'th_TH').session().globals());
    expect(context.unpacks).toBe(0);
    expect(context.ABMSCORE(metrics)[2][0]).toBe('แถว 3 ของช่วง, คอลัมน์ "Revenue": "abc" ไม่ใช่ตัวเลข');
    expect(context.unpacks).toBe(2);
  });
});
