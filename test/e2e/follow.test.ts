import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import { FOLLOW_MAX_MS, FOLLOW_MS } from '../../sidebar/follow';
import { accountsGrid } from '../sheet/helpers';
import { useBrowser } from './browser';

/**
 * The sidebar follows the active sheet by asking the server (in Apps Script, a google.script.run
 * round trip each time): only while it is shown, less and less often while nothing changes, at once
 * when it is shown again. Counted on the preview's fake, with the page's clock run by hand.
 */

const browser = useBrowser();

/** The page's time moved on by `ms`, in small steps, each followed by a moment of real time for the server's answers to come back. */
async function advance(page: Page, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 250) {
    await page.clock.runFor(250);
    await page.waitForTimeout(15);
  }
}

const hide = (page: Page, hidden: boolean) =>
  page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);

describe('following the active sheet', () => {
  it('asks while shown, backs off while nothing changes, stops while hidden, and asks at once when shown again', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(30), Other: accountsGrid(12, 7) });
    try {
      const page = await browser().newPage({ viewport: { width: 300, height: 900 } });
      await page.clock.install();
      const asked: number[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/rpc/getActiveSheetName')) asked.push(0);
      });
      await page.goto(`${preview.url}sidebar`);
      while (!(await page.$('#preview tr[data-tier]'))) await advance(page, 250);
      asked.length = 0;

      // A minute with nothing changing: 2.5 s, then 5, 10, 20, 30… between asks, not one every 2.5 s.
      await advance(page, 60_000);
      const steady = asked.length;
      let expected = 0;
      for (let t = 0, d = FOLLOW_MS; t + d <= 60_000; t += d, d = Math.min(2 * d, FOLLOW_MAX_MS)) expected++;
      expect(expected).toBe(4);
      expect(steady).toBeGreaterThanOrEqual(expected - 1);
      expect(steady).toBeLessThanOrEqual(expected);
      expect(steady).toBeLessThan(60_000 / FOLLOW_MS / 4);

      // Hidden: not one ask in two minutes.
      await hide(page, true);
      asked.length = 0;
      await advance(page, 120_000);
      expect(asked).toHaveLength(0);

      // Shown again, on another sheet: asked at once, and it follows.
      await fetch(`${preview.url}api/activate/Other`, { method: 'POST' });
      await hide(page, false);
      await advance(page, 500);
      expect(asked).toHaveLength(1);
      while ((await page.textContent('#sheet-name')) !== 'Other') await advance(page, 250);
      // Its columns read and previewed (the preview waits on the page's clock too).
      for (let k = 0; k < 200 && !(await page.textContent('#preview'))?.includes('12 accounts'); k++) await advance(page, 250);
      expect(await page.textContent('#preview')).toContain('12 accounts');

      // After a change the wait is short again: the next ask within FOLLOW_MS.
      asked.length = 0;
      await advance(page, FOLLOW_MS + 500);
      expect(asked.length).toBeGreaterThanOrEqual(1);
      await page.close();
    } finally {
      await preview.close();
    }
  });
});
