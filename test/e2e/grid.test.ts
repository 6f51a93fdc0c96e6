import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import { ui } from '../../src/i18n/ui';
import { rectangle, templateSheets } from '../../src/sample/template';
import type { Value } from '../fakes/workbook';
import { screenshotDir, useBrowser } from './browser';

const DOCS = screenshotDir();
const browser = useBrowser();
beforeAll(() => mkdirSync(DOCS, { recursive: true }));

const accounts = () => rectangle(templateSheets(60)[0].rows) as Value[][];

const LANGUAGES = [
  ['en', 'en_US'],
  ['th', 'th_TH'],
  ['zh-CN', 'zh_CN'],
  ['hy', 'hy_AM'],
] as const;

describe('fit × engagement in the sidebar (Chromium, 300 px, the real server code on the in-memory sheet)', () => {
  for (const [lang, locale] of LANGUAGES) {
    it(`${lang}: each metric's axis in the columns panel; after Score, the 3 × 3 grid, coloured by count, within 300 px`, async () => {
      const preview = await startPreview({ Accounts: accounts() }, 0, '127.0.0.1', locale);
      try {
        const page = await browser().newPage({ viewport: { width: 300, height: 900 } });
        await page.goto(`${preview.url}sidebar`);
        await page.waitForSelector('#preview tr[data-tier]');
        const axisOf = (header: string) => page.$eval(`select[data-field="axes.${header}"]`, (s) => (s as HTMLSelectElement).value);
        expect(await axisOf('Revenue')).toBe('fit');
        expect(await axisOf('Engagement')).toBe('engagement');
        expect(await page.$eval('select[data-field="axes.Revenue"] option[value="engagement"]', (o) => o.textContent)).toBe(ui(lang, 'ui.axis.engagement'));

        await page.click('#score');
        await page.waitForSelector('#grid');
        expect(await page.textContent('#grid h2')).toBe(ui(lang, 'grid.title'));
        const cells = await page.$$eval('#grid td[data-cell]', (tds) =>
          tds.map((td) => ({ cell: td.dataset.cell, count: Number(td.textContent?.split(' · ')[1]), background: getComputedStyle(td).backgroundColor })),
        );
        expect(cells.map((c) => c.cell)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3']);
        const scored = Number((await page.textContent('#result strong'))?.match(/\d+/u)?.[0]);
        expect(cells.reduce((a, c) => a + c.count, 0)).toBe(scored);
        // Heat map: the fullest cell is the darkest; an empty cell stays white.
        const lightness = (rgb: string) => (rgb.match(/\d+/gu) ?? []).slice(0, 3).reduce((a, v) => a + Number(v), 0);
        const fullest = cells.reduce((a, c) => (c.count > a.count ? c : a));
        for (const c of cells) expect(lightness(c.background)).toBeGreaterThanOrEqual(lightness(fullest.background));
        for (const c of cells.filter((x) => x.count === 0)) expect(lightness(c.background)).toBe(765);
        // Every cell says its program in the document's words.
        const title = await page.$eval('#grid td[data-cell="A1"]', (td) => td.getAttribute('aria-label'));
        expect(title).toContain(ui(lang, 'program.1'));
        // Nothing of ours ends past the 300 px or clips its text.
        const over = await page.$$eval('#grid, #grid *, label:has(select.axis), select.axis', (els) =>
          els
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 || e.scrollWidth > e.clientWidth + 1)
            .map((e) => e.outerHTML.slice(0, 80)),
        );
        expect(over).toEqual([]);
        if (lang === 'en') {
          await page.locator('#grid').scrollIntoViewIfNeeded();
          await page.locator('#grid').screenshot({ path: join(DOCS, 'sidebar-grid.png') });
        }
        await page.close();
      } finally {
        await preview.close();
      }
    }, 120_000);
  }
});
