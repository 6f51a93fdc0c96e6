import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Finds Chromium: CHROME_PATH, then the usual install paths. Fails with how to install it, never skips. */
export function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  const found = candidates.find((p): p is string => Boolean(p) && existsSync(p!));
  if (!found) {
    throw new Error('Chromium not found: install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROME_PATH to a Chrome or Chromium binary.');
  }
  return found;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** One Chromium for a test file: launched before its tests, closed after. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start');
    return browser;
  };
}

/**
 * Where screenshots go: docs/ (the README's) only with UPDATE_SCREENSHOTS=1 (`npm run screenshots`),
 * else a temporary folder, so `npm test` leaves the working tree as it found it.
 */
export function screenshotDir(): string {
  return process.env.UPDATE_SCREENSHOTS === '1' ? join(__dirname, '..', '..', 'docs') : mkdtempSync(join(tmpdir(), 'abm-tier-screens-'));
}

/** The preview at `url` in a new 1400 × 900 page, and its sidebar frame (the add-on's HTML, as Sheets frames it). */
export async function openPreview(browser: Browser, url: string): Promise<{ page: Page; sidebar: Frame }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  const sidebar = page.frame({ url: /\/sidebar$/u });
  if (!sidebar) throw new Error('sidebar frame missing');
  return { page, sidebar };
}
