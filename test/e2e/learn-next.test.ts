import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import { SETTINGS_PROPERTY } from '../../src/sheet/keys';
import type { Value } from '../fakes/workbook';
import { accountsGrid } from '../sheet/helpers';
import { openPreview, screenshotDir, useBrowser } from './browser';

const DOCS = screenshotDir();
const browser = useBrowser();
beforeAll(() => mkdirSync(DOCS, { recursive: true }));

/** 300 sample accounts with a "Converted" column that follows engagement's rank (a seeded pattern). */
function withOutcome(): Value[][] {
  const grid = accountsGrid(300);
  const engagement = grid[0].indexOf('Engagement');
  const ranked = grid
    .slice(1)
    .map((r, i) => ({ i: i + 1, v: Number(r[engagement]) }))
    .sort((a, b) => a.v - b.v);
  const rank = new Map(ranked.map((r, k) => [r.i, k]));
  grid[0].push('Converted');
  for (let i = 1; i < grid.length; i++) grid[i].push((rank.get(i)! * 61) % 300 < rank.get(i)! ? 'Yes' : 'No');
  return grid;
}

describe('learned weights and next-tier moves in the sidebar (Chromium, the real server code on the in-memory sheet)', () => {
  it("shows the first row's moves, learns weights, uses them and goes back", async () => {
    const preview = await startPreview({ Accounts: withOutcome() });
    try {
      const { page, sidebar } = await openPreview(browser(), preview.url);
      await sidebar.waitForSelector('#columns, #problem');

      await sidebar.click('#next-tier-block summary');
      await sidebar.click('#next-tier');
      await sidebar.waitForSelector('#next-tier-result');
      expect(await sidebar.textContent('#next-tier-result')).toMatch(/^Row 2: .+\((Tier [123])\)/u);
      expect(await sidebar.textContent('#next-tier-result .next-best')).toMatch(
        /^(Tier [12] if .+ \(percentile \d+ → \d+\)|already in Tier 1|no single metric .+|profit must turn positive first.*)$/u,
      );

      await sidebar.click('#learn-block summary');
      await sidebar.click('#learn');
      await sidebar.waitForSelector('#learn-result');
      expect(await sidebar.textContent('#learn-result strong')).toMatch(/^Cross-validated AUC \(5 folds\): your weights 0\.\d{3}, learned 0\.\d{3}$/u);
      const rows = await sidebar.$$eval('#learn-weights tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      const learned = new Map(rows.slice(1).map((r) => [r[0], Number(r[2])]));
      const top = [...learned].sort((a, b) => b[1] - a[1])[0][0];
      expect(top).toBe('engagement');
      await sidebar.locator('#learn-result').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(DOCS, 'sidebar-learn-weights.png'), clip: { x: 1100, y: 30, width: 300, height: 870 } });

      const props = () => JSON.parse(preview.book.session().services.properties.getDocumentProperties().getProperty(SETTINGS_PROPERTY) ?? '{}');
      await sidebar.click('#learn-use');
      await sidebar.waitForSelector('#learn-done');
      expect(await sidebar.textContent('#learn-done')).toContain('Learned weights saved');
      expect(props().weights.Engagement).toBe(learned.get('engagement'));
      await sidebar.click('#learn-back');
      await sidebar.waitForFunction(() => document.getElementById('learn-done')?.textContent?.includes('earlier weights are back'));
      expect(props().weights.Engagement).toBeUndefined();
      await page.close();
    } finally {
      await preview.close();
    }
  }, 120_000);
});
