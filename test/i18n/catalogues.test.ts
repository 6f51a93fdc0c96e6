import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGS, langOfLocale, missingKeys, t, type Entry } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { missingUiKeys, UI_CATALOGUES } from '../../src/i18n/ui';
import { uiEn } from '../../src/i18n/ui-en';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();
/** An entry's texts: itself, or each of its plural forms. */
const forms = (entry: Entry) => (typeof entry === 'string' ? [entry] : Object.values(entry));

describe('message catalogues', () => {
  for (const lang of LANGS) {
    it(`${lang}: no key is missing (a missing one would show in English)`, () => {
      expect({ lang, missing: missingKeys(lang), missingInSidebar: missingUiKeys(lang) }).toEqual({ lang, missing: [], missingInSidebar: [] });
    });

    it(`${lang}: every translation keeps the English placeholders, in each plural form`, () => {
      const other = (entry: Entry) => (typeof entry === 'string' ? entry : entry.other);
      const all: [string, string, string][] = [
        ...Object.entries(CATALOGUES[lang] as Record<string, Entry>).flatMap(([k, v]) =>
          forms(v).map((text) => [k, text, other((en as Record<string, Entry>)[k])] as [string, string, string]),
        ),
        ...Object.entries(UI_CATALOGUES[lang] as Record<string, Entry>).flatMap(([k, v]) =>
          forms(v).map((text) => [k, text, other((uiEn as Record<string, Entry>)[k])] as [string, string, string]),
        ),
      ];
      for (const [key, text, english] of all) expect([key, placeholders(text)]).toEqual([key, placeholders(english)]);
    });

    it(`${lang}: a plural entry gives exactly the plural forms the language has (${new Intl.PluralRules(lang).resolvedOptions().pluralCategories.join(', ')})`, () => {
      const categories = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
      for (const [key, entry] of Object.entries(en as Record<string, Entry>)) {
        if (typeof entry === 'string') continue;
        const given = (CATALOGUES[lang] as Record<string, Entry>)[key];
        expect([key, typeof given === 'object' ? Object.keys(given).sort() : given]).toEqual([key, categories]);
      }
    });
  }

  it('follows the spreadsheet locale, English for any other', () => {
    expect(['th_TH', 'zh_CN', 'hy_AM', 'en_GB', 'de_DE', 'zh_TW'].map(langOfLocale)).toEqual(['th', 'zh-CN', 'hy', 'en', 'en', 'en']);
  });

  it('falls back to English for a key a catalogue lacks, and fills placeholders', () => {
    const saved = CATALOGUES.th['tier.1'];
    delete CATALOGUES.th['tier.1'];
    try {
      expect(t('th', 'tier.1')).toBe('Tier 1');
    } finally {
      CATALOGUES.th['tier.1'] = saved;
    }
    expect(t('th', 'summary.moved', { up: 2, down: 1 })).toBe('ขึ้นระดับ 2 บัญชี ลดระดับ 1 บัญชี');
  });
});
