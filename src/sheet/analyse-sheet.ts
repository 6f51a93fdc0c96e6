import { analyseRows, errorText, type Analysis, type PinSource } from '../core';
import type { Language } from './language';
import type { SheetData } from './read-sheet';

/** A mistake the user can fix: shown as written, never as a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

/** Analyses the sheet in its language (settings with localised labels, cell conventions, messages); `pins`: the document's (src/sheet/pins.ts). */
export function analyseSheet(data: SheetData, language: Language, pins?: PinSource): Analysis {
  const { settings, say, show, locale } = language;
  if (data.values.length === 0 || (data.values.length === 1 && data.values[0].every((c) => c === ''))) {
    throw new UserError(say('msg.empty', { sheet: data.name }));
  }
  if (!data.header) throw new UserError(say('msg.noHeader', { sheet: data.name }));
  if (data.rows.length === 0) throw new UserError(say('msg.headerOnly', { sheet: data.name, row: data.headerRow + 1 }));
  try {
    return analyseRows(data.header, data.rows, settings, { firstRowNumber: data.headerRow + 2, rowCode: 'cell.row', locale, pins });
  } catch (error) {
    throw new UserError(errorText(error, show));
  }
}
