/**
 * npm run template: writes template/abm-tier-template.xlsx, the template workbook for File → Import
 * in Drive: the sample "Accounts" (with number formats) and "Sample orders", "How to use" with the
 * custom-function formulas in place, and the live examples coloured by tier with conditional formatting.
 */
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { columnLetter } from '../src/sheet/a1';
import { EXAMPLES_ROW, EXAMPLES_TIER_COLUMN, HOW_TO_SHEET, templateSheets } from '../src/sample/template';

export const TEMPLATE_PATH = join(__dirname, '..', 'template', 'abm-tier-template.xlsx');

export async function writeTemplate(path = TEMPLATE_PATH): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ABM Tier';
  // A fixed date keeps the file the same from run to run.
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = workbook.created;
  for (const { name, rows, formats, dateColumns = [] } of templateSheets()) {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: name === HOW_TO_SHEET ? 0 : 1 }] });
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        const cell = ws.getCell(r + 1, c + 1);
        // Our own example formulas are formulas; dates are dates; any other text is kept as text.
        if (typeof value === 'string' && value.startsWith('=ABM')) cell.value = { formula: value.slice(1) };
        else if (r > 0 && dateColumns.includes(c + 1) && typeof value === 'string') {
          cell.value = new Date(`${value}T00:00:00Z`);
          cell.numFmt = 'yyyy-mm-dd';
        } else cell.value = value; // a text cell in .xlsx is never run as a formula
      });
    });
    for (const { columns, format, fromRow, rows: count } of formats) {
      for (const c of columns) for (let r = fromRow; r < fromRow + count; r++) ws.getCell(r, c).numFmt = format;
    }
    ws.getRow(1).font = { bold: true };
    if (name === HOW_TO_SHEET) {
      const first = EXAMPLES_ROW + 1;
      const last = EXAMPLES_ROW + 250;
      const tier = `$${columnLetter(EXAMPLES_TIER_COLUMN)}${first}`;
      ws.addConditionalFormatting({
        ref: `A${first}:E${last}`,
        rules: DEFAULT_SETTINGS.labels.map((label, k) => ({
          type: 'expression',
          priority: k + 1,
          formulae: [`${tier}="${label}"`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${DEFAULT_SETTINGS.colours[k].slice(1).toUpperCase()}` } } },
        })),
      });
      ws.getRow(2).font = { bold: true, color: { argb: 'FFB00020' } };
      ws.getColumn(1).width = 28;
      ws.getColumn(3).width = 40;
      ws.getColumn(4).width = 40;
      ws.getColumn(5).width = 60;
    } else ws.getColumn(1).width = 24;
  }
  mkdirSync(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
  return path;
}

if (require.main === module) {
  writeTemplate().then(
    (p) => console.log(`wrote ${p}`),
    (e: unknown) => {
      console.error(`template: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
