import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../scripts/preview/server';
import { analyseRows, exceptionsReport, parseSettings } from '../../src/core';
import { ui } from '../../src/i18n/ui';
import { t } from '../../src/i18n';
import { SETTINGS_PROPERTY, SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import type { Value } from '../fakes/workbook';
import { accountsGrid } from '../sheet/helpers';
import { useBrowser } from './browser';

const browser = useBrowser();

/** The preview page (sheet tabs and the sidebar in its frame), `width` × `height`. */
async function open(preview: Preview, height = 900): Promise<{ page: Page; sidebar: Frame }> {
  const page = await browser().newPage({ viewport: { width: 1400, height } });
  await page.goto(preview.url);
  const sidebar = page.frame({ url: /\/sidebar$/u });
  if (!sidebar) throw new Error('sidebar frame missing');
  await sidebar.waitForSelector('#preview tr[data-tier], #problem');
  return { page, sidebar };
}

/** The sidebar alone at its real size: 300 px wide. */
async function openSidebar(preview: Preview, height = 600): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 300, height } });
  await page.goto(`${preview.url}sidebar`);
  await page.waitForSelector('#preview tr[data-tier]');
  return page;
}

/** Server calls the sidebar makes from now on, but for its asking which sheet is active. */
function serverCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/rpc/') && path !== '/rpc/getActiveSheetName') calls.push(path.slice(5));
  });
  return calls;
}

/** Rows whose tier differs between two settings, as the engine computes them here in Node. */
function changedTiers(grid: Value[][], before: unknown, after: unknown): { up: number; down: number } {
  const tiers = (input: unknown) => analyseRows(grid[0], grid.slice(1), parseSettings(input)).tier;
  const a = tiers(before);
  const b = tiers(after);
  let up = 0;
  let down = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] >= 0 && b[i] >= 0 && b[i] < a[i]) up++;
    if (a[i] >= 0 && b[i] >= 0 && b[i] > a[i]) down++;
  }
  return { up, down };
}

const shares = (sidebar: Frame | Page) => sidebar.$$eval('#preview tr[data-tier] td.share', (cells) => cells.map((c) => c.textContent));
const counts = (sidebar: Frame | Page) => sidebar.$$eval('#preview tr[data-tier] td.num:nth-child(2)', (cells) => cells.map((c) => Number(c.textContent)));

describe('feedback while tuning, in Chromium', () => {
  it('under quantile tiers the sliders move the share of profit and the accounts that would change tier, computed in the sidebar', async () => {
    const grid = accountsGrid(200);
    const preview = await startPreview({ Accounts: grid });
    try {
      const { page, sidebar } = await open(preview);
      const calls = serverCalls(page);
      expect(await sidebar.textContent('#changes')).toBe(ui('en', 'ui.noChange', { against: ui('en', 'ui.sinceOpened') }));
      const sharesBefore = await shares(sidebar);
      await sidebar.locator('input[aria-label="Weight of Engagement"]').fill('5');
      await sidebar.locator('input[aria-label="Weight of Revenue"]').fill('0');
      const moved = changedTiers(grid, {}, { weights: { Engagement: 5, Revenue: 0 } });
      expect(moved.up + moved.down).toBeGreaterThan(0);
      const expected = ui('en', 'ui.wouldChange', { count: moved.up + moved.down, ...moved, against: ui('en', 'ui.sinceOpened') });
      await sidebar.waitForFunction((text) => document.getElementById('changes')?.textContent === text, expected);
      // Quantile tiers keep their sizes; what they hold, and so their share of profit, changes.
      expect(await counts(sidebar)).toEqual([40, 60, 100]);
      expect(await shares(sidebar)).not.toEqual(sharesBefore);
      expect(calls).toEqual([]);

      // After a Score the changes count against it, and so they do when the sidebar opens again.
      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      const sinceScore = ui('en', 'ui.noChange', { against: ui('en', 'ui.sinceLastScore') });
      await sidebar.waitForFunction((text) => document.getElementById('changes')?.textContent === text, sinceScore);
      await page.reload();
      const again = page.frame({ url: /\/sidebar$/u })!;
      await again.waitForFunction((text) => document.getElementById('changes')?.textContent === text, sinceScore);
      await again.locator('input[aria-label="Weight of Revenue"]').fill('2');
      const back = changedTiers(grid, { weights: { Engagement: 5, Revenue: 0 } }, { weights: { Engagement: 5, Revenue: 2 } });
      const text = ui('en', 'ui.wouldChange', { count: back.up + back.down, ...back, against: ui('en', 'ui.sinceLastScore') });
      await again.waitForFunction((t) => document.getElementById('changes')?.textContent === t, text);
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('warns when Tier 1 needs more marketers than the team has, and switches to capacity tiers in one click', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(120) });
    try {
      const page = await openSidebar(preview);
      const program = ui('en', 'program.1');
      expect(await page.textContent('#capacity-warning .warn')).toBe(`24 accounts in ${program} need 8 marketers; you have 1.`);
      await page.click('#switch-capacity');
      await page.waitForFunction(
        () => !document.getElementById('capacity-warning') && document.querySelector('#preview tr[data-tier] td.num')?.textContent === '3',
      );
      expect(await page.inputValue('#method')).toBe('capacity');
      expect(await counts(page)).toEqual([3, 10, 107]);
      await page.click('#score');
      await page.waitForSelector('#result');
      expect(JSON.parse(preview.book.properties[SETTINGS_PROPERTY]).method).toBe('capacity');
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('says "1 marketer" and "0" from the catalogue, never "marketer(s)"', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(10) });
    preview.book.properties[SETTINGS_PROPERTY] = JSON.stringify({ capacity: { strategicMarketers: 0 } });
    try {
      const page = await openSidebar(preview);
      expect(await page.textContent('#capacity-warning .warn')).toBe(`2 accounts in ${ui('en', 'program.1')} need 1 marketer; you have 0.`);
      expect(await page.textContent('#preview')).not.toContain('(s)');
      await page.close();
    } finally {
      await preview.close();
    }
  });
});

describe('the action bar and the outcome of each action, in Chromium at 300 px', () => {
  /** Whether the element is on screen and nothing covers its middle. */
  const reachable = (page: Page, selector: string) =>
    page.$eval(selector, (e) => {
      const r = e.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.top >= 0 && r.bottom <= window.innerHeight && (hit === e || e.contains(hit));
    });

  it('keeps Score in sight however far the page is scrolled, and brings each result into view above it with the next step', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(60) });
    try {
      const page = await openSidebar(preview);
      expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight * 2)).toBe(true);
      for (const y of [0, 600, 100_000]) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        expect(await reachable(page, '#score')).toBe(true);
      }
      // The result of an action at the bottom of the page: in view, not under the bar, the next step offered.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click('#remove-colours');
      await page.waitForSelector('#outcome #next-score');
      const inView = async (selector: string) =>
        page.$eval(selector, (e) => {
          const r = e.getBoundingClientRect();
          const bar = document.getElementById('actions')!.getBoundingClientRect();
          return r.top >= 0 && r.top < bar.top;
        });
      expect(await inView('#outcome > *')).toBe(true);
      expect(await reachable(page, '#next-score')).toBe(true);
      expect(await page.textContent('#next-score')).toBe(ui('en', 'ui.scoreNow', { sheet: 'Accounts' }));
      await page.click('#next-score');
      await page.waitForSelector('#result');
      expect(await inView('#result')).toBe(true);

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click('details:has(#lookalikes) > summary');
      await page.click('#lookalikes');
      await page.waitForSelector('#lookalike-result');
      expect(await inView('#lookalike-result')).toBe(true);
      expect(await page.textContent('#lookalike-result #next-score')).toBe(ui('en', 'ui.scoreNow', { sheet: 'Accounts' }));
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('after Build accounts from orders offers to score the new sheet, and scores it there', async () => {
    const orders: Value[][] = [['Account', 'Order date', 'Revenue']];
    for (let i = 0; i < 40; i++) orders.push([`Firm ${i % 12}`, `2024-0${1 + (i % 9)}-1${i % 10}`, 100 + ((i * 37) % 400)]);
    const preview = await startPreview({ Orders: orders });
    try {
      const page = await browser().newPage({ viewport: { width: 300, height: 600 } });
      await page.goto(`${preview.url}sidebar`);
      await page.waitForSelector('#orders-to-accounts', { state: 'attached' });
      await page.click('details:has(#orders-to-accounts) > summary');
      await page.click('#orders-to-accounts');
      await page.waitForSelector('#outcome #next-score');
      const built = preview.book.sheets.map((s) => s.name).find((n) => n !== 'Orders')!;
      expect(await page.textContent('#next-score')).toBe(ui('en', 'ui.scoreNow', { sheet: built }));
      await page.click('#next-score');
      await page.waitForSelector('#result');
      expect(await page.textContent('#sheet-name')).toBe(built);
      expect(await page.textContent('#result')).toContain(`Scored 12 accounts on "${built}"`);
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('follows the active sheet (our summary is no sheet of accounts), offers Copy as SQL before a first Score, and drops the red once it succeeds', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(30), Other: accountsGrid(12, 7) });
    try {
      const { page, sidebar } = await open(preview);
      expect(await sidebar.textContent('#sheet')).toContain(`${ui('en', 'ui.workingOn')} Accounts`);
      await page.click('#tabs button[data-sheet="Other"]');
      await sidebar.waitForFunction(() => document.getElementById('sheet-name')?.textContent === 'Other', undefined, { timeout: 10_000 });
      await sidebar.waitForFunction(() => document.querySelector('#preview')?.textContent?.includes('12 accounts'));

      // No Score yet: Copy as SQL is there; a bad table is red, a good one then is not.
      expect(await sidebar.$('#result')).toBeNull();
      await sidebar.fill('#sql-table', 'bad table; drop');
      await sidebar.click('#copy-sql');
      await sidebar.waitForSelector('#copy-sql + span.error');
      await sidebar.fill('#sql-table', 'project.dataset.accounts');
      await sidebar.click('#copy-sql');
      await sidebar.waitForSelector('#sql-text:not([hidden])');
      await sidebar.waitForFunction(() => !document.querySelector('#copy-sql + span')?.classList.contains('error'));
      expect(await sidebar.inputValue('#sql-text')).toContain('FROM `project.dataset.accounts`');

      // On our own summary sheet it says that is no sheet of accounts; back on one, it shows its columns.
      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      await page.waitForSelector(`#tabs button[data-sheet="${SUMMARY_SHEET_NAME}"]`);
      await page.click(`#tabs button[data-sheet="${SUMMARY_SHEET_NAME}"]`);
      await sidebar.waitForSelector('#problem', { timeout: 10_000 });
      expect(await sidebar.textContent('#problem')).toBe(t('en', 'msg.summarySheet'));
      await page.click('#tabs button[data-sheet="Accounts"]');
      await sidebar.waitForFunction(() => document.getElementById('sheet-name')?.textContent === 'Accounts', undefined, { timeout: 10_000 });
      await sidebar.waitForSelector('#preview tr[data-tier]');
      await page.close();
    } finally {
      await preview.close();
    }
  });
});

describe('the accounts to act on, in the result card', () => {
  it('lists the Money Makers that lose money and the profitable accounts that lapsed, with their rows, as the engine finds them', async () => {
    // Revenue cuts the segments: Acme and Birch are the Money Makers, and Acme loses money.
    const grid: Value[][] = [
      ['Account', 'Revenue', 'Profit', 'Recency (days)'],
      ['Acme', 9000, -400, 20],
      ['Birch', 8000, 900, 30],
      ['Cobalt', 3000, 700, 500],
      ['Dune', 2500, 300, 800],
      ['Elm', 2000, 250, 10],
      ['Fjord', 1500, -20, 900],
      ['Gale', 1200, 120, 400],
      ['Hearth', 900, 50, 40],
      ['Iris', 600, 30, 60],
      ['Jade', 300, 10, 70],
    ];
    const expected = exceptionsReport(analyseRows(grid[0], grid.slice(1), parseSettings({}), { firstRowNumber: 2 }));
    expect(expected.losingMoneyMakers.count).toBeGreaterThan(0);
    expect(expected.lapsed.count).toBeGreaterThan(0);
    const preview = await startPreview({ Accounts: grid });
    try {
      const page = await openSidebar(preview, 900);
      await page.click('#score');
      await page.waitForSelector('#result #exceptions');
      for (const [id, list] of [
        ['losing-money-makers', expected.losingMoneyMakers],
        ['lapsed', expected.lapsed],
      ] as const) {
        expect(await page.getAttribute(`#${id}`, 'data-count')).toBe(String(list.count));
        const rows = await page.$$eval(`#${id} tr td:nth-child(2)`, (tds) => tds.map((td) => Number(td.textContent)));
        expect(rows).toEqual(list.first.map((x) => x.row));
        const accounts = await page.$$eval(`#${id} tr td:nth-child(1)`, (tds) => tds.map((td) => td.textContent));
        expect(accounts).toEqual(list.first.map((x) => x.account));
      }
      expect(await page.textContent('#losing-money-makers h3')).toBe(
        `${ui('en', 'summary.losing', { segment: 'Money Maker' })} (${expected.losingMoneyMakers.count})`,
      );
      await page.close();
    } finally {
      await preview.close();
    }
  });
});
