import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import { analyseRows, parseSettings, settingsIssues, type Cell } from '../../src/core';
import { render, t, type Said } from '../../src/i18n';
import { ui } from '../../src/i18n/ui';
import { SETTINGS_PROPERTY } from '../../src/sheet/keys';
import { rectangle, templateSheets } from '../../src/sample/template';
import type { Value } from '../fakes/workbook';
import { screenshotDir, useBrowser } from './browser';

const DOCS = screenshotDir();
const browser = useBrowser();
const accounts = () => rectangle(templateSheets(60)[0].rows) as Value[][];

/** Accounts per tier that the engine gives these settings on the sheet. */
function tierCounts(grid: Value[][], input: Record<string, unknown>): number[] {
  const analysis = analyseRows(grid[0] as Cell[], grid.slice(1) as Cell[][], parseSettings(input), { firstRowNumber: 2 });
  const counts = [0, 0, 0];
  for (const t of analysis.tier) if (t >= 0 && t <= 2) counts[t]++;
  return counts;
}

async function sidebarOf(url: string): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 300, height: 900 } });
  await page.goto(`${url}sidebar`);
  await page.waitForSelector('#preview tr[data-tier]');
  return page;
}

/** The preview's accounts per tier. */
const previewCounts = (page: Page) => page.$$eval('#preview tr[data-tier] td.num:not(.share)', (tds) => tds.map((td) => Number(td.textContent)));
const waitForCounts = (page: Page, want: number[]) =>
  page.waitForFunction(
    (w) => JSON.stringify([...document.querySelectorAll('#preview tr[data-tier] td.num:not(.share)')].map((td) => Number(td.textContent))) === w,
    JSON.stringify(want),
  );
const marks = (page: Page) => page.$$eval('.field-error', (es) => es.map((e) => [(e as HTMLElement).dataset.for, e.textContent]));
const invalid = (page: Page) => page.$$eval('[aria-invalid="true"]', (es) => es.map((e) => (e as HTMLElement).dataset.field));

/** Elements that end right of the viewport or clip their text, and selects too narrow for what they show (as languages.test.ts measures). */
function problemsOn(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (es) => {
    const width = document.documentElement.clientWidth;
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
    const out: string[] = [];
    for (const e of es as HTMLElement[]) {
      if (e.tagName === 'OPTION' || e.getClientRects().length === 0) continue;
      const name = `${e.tagName} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
      if (e.getBoundingClientRect().right > width + 0.5) out.push(`${name} ends past ${width}`);
      if (e.scrollWidth > e.clientWidth + 1) out.push(`${name} is clipped`);
      if (e instanceof HTMLSelectElement) {
        probe.style.font = getComputedStyle(e).font;
        probe.textContent = e.selectedOptions[0]?.textContent ?? '';
        if (probe.getBoundingClientRect().width > e.clientWidth - 20) out.push(`SELECT showing "${probe.textContent}" is clipped`);
      }
    }
    probe.remove();
    return out;
  });
}

describe("the grid method's settings in the sidebar (Chromium, 300 px)", () => {
  it("a cell's program changes the tiers in the preview, as the engine gives them; Score saves it", async () => {
    const grid = accounts();
    const preview = await startPreview({ Accounts: grid });
    try {
      const page = await sidebarOf(preview.url);
      await page.selectOption('#method', 'grid');
      await page.waitForSelector('#grid-programs');
      // The defaults: A1, A2, B1 Strategic; A3, B2, C1 ABM Lite; the rest Programmatic.
      const shown = await page.$$eval('#grid-programs select', (ss) => ss.map((s) => [(s as HTMLSelectElement).dataset.cell, (s as HTMLSelectElement).value]));
      expect(shown).toEqual([
        ['A1', 'strategic'],
        ['A2', 'strategic'],
        ['A3', 'lite'],
        ['B1', 'strategic'],
        ['B2', 'lite'],
        ['B3', 'programmatic'],
        ['C1', 'lite'],
        ['C2', 'programmatic'],
        ['C3', 'programmatic'],
      ]);
      const before = tierCounts(grid, { method: 'grid' });
      await waitForCounts(page, before);
      // A3 (best fit, least engaged) made Strategic: its accounts move from Tier 2 to Tier 1.
      const programs = ['strategic', 'strategic', 'strategic', 'strategic', 'lite', 'programmatic', 'lite', 'programmatic', 'programmatic'];
      const after = tierCounts(grid, { method: 'grid', gridPrograms: programs });
      expect(after[0]).toBeGreaterThan(before[0]);
      expect(after[0] - before[0]).toBe(before[1] - after[1]);
      await page.selectOption('select[data-cell="A3"]', 'strategic');
      await waitForCounts(page, after);
      expect(await page.getAttribute('select[data-cell="A3"]', 'aria-label')).toBe('Program of grid cell A3');

      await page.click('#score');
      await page.waitForSelector('#result');
      const saved = JSON.parse(preview.book.properties[SETTINGS_PROPERTY]);
      expect([saved.method, saved.gridPrograms]).toEqual(['grid', programs]);
      const tiers = preview.book
        .sheet('Accounts')
        .snapshot()
        .values.slice(1)
        .map((r) => r[grid[0].length + 1]);
      expect([1, 2, 3].map((k) => tiers.filter((x) => x === `Tier ${k}`).length)).toEqual(after);
      await page.close();
    } finally {
      await preview.close();
    }
  }, 120_000);

  it("a cut-off out of range, or two over 100, is marked beside the fields in the engine's words; the last band follows", async () => {
    const grid = accounts();
    const preview = await startPreview({ Accounts: grid });
    try {
      const page = await sidebarOf(preview.url);
      await page.selectOption('#method', 'grid');
      await page.fill('input[aria-label="Grid A/1 %"]', '150');
      await page.waitForSelector('.field-error');
      const range = render('en', settingsIssues({ method: 'grid', gridCutoffs: [150, 30, -80] })[0].message as Said);
      expect(range).toBe('Grid A/1 %: 150 is not a number from 0 to 100');
      expect(await marks(page)).toEqual([['gridCutoffs.0', range]]);
      expect(await invalid(page)).toEqual(['gridCutoffs.0']);
      expect(await page.$eval('[data-field="gridCutoffs.0"]', (i) => i.closest('.row')?.nextElementSibling?.className)).toContain('field-error');
      // The Grid column uses the cut-offs under any method: leaving the grid method, the refused field stays in sight, marked.
      await page.selectOption('#method', 'quantile');
      await page.waitForSelector('input[aria-label="T1 %"]');
      expect(await page.isVisible('#grid-cutoffs')).toBe(true);
      expect(await page.isVisible('#grid-programs')).toBe(false);
      expect(await marks(page)).toEqual([['gridCutoffs.0', range]]);
      await page.selectOption('#method', 'grid');
      await page.waitForSelector('#grid-programs');

      await page.fill('input[aria-label="Grid A/1 %"]', '60');
      await page.fill('input[aria-label="Grid B/2 %"]', '50');
      await page.waitForFunction(() => document.querySelector('.field-error')?.getAttribute('data-for') === 'gridCutoffs');
      expect(await invalid(page)).toEqual(['gridCutoffs.0', 'gridCutoffs.1']);
      expect(await page.textContent('.field-error')).toBe(render('en', settingsIssues({ gridCutoffs: [60, 50, -10] })[0].message as Said));

      await page.fill('input[aria-label="Grid B/2 %"]', '30');
      await page.waitForFunction(() => document.querySelectorAll('.field-error').length === 0);
      expect(await page.textContent('#grid-cut3')).toBe('C/3 10%');
      await waitForCounts(page, tierCounts(grid, { method: 'grid', gridCutoffs: [60, 30, 10] }));
      expect(await previewCounts(page)).toEqual(tierCounts(grid, { method: 'grid', gridCutoffs: [60, 30, 10] }));
      await page.close();
    } finally {
      await preview.close();
    }
  }, 120_000);

  for (const [lang, locale] of [
    ['en', 'en_US'],
    ['th', 'th_TH'],
    ['zh-CN', 'zh_CN'],
    ['hy', 'hy_AM'],
  ] as const) {
    it(`${lang}: the grid's fields fit the 300 px, in the language's words`, async () => {
      const preview = await startPreview({ Accounts: accounts() }, 0, '127.0.0.1', locale);
      try {
        const page = await sidebarOf(preview.url);
        await page.selectOption('#method', 'grid');
        await page.waitForSelector('#grid-programs');
        expect(await page.textContent('select[data-cell="C3"] option:checked')).toBe(ui(lang, 'ui.grid.p.programmatic'));
        expect(await page.getAttribute('input[data-field="gridCutoffs.1"]', 'aria-label')).toBe(t(lang, 'set.f.gridCutoff', { band: 'B/2' }));
        expect(await page.textContent('#grid-program-legend')).toContain(ui(lang, 'program.3'));
        expect(await problemsOn(page, '#method-details, #method-details *, #method')).toEqual([]);
        if (lang === 'en') {
          await page.locator('#method-details').scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(DOCS, 'sidebar-grid-settings.png') });
        }
        await page.close();
      } finally {
        await preview.close();
      }
    }, 120_000);
  }
});
