import { translator, type Translate } from '../i18n';
import { rectangle, templateSheets } from '../sample/template';
import { UserError } from './analyse-sheet';
import type { Services } from './apps-script';
import { withDocumentLock } from './document-lock';
import { cellsAdded, ensureGrid, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from './grid';
import { checkWorkbookCells } from './limits';
import { cellValue } from './plain-text';

/**
 * "Create template": adds the sample "Accounts" and "How to use" sheets to this spreadsheet. It
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
    sheets.forEach(({ name }, k) => {
      const sheet = ss.insertSheet(name);
      const values = grids[k];
      ensureGrid(sheet, { rows: NEW_SHEET_ROWS, columns: NEW_SHEET_COLUMNS }, values.length, values[0].length);
      // Our own example formulas go in as formulas; every other text stays the text it is.
      const cells = values.map((row) => row.map((cell) => (typeof cell === 'string' && cell.startsWith('=') ? cell : cellValue(cell))));
      sheet.getRange(1, 1, values.length, values[0].length).setValues(cells);
      made.push(name);
    });
    ss.getSheetByName(sheets[0].name)?.activate();
    return made;
  });
}
