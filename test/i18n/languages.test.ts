import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { abmProgram, abmSegment, abmTier } from '../../src/functions';
import { t, type Lang } from '../../src/i18n';
import { SUMMARY_SHEET_NAME } from '../../src/sheet/keys';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';

/** One table of accounts, written as each language writes it: headers, currency, number and date habits. */
const ACCOUNTS: [string, number, number, number, number][] = [
  ['A', 1200.5, 300, 80, 10],
  ['B', 5400, 900, 40, 200],
  ['C', 800, -50, 65, 30],
  ['D', 15000, 2500, 90, 5],
  ['E', 3000, 200, 20, 400],
  ['F', 2500, 700, 55, 60],
  ['G', 9800, 1200, 75, 15],
  ['H', 450, 20, 30, 700],
];
const AS_OF = Date.UTC(2024, 5, 30);

function dmy(daysBefore: number, buddhist: boolean): string {
  const d = new Date(AS_OF - daysBefore * 86_400_000);
  const y = d.getUTCFullYear() + (buddhist ? 543 : 0);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${y}`;
}

const TWINS: Record<Lang, { locale: string; sheet: () => Value[][] }> = {
  en: {
    locale: 'en_US',
    sheet: () => [
      ['Account', 'Revenue', 'Profit', 'Engagement', 'Recency (days)'],
      ...ACCOUNTS.map(([a, r, p, e, d]) => [a, `$${r.toLocaleString('en-US')}`, p, e, d]),
    ],
  },
  th: {
    locale: 'th_TH',
    sheet: () => [
      ['ลูกค้า', 'รายได้', 'กำไร', 'การมีส่วนร่วม', 'ซื้อล่าสุด'],
      ...ACCOUNTS.map(([a, r, p, e, d]) => [a, `฿${r.toLocaleString('en-US')}`, p, e, dmy(d, true)]),
    ],
  },
  'zh-CN': {
    locale: 'zh_CN',
    sheet: () => [
      ['客户', '销售额', '利润', '参与度', '最近购买天数'],
      ...ACCOUNTS.map(([a, r, p, e, d]) => [a, `¥${r.toLocaleString('en-US')}`, `${p}元`, e, d]),
    ],
  },
  hy: {
    locale: 'hy_AM',
    sheet: () => [
      ['Հաճախորդ', 'Եկամուտ', 'Շահույթ', 'Ներգրավվածություն', 'Վերջին գնումից օրեր'],
      ...ACCOUNTS.map(([a, r, p, e, d]) => [a, `${r.toLocaleString('de-DE')} ֏`, p, e, d]),
    ],
  },
};

function tiersOf(lang: Lang): { tiers: number[]; book: FakeSpreadsheet } {
  const { locale, sheet } = TWINS[lang];
  const book = new FakeSpreadsheet({ Accounts: sheet() }, locale);
  scoreSheet(book.session().services, { asOf: '2024-06-30' });
  const values = book.sheet('Accounts').snapshot().values;
  const labels = [1, 2, 3].map((k) => t(lang, `tier.${k}` as 'tier.1'));
  return { tiers: values.slice(1).map((r) => labels.indexOf(String(r[6]))), book };
}

describe('sheets in Thai, Chinese and Armenian score as their English twin', () => {
  const english = tiersOf('en').tiers;

  it('the English twin is scored at all', () => {
    expect(english.every((k) => k >= 0)).toBe(true);
    expect(new Set(english).size).toBe(3);
  });

  for (const lang of ['th', 'zh-CN', 'hy'] as const) {
    it(`${lang}: headers, currency and dates read, same tiers, and the sheet speaks ${lang}`, () => {
      const { tiers, book } = tiersOf(lang);
      expect(tiers).toEqual(english);
      const header = book.sheet('Accounts').snapshot().values[0];
      expect(header.slice(5, 10)).toEqual(['out.score', 'out.tier', 'out.segment', 'out.program', 'out.drivers'].map((k) => t(lang, k as 'out.score')));
      const summary = book
        .sheet(SUMMARY_SHEET_NAME)
        .snapshot()
        .values.map((r) => r[0]);
      expect(summary).toContain(t(lang, 'summary.segments'));
      expect(summary).toContain(t(lang, 'segment.1'));
      expect(book.sheet(SUMMARY_SHEET_NAME).charts.map((c) => c.options.title)).toEqual([
        t(lang, 'chart.segments'),
        t(lang, 'chart.tiers'),
        t(lang, 'chart.whale'),
      ]);
    });
  }

  it('a saved language choice wins over the locale, and a re-run in another language reuses the same columns and charts', () => {
    const book = new FakeSpreadsheet({ Accounts: TWINS.th.sheet() }, 'th_TH');
    const session = book.session();
    scoreSheet(session.services, { asOf: '2024-06-30' });
    const report = scoreSheet(session.services, { asOf: '2024-06-30', lang: 'zh-CN' });
    expect(report.columns).toBe('F:K');
    expect(book.sheet('Accounts').snapshot().values[0][6]).toBe('层级');
    expect(book.sheet(SUMMARY_SHEET_NAME).charts).toHaveLength(3);
  });

  it("names a bad cell in the sheet's language", () => {
    const sheet = TWINS.th.sheet();
    sheet[2][1] = 'มาก';
    const book = new FakeSpreadsheet({ Accounts: sheet }, 'th_TH');
    const report = scoreSheet(book.session().services, { asOf: '2024-06-30' });
    expect(report.errors[0].message).toBe('แถว 3, คอลัมน์ "รายได้": "มาก" ไม่ใช่ตัวเลข');
  });
});

describe('custom functions keep English names, but their labels follow the document or the labels argument', () => {
  it("writes the document's labels, or the ones given", () => {
    const scores = [['Score'], [90], [50], [10]];
    expect(abmTier(scores, 'threshold', '70,40', undefined, { labels: ['ระดับ 1', 'ระดับ 2', 'ระดับ 3'] }).map((r) => r[0])).toEqual([
      'Tier',
      'ระดับ 1',
      'ระดับ 2',
      'ระดับ 3',
    ]);
    expect(abmTier(scores, 'threshold', '70,40', 'High, Medium, Low', { labels: ['一级', '二级', '三级'] }).map((r) => r[0])).toEqual([
      'Tier',
      'High',
      'Medium',
      'Low',
    ]);
    expect(abmSegment([[5], [4], [3], [2], [1]], undefined, 'Key, Core, Tail')[0][0]).toBe('Key');
    expect(abmProgram([['Tier'], ['一级'], ['Մակարդակ 3']], undefined, { programLabels: ['1:1', '1:few', '1:many'] })).toEqual([
      ['ABM program'],
      ['1:1'],
      ['1:many'],
    ]);
    expect(() => abmTier(scores, undefined, undefined, 'High, Low')).toThrow('labels: give 3 values, e.g. "High, Medium, Low"; got 2.');
  });
});

describe("custom functions speak the document's language in Sheets (dist/Code.js with the spreadsheet's services)", () => {
  async function codeIn(locale: string) {
    const { readFileSync } = await import('node:fs');
    const vm = await import('node:vm');
    const { join } = await import('node:path');
    const book = new FakeSpreadsheet({ Accounts: [['Account']] }, locale);
    const context = vm.createContext({ ...book.session().globals() });
    vm.runInContext(readFileSync(join(__dirname, '..', '..', 'dist', 'Code.js'), 'utf8'), context);
    return context as unknown as Record<string, (...args: unknown[]) => unknown[][]>;
  }
  const metrics = [
    ['Account', 'Revenue', 'Profit'],
    ['A', 100, 30],
    ['B', 'abc', 10],
    ['C', 300, 50],
    ['D', 50, -5],
  ];

  it("Thai: headers, a bad cell's message and the drivers", async () => {
    const code = await codeIn('th_TH');
    const scores = code.ABMSCORE(metrics);
    expect(scores[0][0]).toBe(t('th', 'out.score'));
    expect(scores[2][0]).toBe('แถว 3 ของช่วง, คอลัมน์ "Revenue": "abc" ไม่ใช่ตัวเลข');
    // Row C is on top in both metrics (row A, at the median in both, has no strength to show).
    expect(String(code.ABMDRIVERS(metrics)[3][0])).toMatch(/สูงสุด/u);
    expect(code.ABMPROGRAM([['Tier'], ['Gold']])[1][0]).toBe(
      t('th', 'msg.notTier', { row: 2, value: 'Gold', t1: t('th', 'tier.1'), t2: t('th', 'tier.2'), t3: t('th', 'tier.3') }),
    );
  });

  it('Chinese: the profitability table and the KPI names', async () => {
    const code = await codeIn('zh_CN');
    const profit = code.ABMPROFIT([['Segment'], ['利润大户'], ['贡献者'], ['贡献者']], [['Revenue'], [100], [50], [30]], [['Profit'], [20], [10], [6]]);
    expect(profit[0].slice(0, 3)).toEqual([t('zh-CN', 'col.segment'), t('zh-CN', 'col.accounts'), t('zh-CN', 'col.shareAccounts')]);
    expect(profit.map((r) => r[0]).slice(1)).toEqual(['利润大户', '贡献者', t('zh-CN', 'total')]);
    expect(code.ABMKPI(metrics).map((r) => r[0])).toContain(t('zh-CN', 'kpi.activeAccounts'));
  });

  it("Armenian: ABMLTV's messages and ABMRFM's headings", async () => {
    const code = await codeIn('hy_AM');
    const ltv = code.ABMLTV([[100], ['x']], 4, 3, 0.5, -0.1);
    expect(ltv[1][0]).toBe('Տիրույթի 2-րդ տող, spend_per_purchase․ "x" թիվ չէ։');
    expect(code.ABMLTV(100, 4, 3, 0.5, -0.1)[0][0]).toBe(t('hy', 'msg.belowZero', { row: 1, name: 'discount_rate', value: -0.1 }));
    const rfm = code.ABMRFM([['Account'], ['A'], ['B']], [['Order date'], ['2024-01-05'], ['2024-02-01']], [['Revenue'], [10], [20]], '2024-06-30');
    expect(rfm[0].slice(0, 4)).toEqual([t('hy', 'rfm.account'), t('hy', 'rfm.recency'), t('hy', 'rfm.frequency'), t('hy', 'rfm.monetary')]);
  });

  it('English stays as it was', async () => {
    const code = await codeIn('en_US');
    expect(code.ABMSCORE(metrics)[2][0]).toBe('Row 3 of the range, column "Revenue": "abc" is not a number.');
  });
});

describe('abm-tier --lang', () => {
  it('reads Thai headers and Buddhist-era dates, and writes Thai labels and drivers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abm-lang-'));
    writeFileSync(
      join(dir, 'th.csv'),
      `${TWINS.th
        .sheet()
        .map((r) => r.map((c) => `"${String(c)}"`).join(','))
        .join('\n')}\n`,
    );
    let out = '';
    const code = await run(['score', 'th.csv', '--lang', 'th', '--as-of', '2024-06-30'], { stdout: (s) => (out += s), stderr: () => undefined, cwd: dir });
    expect(code).toBe(0);
    const rows = JSON.parse(out).rows as { tier: string; drivers: string }[];
    expect(rows.map((r) => [t('th', 'tier.1'), t('th', 'tier.2'), t('th', 'tier.3')].indexOf(r.tier))).toEqual(tiersOf('en').tiers);
    expect(rows[0].drivers).toMatch(/สูงสุด/u);
  });
});

describe("the menu and its toasts in the document's language", () => {
  it('scores from the menu and says so in Thai', async () => {
    const { menuScore } = await import('../../src/sheet/menu');
    const book = new FakeSpreadsheet({ Accounts: TWINS.th.sheet() }, 'th_TH');
    menuScore(book.session().services);
    expect(book.toasts.at(-1)).toMatch(/^ให้คะแนน 8 บัญชี: \d+ ระดับ 1, \d+ ระดับ 2, \d+ ระดับ 3$/u);
  });

  it('stops past the time limit with a message in Chinese', async () => {
    const { RunClock } = await import('../../src/sheet/limits');
    const book = new FakeSpreadsheet({ Accounts: TWINS['zh-CN'].sheet() }, 'zh_CN');
    let now = 0;
    expect(() => scoreSheet(book.session().services, undefined, new RunClock(() => (now += 200_000)))).toThrow(
      /^在(评分|写入结果)之前停止：已用掉 Apps Script 6 分钟限制中的 \d+ 秒，尚未写入任何内容/u,
    );
  });
});

describe("refusals and warnings from every action speak the document's language", () => {
  it('warns in Thai that broken saved settings fell back to the defaults', async () => {
    const { SETTINGS_PROPERTY } = await import('../../src/sheet/keys');
    const book = new FakeSpreadsheet({ Accounts: TWINS.th.sheet() }, 'th_TH');
    book.properties[SETTINGS_PROPERTY] = '{not json';
    const report = scoreSheet(book.session().services);
    expect(report.warnings).toContain(t('th', 'msg.settingsUnreadable'));
  });

  it("refuses a template over a user's sheet in Armenian, naming the sheet", async () => {
    const { createTemplate } = await import('../../src/sheet/template');
    const book = new FakeSpreadsheet({ Accounts: [['my', 'data']] }, 'hy_AM');
    expect(() => createTemplate(book.session().services, (k, p) => t('hy', k, p))).toThrow(t('hy', 'msg.templateTaken', { sheets: '"Accounts"' }));
    expect(book.sheet('Accounts').snapshot().values).toEqual([['my', 'data']]);
  });

  it('names the missing order columns in Chinese, and writes RFM headings in Chinese', async () => {
    const { buildAccountsSheet, buildRfmSheet, RFM_SHEET_NAME } = await import('../../src/sheet/orders-sheet');
    const bad = new FakeSpreadsheet(
      {
        Orders: [
          ['客户', '备注'],
          ['A', 'x'],
        ],
      },
      'zh_CN',
    );
    expect(() => buildAccountsSheet(bad.session().services)).toThrow(/^订单表需要这些列：.*请先打开订单明细工作表。$/u);
    expect(() => buildRfmSheet(bad.session().services, '2026-01-01', 11)).toThrow(t('zh-CN', 'msg.bins'));
    expect(() => buildAccountsSheet(bad.session().services, '1/2/2026')).toThrow(t('zh-CN', 'msg.asOfFormat'));
    const good = new FakeSpreadsheet(
      {
        Orders: [
          ['Account', 'Order date', 'Revenue'],
          ['A', '2026-01-05', 10],
          ['B', '2026-02-01', 20],
          ['A', '2026-03-01', 5],
        ],
      },
      'zh_CN',
    );
    buildRfmSheet(good.session().services, '2026-06-30');
    expect(good.sheet(RFM_SHEET_NAME).snapshot().values[0].slice(0, 4)).toEqual([
      t('zh-CN', 'rfm.account'),
      t('zh-CN', 'rfm.recency'),
      t('zh-CN', 'rfm.frequency'),
      t('zh-CN', 'rfm.monetary'),
    ]);
  });

  it('names duplicate accounts in Chinese, and heads the Lookalike column in Thai', async () => {
    const zh = TWINS['zh-CN'].sheet();
    zh.push([...zh[1]]);
    const book = new FakeSpreadsheet({ Accounts: zh }, 'zh_CN');
    const report = scoreSheet(book.session().services);
    expect(report.warnings).toContain(t('zh-CN', 'msg.duplicateKey', { account: String(zh[1][0]), rows: `2, ${zh.length}` }));
    const { findLookalikes } = await import('../../src/sheet/lookalike-column');
    const th = new FakeSpreadsheet({ Accounts: TWINS.th.sheet() }, 'th_TH');
    scoreSheet(th.session().services);
    const found = findLookalikes(th.session().services);
    const header = th.sheet('Accounts').snapshot().values[0];
    const { columnLetter } = await import('../../src/sheet/a1');
    expect(columnLetter(header.indexOf(t('th', 'out.lookalike')) + 1)).toBe(found.column);
  });

  it("names an unusable order line in Thai, and ABMRFM's in Chinese", async () => {
    const { buildAccountsSheet } = await import('../../src/sheet/orders-sheet');
    const book = new FakeSpreadsheet(
      {
        Orders: [
          ['Account', 'Order date', 'Revenue'],
          ['A', '2026-01-05', 10],
          ['', '2026-01-06', 5],
          ['B', 'soon', 7],
        ],
      },
      'th_TH',
    );
    const report = buildAccountsSheet(book.session().services, '2026-06-30');
    expect(report.errors).toEqual([
      `${t('th', 'cell.row', { row: 3 })}, ${t('th', 'cell.column', { column: 'Account' })}: "" ${t('th', 'orders.noAccount')}`,
      `${t('th', 'cell.row', { row: 4 })}, ${t('th', 'cell.column', { column: 'Order date' })}: "soon" ${t('th', 'orders.noDate')}`,
    ]);
    const { abmRfm } = await import('../../src/functions/abmrfm');
    expect(() =>
      abmRfm([['Account'], ['A'], ['B']], [['Order date'], ['2026-01-05'], ['later']], [['Revenue'], [1], [2]], '2026-06-30', undefined, { lang: 'zh-CN' }),
    ).toThrow('区域第 2 行，“Order date”列："later" 不是日期（请写成 YYYY-MM-DD）。');
  });

  it('asks for the warehouse table in Thai', async () => {
    // What "Copy as SQL" runs in the sidebar (the sidebar's Thai is checked in test/e2e/sidebar.test.ts).
    const { sqlExportText } = await import('../../src/sql/export-text');
    const { parseSettings } = await import('../../src/core/settings');
    const say = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('th', key, params);
    const request = { headers: TWINS.th.sheet()[0].map(String), source: 'Accounts' };
    expect(() => sqlExportText({ ...request, table: 'bad table; drop', dialect: 'duckdb' }, parseSettings({}), say)).toThrow(t('th', 'msg.sqlTable'));
    expect(() => sqlExportText({ ...request, table: 'p.d.accounts', dialect: 'oracle' }, parseSettings({}), say)).toThrow(t('th', 'msg.sqlDialect'));
  });
});
