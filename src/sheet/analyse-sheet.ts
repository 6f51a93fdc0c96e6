import { analyse, asOfMs, mapColumns, readRows, type Analysis, type Settings } from '../core';
import type { SheetData } from './read-sheet';

/** A mistake the user can fix: shown as written, never as a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

export function analyseSheet(data: SheetData, settings: Settings): Analysis {
  if (data.values.length === 0 || (data.values.length === 1 && data.values[0].every((c) => c === ''))) {
    throw new UserError(`Sheet "${data.name}" is empty: put one row per account under a header row (Account, Revenue, Profit…).`);
  }
  if (!data.header) {
    throw new UserError(`No header row found in the first 20 rows of "${data.name}": the columns need names such as Account, Revenue, Profit, Engagement.`);
  }
  if (data.rows.length === 0) {
    throw new UserError(`"${data.name}" has a header on row ${data.headerRow + 1} but no accounts below it.`);
  }
  const width = Math.max(data.header.length, ...data.rows.slice(0, 1).map((r) => r.length));
  const mapping = mapColumns(data.header, width, settings);
  const table = readRows(data.rows, mapping, asOfMs(settings.asOf), data.headerRow + 2);
  try {
    return analyse(table, settings);
  } catch (error) {
    throw new UserError(error instanceof Error ? error.message : String(error));
  }
}
