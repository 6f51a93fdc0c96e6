import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import { ROLES } from '../../src/core/roles';
import { t } from '../../src/i18n';
import { ui, type UiKey } from '../../src/i18n/ui';
import { rectangle, templateSheets } from '../../src/sample/template';
import type { Value } from '../fakes/workbook';
import { screenshotDir, useBrowser } from './browser';

const DOCS = screenshotDir();
const browser = useBrowser();

const accounts = () => rectangle(templateSheets(60)[0].rows) as Value[][];

const LANGUAGES = [
  ['en', 'en_US'],
  ['th', 'th_TH'],
  ['zh-CN', 'zh_CN'],
  ['hy', 'hy_AM'],
] as const;

/**
 * Every element shown, measured: none ends right of the viewport, none clips its text
 * (scrollWidth ≤ clientWidth), and every dropdown and text box is wide enough for what it shows.
 */
function problemsOn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const name = (e: Element) => `${e.tagName}${e.id ? `#${e.id}` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
    const textWidth = (e: HTMLElement, text: string) => {
      probe.style.font = getComputedStyle(e).font;
      probe.textContent = text;
      return probe.getBoundingClientRect().width;
    };
    for (const e of document.querySelectorAll<HTMLElement>('body *')) {
      if (e === probe || e.tagName === 'OPTION' || e.tagName === 'STYLE' || e.tagName === 'SCRIPT' || e.getClientRects().length === 0) continue;
      const box = e.getBoundingClientRect();
      if (box.right > width + 0.5) out.push(`${name(e)} ends at ${Math.round(box.right)} px, beyond ${width}`);
      if (e.scrollWidth > e.clientWidth + 1) out.push(`${name(e)} is clipped: ${e.scrollWidth} px of text in ${e.clientWidth}`);
      if (e instanceof HTMLSelectElement) {
        const shown = e.selectedOptions[0]?.textContent ?? '';
        // The arrow takes about 20 px.
        if (textWidth(e, shown) > e.clientWidth - 20) out.push(`SELECT showing "${shown}" is clipped`);
      } else if (e instanceof HTMLInputElement && (e.type === 'text' || e.type === 'number')) {
        const style = getComputedStyle(e);
        const room = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - (e.type === 'number' ? 14 : 0);
        if (textWidth(e, e.value) > room + 0.5) out.push(`INPUT showing "${e.value}" is clipped`);
      }
    }
    probe.remove();
    return out;
  });
}

describe('the sidebar fits its 300 px in every language', () => {
  for (const [lang, locale] of LANGUAGES) {
    it(`${lang}: every element, open or shown after Score, fits; nothing is clipped`, async () => {
      const preview = await startPreview({ Accounts: accounts() }, 0, '127.0.0.1', locale);
      try {
        const page = await browser().newPage({ viewport: { width: 300, height: 900 } });
        await page.goto(`${preview.url}sidebar`);
        await page.waitForSelector('#preview tr[data-tier]');
        expect(await page.textContent('#score')).toBe(ui(lang, 'ui.score'));
        // Before Score: the preview with its warning (12 accounts in Tier 1, one strategic marketer).
        await page.waitForSelector('#capacity-warning');
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
        expect(await problemsOn(page)).toEqual([]);
        // The README shows the tiers, the preview and its warning, above the action bar.
        await page.evaluate(() => document.getElementById('preview')?.scrollIntoView({ block: 'end' }));
        // In the three other languages (English is in the README's first screenshots).
        if (lang !== 'en') await page.screenshot({ path: join(DOCS, `sidebar-${lang}.png`) });

        // After Score and Lookalikes: the result cards, and the SQL.
        await page.click('#score');
        await page.waitForSelector('#result');
        await page.click('#copy-sql');
        await page.waitForSelector('#sql-text:not([hidden])');
        expect(await problemsOn(page)).toEqual([]);
        await page.click('#lookalikes');
        await page.waitForSelector('#lookalike-result');
        expect(await problemsOn(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(300);
        await page.close();
      } finally {
        await preview.close();
      }
    });
  }
});

describe('small words in the sidebar', () => {
  it('names each role in words from the catalogue, never by its key', async () => {
    const preview = await startPreview({ Accounts: accounts() });
    try {
      const page = await browser().newPage({ viewport: { width: 300, height: 900 } });
      await page.goto(`${preview.url}sidebar`);
      await page.waitForSelector('#columns select[data-header]');
      const options = await page.$$eval('#columns select[data-header] option', (os) =>
        (os as HTMLOptionElement[]).map((o) => [o.value, o.textContent ?? ''] as [string, string]),
      );
      const words = new Map(options);
      for (const role of ROLES) {
        expect(words.get(role)).toBe(ui('en', `ui.role.${role}` as UiKey));
        expect(words.get(role)).not.toBe(role);
      }
      expect(words.get('revenue')).toBe('Revenue');
      expect(words.get('cost')).toBe('Cost to serve');
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('the lookalikes button follows a renamed Tier 1 as it is typed', async () => {
    const preview = await startPreview({ Accounts: accounts() });
    try {
      const page = await browser().newPage({ viewport: { width: 300, height: 900 } });
      await page.goto(`${preview.url}sidebar`);
      await page.waitForSelector('#lookalikes', { state: 'attached' });
      expect(await page.textContent('#lookalikes')).toBe('Find lookalikes of Tier 1');
      await page.fill('input[aria-label="Label of tier 1"]', 'Strategic');
      await page.waitForFunction(() => document.getElementById('lookalikes')?.textContent === 'Find lookalikes of Strategic');
      await page.close();
    } finally {
      await preview.close();
    }
  });

  it('Chinese calls the revenue-cut segment by a revenue word, in the result card as in the sheet', async () => {
    expect(t('zh-CN', 'segment.1')).toMatch(/营收/u);
    expect(t('zh-CN', 'segment.1')).not.toMatch(/利润/u);
    const preview = await startPreview({ Accounts: accounts() }, 0, '127.0.0.1', 'zh_CN');
    try {
      const page = await browser().newPage({ viewport: { width: 300, height: 900 } });
      await page.goto(`${preview.url}sidebar`);
      await page.waitForSelector('#preview tr[data-tier]');
      await page.click('#score');
      await page.waitForSelector('#result');
      expect(await page.textContent('#result')).toContain(t('zh-CN', 'segment.1'));
      await page.close();
    } finally {
      await preview.close();
    }
  });
});
