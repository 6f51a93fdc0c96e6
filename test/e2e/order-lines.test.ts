import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../scripts/preview/server';
import { t } from '../../src/i18n';
import type { Value } from '../fakes/workbook';
import { ORDER_LINES_HEADER, orderLinesTable } from '../fixtures/order-lines';
import { useBrowser } from './browser';

const browser = useBrowser();

async function open(preview: Preview): Promise<{ page: Page; sidebar: Frame }> {
  const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(preview.url);
  const frame = page.frame({ url: /\/sidebar$/u });
  if (!frame) throw new Error('sidebar frame missing');
  await frame.waitForSelector('#columns, #problem');
  return { page, sidebar: frame };
}

// Superstore-shaped, smaller: 120 customers, 700 orders, 1,400 lines.
const LINES = orderLinesTable({ customers: 120, orders: 700, lines: 1400, seed: 3 }) as Value[][];
const col = (name: (typeof ORDER_LINES_HEADER)[number]) => ORDER_LINES_HEADER.indexOf(name);
const lastDay = LINES.slice(1).reduce<string>((m, r) => (String(r[col('Order Date')]) > m ? String(r[col('Order Date')]) : m), '');
const dayAfter = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('The sidebar on a sheet of order lines', () => {
  it('Score says it looks like order lines and offers "Build accounts from orders", which builds them from the day after the last order', async () => {
    const preview = await startPreview({ Orders: LINES.map((r) => [...r]) });
    try {
      const { page, sidebar } = await open(preview);
      await sidebar.click('#score');
      await sidebar.waitForSelector('#outcome .error');
      expect(await sidebar.textContent('#outcome .error')).toContain(
        'This looks like order lines, not accounts: its 1400 rows name only 120 different accounts',
      );
      expect(await sidebar.textContent('#outcome .error')).toContain(t('en', 'msg.orderLinesNext'));
      // One message, not a wall of duplicate warnings.
      expect(await sidebar.$$eval('#outcome li', (items) => items.length)).toBe(0);
      expect(preview.book.sheets.map((s) => s.name)).toEqual(['Orders']);
      const offer = await sidebar.waitForSelector('#outcome #offer-accounts');
      expect(await offer.textContent()).toBe('Build accounts from orders');
      // The message and its button both in sight above the action bar.
      const bar = await sidebar.$eval('#actions', (a) => a.getBoundingClientRect().top);
      expect(await offer.evaluate((b) => b.getBoundingClientRect().bottom)).toBeLessThanOrEqual(bar);
      await offer.click();
      await sidebar.waitForSelector('#orders-result');
      expect(await sidebar.textContent('#orders-result strong')).toContain('120 accounts');
      expect(await sidebar.textContent('#as-of-note')).toBe(`Recency as of ${dayAfter}, the day after the last order.`);
      const accounts = preview.book.sheet('ABM Accounts').snapshot().values;
      expect(accounts.filter((r) => r[0] !== '').length).toBe(121);
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('the preview refuses it too, with the same offer right under it, which builds the accounts and offers to score them', async () => {
    const preview = await startPreview({ Orders: LINES.map((r) => [...r]) });
    try {
      const { page, sidebar } = await open(preview);
      await sidebar.waitForSelector('#preview .error');
      expect(await sidebar.textContent('#preview .error')).toContain(
        'This looks like order lines, not accounts: its 1400 rows name only 120 different accounts',
      );
      expect(await sidebar.$$eval('#preview tr[data-tier]', (r) => r.length)).toBe(0);
      await sidebar.click('#preview #preview-offer-accounts');
      await sidebar.waitForSelector('#orders-result #next-score');
      expect(await sidebar.textContent('#orders-result strong')).toContain('120 accounts');
      await sidebar.click('#next-score');
      await sidebar.waitForSelector('#result');
      expect(await sidebar.textContent('#sheet-name')).toBe('ABM Accounts');
      expect(await sidebar.textContent('#result')).toContain('120');
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('RFM from orders shows what it wrote, in view, and offers no Score of "ABM RFM" (its segment table is no list of accounts)', async () => {
    const preview = await startPreview({ Orders: LINES.map((r) => [...r]) });
    try {
      const { page, sidebar } = await open(preview);
      await sidebar.click('details.block > summary');
      await sidebar.click('#rfm');
      await sidebar.waitForSelector('#orders-result');
      expect(await sidebar.textContent('#orders-result strong')).toContain('"ABM RFM"');
      expect(preview.book.sheets.map((s) => s.name)).toContain('ABM RFM');
      expect(await sidebar.$('#next-score')).toBeNull();
      const bar = await sidebar.$eval('#actions', (a) => a.getBoundingClientRect().top);
      expect(await sidebar.$eval('#orders-result', (r) => r.getBoundingClientRect().bottom)).toBeLessThanOrEqual(bar);
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('Score on a sheet of accounts offers nothing of the kind', async () => {
    const grid: Value[][] = [['Account', 'Name', 'Notes']];
    for (let i = 0; i < 5; i++) grid.push([`A${i}`, 'x', 'y']);
    const preview = await startPreview({ Contacts: grid });
    try {
      const { page, sidebar } = await open(preview);
      await sidebar.click('#score');
      await sidebar.waitForSelector('#outcome .error');
      expect(await sidebar.$('#offer-accounts')).toBeNull();
      expect(await sidebar.$('#preview-offer-accounts')).toBeNull();
      await page.close();
    } finally {
      await preview.close();
    }
  });
});
