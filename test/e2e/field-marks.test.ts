import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import { DEFAULT_RFM_SEGMENTS } from '../../src/core/rfm';
import { settingsIssues } from '../../src/core/settings';
import { render, type Lang, type Said } from '../../src/i18n';
import { ui } from '../../src/i18n/ui';
import { accountsGrid } from '../sheet/helpers';
import { useBrowser } from './browser';

/**
 * Beyond the tier method (settings-fields.test.ts): a refused weight, RFM rule or As of day is said
 * beside its own field in the sidebar's language, the field marked invalid, and the mark goes when
 * the value is put right. In all four languages, at 300 px.
 */

const browser = useBrowser();
const LOCALES: Record<Lang, string> = { en: 'en_US', th: 'th_TH', 'zh-CN': 'zh_CN', hy: 'hy_AM' };

const marks = (page: Page) => page.$$eval('.field-error', (es) => es.map((e) => [(e as HTMLElement).dataset.for, e.textContent]));
const invalid = (page: Page) => page.$$eval('[aria-invalid="true"]', (es) => es.map((e) => (e as HTMLElement).dataset.field));
/** The engine's words for the first refusal of these settings: what the sidebar must show. */
const said = (lang: Lang, settings: unknown) => render(lang, settingsIssues(settings)[0].message as Said);
const rules = (edit: (r: { name: string; r: number[]; f: number[]; m: number[] }[]) => void) => {
  const copy = DEFAULT_RFM_SEGMENTS.map((r) => ({ name: r.name, r: [...r.r], f: [...r.f], m: [...r.m] }));
  edit(copy);
  return copy;
};
/** Every mark inside the 300 px sidebar, none cut off. */
const overflowing = (page: Page) =>
  page.$$eval('.field-error', (es) => es.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length);

describe('weights, RFM rules and As of: a refused value said beside its field', () => {
  for (const [lang, locale] of Object.entries(LOCALES) as [Lang, string][]) {
    it(`in ${lang}`, async () => {
      const preview = await startPreview({ Accounts: accountsGrid(40) }, 0, '127.0.0.1', locale);
      try {
        const page = await browser().newPage({ viewport: { width: 300, height: 900 } });
        await page.goto(`${preview.url}sidebar`);
        await page.waitForSelector('#preview tr[data-tier]');

        // A weight typed beyond what the engine takes: said under the Revenue row, slider and box marked.
        const box = page.locator(`input[aria-label="${ui(lang, 'ui.weightNumberOf', { column: 'Revenue' })}"]`);
        await box.fill('2000');
        await page.waitForSelector('.field-error');
        const weightSaid = said(lang, { weights: { Revenue: 2000 } });
        expect(weightSaid).toContain('2000');
        expect(await marks(page)).toEqual([['weights.Revenue', weightSaid]]);
        expect(await invalid(page)).toEqual(['weights.Revenue', 'weights.Revenue']);
        expect(await box.evaluate((i) => i.closest('.col')?.nextElementSibling?.classList.contains('field-error'))).toBe(true);
        expect(await overflowing(page)).toBe(0);
        // Within 0–5 the slider follows the box; the mark goes.
        await box.fill('3');
        await page.waitForFunction(() => document.querySelectorAll('.field-error').length === 0);
        expect(await page.inputValue(`input[type=range][aria-label="${ui(lang, 'ui.weightOf', { column: 'Revenue' })}"]`)).toBe('3');
        expect(await invalid(page)).toEqual([]);

        // An RFM rule whose R runs from high to low: a row under that rule's ranges, both ends marked.
        await page.click('details.block > summary');
        await page.click('#rfm-rules > summary');
        await page.fill('[data-field="rfmSegments.0.r.0"]', '5');
        await page.fill('[data-field="rfmSegments.0.r.1"]', '3');
        await page.waitForSelector('.field-error');
        const rfmSaid = said(lang, { rfmSegments: rules((r) => (r[0].r = [5, 3])) });
        expect(await marks(page)).toEqual([['rfmSegments.0.r', rfmSaid]]);
        expect(await invalid(page)).toEqual(['rfmSegments.0.r.0', 'rfmSegments.0.r.1']);
        expect(await page.$eval('[data-field="rfmSegments.0.r.1"]', (i) => i.closest('tr')?.nextElementSibling?.getAttribute('data-for'))).toBe(
          'rfmSegments.0.r',
        );
        expect(await overflowing(page)).toBe(0);
        // A rule named nothing: its own mark, under its name.
        await page.fill('[data-field="rfmSegments.1.name"]', '');
        await page.waitForFunction(() => document.querySelectorAll('.field-error').length === 2);
        expect((await marks(page))[1]).toEqual(['rfmSegments.1.name', said(lang, { rfmSegments: rules((r) => (r[1].name = '')) })]);
        await page.fill('[data-field="rfmSegments.0.r.1"]', '5');
        await page.fill('[data-field="rfmSegments.1.name"]', 'Loyal');
        await page.waitForFunction(() => document.querySelectorAll('.field-error').length === 0);

        // As of with a five-digit year (a slip of the keyboard): said beside it; Build accounts and RFM wait for a good day.
        await page.$eval('#as-of', (i) => {
          (i as HTMLInputElement).value = '20255-01-01';
          i.dispatchEvent(new Event('input', { bubbles: true }));
        });
        await page.waitForSelector('.field-error');
        expect(await marks(page)).toEqual([['asOf', said(lang, { asOf: '20255-01-01' })]]);
        expect(await page.isDisabled('#orders-to-accounts')).toBe(true);
        expect(await page.isDisabled('#rfm')).toBe(true);
        // The preview is not blocked by it.
        expect(await page.$$eval('#preview tr[data-tier]', (r) => r.length)).toBe(3);
        await page.fill('#as-of', '2025-01-01');
        await page.waitForFunction(() => document.querySelectorAll('.field-error').length === 0);
        expect(await page.isDisabled('#orders-to-accounts')).toBe(false);
        expect(await page.isDisabled('#rfm')).toBe(false);
      } finally {
        await preview.close();
      }
    });
  }
});
