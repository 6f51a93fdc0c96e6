import { describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import { SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { PINS_PROPERTY } from '../../src/sheet/pins';
import type { Value } from '../fakes/workbook';
import { openPreview, useBrowser } from './browser';

const browser = useBrowser();
/** Ten accounts A…J, revenue 100 … 10: sheet rows 2…11. */
const grid: Value[][] = [['Account', 'Revenue'], ...Array.from({ length: 10 }, (_, i): Value[] => [String.fromCharCode(65 + i), 100 - 10 * i])];

describe('pinning accounts in the sidebar (Chromium, the real server code on the in-memory sheet)', () => {
  it('pins rows to a tier with a reason, and the next score keeps them', async () => {
    const preview = await startPreview({ Accounts: grid });
    try {
      const { sidebar } = await openPreview(browser(), preview.url);
      await sidebar.waitForSelector('#columns, #problem');
      await sidebar.click('#pins-block summary');
      // The preview's sheet has no selection: without rows the call says so.
      await sidebar.click('#pin-rows');
      await sidebar.waitForFunction(() => document.getElementById('outcome')?.textContent?.includes('not a scored account'));
      expect(await sidebar.textContent('#outcome')).toContain('is not a scored account');

      await sidebar.selectOption('#pin-tier', '1');
      await sidebar.fill('#pin-reason', 'strategic logo');
      await sidebar.fill('#pin-rows-field', '9');
      await sidebar.click('#pin-rows');
      await sidebar.waitForSelector('#pins-result');
      expect(await sidebar.textContent('#pins-result strong')).toBe('1 account: Tier 1. Score again to apply.');
      const props = preview.book.session().services.properties.getDocumentProperties();
      expect(JSON.parse(props.getProperty(PINS_PROPERTY) ?? '{}')).toEqual({ H: [0, 'strategic logo'] });

      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      const values = preview.book.sheet('Accounts').snapshot().values;
      expect(values[8][0]).toBe('H');
      expect(values[8][3]).toBe('Tier 1');
      const summary = preview.book
        .sheet(SUMMARY_SHEET_NAME)
        .snapshot()
        .values.map((r) => r.slice(0, 4).join('|'));
      expect(summary).toContain('H|9|pinned Tier 1; the score says Tier 3|strategic logo');
    } finally {
      await preview.close();
    }
  });
});
