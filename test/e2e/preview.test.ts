import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sampleWorkbook, startPreview, type Preview } from '../../scripts/preview/server';
import { SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { screenshotDir, useBrowser } from './browser';

const DOCS = screenshotDir();
const browser = useBrowser();

async function menuRuns(page: Page): Promise<number> {
  return Number((await page.getAttribute('body', 'data-menu-runs')) ?? 0);
}

/**
 * Clicks a menu button and waits until the page shows the workbook after it. Not the page's version: a tab click
 * changes the server's version too, and the page's poll can draw that while the menu item is still running.
 */
async function menu(page: Page, fn: string): Promise<void> {
  const before = await menuRuns(page);
  await page.click(`#menu button[data-menu="${fn}"]`);
  await page.waitForFunction((n) => Number(document.body.getAttribute('data-menu-runs') ?? 0) > n, before);
}

async function tab(page: Page, name: string): Promise<void> {
  await page.click(`#tabs button[data-sheet="${name}"]`);
  await page.waitForSelector(`table.cells[data-sheet="${name}"]`);
}

describe('the local preview (npm start), in Chromium', () => {
  it('scores the sample from the menu: coloured rows, the summary with tables and drawn charts, and a second Score changes nothing', async () => {
    const preview: Preview = await startPreview(sampleWorkbook());
    try {
      const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(preview.url);
      await page.waitForSelector('table.cells[data-sheet="Accounts"]');
      // The how-to sheet's custom functions were computed through the bundle's globals.
      await tab(page, 'How to use');
      const tiers = await page.$$eval('table.cells tr[data-row] td:nth-child(3)', (tds) => tds.map((t) => t.textContent));
      expect(tiers).toContain('Tier 1');
      await tab(page, 'Accounts');

      await menu(page, 'menuScoreSheet');
      expect(await page.textContent('#note')).toMatch(/^Scored 250 accounts: \d+ Tier 1, \d+ Tier 2, \d+ Tier 3\./u);
      const colours = await page.$$eval('table.cells[data-sheet="Accounts"] tr[data-row] td:nth-child(2)', (tds) =>
        tds.slice(1, 40).map((t) => (t as HTMLElement).style.background),
      );
      expect(colours.every((c) => c !== '')).toBe(true);
      expect(new Set(colours).size).toBe(3);
      await page.screenshot({ path: join(DOCS, 'preview-accounts.png') });

      await tab(page, SUMMARY_SHEET_NAME);
      const text = await page.textContent(`table.cells[data-sheet="${SUMMARY_SHEET_NAME}"]`);
      expect(text).toContain('Profitability by segment');
      expect(text).toContain('Tiers');
      expect(await page.$$eval('.chart[data-chart="COLUMN"] rect', (r) => r.length)).toBeGreaterThanOrEqual(8);
      expect(await page.$$eval('.chart[data-chart="LINE"] polyline', (r) => r.length)).toBe(1);
      await page.screenshot({ path: join(DOCS, 'preview-summary.png') });

      const first = await (await fetch(`${preview.url}api/workbook`)).json();
      await menu(page, 'menuScoreSheet');
      const second = await (await fetch(`${preview.url}api/workbook`)).json();
      const stable = (w: { sheets: { name: string; cells: string[][] }[] }) =>
        w.sheets.map((s) => ({ ...s, cells: s.cells.map((r, i) => (s.name === SUMMARY_SHEET_NAME && i === 1 ? [] : r)) }));
      expect(stable(second)).toEqual(stable(first));
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('shows a message naming the row for text in a numeric column', async () => {
    const preview = await startPreview({
      Accounts: [
        ['Account', 'Revenue', 'Profit'],
        ['Acme', 100, 10],
        ['Birch', 'lots', 20],
        ['Cobalt', 300, 30],
      ],
    });
    try {
      const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(preview.url);
      const sidebar = page.frame({ url: /\/sidebar$/u })!;
      await sidebar.waitForSelector('#score');
      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      expect(await sidebar.textContent('#result')).toContain('Row 3, column "Revenue": "lots" is not a number.');
      await page.waitForFunction(() => document.querySelector('table.cells')?.textContent?.includes('⚠ Row 3'));
      await page.close();
    } finally {
      await preview.close();
    }
  });
});
