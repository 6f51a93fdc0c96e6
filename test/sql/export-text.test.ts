import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/core/settings';
import { english, t } from '../../src/i18n';
import { readSheet } from '../../src/sheet/read-sheet';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { sidebarState } from '../../src/sheet/sidebar-state';
import { generateScript, LABELLED_TABLE } from '../../src/sql/generate';
import { headerRow, sqlExportText, SqlRequestError, type SqlRequest } from '../../src/sql/export-text';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';
import { cliInFolder } from '../cli/helpers';
import { accountsGrid } from '../sheet/helpers';

const HEADERS = ['Account', 'Revenue', 'Profit', 'Engagement', 'Recency (days)'];
const request: SqlRequest = { headers: HEADERS, source: 'Accounts', table: 'project.dataset.accounts', dialect: 'bigquery' };

describe('the SQL as "Copy as SQL" and `abm-tier sql` give it', () => {
  it('is the script: the kept rows, then the three queries reading them, each under its comment line', () => {
    const settings = parseSettings({ method: 'threshold' });
    const { create, scores, profitability, tierProfitability } = generateScript(HEADERS, settings, { table: 'project.dataset.accounts', dialect: 'bigquery' });
    const text = sqlExportText(request, settings, english);
    const statements = text.split(';\n\n');
    expect(statements).toHaveLength(4);
    expect(statements.map((s) => s.slice(s.indexOf('\n') + 1))).toEqual([create, scores, profitability, `${tierProfitability};\n`]);
    expect(statements.map((s) => s.slice(0, s.indexOf('\n')))).toEqual([
      '-- ABM Tier: every account scored, tiered and segmented once, into the temporary table abm_labelled; run the whole script',
      '-- ABM Tier: score, tier, segment and program of every account (to keep them: CREATE OR REPLACE TABLE your_dataset.accounts_scored AS SELECT …)',
      '-- ABM Tier: profitability by segment',
      '-- ABM Tier: profitability by tier',
    ]);
    // The table is read once, by the statement that keeps the rows; the others read the kept rows only.
    expect(text.split('`project.dataset.accounts`')).toHaveLength(2);
    for (const query of [scores, profitability, tierProfitability]) {
      expect(query).toContain(`FROM ${LABELLED_TABLE}`);
      expect(query).not.toMatch(/\braw\b|labelled AS/u);
    }
    // The command line notes the dialect in the first comment; nothing else differs.
    expect(sqlExportText({ ...request, note: 'bigquery' }, settings, english)).toBe(text.replace('whole script\n', 'whole script (bigquery)\n'));
  });

  it('refuses an unusable table, dialect or sheet with the catalogue message, in that order', () => {
    const settings = parseSettings({});
    const say = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('zh-CN', key, params);
    const refusal = (over: Partial<SqlRequest>) => {
      try {
        sqlExportText({ ...request, ...over }, settings, say);
      } catch (error) {
        expect(error).toBeInstanceOf(SqlRequestError);
        return (error as Error).message;
      }
      return null;
    };
    for (const table of ['bad table; drop', '', 'a'.repeat(301), 'x`y', undefined, 7]) {
      expect(refusal({ table })).toBe(t('zh-CN', 'msg.sqlTable'));
    }
    expect(refusal({ dialect: 'oracle' })).toBe(t('zh-CN', 'msg.sqlDialect'));
    expect(refusal({ dialect: null })).toBe(t('zh-CN', 'msg.sqlDialect'));
    expect(refusal({ headers: null, source: 'Notes' })).toBe(t('zh-CN', 'msg.sqlNoHeader', { sheet: 'Notes' }));
    expect(refusal({ table: 'bad;', dialect: 'oracle', headers: null })).toBe(t('zh-CN', 'msg.sqlTable'));
    expect(refusal({ dialect: 'oracle', headers: null })).toBe(t('zh-CN', 'msg.sqlDialect'));
    expect(refusal({ table: 'proj-1.data_set.$accounts', dialect: 'duckdb' })).toBeNull();
  });
});

describe('`abm-tier sql` prints the same text', () => {
  const { cli } = cliInFolder('abm-sql-text-');

  it("with the dialect noted, and refuses an unusable table in the settings' language", async () => {
    const ok = await cli('sql', '--columns', 'Account,Revenue,Profit', '--table', 'crm.accounts', '--dialect', 'duckdb', '--method', 'threshold');
    expect(ok.code).toBe(0);
    const settings = parseSettings({ method: 'threshold' });
    expect(ok.out).toBe(
      sqlExportText(
        { headers: ['Account', 'Revenue', 'Profit'], source: '--columns', table: 'crm.accounts', dialect: 'duckdb', note: 'duckdb' },
        settings,
        english,
      ),
    );
    expect(await cli('sql', '--columns', 'Account,Revenue', '--table', 'crm.accounts; drop')).toMatchObject({
      code: 1,
      out: '',
      err: `abm-tier: ${t('en', 'msg.sqlTable')}\n`,
    });
    expect((await cli('sql', '--columns', 'Account,Revenue', '--table', 'a b', '--lang', 'th')).err).toBe(`abm-tier: ${t('th', 'msg.sqlTable')}\n`);
  });
});

describe("the sidebar's header row, rebuilt from its state, gives the SQL the sheet's own header row gives", () => {
  /** The header row as the server read it for "Copy as SQL": every cell, trimmed, our own columns blank. */
  const sheetHeaders = (book: FakeSpreadsheet) =>
    readSheet(book.session().services.spreadsheetApp.getActiveSpreadsheet().getActiveSheet()).header!.map((h) => String(h ?? '').trim());

  const cases: Record<string, () => Value[][]> = {
    'the sample accounts, scored (our output columns are in the row)': () => accountsGrid(40),
    'blank header cells between and after the named ones, and an unused column': () => [
      ['Account', '', ' Revenue ', 'Notes', '', 'Profit', 'Engagement', '', ''],
      ['A', 1, 100, 'x', 2, 10, 5, '', 'stray'],
      ['B', 2, 300, 'y', 3, -20, 9, '', ''],
      ['C', 3, 200, 'z', 4, 40, 1, '', ''],
    ],
  };
  for (const [name, grid] of Object.entries(cases)) {
    it(name, () => {
      const book = new FakeSpreadsheet({ Accounts: grid() });
      const input = { method: 'threshold' as const, thresholds: [60, 30] as [number, number], weights: { Engagement: 4 } };
      scoreSheet(book.session().services, input);
      const state = sidebarState(book.session().services, input);
      const settings = parseSettings(input);
      for (const dialect of ['bigquery', 'duckdb']) {
        const fromState = sqlExportText({ ...request, dialect, headers: headerRow(state.columns), source: state.sheet }, settings, english);
        const fromSheet = sqlExportText({ ...request, dialect, headers: sheetHeaders(book) }, settings, english);
        expect(fromState).toBe(fromSheet);
      }
    });
  }

  it('fills the gaps between headers with blanks', () => {
    expect(
      headerRow([
        { index: 0, header: 'Account' },
        { index: 3, header: 'Revenue' },
      ]),
    ).toEqual(['Account', '', '', 'Revenue']);
    expect(headerRow([])).toEqual([]);
  });
});
