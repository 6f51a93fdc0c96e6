import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the build script is plain JavaScript, without types
import { packedCatalogue, scriptShift } from '../../scripts/build.mjs';
import { CATALOGUES } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { catalogueOf, lazyCatalogue, packedKeys, unpacked, unpackTexts } from '../../src/i18n/unpack';

/** A packed module's catalogue as it stands after the module has run, given what its imports would bring (the English catalogue, the unpacking). */
function evaluateModule(code: string, unpack: typeof unpackTexts = unpackTexts): Record<string, unknown> {
  const name = /export const (\w+)/u.exec(code)![1];
  const body = code.replace(/^import .*\n/gmu, '').replace(/export const /u, 'const ');
  const english = name === 'en' ? [] : [en];
  return new Function(...(name === 'en' ? [] : ['en']), 'catalogueOf', 'lazyCatalogue', 'packedKeys', 'unpackTexts', `${body}\nreturn ${name};`)(
    ...english,
    catalogueOf,
    lazyCatalogue,
    packedKeys,
    unpack,
  ) as Record<string, unknown>;
}

/** The packed module's catalogue, in use (unpacked). */
const load = (code: string) => unpacked(evaluateModule(code));

const pack = async (file: string) => (await packedCatalogue(join(__dirname, '..', '..', 'src', 'i18n', `${file}.ts`))) as string;

describe('catalogues ship packed (texts in the English key order), with the same words', () => {
  for (const [lang, file] of [
    ['en', 'en'],
    ['th', 'th'],
    ['zh-CN', 'zh-CN'],
    ['hy', 'hy'],
  ] as const) {
    it(`${lang}: every key, text and plural form as in the source`, async () => {
      const code = await pack(file);
      expect(code).not.toContain("'tier.1'");
      expect(code).not.toMatch(/["']tier\.1["']\s*:/u);
      expect(load(code)).toEqual(CATALOGUES[lang]);
    });
  }

  it('ships recurring pieces once: each packed catalogue is well under its object literal', async () => {
    for (const [lang, file] of [
      ['en', 'en'],
      ['th', 'th'],
      ['zh-CN', 'zh-CN'],
      ['hy', 'hy'],
    ] as const) {
      const texts = Buffer.byteLength(JSON.stringify(CATALOGUES[lang]));
      expect([lang, Buffer.byteLength(await pack(file)) < texts * 0.8]).toEqual([lang, true]);
    }
  });

  it('unpacks a catalogue on its first use, not when its module loads, and only once', async () => {
    for (const file of ['en', 'th', 'zh-CN', 'hy']) {
      let calls = 0;
      const counted: typeof unpackTexts = (...args) => {
        calls++;
        return unpackTexts(...args);
      };
      const catalogue = evaluateModule(await pack(file), counted);
      expect([file, calls, Object.keys(catalogue).length]).toEqual([file, 0, 0]);
      expect(unpacked(catalogue)['tier.1']).toBeTruthy();
      unpacked(catalogue);
      expect([file, calls]).toEqual([file, 1]);
    }
  });

  it('packs a plural entry one slot per form, and keeps a form a language lacks missing', () => {
    expect(catalogueOf(['k', 'p*', 'q'], ['a', '', 'one form', '', '', '', 'other form', 'x'])).toEqual({
      k: 'a',
      p: { one: 'one form', other: 'other form' },
      q: 'x',
    });
    expect(catalogueOf(['p*', 'q'], ['', '', '', '', '', 'only other', ''])).toEqual({ p: { other: 'only other' } });
  });
});

describe('Thai ships shifted onto two-byte code points and is shifted back at load', () => {
  it('saves a byte for each Thai letter, with the same words', async () => {
    const code = await pack('th');
    expect(code).toContain(', 3584)');
    const thai = [...Object.values(CATALOGUES.th).join('')].filter((c) => c >= '\u0e00' && c <= '\u0e7f').length;
    expect(Buffer.byteLength(JSON.stringify(Object.values(CATALOGUES.th))) - Buffer.byteLength(code)).toBeGreaterThan(thai * 0.9);
  });

  it("keeps the text's own characters of U+0080–U+00FF (± × ·) apart from the shifted letters", async () => {
    expect(scriptShift('สวัสดี'.repeat(100))).toEqual({ from: 0x0e00 });
    expect(scriptShift(`${'สวัสดี'.repeat(100)} · 5 × ±`)).toEqual({ from: 0x0e00 });
    expect(scriptShift('Only English here')).toBeNull();
    expect(Object.values(load(await pack('th'))).join('')).toContain('±');
  });
});
