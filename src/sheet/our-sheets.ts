import { columnLetter } from './a1';
import type { DeveloperMetadataApi, SheetApi, SpreadsheetApi } from './apps-script';

/**
 * The sheets the add-on made, found by the developer metadata it put on them (never by name alone,
 * so a user's sheet of the same name is never taken for ours, and ours is found after a rename).
 * One search of the spreadsheet's metadata serves every sheet a run needs.
 */
export type OurSheets = Map<string, { tag: DeveloperMetadataApi; sheet: SheetApi }[]>;

export function findOurSheets(ss: SpreadsheetApi, keys: readonly string[]): OurSheets {
  const out: OurSheets = new Map(keys.map((k) => [k, []]));
  for (const tag of ss.createDeveloperMetadataFinder().find()) {
    const list = out.get(tag.getKey());
    if (!list) continue;
    const sheet = tag.getLocation().getSheet();
    if (sheet) list.push({ tag, sheet });
  }
  return out;
}

/** Number formats of the tables we write on our own sheets ("ABM Accounts", "ABM RFM"). */
export const TABLE_FORMATS = { date: 'yyyy-mm-dd', whole: '#,##0', decimal: '#,##0.00' } as const;

/**
 * The look of a table written from A1 on one of our sheets: the header row bold and frozen, and each
 * column a number format from what it holds (dates as days, whole numbers and amounts with
 * thousands); a column holding any text keeps the automatic format. One call per format, whatever
 * the table's size: each covers its columns from row 2 down, rows added later included.
 */
export function formatOurTable(sheet: SheetApi, rows: readonly (readonly unknown[])[]): void {
  const width = rows[0]?.length ?? 0;
  if (width === 0) return;
  const columns: Record<keyof typeof TABLE_FORMATS, string[]> = { date: [], whole: [], decimal: [] };
  for (let c = 0; c < width; c++) {
    let kind: keyof typeof TABLE_FORMATS | null = null;
    for (let r = 1; r < rows.length; r++) {
      const v = rows[r][c];
      if (v === '' || v === null || v === undefined) continue;
      const k = v instanceof Date ? 'date' : typeof v === 'number' ? (Number.isInteger(v) ? 'whole' : 'decimal') : null;
      if (k === null || (kind !== null && (kind === 'date') !== (k === 'date'))) {
        kind = null;
        break;
      }
      if (kind !== 'decimal') kind = k;
    }
    if (kind) {
      const letter = columnLetter(c + 1);
      columns[kind].push(`${letter}2:${letter}`);
    }
  }
  sheet.getRangeList([`A1:${columnLetter(width)}1`]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  for (const kind of Object.keys(columns) as (keyof typeof TABLE_FORMATS)[]) {
    if (columns[kind].length) sheet.getRangeList(columns[kind]).setNumberFormat(TABLE_FORMATS[kind]);
  }
}
