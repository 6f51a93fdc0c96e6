import { analyse, asOfMs, mapColumns, MessageError, readRows, type Analysis } from '../core';
import type { Language } from './language';
import type { SheetData } from './read-sheet';

/** A mistake the user can fix: shown as written, never as a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

/** Analyses the sheet in its language (settings with localised labels, cell conventions, messages). */
export function analyseSheet(data: SheetData, language: Language): Analysis {
  const { settings, say, show, locale } = language;
  if (data.values.length === 0 || (data.values.length === 1 && data.values[0].every((c) => c === ''))) {
    throw new UserError(say('msg.empty', { sheet: data.name }));
  }
  if (!data.header) throw new UserError(say('msg.noHeader', { sheet: data.name }));
  if (data.rows.length === 0) throw new UserError(say('msg.headerOnly', { sheet: data.name, row: data.headerRow + 1 }));
  const width = Math.max(data.header.length, ...data.rows.slice(0, 1).map((r) => r.length));
  const mapping = mapColumns(data.header, width, settings);
  const table = readRows(data.rows, mapping, asOfMs(settings.asOf, locale.timeZone), data.headerRow + 2, 'cell.row', locale);
  try {
    return analyse(table, settings);
  } catch (error) {
    throw new UserError(error instanceof MessageError ? show(error.said) : error instanceof Error ? error.message : String(error));
  }
}
