import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import { t } from '../../src/i18n';
import { REPORT_SHEET_NAME, sidebarReportCard } from '../../src/sheet/report-card-sheet';
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

/** withOutcome() with a Pin column: every 20th account pinned Tier 1 (a reason after the colon), every 20th from the 10th Tier 3. */
function withPins(): Value[][] {
  const grid = withOutcome();
  grid[0].push('Pin');
  for (let i = 1; i < grid.length; i++) grid[i].push(i % 20 === 0 ? 'Tier 1: strategic logo' : i % 20 === 10 ? 'Tier 3' : '');
  return grid;
}

describe("the report card's pinned accounts in the sidebar", () => {
  for (const [lang, locale] of [
    ['en', 'en_US'],
    ['th', 'th_TH'],
    ['zh-CN', 'zh_CN'],
    ['hy', 'hy_AM'],
  ] as const) {
    it(`${lang}: shows the pinned accounts apart, beside the unpinned rates, in words, within 300 px`, async () => {
      const preview = await startPreview({ Accounts: withPins() }, 0, '127.0.0.1', locale);
      try {
        const page = await browser().newPage({ viewport: { width: 300, height: 900 } });
        await page.goto(`${preview.url}sidebar`);
        await page.waitForSelector('#columns, #problem');
        await page.click('#report-card-block summary');
        await page.click('#report-card-show');
        await page.waitForSelector('#report-pinned');
        // The same figures as the server's card of this sheet: the three pinned tiers, then up and down.
        const want = sidebarReportCard(preview.book.session().services, null)?.pinned;
        expect(want?.rows.map((r) => r.accounts)).toEqual([6, 0, 6].concat(want!.rows.slice(3).map((r) => r.accounts)));
        const cells = await page.$$eval('#report-pinned-table tr', (trs) => trs.slice(1).map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
        const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
        expect(cells).toEqual(want!.rows.map((r) => [r.label, String(r.accounts), pct(r.rate), pct(r.unpinnedRate)]));
        expect(await page.textContent('#report-pinned strong')).toBe(t(lang, 'report.pinnedTitle'));
        const lines = await page.$$eval('#report-pinned p', (ps) => ps.map((p) => p.textContent));
        expect(lines.length).toBeGreaterThan(0);
        expect(lines).toEqual(want!.lines);
        // Nothing ends right of 300 px or clips its text.
        const problems = await page.$$eval('#report-card-block *', (es) =>
          es
            .filter((e) => e.getClientRects().length > 0 && e.tagName !== 'OPTION')
            .flatMap((e) => {
              const box = e.getBoundingClientRect();
              const name = `${e.tagName}#${e.id} "${(e.textContent ?? '').slice(0, 30)}"`;
              return [
                ...(box.right > document.documentElement.clientWidth + 0.5 ? [`${name} ends at ${box.right}`] : []),
                ...(e.scrollWidth > e.clientWidth + 1 ? [`${name} is clipped`] : []),
              ];
            }),
        );
        expect(problems).toEqual([]);
        if (lang === 'en') {
          await page.locator('#report-pinned').scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(DOCS, 'sidebar-report-card-pins.png') });
        }
        await page.close();
      } finally {
        await preview.close();
      }
    }, 120_000);
  }
});
