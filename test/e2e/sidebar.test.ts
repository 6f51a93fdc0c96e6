import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../scripts/preview/server';
import { SETTINGS_PROPERTY, SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { accountsGrid } from '../sheet/helpers';
import { SAMPLE_HEADER } from '../../src/sample/accounts';
import { parseSettings } from '../../src/core/settings';
import { DEFAULT_RFM_SEGMENTS } from '../../src/core/rfm';
import { english, t } from '../../src/i18n';
import { sqlExportText } from '../../src/sql/export-text';
import { screenshotDir, useBrowser } from './browser';

const DOCS = screenshotDir();

const browser = useBrowser();
beforeAll(() => mkdirSync(DOCS, { recursive: true }));

/** The preview page with the sidebar loaded in its frame. */
async function open(preview: Preview, width = 1400): Promise<{ page: Page; sidebar: Frame }> {
  const page = await browser().newPage({ viewport: { width, height: 900 } });
  await page.goto(preview.url);
  const frame = page.frame({ url: /\/sidebar$/u });
  if (!frame) throw new Error('sidebar frame missing');
  await frame.waitForSelector('#columns, #problem');
  return { page, sidebar: frame };
}

async function previewCounts(sidebar: Frame): Promise<number[]> {
  await sidebar.waitForFunction(() => document.querySelectorAll('#preview tr[data-tier]').length === 3 && !document.querySelector('#preview.busy'));
  return sidebar.$$eval('#preview tr[data-tier] td.num:nth-child(2)', (cells) => cells.map((c) => Number(c.textContent)));
}

describe('The sidebar, in Chromium, against the real server code on the in-memory sheet', () => {
  it('maps the columns, previews live as settings change, scores, and shows the result card', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(120) });
    try {
      const { page, sidebar } = await open(preview);
      // Columns found with their roles.
      const roles = await sidebar.$$eval('#columns select[data-header]', (s) => (s as HTMLSelectElement[]).map((x) => `${x.dataset.header}=${x.value}`));
      expect(roles).toContain('Revenue=revenue');
      expect(roles).toContain('Recency (days)=recency');
      expect(await sidebar.textContent('#unmapped')).toContain('Industry');
      await page.screenshot({ path: join(DOCS, 'sidebar-columns.png'), clip: { x: 1100, y: 30, width: 300, height: 870 } });

      // The preview follows the settings, before anything is written.
      expect(await previewCounts(sidebar)).toEqual([24, 36, 60]);
      await sidebar.selectOption('#method', 'threshold');
      const before = await previewCounts(sidebar);
      await sidebar.fill('input[aria-label="Tier 1 ≥"]', '55');
      await sidebar.waitForFunction((b) => {
        const now = [...document.querySelectorAll('#preview tr[data-tier] td.num:nth-child(2)')].map((c) => Number(c.textContent));
        return now.length === 3 && now.join() !== b.join();
      }, before);
      const afterThreshold = await previewCounts(sidebar);
      const slider = sidebar.locator('input[aria-label="Weight of Engagement"]');
      await slider.fill('5');
      await sidebar.waitForFunction((b) => {
        const now = [...document.querySelectorAll('#preview tr[data-tier] td.num:nth-child(2)')].map((c) => Number(c.textContent));
        return now.length === 3 && now.join() !== b.join();
      }, afterThreshold);
      expect(preview.book.sheet('Accounts').snapshot().values[0]).toHaveLength(SAMPLE_HEADER.length); // nothing written yet

      // Score: busy state, then the result card; the sheet gets its columns, colours and summary.
      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      const card = await sidebar.textContent('#result');
      expect(card).toContain('Scored 120 accounts on "Accounts"');
      expect(card).toContain('Share of profit by segment');
      const values = preview.book.sheet('Accounts').snapshot().values;
      expect(values[0].slice(SAMPLE_HEADER.length, SAMPLE_HEADER.length + 5)).toEqual(['Score', 'Tier', 'Segment', 'ABM program', 'Drivers']);
      expect(preview.book.sheet('Accounts').backgroundAt(2, 1)).not.toBeNull();
      expect(preview.book.sheets.map((s) => s.name)).toContain(SUMMARY_SHEET_NAME);
      // The saved settings are what the sidebar had.
      expect(JSON.parse(preview.book.properties['abmTier.settings']).weights.Engagement).toBe(5);
      // Copy as SQL: the tuned settings as the warehouse query, made in the sidebar (no server call)
      // from the columns it holds: the very text of the sheet's header row and the saved settings.
      const calls: string[] = [];
      page.on('request', (r) => {
        // Every few seconds the sidebar asks which sheet is active (it follows it): that is no SQL call.
        if (r.url().includes('/rpc/') && !r.url().includes('/rpc/getActiveSheetName')) calls.push(new URL(r.url()).pathname);
      });
      await sidebar.click('#copy-sql');
      await sidebar.waitForSelector('#sql-text:not([hidden])');
      const sql = await sidebar.inputValue('#sql-text');
      expect(sql).toContain('FROM `project.dataset.accounts`');
      expect(sql).toMatch(/WHEN rs >= 55\.0 THEN 1/u);
      const saved = parseSettings(JSON.parse(preview.book.properties['abmTier.settings']));
      expect(sql).toBe(
        sqlExportText({ headers: [...SAMPLE_HEADER], source: 'Accounts', table: 'project.dataset.accounts', dialect: 'bigquery' }, saved, english),
      );
      await sidebar.selectOption('#sql-dialect', 'duckdb');
      await sidebar.fill('#sql-table', 'crm.accounts');
      await sidebar.click('#copy-sql');
      await sidebar.waitForFunction(() => (document.getElementById('sql-text') as HTMLTextAreaElement).value.includes('FROM "crm"."accounts"'));
      expect(await sidebar.inputValue('#sql-text')).toBe(
        sqlExportText({ headers: [...SAMPLE_HEADER], source: 'Accounts', table: 'crm.accounts', dialect: 'duckdb' }, saved, english),
      );
      // Made in the sidebar: the only calls read the document's pins (src/sql/pins.ts).
      expect(calls.filter((c) => c !== '/rpc/getDocumentPins')).toEqual([]);
      await sidebar.selectOption('#sql-dialect', 'bigquery');
      await sidebar.fill('#sql-table', 'project.dataset.accounts');
      await sidebar.click('#copy-sql');
      await sidebar.waitForFunction(() => (document.getElementById('sql-text') as HTMLTextAreaElement).value.includes('FROM `project.dataset.accounts`'));
      await sidebar.evaluate(() => document.getElementById('result')?.scrollIntoView());
      await page.screenshot({ path: join(DOCS, 'sidebar-result.png'), clip: { x: 1100, y: 30, width: 300, height: 870 } });
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it("saves RFM rules only once one is edited: the defaults stay out of the document's settings", async () => {
    const preview = await startPreview({ Accounts: accountsGrid(30) });
    const saved = () => JSON.parse(preview.book.properties[SETTINGS_PROPERTY]) as Record<string, unknown>;
    const score = async (sidebar: Frame) => {
      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      await sidebar.waitForSelector('#score:not([disabled])');
    };
    try {
      const { page, sidebar } = await open(preview);
      await sidebar.locator('input[aria-label="Weight of Engagement"]').fill('5');
      await score(sidebar);
      expect(saved().weights).toEqual({ Engagement: 5 });
      expect(saved()).not.toHaveProperty('rfmSegments');

      // One rule edited: the whole list is saved, that rule changed and the others as they were.
      await sidebar.click('details:has(#rfm-rules) > summary');
      await sidebar.click('#rfm-rules > summary');
      const championsFrom = sidebar.locator('#rfm-rules input[aria-label="Champions R from"]');
      await championsFrom.fill('5');
      await championsFrom.press('Tab');
      await score(sidebar);
      const champions = { ...DEFAULT_RFM_SEGMENTS[0], r: [5, 5] };
      expect(saved().rfmSegments).toEqual([champions, ...DEFAULT_RFM_SEGMENTS.slice(1)]);

      // Edited back to the defaults: nothing to keep, so nothing is saved.
      await championsFrom.fill('4');
      await championsFrom.press('Tab');
      await score(sidebar);
      expect(saved()).not.toHaveProperty('rfmSegments');
      expect(saved().weights).toEqual({ Engagement: 5 });
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('drops the default RFM rules an older sidebar saved, at the next save', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(30) });
    preview.book.properties[SETTINGS_PROPERTY] = JSON.stringify({ weights: { Engagement: 3 }, rfmSegments: DEFAULT_RFM_SEGMENTS });
    try {
      const { page, sidebar } = await open(preview);
      await sidebar.locator('input[aria-label="Weight of Engagement"]').fill('4');
      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      const saved = JSON.parse(preview.book.properties[SETTINGS_PROPERTY]);
      expect(saved.weights).toEqual({ Engagement: 4 });
      expect(saved).not.toHaveProperty('rfmSegments');
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('Remove colours drops our tier colours and says so; pressed again, it says there are none', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(30) });
    try {
      const { page, sidebar } = await open(preview);
      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      expect(preview.book.sheet('Accounts').backgroundAt(2, 1)).not.toBeNull();
      await sidebar.click('#remove-colours');
      await sidebar.waitForSelector('#outcome p:text("Tier colours removed.")');
      expect(preview.book.sheet('Accounts').backgroundAt(2, 1)).toBeNull();
      await sidebar.waitForSelector('#remove-colours:not([disabled])');
      await sidebar.click('#remove-colours');
      await sidebar.waitForSelector('#outcome p:text("No tier colours to remove on this sheet.")');
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('shows a clear error for a sheet with no metric columns, in words', async () => {
    const preview = await startPreview({
      Contacts: [
        ['Name', 'Notes'],
        ['Acme', 'call back'],
        ['Birch', 'met at fair'],
      ],
    });
    try {
      const { page, sidebar } = await open(preview);
      expect(await sidebar.textContent('#problem')).toContain('No metric column found in "Contacts"');
      await sidebar.click('#score');
      await sidebar.waitForSelector('#outcome .error');
      const message = await sidebar.textContent('#outcome .error');
      expect(message).toContain('No metric column found');
      expect(message).not.toMatch(/at \w+ \(|Error:|stack/iu);
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it("says in the document's language what is wrong with the warehouse table or dialect", async () => {
    const preview = await startPreview({ Accounts: accountsGrid(30) }, 0, '127.0.0.1', 'th_TH');
    try {
      const { page, sidebar } = await open(preview);
      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      const note = async () => {
        await sidebar.click('#copy-sql');
        await sidebar.waitForSelector('#copy-sql + span.error');
        return (await sidebar.textContent('#copy-sql + span'))!.trim();
      };
      await sidebar.fill('#sql-table', 'bad table; drop');
      expect(await note()).toBe(t('th', 'msg.sqlTable'));
      await sidebar.fill('#sql-table', 'p.d.accounts');
      await sidebar.evaluate(() => {
        const select = document.getElementById('sql-dialect') as HTMLSelectElement;
        select.append(new Option('Oracle', 'oracle'));
        select.value = 'oracle';
      });
      expect(await note()).toBe(t('th', 'msg.sqlDialect'));
      expect(await sidebar.getAttribute('#sql-text', 'hidden')).not.toBeNull();
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('re-reads the columns when a role is changed in its dropdown', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(30) });
    try {
      const { page, sidebar } = await open(preview);
      await sidebar.locator('#columns select[data-header="Revenue"]').selectOption('');
      // The list and the unmapped line are drawn from the same re-read; wait until both show it.
      await sidebar.waitForFunction(
        () => document.querySelector('#unmapped')?.textContent?.includes('Revenue') && !document.querySelector('#columns select[data-header="Revenue"]'),
      );
      expect(await sidebar.$$eval('#columns select[data-header]', (s) => (s as HTMLSelectElement[]).map((x) => x.dataset.header))).not.toContain('Revenue');
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('shows headers and cells from the sheet as text: markup in them runs nothing', async () => {
    const evil = '<img src=x onerror="window.__xss=1">';
    const preview = await startPreview({
      Accounts: [
        ['Account', 'Revenue', evil],
        ['<script>window.__xss=2</script>', 10, 1],
        ['B', '<img src=y onerror="window.__xss=3">', 'x'],
        ['C', 30, 2],
      ],
    });
    try {
      const { page, sidebar } = await open(preview);
      expect(await sidebar.textContent('#unmapped')).toContain(evil);
      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      expect(await sidebar.textContent('#result')).toContain('Row 3, column "Revenue": "<img src=y onerror="window.__xss=3">" is not a number.');
      await page.waitForFunction(() => document.querySelector('table.cells')?.textContent?.includes('<script>'));
      expect(await sidebar.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await sidebar.$$('img')).toHaveLength(0);
      await page.close();
    } finally {
      await preview.close();
    }
  });
});
