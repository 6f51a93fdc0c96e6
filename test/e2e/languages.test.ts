import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import { ui } from '../../src/i18n/ui';
import { rectangle, templateSheets } from '../../src/sample/template';
import type { Value } from '../fakes/workbook';
import { screenshotDir, useBrowser } from './browser';

const DOCS = screenshotDir();
const browser = useBrowser();

const accounts = () => rectangle(templateSheets(60)[0].rows) as Value[][];

describe('the sidebar in Thai and Chinese fits its 300 px', () => {
  for (const [lang, locale] of [
    ['th', 'th_TH'],
    ['zh-CN', 'zh_CN'],
  ] as const) {
    it(`${lang}: every label and button fits, nothing is clipped`, async () => {
      const preview = await startPreview({ Accounts: accounts() }, 0, '127.0.0.1', locale);
      try {
        const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(preview.url);
        const sidebar = page.frame({ url: /\/sidebar$/u })!;
        await sidebar.waitForSelector('#score');
        expect(await sidebar.textContent('#score')).toBe(ui(lang, 'ui.score'));
        await sidebar.click('#score');
        await sidebar.waitForSelector('#result');
        await sidebar.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const problems = await sidebar.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const out: string[] = [];
          for (const e of document.querySelectorAll<HTMLElement>('body *')) {
            if (e.closest('.scroll') || e.tagName === 'OPTION' || e.offsetParent === null) continue;
            const box = e.getBoundingClientRect();
            if (box.right > width + 0.5) out.push(`${e.tagName} "${(e.textContent ?? '').slice(0, 30)}" ends at ${Math.round(box.right)} px`);
            if ((e.tagName === 'BUTTON' || e.tagName === 'LABEL' || e.tagName === 'H2') && e.scrollWidth > e.clientWidth + 1)
              out.push(`${e.tagName} "${e.textContent}" is clipped`);
          }
          // A column's role and direction show whole in their dropdowns (the arrow takes about 20 px).
          const probe = document.body.appendChild(document.createElement('span'));
          probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
          for (const select of document.querySelectorAll<HTMLSelectElement>('.col select')) {
            if (select.offsetParent === null) continue;
            probe.style.font = getComputedStyle(select).font;
            probe.textContent = select.selectedOptions[0]?.textContent ?? '';
            if (probe.getBoundingClientRect().width > select.clientWidth - 20) out.push(`SELECT "${probe.textContent}" is clipped`);
          }
          probe.remove();
          return out;
        });
        expect(problems).toEqual([]);
        expect(await sidebar.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(300);
        await sidebar.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(DOCS, `sidebar-${lang}.png`), clip: { x: 1100, y: 30, width: 300, height: 870 } });
        await page.close();
      } finally {
        await preview.close();
      }
    });
  }
});
