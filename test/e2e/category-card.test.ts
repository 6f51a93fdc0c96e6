import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import type { Value } from '../fakes/workbook';
import { accountsGrid } from '../sheet/helpers';
import { openPreview, screenshotDir, useBrowser } from './browser';

const DOCS = screenshotDir();
const browser = useBrowser();
beforeAll(() => mkdirSync(DOCS, { recursive: true }));

/** 120 sample accounts (with their Industry column) and a "Deal 2026" column no header names as an outcome. */
function withOutcome(): Value[][] {
  const grid = accountsGrid(120);
  grid[0].push('Deal 2026');
  for (let i = 1; i < grid.length; i++) grid[i].push(i % 3 === 0 ? 'Won' : 'Lost');
  return grid;
}

describe('outcome and category in the sidebar (Chromium, issue 17)', () => {
  it('maps the outcome like any role, shows the rate by industry, and profit by industry in one click', async () => {
    const preview = await startPreview({ Accounts: withOutcome() });
    try {
      const { page, sidebar } = await openPreview(browser(), preview.url);
      await sidebar.waitForSelector('#columns');
      // Industry is found as a category by its header: offered with the columns the score does not use.
      expect(await sidebar.locator('#unmapped select[data-header="Industry"]').inputValue()).toBe('category');
      // The outcome is mapped in the report card block, and the columns panel shows it as a role.
      await sidebar.click('#report-card-block summary');
      await sidebar.locator('#report-card-outcome').selectOption('Deal 2026');
      await sidebar.waitForSelector('#columns select[data-header="Deal 2026"]');
      expect(await sidebar.locator('#columns select[data-header="Deal 2026"]').inputValue()).toBe('outcome');
      // No weight for an outcome: it never enters the score.
      expect(await sidebar.locator('.col:has(select[data-header="Deal 2026"]) input[type=range]').count()).toBe(0);
      if (!(await sidebar.locator('#report-card-block').getAttribute('open'))) await sidebar.click('#report-card-block summary');
      await sidebar.click('#report-card-show');
      await sidebar.waitForSelector('#report-categories');
      expect(await sidebar.textContent('#report-card')).toContain('120 accounts with an outcome counted');
      expect(await sidebar.textContent('#report-categories')).toContain('Success rate by Industry');
      // Its rows add up to the card's accounts.
      const counts = await sidebar.$$eval('#report-category-0 tr td:nth-child(2)', (tds) => tds.map((td) => Number(td.textContent)));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(120);
      // "Which Industry earns the profit?": the profit table by its values, with a total of every scored account.
      await sidebar.click('.profit-by[data-header="Industry"]');
      await sidebar.waitForSelector('#category-profit-table');
      const rows = await sidebar.$$eval('#category-profit-table tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
      expect(rows[0][0]).toBe('Industry');
      expect(rows[rows.length - 1].slice(0, 2)).toEqual(['Total', '120']);
      expect(rows.slice(1, -1).reduce((a, r) => a + Number(r[1]), 0)).toBe(120);
      await sidebar.locator('#category-profit').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(DOCS, 'sidebar-categories.png'), clip: { x: 1100, y: 30, width: 300, height: 870 } });
      await page.close();
    } finally {
      await preview.close();
    }
  });
});
