import { translator, type Translate } from '../i18n';
import { rectangle, templateSheets } from '../sample/template';
import { UserError } from './analyse-sheet';
import type { Services } from './apps-script';

/**
 * "Create template": adds the sample "Accounts" and "How to use" sheets to this spreadsheet. It
 * refuses, naming them, when sheets of those names exist: nothing of the user's is overwritten.
 */
export function createTemplate(services: Services, say: Translate = translator('en')): string[] {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const sheets = templateSheets();
  const taken = sheets.filter((s) => ss.getSheetByName(s.name)).map((s) => `"${s.name}"`);
  if (taken.length) {
    throw new UserError(say('msg.templateTaken', { sheets: taken.join(' + ') }));
  }
  const made: string[] = [];
  for (const { name, rows } of sheets) {
    const sheet = ss.insertSheet(name);
    const values = rectangle(rows);
    // Our own example formulas go in as formulas: setValues writes text starting with "=" as one.
    sheet.getRange(1, 1, values.length, values[0].length).setValues(values);
    made.push(name);
  }
  ss.getSheetByName(sheets[0].name)?.activate();
  return made;
}
