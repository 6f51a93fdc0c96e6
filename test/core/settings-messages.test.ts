import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, fieldName, parseSettings, parseSettingsText, SettingsError, settingsIssues } from '../../src/core';
import { parseArgs } from '../../src/cli/args';
import { abmTier } from '../../src/functions/abmtier';
import { LANGS, render, t, type Lang, type Said } from '../../src/i18n';
import { cliInFolder } from '../cli/helpers';

/** The refusal of `input` in `lang`, as every surface renders it. */
function refusal(input: unknown, lang: Lang = 'en'): string {
  try {
    parseSettings(input);
  } catch (error) {
    if (error instanceof SettingsError) return render(lang, error.said as Said);
    throw error;
  }
  throw new Error(`${JSON.stringify(input)} was accepted`);
}

/** Words that are settings paths, never shown to a person: `cutoffs.2`, `thresholds`, `strategicMarketers`… */
const PATHS =
  /\b(?:cutoffs|thresholds|capacity|strategicMarketers|liteAccounts|unprofitableCap|segmentCutoffs|segmentLabels|rfmSegments|discountRate|activeDays|asOf)\b|"[a-z]+\.\d/u;

/** Mistakes whose accepted values are names as written in a settings file or an option (`capacity`, `asOf`). */
const LISTS_NAMES = new Set(['a method that is none', 'an unknown setting']);

const f = (path: (string | number)[], lang: Lang) => render(lang, fieldName(path) as Said);

/**
 * Every kind of mistake a settings field can hold: the input, the field it names (a path, for the
 * sidebar's mark), the value the message must quote, and a word of what is accepted.
 */
const MISTAKES: [string, unknown, string, string, string][] = [
  ['tier % over 100 together', { cutoffs: [60, 50, -10] }, 'cutoffs', '110', '100'],
  ['tier % not adding up', { cutoffs: [20, 30, 40] }, 'cutoffs', '90', '100'],
  ['a tier % out of range', { cutoffs: [120, -10, -10] }, 'cutoffs.0', '120', '100'],
  ['a tier % that is no number', { cutoffs: [20, 'x', 50] }, 'cutoffs.1', '"x"', ''],
  ['too few tier %', { cutoffs: [50, 50] }, 'cutoffs', '[50,50]', '20, 30, 50'],
  ['thresholds the wrong way round', { method: 'threshold', thresholds: [30, 40] }, 'thresholds', '40', '30'],
  ['a threshold out of range', { method: 'threshold', thresholds: [70, -1] }, 'thresholds.1', '-1', '100'],
  ['a capacity that is no whole number', { method: 'capacity', capacity: { strategicMarketers: 1.5 } }, 'capacity.strategicMarketers', '1.5', '10000'],
  ['no accounts per ABM Lite marketer', { method: 'capacity', capacity: { liteAccounts: 0 } }, 'capacity.liteAccounts', '0', '10000'],
  ['a weight below 0', { weights: { Revenue: -1 } }, 'weights.Revenue', '-1', '1000'],
  ['a weight in words', { weights: { Revenue: 'high' } }, 'weights.Revenue', '"high"', ''],
  ['a direction that is neither', { directions: { Recency: 'down' } }, 'directions.Recency', '"down"', '"lower"'],
  ['a role that is none', { roles: { Revenue: 'money' } }, 'roles.Revenue', '"money"', '"revenue"'],
  ['an empty tier label', { labels: ['A', '', 'C'] }, 'labels.1', '', ''],
  ['a tier label too long', { labels: ['x'.repeat(61), 'B', 'C'] }, 'labels.0', '"xxxx', '60'],
  ['a colour that is no colour', { colours: ['red', '#fce8b2', '#f4c7c3'] }, 'colours.0', '"red"', '#rrggbb'],
  ['a method that is none', { method: 'magic' }, 'method', '"magic"', '"quantile"'],
  ['a language that is none', { lang: 'fr' }, 'lang', '"fr"', '"th"'],
  ['an as-of date written otherwise', { asOf: '30/06/2026' }, 'asOf', '"30/06/2026"', 'YYYY-MM-DD'],
  ['an as-of date that is no day', { asOf: '2026-02-30' }, 'asOf', '"2026-02-30"', ''],
  ['the cap as a word', { unprofitableCap: 'yes' }, 'unprofitableCap', '"yes"', 'true'],
  ['segment % not adding up', { segmentCutoffs: [20, 40, 30] }, 'segmentCutoffs', '90', '100'],
  ['a program ratio of 0', { ratios: { lite: 0 } }, 'ratios.lite', '0', '100000'],
  ['an active window of 0 days', { activeDays: 0 }, 'activeDays', '0', '36500'],
  ['a discount rate over 1', { discountRate: 2 }, 'discountRate', '2', '1'],
  ['an RFM range from high to low', { rfmSegments: [{ name: 'Best', r: [5, 4], f: [1, 5], m: [1, 5] }] }, 'rfmSegments.0.r', '[5,4]', '4, 5'],
  ['an RFM score above 10', { rfmSegments: [{ name: 'Best', r: [1, 5], f: [1, 5], m: [1, 11] }] }, 'rfmSegments.0.m.1', '11', '10'],
  ['an RFM rule without a name', { rfmSegments: [{ name: ' ', r: [1, 5], f: [1, 5], m: [1, 5] }] }, 'rfmSegments.0.name', '', ''],
  ['an unknown setting', { colour: 'red' }, '', '"colour"', 'method'],
];

describe('settings messages speak a marketer’s words, in the user’s language', () => {
  for (const lang of LANGS) {
    it.each(MISTAKES)(`${lang}: %s names the field as the sidebar does, the value, and what is accepted`, (kind, input, path, value, accepted) => {
      const text = refusal(input, lang);
      // A method or a setting's own name is what a settings file or option must say: those lists name them.
      if (!LISTS_NAMES.has(kind)) expect(text).not.toMatch(PATHS);
      expect(text).not.toMatch(/\{\w+\}/u);
      expect(text).toContain(value);
      expect(text).toContain(accepted);
      const [issue] = settingsIssues(input);
      expect(issue.path).toBe(path);
      // The field's name comes first, in this language: "Tier 1 %", "ระดับ 1 %", "一级 %"…
      if (issue.message.code === 'set.issue')
        expect(
          text.startsWith(
            f(
              path.split('.').map((p) => (/^\d+$/u.test(p) ? Number(p) : p)),
              lang,
            ),
          ),
        ).toBe(true);
    });
  }

  it('says "Tier 1 % and Tier 2 % add up to more than 100", not a settings path, in each language', () => {
    expect(refusal({ cutoffs: [60, 50, -10] })).toBe('Tier 1 % and Tier 2 % add up to 110, more than 100: lower one of them.');
    expect(refusal({ cutoffs: [60, 50, -10] }, 'th')).toContain(`${t('th', 'tier.1')} %`);
    expect(refusal({ cutoffs: [60, 50, -10] }, 'zh-CN')).toContain(`${t('zh-CN', 'tier.2')} %`);
    expect(refusal({ cutoffs: [60, 50, -10] }, 'hy')).toContain(`${t('hy', 'tier.1')} %`);
  });

  it('has a name for every field in every language', () => {
    const fields = [...Object.keys(DEFAULT_SETTINGS), 'asOf', 'rfmSegments'];
    const parts: (string | number)[][] = [
      ...fields.map((k) => [k]),
      ...['cutoffs', 'thresholds', 'labels', 'colours', 'segmentCutoffs', 'segmentLabels', 'programLabels'].flatMap((k) => [0, 1, 2].map((i) => [k, i])),
      ...Object.keys(DEFAULT_SETTINGS.capacity).map((k) => ['capacity', k]),
      ...Object.keys(DEFAULT_SETTINGS.ratios).map((k) => ['ratios', k]),
      ['roles', 'Revenue'],
      ['weights', 'Revenue'],
      ['directions', 'Revenue'],
      ['rfmSegments', 0, 'name'],
      ['rfmSegments', 0, 'r'],
      ['rfmSegments', 0, 'f', 0],
      ['rfmSegments', 0, 'm', 1],
    ];
    for (const lang of LANGS) {
      const names = parts.map((p) => f(p, lang));
      for (const [k, name] of names.entries()) expect([parts[k], name]).not.toEqual([parts[k], expect.stringMatching(/^set\.|\{\w+\}|undefined/u)]);
      // Two fields never share a name (a person could not tell which to fix).
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('names every bad field at once', () => {
    const issues = settingsIssues({ method: 'threshold', thresholds: [30, 40], labels: ['A', '', 'C'], weights: { Revenue: -2 } });
    expect(issues.map((i) => i.path)).toEqual(['weights.Revenue', 'labels.1', 'thresholds']);
  });

  it('refuses settings that are not a group of fields, and JSON that does not parse', () => {
    expect(refusal('abc')).toBe('Settings: "abc" is not a group of named values.');
    expect(() => parseSettingsText('{"method": quantile}')).toThrow(SettingsError);
    try {
      parseSettingsText('{"method": quantile}');
    } catch (error) {
      expect(render('th', (error as SettingsError).said as Said)).toBe(`${t('th', 'set.json')}`);
    }
    expect(parseSettingsText('{"method": "pareto"}').method).toBe('pareto');
  });
});

describe("only the chosen method's numbers are validated", () => {
  it('a stale threshold blocks no quantile run, and is kept as given for when threshold is chosen again', () => {
    const s = parseSettings({ method: 'quantile', thresholds: [30, 40] });
    expect(s.thresholds).toEqual([30, 40]);
    expect(s.cutoffs).toEqual([20, 30, 50]);
    expect(settingsIssues({ method: 'threshold', thresholds: [30, 40] }).map((i) => i.path)).toEqual(['thresholds']);
  });

  it('each method checks its own numbers and no other', () => {
    const bad = { cutoffs: [60, 50, -10], thresholds: [30, 40], capacity: { strategicMarketers: -1, liteAccounts: 0.5 } };
    const paths = (method: string) => settingsIssues({ ...bad, method }).map((i) => i.path);
    expect(paths('quantile')).toEqual(['cutoffs']);
    expect(paths('threshold')).toEqual(['thresholds']);
    expect(paths('capacity')).toEqual(['capacity.strategicMarketers', 'capacity.liteAccounts']);
    expect(paths('pareto')).toEqual([]);
    // No method given: quantile, the default, and its cut-offs are checked.
    expect(settingsIssues({ ...bad }).map((i) => i.path)).toEqual(['cutoffs']);
  });

  it("another method's numbers of the wrong shape give way to its defaults", () => {
    const s = parseSettings({ method: 'pareto', thresholds: 'high', capacity: { teams: 2 } });
    expect(s.thresholds).toEqual(DEFAULT_SETTINGS.thresholds);
    expect(s.capacity).toEqual(DEFAULT_SETTINGS.capacity);
  });

  it('the command line agrees: --thresholds is checked only with --method threshold', async () => {
    expect(parseSettings(parseArgs(['score', 'a.csv', '--method', 'quantile', '--thresholds', '30,40']).settings).method).toBe('quantile');
    const { cli, file } = cliInFolder('abm-settings-');
    const csv = file('a.csv', 'Account,Revenue,Profit\nA,100,30\nB,200,10\nC,300,50\n');
    expect((await cli('score', csv, '--thresholds', '30,40')).code).toBe(0);
    const refused = await cli('score', csv, '--method', 'threshold', '--thresholds', '30,40');
    expect(refused).toEqual({
      code: 2,
      out: '',
      err: 'abm-tier: Tier 2 minimum score (40) is above Tier 1 minimum score (30): the higher tier needs the higher score.\n',
    });
    expect((await cli('score', csv, '--method', 'capacity', '--capacity', '1.5,3,1,10')).err).toBe(
      'abm-tier: Strategic marketers: 1.5 is not a whole number from 0 to 10000.\n',
    );
  });

  it("the custom functions agree, in the document's language", () => {
    const scores = [['Score'], [90], [50], [10]];
    expect(() => abmTier(scores, 'threshold', '30,40')).toThrow('Tier 2 minimum score (40) is above Tier 1 minimum score (30)');
    expect(() => abmTier(scores, 'quantile', '60,50,-10', undefined, { lang: 'th' })).toThrow(
      render('th', { code: 'set.issues', params: { issues: [settingsIssues({ cutoffs: [60, 50, -10] })[0].message as Said] } }),
    );
    expect(() => abmTier(scores, 'capacity', '1.5,1')).toThrow('Strategic marketers: 1.5 is not a whole number from 0 to 10000.');
    expect(abmTier(scores, 'threshold', '70,40').map((r) => r[0])).toEqual(['Tier', 'Tier 1', 'Tier 2', 'Tier 3']);
  });
});
