import { describe, expect, it } from 'vitest';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';
import { cliInFolder } from '../cli/helpers';

/** The engine's warnings are rendered by one translator: the command line and the sheet say them in the same words. */

const { file, cli } = cliInFolder('abm-one-translator-');

// B has no value in any metric (a warning); C's engagement is #N/A (a warning); D is unprofitable (capped).
const TABLE: Value[][] = [
  ['Account', 'Profit', 'Engagement'],
  ['A', 30, 90],
  ['B', '', ''],
  ['C', 20, '#N/A'],
  ['D', -5, 40],
  ['E', 10, 60],
];
const csv = TABLE.map((r) => r.join(',')).join('\n');

async function both(lang: 'en' | 'hy', locale: string): Promise<{ cli: string[]; sheet: string[] }> {
  const path = file(`table-${lang}.csv`, csv);
  // Threshold 0: every scored account is Tier 1, so D's loss moves it to Tier 3.
  const out = await cli('score', path, '--as-of', '2026-06-30', '--lang', lang, '--method', 'threshold', '--thresholds', '0,0');
  const book = new FakeSpreadsheet({ Accounts: TABLE }, locale);
  const report = scoreSheet(book.session().services, { asOf: '2026-06-30', lang, method: 'threshold', thresholds: [0, 0] });
  return { cli: JSON.parse(out.out).warnings as string[], sheet: report.warnings };
}

describe('a core warning renders identically in the CLI and the sheet', () => {
  for (const [lang, locale] of [
    ['en', 'en_US'],
    ['hy', 'hy_AM'],
  ] as const) {
    it(`${lang}: the missing-value, no-score and cap warnings, word for word`, async () => {
      const { cli: fromCli, sheet } = await both(lang, locale);
      const engine = sheet.filter((w) => !/settings/iu.test(w));
      expect(engine.length).toBeGreaterThanOrEqual(3);
      for (const w of engine) expect(fromCli).toContain(w);
      if (lang === 'en') {
        expect(sheet).toContain('Row 4, column "Engagement": #N/A counted as missing.');
        expect(sheet).toContain('1 unprofitable account was moved to Tier 3.');
      }
    });
  }
});
