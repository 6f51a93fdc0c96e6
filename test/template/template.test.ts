import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTemplate } from '../../scripts/template';
import { SAMPLE_HEADER } from '../../src/sample/accounts';
import { EXAMPLES_ROW } from '../../src/sample/template';
import { createTemplate } from '../../src/sheet/template';
import { FakeSpreadsheet } from '../fakes/workbook';

describe('the .xlsx template (npm run template)', () => {
  it('opens again with its sheets, headers, custom-function formulas and tier colours', async () => {
    const path = await writeTemplate(join(mkdtempSync(join(tmpdir(), 'abm-tpl-')), 'template.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Accounts', 'How to use']);
    const accounts = wb.getWorksheet('Accounts')!;
    expect((accounts.getRow(1).values as unknown[]).slice(1)).toEqual([...SAMPLE_HEADER]);
    expect(accounts.rowCount).toBe(251);
    const how = wb.getWorksheet('How to use')!;
    const formulas: string[] = [];
    how.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas.push(cell.formula);
      }),
    );
    for (const fn of [
      'ABMSCORE(Accounts!A1:Q251)',
      'ABMTIER(Accounts!A1:Q251)',
      'ABMSEGMENT(Accounts!C1:C251)',
      'ABMDRIVERS(Accounts!A1:Q251)',
      'ABMLTV(1200, 6, 5, 0.3)',
    ]) {
      expect(formulas).toContain(fn);
    }
    expect(formulas.some((f) => f.startsWith('ABMPROFIT('))).toBe(true);
    const cf = (how as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe(`A${EXAMPLES_ROW + 1}:E${EXAMPLES_ROW + 250}`);
    expect(cf[0].rules.map((r) => r.formulae[0])).toEqual([1, 2, 3].map((t) => `$B${EXAMPLES_ROW + 1}="Tier ${t}"`));
  });
});

describe('"Create template" in Sheets', () => {
  it('adds "Accounts" and "How to use" with the formulas in place', () => {
    const book = new FakeSpreadsheet({ Sheet1: [] });
    const made = createTemplate(book.session().services);
    expect(made).toEqual(['Accounts', 'How to use']);
    expect(book.sheet('Accounts').snapshot().values[0]).toEqual([...SAMPLE_HEADER]);
    expect(book.sheet('How to use').formulas.get(`${EXAMPLES_ROW},2`)).toBe('=ABMTIER(Accounts!A1:Q251)');
    expect(book.active.name).toBe('Accounts');
  });

  it('refuses, naming the sheet, when a sheet of that name exists, and changes nothing', () => {
    const book = new FakeSpreadsheet({ Accounts: [['my', 'data']] });
    expect(() => createTemplate(book.session().services)).toThrow('Already in this spreadsheet: "Accounts". Rename it first, or use a new spreadsheet.');
    expect(book.sheets.map((s) => s.name)).toEqual(['Accounts']);
    expect(book.sheet('Accounts').snapshot().values).toEqual([['my', 'data']]);
  });
});
