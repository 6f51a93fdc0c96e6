import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRID_CELLS, axisOf, defaultAxis, parseSettings, settingsIssues, type Cell } from '../../src/core';
import { accounts, run, say, tiers } from './helpers';

const cells = (a: ReturnType<typeof run>) => Array.from(a.axes.cell, (c) => (c < 0 ? '' : GRID_CELLS[c]));

// Revenue (fit) rises A…E, engagement falls: percentiles 0, .25, .5, .75, 1 and the reverse.
const CROSSED = accounts(['Revenue', 'Engagement'], [10, 50], [20, 40], [30, 30], [40, 20], [50, 10]);

describe('fit × engagement axes (SPEC §15)', () => {
  it('each axis is scored by SPEC §3 over its own metrics', () => {
    const a = run(CROSSED);
    expect(Array.from(a.axes.fit)).toEqual([0, 25, 50, 75, 100]);
    expect(Array.from(a.axes.engagement)).toEqual([100, 75, 50, 25, 0]);
    expect(a.axes.metrics).toEqual({ fit: 1, engagement: 1 });
  });

  it('weights count within an axis: 3 × profit and 1 × tenure make fit 75 % profit', () => {
    // Profit p = 0, .5, 1; tenure p = 1, .5, 0; fit = 100 × (3p + t) / 4.
    const a = run(accounts(['Profit', 'Tenure', 'Orders'], [1, 9, 5], [2, 5, 5], [3, 1, 5]), { weights: { profit: 3, tenure: 1 } });
    expect(Array.from(a.axes.fit)).toEqual([25, 50, 75]);
    // Orders all equal: every account at the middle percentile.
    expect(Array.from(a.axes.engagement)).toEqual([50, 50, 50]);
  });

  it('cells by the quantile rule at 20/30/50: n = 5 gives K1 = 1 and K2 = 3 on each axis', () => {
    expect(cells(run(CROSSED))).toEqual(['C1', 'C2', 'B2', 'B3', 'A3']);
    expect(run(CROSSED).axes.counts).toEqual([0, 0, 1, 0, 1, 1, 1, 1, 0]);
  });

  it('cut-offs of 40/40/20 give K1 = 2, K2 = 4', () => {
    expect(cells(run(CROSSED, { gridCutoffs: [40, 40, 20] }))).toEqual(['C1', 'B1', 'B2', 'A2', 'A3']);
  });

  it('ties on an axis share a band', () => {
    const a = run(accounts(['Revenue', 'Engagement'], [10, 1], [10, 2], [10, 3], [10, 4], [10, 5]));
    expect(Array.from(a.axes.fitBand)).toEqual([0, 0, 0, 0, 0]);
    expect(cells(a)).toEqual(['A3', 'A3', 'A2', 'A2', 'A1']);
  });

  it('roles default to their axis; custom metrics are fit; the settings move a column', () => {
    for (const role of ['revenue', 'profit', 'cost', 'tenure', 'products', 'contacts', 'custom']) expect(defaultAxis(role)).toBe('fit');
    for (const role of ['engagement', 'recency', 'orders', 'opportunities', 'channels', 'feedback', 'health', 'support'])
      expect(defaultAxis(role)).toBe('engagement');
    const a = run(CROSSED, { axes: { Engagement: 'fit' } });
    const metrics = a.table.mapping.metrics;
    expect(metrics.map((m) => axisOf(m, a.settings.axes))).toEqual(['fit', 'fit']);
    expect(Array.from(a.axes.fit)).toEqual([50, 50, 50, 50, 50]);
    expect(Number.isNaN(a.axes.engagement[0])).toBe(true);
    expect(cells(a)).toEqual(['', '', '', '', '']);
  });

  it('an axis setting names a column as weights do: header or role, case and a trailing unit ignored', () => {
    const table = accounts(['Revenue ($)', 'Engagement'], [1, 2], [2, 1]);
    expect(run(table, { axes: { 'revenue ($)': 'engagement' } }).axes.metrics).toEqual({ fit: 0, engagement: 2 });
    expect(run(table, { axes: { REVENUE: 'engagement' } }).axes.metrics).toEqual({ fit: 0, engagement: 2 });
    expect(run(table, { axes: { engagement: 'fit' } }).axes.metrics).toEqual({ fit: 2, engagement: 0 });
  });

  it('lower-is-better metrics turn round on their axis: recent is engaged', () => {
    const a = run(accounts(['Revenue', 'Recency'], [1, 300], [2, 10], [3, 100]));
    expect(Array.from(a.axes.engagement)).toEqual([0, 100, 50]);
  });
});

describe('the grid method', () => {
  it('tiers by the program of each cell (defaults: A1 A2 B1 Strategic, A3 B2 C1 ABM Lite, the rest Programmatic)', () => {
    const a = run(CROSSED, { method: 'grid' });
    // C1, C2, B2, B3, A3 → Lite, Programmatic, Lite, Programmatic, Lite.
    expect(tiers(a)).toEqual(['Tier 2', 'Tier 3', 'Tier 2', 'Tier 3', 'Tier 2']);
    expect(a.capacity.accounts).toEqual([0, 3, 2]);
  });

  it('a program per cell set by the user', () => {
    const gridPrograms = ['strategic', 'strategic', 'strategic', 'strategic', 'strategic', 'strategic', 'strategic', 'lite', 'lite'] as const;
    expect(tiers(run(CROSSED, { method: 'grid', gridPrograms: [...gridPrograms] }))).toEqual(['Tier 1', 'Tier 2', 'Tier 1', 'Tier 1', 'Tier 1']);
  });

  it('an account with no metric on one axis has no cell, goes to Tier 3, and the warning says so', () => {
    const a = run(accounts(['Revenue', 'Engagement'], [10, 5], [20, ''], [30, 1]), { method: 'grid' });
    // Engagement over two accounts: K1 = floor(0.4 + 0.5) = 0, so no account is engagement 1.
    expect(cells(a)).toEqual(['C2', '', 'A3']);
    expect(tiers(a)).toEqual(['Tier 3', 'Tier 3', 'Tier 2']);
    expect(a.warnings.map(say)).toContain(
      '1 scored account has no metric on one of the two axes (fit, engagement), so it has no grid cell and goes to Tier 3.',
    );
  });

  it('the unprofitable cap applies after the grid', () => {
    const a = run(accounts(['Profit', 'Engagement'], [-5, 9], [20, 1], [30, 2]), { method: 'grid', gridCutoffs: [40, 40, 20] });
    // Profit −5 is C on fit but engagement A: C1 → ABM Lite, capped to Tier 3.
    expect(cells(a)[0]).toBe('C1');
    expect(tiers(a)[0]).toBe('Tier 3');
    expect(a.capped).toBe(1);
  });
});

describe('grid settings', () => {
  it('defaults', () => {
    const s = parseSettings({});
    expect(s.gridCutoffs).toEqual([20, 30, 50]);
    expect(s.gridPrograms).toEqual(['strategic', 'strategic', 'lite', 'strategic', 'lite', 'programmatic', 'lite', 'programmatic', 'programmatic']);
    expect(s.axes).toEqual({});
  });

  it('refusals name the field as a marketer reads it', () => {
    const why = (input: unknown) => settingsIssues(input).map((i) => say(i.message));
    expect(why({ axes: { Revenue: 'both' } })).toEqual(['Grid axis of Revenue: "both" is not one of "fit", "engagement"']);
    expect(why({ gridCutoffs: [70, 40, -10] })).toEqual([expect.stringContaining('Grid A/1 % and Grid B/2 %')]);
    expect(why({ gridPrograms: ['strategic', 'lite', 'gold', 'lite', 'lite', 'lite', 'lite', 'lite', 'lite'] })[0]).toMatch(
      /^Program of grid cell A3: "gold"/u,
    );
    expect(why({ gridPrograms: ['strategic'] })[0]).toMatch(/^Program per grid cell: /u);
  });
});

describe('invariants', () => {
  const value: fc.Arbitrary<Cell> = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(''));
  const rows = fc.array(fc.tuple(value, value, value, value), { minLength: 1, maxLength: 40 });
  const table = (r: Cell[][]) => accounts(['Revenue', 'Profit', 'Engagement', 'Recency'], ...r);

  it('axis scores stay within 0–100; a cell exactly where both axes are scored; counts add up', () => {
    fc.assert(
      fc.property(rows, (r) => {
        const a = run(table(r));
        let withCell = 0;
        for (let i = 0; i < a.table.n; i++) {
          for (const s of [a.axes.fit[i], a.axes.engagement[i]]) if (!Number.isNaN(s)) expect(s >= 0 && s <= 100).toBe(true);
          const both = !Number.isNaN(a.axes.fit[i]) && !Number.isNaN(a.axes.engagement[i]);
          expect(a.axes.cell[i] >= 0).toBe(both);
          if (both) withCell++;
        }
        expect(a.axes.counts.reduce((x, y) => x + y, 0)).toBe(withCell);
      }),
      { numRuns: 150 },
    );
  });

  it('shuffling rows changes no account’s cell; the grid method gives each cell its program', () => {
    fc.assert(
      fc.property(rows, fc.integer(), (r, seed) => {
        const a = run(table(r), { method: 'grid', unprofitableCap: false });
        const order = r.map((_, i) => i).sort((x, y) => ((x * 7919 + seed) % 101) - ((y * 7919 + seed) % 101) || x - y);
        const b = run(table(order.map((i) => r[i])), { method: 'grid', unprofitableCap: false });
        const ca = cells(a);
        const cb = cells(b);
        order.forEach((from, to) => expect(cb[to]).toBe(ca[from]));
        for (let i = 0; i < a.table.n; i++) {
          if (a.axes.cell[i] < 0) continue;
          expect(a.settings.gridPrograms[a.axes.cell[i]]).toBe(['strategic', 'lite', 'programmatic'][a.tier[i]]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
