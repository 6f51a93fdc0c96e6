import {
  analyseRows,
  MessageError,
  parseSettings,
  ROW_BLANK,
  ROW_INVALID,
  type Analysis,
  type Direction,
  type PositionalOptions,
  type SettingsInput,
  type PinSource,
} from '../core';
import {
  absent,
  cells,
  firstDataRow,
  parseDirection,
  parseNamedDirections,
  parseNamedNumbers,
  refuse,
  show,
  toGrid,
  width,
  type DocumentLabels,
  type Framed,
} from './args';

/** A metrics range (with or without a header row) scored by the engine, for the custom functions. */

/** Optional `weights` / `directions` arguments: a row aligned with the columns, or text `"profit=3"`. */
export function weightOptions(framed: Framed, weights: unknown, directions: unknown): { settings: SettingsInput; positional: PositionalOptions } {
  const settings: { weights?: Record<string, number>; directions?: Record<string, Direction> } = {};
  const positional: PositionalOptions = {};
  const headers = framed.header?.map((h) => String(h ?? '').trim());
  if (!absent(weights)) {
    const list = cells(weights);
    if (list.length === 1 && typeof list[0] === 'string') settings.weights = parseNamedNumbers(list[0], 'weights');
    else {
      const row = toGrid(weights)[0].slice(0, width(framed));
      const ws = row.map((w, i) => {
        if (w === '' || w === null || w === undefined) return Number.NaN;
        if (typeof w !== 'number' || !(w >= 0)) refuse('fn.value', { arg: 'weights', n: i + 1, value: String(w), why: { code: 'fn.notWeight' } });
        return w;
      });
      if (headers) settings.weights = Object.fromEntries(ws.flatMap((w, i) => (Number.isNaN(w) || !headers[i] ? [] : [[headers[i], w]])));
      else positional.weights = ws.map((w) => (Number.isNaN(w) ? 1 : w));
    }
  }
  if (!absent(directions)) {
    const list = cells(directions);
    if (list.length === 1 && typeof list[0] === 'string' && /[=:]/u.test(list[0])) settings.directions = parseNamedDirections(list[0]);
    else {
      const row = toGrid(directions)[0].slice(0, width(framed));
      const ds = row.map((d, i) => (d === '' || d === null || d === undefined ? null : parseDirection(d, i + 1)));
      if (headers) settings.directions = Object.fromEntries(ds.flatMap((d, i) => (d && headers[i] ? [[headers[i], d]] : [])));
      else positional.directions = ds.map((d) => d ?? 'higher');
    }
  }
  return { settings, positional };
}

/** Row numbers in messages count within the range, the header row being row 1 when there is one. */
export function analyseRange(
  framed: Framed,
  doc: DocumentLabels,
  settingsInput: SettingsInput = {},
  positional: PositionalOptions = {},
  pins?: PinSource,
): Analysis {
  const analysis = analyseRows(framed.header, framed.rows, parseSettings(settingsInput), {
    positional,
    pins,
    firstRowNumber: firstDataRow(framed),
    rowCode: 'cell.rowOfRange',
    locale: doc.locale,
  });
  // A weight or direction naming no column ("proft=10") would be silently ignored: refuse, listing the names.
  const unknown = analysis.table.mapping.unknownNames;
  if (unknown) throw new MessageError(unknown);
  return analysis;
}

/** One output cell per row: blank for a blank row, the message for an invalid one (in the document's language), else `value(i)`. */
export function perRow(analysis: Analysis, doc: DocumentLabels, value: (i: number) => string | number): (string | number)[] {
  const { table } = analysis;
  const said = show(doc);
  const out: (string | number)[] = new Array(table.n);
  for (let i = 0; i < table.n; i++) {
    const status = table.status[i];
    const message = status === ROW_INVALID ? table.messages.get(i) : undefined;
    out[i] = status === ROW_BLANK ? '' : status === ROW_INVALID ? (message ? said(message) : '') : value(i);
  }
  return out;
}
