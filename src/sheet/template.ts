import { translator, type Translate } from '../i18n';
import { rectangle, templateSheets } from '../sample/template';
import { columnLetter } from './a1';
import { UserError } from './analyse-sheet';
import type { Services } from './apps-script';
import { withDocumentLock } from './document-lock';
import { cellsAdded, ensureGrid, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from './grid';
import { checkWorkbookCells } from './limits';
import { cellValue } from './plain-text';

/**
 * "Create template": adds the sample "Accounts", "Sample orders" and "How to use" sheets to this spreadsheet. It
 * refuses, naming them, when sheets of those names exist: nothing of the user's is overwritten.
 */
export function createTemplate(services: Services, say: Translate = translator('en')): string[] {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(services, () => {
    const sheets = templateSheets();
    const taken = sheets.filter((s) => ss.getSheetByName(s.name)).map((s) => `"${s.name}"`);
    if (taken.length) {
      throw new UserError(say('msg.templateTaken', { sheets: taken.join(' + ') }));
    }
    const grids = sheets.map(({ rows }) => rectangle(rows));
    checkWorkbookCells(
      ss,
      grids.reduce((sum, values) => sum + cellsAdded(null, values.length, values[0].length), 0),
      say,
    );
    const made: string[] = [];
    sheets.forEach(({ name, formats }, k) => {
      const sheet = ss.insertSheet(name);
      const values = grids[k];
      ensureGrid(sheet, { rows: NEW_SHEET_ROWS, columns: NEW_SHEET_COLUMNS }, values.length, values[0].length);
      // Our own example formulas go in as formulas; every other text (the order dates too) stays the text it is.
      const cells = values.map((row) => row.map((cell) => (typeof cell === 'string' && cell.startsWith('=ABM') ? cell : cellValue(cell))));
      sheet.getRange(1, 1, values.length, values[0].length).setValues(cells);
      // One call per number format, over all the columns that take it.
      const byFormat = new Map<string, string[]>();
      for (const f of formats) {
        const a1s = f.columns.map((c) => `${columnLetter(c)}${f.fromRow}:${columnLetter(c)}${f.fromRow + f.rows - 1}`);
        byFormat.set(f.format, [...(byFormat.get(f.format) ?? []), ...a1s]);
      }
      for (const [format, a1s] of byFormat) sheet.getRangeList(a1s).setNumberFormat(format);
      made.push(name);
    });
    ss.getSheetByName(sheets[0].name)?.activate();
    return made;
  });
}
