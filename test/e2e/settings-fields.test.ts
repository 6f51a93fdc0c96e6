import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../scripts/preview/server';
import { render, t, type Lang, type Said } from '../../src/i18n';
import { ui } from '../../src/i18n/ui';
import { settingsIssues } from '../../src/core/settings';
import { SETTINGS_PROPERTY } from '../../src/sheet/keys';
import { accountsGrid } from '../sheet/helpers';
import { useBrowser } from './browser';

/**
 * What a person sees when a tiering field holds a value the engine refuses: the message beside that
 * field, in the sidebar's language, the field marked invalid; and a refused value in a method that
 * is not chosen blocks neither the preview nor Score.
 */

const browser = useBrowser();

async function sidebarOf(preview: Preview): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 300, height: 900 } });
  await page.goto(`${preview.url}sidebar`);
  await page.waitForSelector('#preview tr[data-tier]');
  return page;
}

/** The messages shown beside fields, with the path each is for. */
const marks = (page: Page) => page.$$eval('.field-error', (es) => es.map((e) => [(e as HTMLElement).dataset.for, e.textContent]));
const invalid = (page: Page) => page.$$eval('[aria-invalid="true"]', (es) => es.map((e) => (e as HTMLElement).dataset.field));

/** The engine's own words for these settings' first refusal, in `lang`: the sidebar must show exactly these. */
const said = (settings: unknown, lang: Lang = 'en') => render(lang, settingsIssues(settings)[0].message as Said);

/** Waits for a preview that is a table of tiers again (not an error). */
const previewShown = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('#preview tr[data-tier]').length === 3 && !document.querySelector('#preview .error'));

describe('settings refused beside their field, in words a marketer uses', () => {
  it('Tier 1 % and Tier 2 % over 100: said beside the two fields and in the preview; fixed, both go', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(40) });
    try {
      const page = await sidebarOf(preview);
      await page.fill('input[aria-label="T1 %"]', '60');
      await page.fill('input[aria-label="T2 %"]', '50');
      await page.waitForSelector('.field-error');
      const expected = said({ cutoffs: [60, 50, -10] });
      expect(expected).toBe('Tier 1 % and Tier 2 % add up to 110, more than 100: lower one of them');
      expect(await marks(page)).toEqual([['cutoffs', expected]]);
      expect(await invalid(page)).toEqual(['cutoffs.0', 'cutoffs.1']);
      // The mark sits right under the row of the two fields.
      expect(await page.$eval('[data-field="cutoffs.1"]', (i) => i.closest('.row')?.nextElementSibling?.className)).toContain('field-error');
      await page.waitForSelector('#preview .error');
      expect(await page.textContent('#preview .error')).toContain(expected);
      await page.fill('input[aria-label="T2 %"]', '30');
      await previewShown(page);
      expect(await marks(page)).toEqual([]);
      expect(await invalid(page)).toEqual([]);
    } finally {
      await preview.close();
    }
  });

  it('a threshold Tier 2 above Tier 1, then back to quantile: no mark, the preview and Score work; threshold again shows it', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(40) });
    try {
      const page = await sidebarOf(preview);
      await page.selectOption('#method', 'threshold');
      await page.fill('input[aria-label="Tier 1 ≥"]', '30');
      await page.fill('input[aria-label="Tier 2 ≥"]', '40');
      await page.waitForSelector('.field-error');
      expect(await marks(page)).toEqual([['thresholds', said({ method: 'threshold', thresholds: [30, 40] })]]);
      expect(await page.textContent('.field-error')).toBe(
        'Tier 2 minimum score (40) is above Tier 1 minimum score (30): the higher tier needs the higher score',
      );

      await page.selectOption('#method', 'quantile');
      await previewShown(page);
      expect(await marks(page)).toEqual([]);
      await page.click('#score');
      await page.waitForSelector('#result');
      expect(JSON.parse(preview.book.properties[SETTINGS_PROPERTY]).thresholds).toEqual([30, 40]);

      await page.selectOption('#method', 'threshold');
      await page.waitForSelector('.field-error');
      expect(await page.inputValue('input[aria-label="Tier 2 ≥"]')).toBe('40');
      expect(await invalid(page)).toEqual(['thresholds.0', 'thresholds.1']);
    } finally {
      await preview.close();
    }
  });

  it('a capacity that is no whole number and an empty tier label: each said under its own field', async () => {
    const preview = await startPreview({ Accounts: accountsGrid(40) });
    try {
      const page = await sidebarOf(preview);
      await page.selectOption('#method', 'capacity');
      await page.fill('input[aria-label="Strategic marketers"]', '1.5');
      await page.fill('input[aria-label="Label of tier 2"]', '');
      await page.waitForFunction(() => document.querySelectorAll('.field-error').length === 2);
      expect(await marks(page)).toEqual([
        ['capacity.strategicMarketers', 'Strategic marketers: 1.5 is not a whole number from 0 to 10000'],
        ['labels.1', 'Label of Tier 2: it is empty: give it a name'],
      ]);
      expect(await page.$eval('[data-field="labels.1"]', (i) => i.closest('.row')?.nextElementSibling?.textContent)).toContain('Label of Tier 2');
    } finally {
      await preview.close();
    }
  });

  it("speaks the sidebar's language: Thai", async () => {
    const preview = await startPreview({ Accounts: accountsGrid(40) }, 0, '127.0.0.1', 'th_TH');
    try {
      const page = await sidebarOf(preview);
      await page.fill(`input[aria-label="${ui('th', 'ui.t1')}"]`, '70');
      await page.fill(`input[aria-label="${ui('th', 'ui.t2')}"]`, '40');
      await page.waitForSelector('.field-error');
      const text = await page.textContent('.field-error');
      expect(text).toBe(said({ cutoffs: [70, 40, -10] }, 'th'));
      expect(text).toContain(`${t('th', 'tier.1')} %`);
      expect(preview.book.properties[SETTINGS_PROPERTY]).toBeUndefined();
    } finally {
      await preview.close();
    }
  });
});
