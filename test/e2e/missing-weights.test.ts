import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import { SETTINGS_PROPERTY } from '../../src/sheet/keys';
import { accountsGrid } from '../sheet/helpers';
import { openPreview, useBrowser } from './browser';

const browser = useBrowser();

describe('saved weights of a column no longer on the sheet, in Chromium', () => {
  it('the sidebar names them and forgets them on request; Score meanwhile says they were not used', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(30) });
    preview.book.properties[SETTINGS_PROPERTY] = JSON.stringify({ weights: { 'Old column': 2, Engagement: 4 }, directions: { proft: 'lower' } });
    const saved = () => JSON.parse(preview.book.properties[SETTINGS_PROPERTY]) as { weights: Record<string, number>; directions: Record<string, string> };
    const score = async (sidebar: Frame) => {
      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      await sidebar.waitForSelector('#score:not([disabled])');
    };
    try {
      const { sidebar } = await openPreview(browser(), preview.url);
      await sidebar.waitForSelector('#columns');
      expect(await sidebar.textContent('#missing-weights')).toContain(
        'Saved weights or directions are for 2 columns not on this sheet: "Old column", "proft". They are not used here.',
      );
      await score(sidebar);
      expect(await sidebar.textContent('#result')).toContain('"Old column", "proft" are not columns or roles of this table');
      await sidebar.click('#missing-weights button');
      expect(await sidebar.$('#missing-weights')).toBeNull();
      await score(sidebar);
      expect(saved().weights).toEqual({ Engagement: 4 });
      expect(saved().directions).toEqual({});
      expect(await sidebar.textContent('#result')).not.toContain('not columns or roles');
    } finally {
      await preview.close();
    }
  });
});
