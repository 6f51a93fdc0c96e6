import { describe, expect, it } from 'vitest';
import { analyseGrid, parseSettings } from '../../src/core';
import { translator } from '../../src/i18n';
import { summaryLayout } from '../../src/sheet/summary-layout';

// Revenue (fit) rises, engagement falls: cells C1, C2, B2, B3, A3 (docs/scoring.md, "Fit × engagement").
const GRID = [
  ['Account', 'Revenue', 'Engagement'],
  ['A', 10, 50],
  ['B', 20, 40],
  ['C', 30, 30],
  ['D', 40, 20],
  ['E', 50, 10],
];

describe('the summary counts the fit × engagement grid', () => {
  it('as a 3 × 3 table, fit A–C down and engagement 1–3 across, whole numbers, in the document’s words', () => {
    const analysis = analyseGrid(GRID, parseSettings({}));
    for (const [lang, fit, engagement] of [
      ['en', 'Fit', 'Engagement'],
      ['zh-CN', '匹配度', '参与度'],
    ] as const) {
      const say = translator(lang);
      const layout = summaryLayout(analysis, 'Accounts', 'now', null, say);
      // Text goes in as plain text (a leading apostrophe), as every summary cell.
      const at = layout.values.findIndex((r) => r[0] === `'${say('grid.title')}`);
      expect(at).toBeGreaterThan(0);
      expect(layout.values.slice(at + 1, at + 5).map((r) => r.slice(0, 4))).toEqual([
        ['', `'${engagement} 1`, `'${engagement} 2`, `'${engagement} 3`],
        [`'${fit} A`, 0, 0, 1],
        [`'${fit} B`, 0, 1, 1],
        [`'${fit} C`, 1, 1, 0],
      ]);
      expect(layout.numberFormats['#,##0']).toContain(`B${at + 3}:D${at + 5}`);
      expect(layout.bold).toContain(`A${at + 1}`);
    }
  });
});
