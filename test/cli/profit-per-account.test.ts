import { describe, expect, it } from 'vitest';
import { summaryText } from '../../src/cli/summary-text';
import { analyseGrid, parseSettings, PROFIT_FIELDS, type Cell } from '../../src/core';
import { english, PROFIT_COLUMNS } from '../../src/i18n';
import { cliInFolder, csvOf } from './helpers';

const { file, cli } = cliInFolder('abm-ppa-');

// Tier 1 empty (cut-offs 0/50/50): its profit per account is blank, not 0. Equal revenues: every account a Money Maker.
const GRID: Cell[][] = [
  ['Account', 'Revenue', 'Profit'],
  ['A', 100, 30],
  ['B', 100, 10],
  ['C', 100, -5],
  ['D', 100, 45],
];
const SETTINGS = { cutoffs: [0, 50, 50] };
file('ppa.csv', csvOf(GRID));

describe('profit per account on the command line (SPEC §7), as in ABMPROFIT and the SQL', () => {
  it('PROFIT_FIELDS are the fields of PROFIT_COLUMNS, in their order', () => {
    const field: Record<string, string> = {
      'col.accounts': 'accounts',
      'col.shareAccounts': 'share',
      'col.revenue': 'revenue',
      'col.cost': 'cost',
      'col.profit': 'profit',
      'col.margin': 'margin',
      'col.shareProfit': 'profitShare',
      'col.profitPerAccount': 'profitPerAccount',
    };
    expect(PROFIT_COLUMNS.map((k) => field[k])).toEqual([...PROFIT_FIELDS]);
  });

  it('is in the JSON of every tier and segment row, null for an empty group', async () => {
    const { code, out } = await cli('score', 'ppa.csv', '--cutoffs', '0,50,50');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const engine = analyseGrid(GRID, parseSettings(SETTINGS));
    const want = (rows: typeof engine.byTier.rows) => rows.map((r) => (Number.isFinite(r.profitPerAccount) ? r.profitPerAccount : null));
    expect(json.tiers.map((t: { profitPerAccount: number | null }) => t.profitPerAccount)).toEqual(want([...engine.byTier.rows, engine.byTier.total]));
    expect(json.segments.map((t: { profitPerAccount: number | null }) => t.profitPerAccount)).toEqual(want([...engine.bySegment.rows, engine.bySegment.total]));
    expect(json.tiers[0]).toEqual({
      label: 'Tier 1',
      accounts: 0,
      share: 0,
      revenue: 0,
      cost: 0,
      profit: 0,
      margin: null,
      profitShare: 0,
      profitPerAccount: null,
    });
    // Total: profit 80 over 4 accounts.
    expect(json.segments.at(-1).profitPerAccount).toBe(20);
    expect(Object.keys(json.tiers[0])).toEqual(['label', ...PROFIT_FIELDS]);
  });

  it("is the last column of the summary's tier and segment tables", async () => {
    const { code, out } = await cli('summary', 'ppa.csv', '--cutoffs', '0,50,50');
    expect(code).toBe(0);
    const [, tierTable, segmentTable] = out.split('\n\n');
    for (const table of [tierTable, segmentTable]) {
      const lines = table.split('\n');
      expect(lines[0].trimEnd().endsWith(english('col.profitPerAccount'))).toBe(true);
      // Total: 80 / 4 = 20.
      expect(lines.at(-1)!.trimEnd().endsWith('  20')).toBe(true);
    }
    // The empty Tier 1 has no profit per account: a dash, not 0.
    expect(tierTable.split('\n')[1].trimEnd().endsWith('–')).toBe(true);
  });
});

describe('the summary never prints Infinity', () => {
  it('reports the whale peak of profits near the largest double as a number', () => {
    // 1e308 + 1e308 overflowed on the way before: the peak read "Infinity%". Total 1e308; the peak is 2e308 / 1e308.
    const a = analyseGrid(
      [
        ['Account', 'Revenue', 'Profit'],
        ['A', 1, 1e308],
        ['B', 2, -1e308],
        ['C', 3, 1e308],
      ],
      parseSettings({}),
    );
    const text = summaryText(a, 'big.csv');
    expect(text).not.toMatch(/Infinity|NaN/u);
    expect(text).toContain('Profit peaks at 200.0% of total profit');
  });

  it('says a result beyond ±1.8e308 is beyond it, instead of a blank', () => {
    // Two revenues of 1e308: the total is 2e308, more than a double holds.
    const a = analyseGrid(
      [
        ['Account', 'Revenue', 'Profit'],
        ['A', 1e308, 1],
        ['B', 1e308, 1],
      ],
      parseSettings({}),
    );
    expect(a.bySegment.total.revenue).toBe(Number.POSITIVE_INFINITY);
    const text = summaryText(a, 'big.csv');
    expect(text).not.toMatch(/Infinity|NaN/u);
    expect(text).toContain('> 1.8e308');
  });
});
