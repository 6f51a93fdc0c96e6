import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import { REPORT_SHEET_NAME } from '../../src/sheet/report-card-sheet';
import type { Value } from '../fakes/workbook';
import { accountsGrid } from '../sheet/helpers';
import { openPreview, screenshotDir, useBrowser } from './browser';

const DOCS = screenshotDir();
const browser = useBrowser();
beforeAll(() => mkdirSync(DOCS, { recursive: true }));

/** 120 sample accounts with a "Closed won" column: success more likely the higher the revenue (a seeded pattern). */
function withOutcome(): Value[][] {
  const grid = accountsGrid(120);
  const revenue = grid[0].indexOf('Revenue');
  const ranked = grid
    .slice(1)
    .map((r, i) => ({ i: i + 1, v: Number(r[revenue]) }))
    .sort((a, b) => a.v - b.v);
  const rank = new Map(ranked.map((r, k) => [r.i, k]));
  grid[0].push('Closed won');
  for (let i = 1; i < grid.length; i++) grid[i].push((rank.get(i)! * 37) % 120 < rank.get(i)! ? 'Won' : 'Lost');
  return grid;
}

describe('the report card in the sidebar (Chromium, the real server code on the in-memory sheet)', () => {
  it('shows the card of the active sheet on a click, writing nothing; Score then makes "ABM Report Card"', async () => {
    const preview = await startPreview({ Accounts: withOutcome() });
    try {
      const { page, sidebar } = await openPreview(browser(), preview.url);
      await sidebar.waitForSelector('#columns, #problem');
      await sidebar.click('#report-card-block summary');
      await sidebar.click('#report-card-show');
      await sidebar.waitForSelector('#report-card');
      const text = await sidebar.textContent('#report-card');
      expect(text).toContain('Tier 1');
      expect(text).toMatch(/AUC \(DeLong 95 %\): 0\.\d{3}/u);
      expect(text).toContain('120 accounts with an outcome counted; 0 without one left out.');
      expect(await sidebar.$$eval('#report-card tr', (rows) => rows.length)).toBe(4);
      expect(preview.book.sheets.map((s) => s.name)).not.toContain(REPORT_SHEET_NAME);
      await sidebar.locator('#report-card').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(DOCS, 'sidebar-report-card.png'), clip: { x: 1100, y: 30, width: 300, height: 870 } });

      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      expect(preview.book.sheets.map((s) => s.name)).toContain(REPORT_SHEET_NAME);
      // The sheet in the preview: the card's table and its column chart of the rate by tier, drawn.
      await page.click(`#tabs button[data-sheet="${REPORT_SHEET_NAME}"]`);
      await page.waitForSelector(`table.cells[data-sheet="${REPORT_SHEET_NAME}"]`);
      expect(await page.textContent(`table.cells[data-sheet="${REPORT_SHEET_NAME}"]`)).toContain('MadKudu bar');
      expect(await page.$$eval('.chart[data-chart="COLUMN"] rect', (r) => r.length)).toBeGreaterThanOrEqual(9);
      await page.screenshot({ path: join(DOCS, 'preview-report-card.png') });
      await page.close();
    } finally {
      await preview.close();
    }
  }, 120_000);
});
