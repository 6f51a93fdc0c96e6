import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the build script is plain JavaScript, without types
import { packedCatalogue, scriptShift } from '../../scripts/build.mjs';
import { CATALOGUES } from '../../src/i18n';
import { en } from '../../src/i18n/en';

/** The packed module's catalogue, given the English one its import would bring. */
function load(code: string): Record<string, string> {
  const name = /export const (\w+)/u.exec(code)![1];
  const body = code.replace(/^import .*\n/u, '').replace(/export const /u, 'const ');
  return new Function('en', `${body}\nreturn ${name};`)(en) as Record<string, string>;
}

describe('catalogues ship packed (texts in the English key order), with the same words', () => {
  for (const [lang, file] of [['th', 'th'], ['zh-CN', 'zh-CN'], ['hy', 'hy']] as const) {
    it(`${lang}: every key and text as in the source`, async () => {
      const code = (await packedCatalogue(join(__dirname, '..', '..', 'src', 'i18n', `${file}.ts`))) as string;
      expect(code).not.toContain("'tier.1'");
      expect(load(code)).toEqual(CATALOGUES[lang]);
    });
  }
});

describe('Thai ships shifted onto two-byte code points and is shifted back at load', () => {
  it('saves a byte for each Thai letter, with the same words', async () => {
    const code = (await packedCatalogue(join(__dirname, '..', '..', 'src', 'i18n', 'th.ts'))) as string;
    expect(code).toContain('String.fromCharCode');
    const thai = [...Object.values(CATALOGUES.th).join('')].filter((c) => c >= '\u0e00' && c <= '\u0e7f').length;
    expect(Buffer.byteLength(JSON.stringify(Object.values(CATALOGUES.th))) - Buffer.byteLength(code)).toBeGreaterThan(thai * 0.9);
  });

  it('keeps the text\'s own characters of U+0080–U+00FF (± × ·) apart from the shifted letters', async () => {
    expect(scriptShift('สวัสดี'.repeat(100))).toEqual({ from: 0x0e00 });
    expect(scriptShift(`${'สวัสดี'.repeat(100)} · 5 × ±`)).toEqual({ from: 0x0e00 });
    expect(scriptShift('Only English here')).toBeNull();
    const code = (await packedCatalogue(join(__dirname, '..', '..', 'src', 'i18n', 'th.ts'))) as string;
    expect(Object.values(load(code)).join('')).toContain('±');
  });
});
