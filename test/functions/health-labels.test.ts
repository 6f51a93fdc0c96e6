import { afterEach, describe, expect, it } from 'vitest';
import { ABMHEALTH, ABMPROFIT } from '../../src/main';
import { t, type Lang } from '../../src/i18n';
import { FakeSpreadsheet } from '../fakes/workbook';

/** The Apps Script globals ABMHEALTH reads the document's language from, set for one test and put back after it. */
const NAMES = ['SpreadsheetApp', 'PropertiesService', 'LockService', 'HtmlService'] as const;
const saved = NAMES.map((n) => [n, Object.getOwnPropertyDescriptor(globalThis, n)] as const);
afterEach(() => {
  for (const [n, d] of saved) {
    if (d) Object.defineProperty(globalThis, n, d);
    else delete (globalThis as Record<string, unknown>)[n];
  }
});

function inDocument(locale: string): void {
  const globals = new FakeSpreadsheet({ Accounts: [['Account']] }, locale).session().globals();
  for (const n of NAMES) (globalThis as Record<string, unknown>)[n] = globals[n];
}

/** Health 100, 50 and 0 (SPEC §8: Healthy ≥ 70, Watch ≥ 40, else At risk). */
const metrics = [
  ['Recency', 'Engagement'],
  [5, 90],
  [50, 50],
  [500, 10],
];

describe("ABMHEALTH labels health in the document's language, each label for its own band", () => {
  for (const [locale, lang] of [
    ['th_TH', 'th'],
    ['zh_CN', 'zh-CN'],
    ['hy_AM', 'hy'],
    ['en_US', 'en'],
  ] as [string, Lang][]) {
    it(`${locale}: 100 is ${t(lang, 'health.1')} (Healthy), 50 ${t(lang, 'health.2')} (Watch), 0 ${t(lang, 'health.3')} (At risk)`, () => {
      inDocument(locale);
      const out = ABMHEALTH(metrics) as unknown[][];
      expect(out.slice(1)).toEqual([
        [100, t(lang, 'health.1')],
        [50, t(lang, 'health.2')],
        [0, t(lang, 'health.3')],
      ]);
    });
  }

  for (const [locale, lang] of [
    ['th_TH', 'th'],
    ['zh_CN', 'zh-CN'],
    ['hy_AM', 'hy'],
  ] as [string, Lang][]) {
    it(`${locale}: ABMPROFIT by health status lists ${t(lang, 'health.1')} (Healthy), then ${t(lang, 'health.2')} (Watch), then ${t(lang, 'health.3')} (At risk)`, () => {
      inDocument(locale);
      const [healthy, watch, atRisk] = [t(lang, 'health.1'), t(lang, 'health.2'), t(lang, 'health.3')];
      // Rows in another order than the statuses': the table follows the statuses' order.
      const out = ABMPROFIT(
        [['Status'], [watch], [atRisk], [healthy], [watch]],
        [['Revenue'], [10], [20], [30], [40]],
        [['Profit'], [1], [2], [3], [4]],
      ) as unknown[][];
      expect(out.slice(1, 4).map((row) => [row[0], row[1]])).toEqual([
        [healthy, 1],
        [watch, 2],
        [atRisk, 1],
      ]);
    });
  }

  it('the three labels differ in every language, so a swap shows', () => {
    for (const lang of ['en', 'th', 'zh-CN', 'hy'] as Lang[]) expect(new Set([t(lang, 'health.1'), t(lang, 'health.2'), t(lang, 'health.3')]).size).toBe(3);
  });
});
