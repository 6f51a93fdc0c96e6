import { describe, expect, it } from 'vitest';
import { abmGrid } from '../../src/functions/abmgrid';
import { cliInFolder, csvOf, records } from './helpers';

const { file, cli } = cliInFolder('abm-grid-');
const GRID = [
  ['Account', 'Revenue', 'Engagement'],
  ['A', 10, 50],
  ['B', 20, 40],
  ['C', 30, 30],
  ['D', 40, 20],
  ['E', 50, 10],
];

describe('abm-tier score --grid', () => {
  it('adds fit, engagement and the cell to each JSON row, as ABMGRID gives them', async () => {
    const path = file('crossed.csv', csvOf(GRID));
    const { code, out } = await cli('score', path, '--grid');
    expect(code).toBe(0);
    const rows = JSON.parse(out).rows as { fit: number; engagement: number; grid: string }[];
    expect(rows.map((r) => [r.fit, r.engagement, r.grid])).toEqual(abmGrid(GRID).slice(1));
    expect(rows.map((r) => r.grid)).toEqual(['C1', 'C2', 'B2', 'B3', 'A3']);
  });

  it('adds the columns Fit, Engagement, Grid to the CSV, after the other outputs', async () => {
    const path = file('crossed2.csv', csvOf(GRID));
    const { out } = await cli('score', path, '--grid', '--format', 'csv');
    const [header, first] = records(out);
    expect(header.slice(-3)).toEqual(['Fit', 'Engagement', 'Grid']);
    expect(first.slice(-3)).toEqual(['0', '100', 'C1']);
  });

  it('no --grid, no grid fields', async () => {
    const path = file('crossed3.csv', csvOf(GRID));
    const rows = JSON.parse((await cli('score', path)).out).rows;
    expect(rows[0]).not.toHaveProperty('grid');
  });

  it('--method grid tiers by the program of each cell; --axes moves a column to the other axis', async () => {
    const path = file('crossed4.csv', csvOf(GRID));
    const tiers = JSON.parse((await cli('score', path, '--method', 'grid')).out).rows.map((r: { tier: string }) => r.tier);
    expect(tiers).toEqual(['Tier 2', 'Tier 3', 'Tier 2', 'Tier 3', 'Tier 2']);
    const rows = JSON.parse((await cli('score', path, '--grid', '--axes', 'Engagement=fit')).out).rows;
    expect(rows.map((r: { grid: string | null }) => r.grid)).toEqual([null, null, null, null, null]);
    const bad = await cli('score', path, '--axes', 'Engagement=both');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--axes takes name=fit or name=engagement pairs');
  });
});

describe('abm-tier sql --grid', () => {
  it('appends the grid query, which DuckDB would run after the others (one statement each, ; ended)', async () => {
    const { code, out } = await cli('sql', '--columns', 'Account,Revenue,Engagement', '--table', 'p.d.accounts', '--grid');
    expect(code).toBe(0);
    const grid = out.slice(out.indexOf('-- ABM Tier: fit, engagement'));
    expect(grid).toMatch(/AS fit, abm_engagement AS engagement, CASE grid_cell WHEN 0 THEN 'A1'/u);
    expect(grid.trimEnd().endsWith(';')).toBe(true);
    expect((await cli('sql', '--columns', 'Account,Revenue', '--table', 't')).out).not.toContain('grid_cell');
  });
});
