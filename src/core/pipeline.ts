import { analyse, type Analysis } from './analyse';
import { mapColumns, type ColumnMapping, type MetricColumn, type PositionalOptions } from './columns';
import { asOfMs, type Cell, type CellLocale } from './parse-cell';
import type { Settings } from './settings';
import type { RowCode } from './message';
import { pinSource, pinsOf, type PinSource } from './pins';
import { keepOutOfFold, smoothedRates } from './category';
import { readOutcomes } from './outcome';
import { score, type Ranker } from './score';
import type { DriverSplit } from './drivers';
import { ROW_OK, TableBuilder, type AccountStore, type ColumnNumbers, type NewColumn, type ParsedTable } from './table';

/**
 * The one way from a header and rows of cells to an analysis: columns mapped, rows parsed, scored.
 * The sheet, the custom functions, the grid readers and the command line all come through here.
 */

export interface PipelineOptions {
  /** What messages call the first row (a sheet row number, a file line, a row of a range); default 1. */
  firstRowNumber?: number;
  /** How the cells are written (decimal comma, Buddhist era, time zone); English and UTC when absent. */
  locale?: CellLocale;
  /** How messages name a row ("Row 14" or "Row 14 of the range"). */
  rowCode?: RowCode;
  /** Weights and directions by position, for a range without a header row. */
  positional?: PositionalOptions;
  /** Where pins come from: by default the header's pin column (docs/scoring.md, "Pinned tiers"). */
  pins?: PinSource;
  /** Where the table's metric columns and the percentiles' arrays are made. */
  newColumn?: NewColumn;
  /** How the metrics are ranked and the drivers found (analyse's hooks; not for a table scored with a category). */
  rank?: Ranker;
  drivers?: DriverSplit;
  /** Where the account names are kept as bytes (a reader of files, which then hands each over as ColumnNumbers' text). */
  accountStore?: AccountStore;
}

/** Rows go in one at a time (`add`), `finish` analyses them: for a reader that streams (the command line). */
export interface RowsReader {
  mapping: ColumnMapping;
  /** `numbers`: a file reader's plain numbers by column, where `present` (the row's cell there is then ''). */
  add(row: readonly Cell[], rowNumber: number, numbers?: ColumnNumbers): void;
  finish(): Analysis;
  /** The columns whose cells `add` reads (the account, metrics, pins, category and outcome evidence): a reader of files may leave the others out. */
  columns: readonly number[];
}

export function rowsReader(header: readonly Cell[] | null, width: number, settings: Settings, options: PipelineOptions = {}, capacity = 4096): RowsReader {
  const mapping = mapColumns(header, width, settings, options.positional);
  const builder = new TableBuilder(
    mapping,
    asOfMs(settings.asOf, options.locale?.timeZone),
    capacity,
    options.rowCode,
    options.locale,
    options.newColumn,
    options.accountStore ?? null,
  );
  const source = pinSource(header, options.pins);
  // Only the rows with a pin cell are kept (a million-row file with no pins keeps nothing).
  const cells = new Map<number, [Cell, Cell]>();
  // Issue 17: a weighted category column with an outcome column enters the score; only then are its cells kept.
  const weighted = mapping.categories.filter((c) => c.weight > 0);
  const outcome = weighted.length > 0 ? mapping.outcome : null;
  const evidence = outcome ? weighted.map((c) => c.index).concat(outcome.index) : [];
  const kept: Cell[][] = evidence.map(() => []);
  let n = 0;
  const add = (row: readonly Cell[], rowNumber: number, numbers?: ColumnNumbers) => {
    builder.add(row, rowNumber, numbers);
    for (let k = 0; k < evidence.length; k++) kept[k].push(row[evidence[k]] ?? null);
    const pin = source.pin >= 0 ? row[source.pin] : source.cells[n];
    if (pin !== null && pin !== undefined && pin !== '') cells.set(n, [pin, source.reason >= 0 ? row[source.reason] : null]);
    n++;
  };
  const finish = () => {
    const table = builder.finish();
    const { pins, warnings } = pinsOf(table, settings, source, cells, options.rowCode);
    if (warnings.length > 0) table.warnings.push(...warnings);
    if (weighted.length > 0 && !outcome) for (const c of weighted) table.warnings.push({ code: 'warn.categoryNoOutcome', params: { column: c.header } });
    if (!outcome) return analyse(table, settings, pins, { newColumn: options.newColumn, rank: options.rank, drivers: options.drivers });
    return withCategories(table, settings, pins, weighted, kept, outcome.failure, options.newColumn);
  };
  const columns = [mapping.account, ...mapping.metrics.map((m) => m.index), source.pin, source.reason, ...evidence].filter((c) => c >= 0);
  return { mapping, add, finish, columns };
}

export function analyseRows(header: readonly Cell[] | null, rows: readonly (readonly Cell[])[], settings: Settings, options: PipelineOptions = {}): Analysis {
  const reader = rowsReader(header, widthOf(header, rows), settings, options, rows.length);
  const first = options.firstRowNumber ?? 1;
  for (let i = 0; i < rows.length; i++) reader.add(rows[i], first + i);
  return reader.finish();
}

/** Columns to map: the header's (past its end a column has no name and maps to nothing), else the widest row's. */
function widthOf(header: readonly Cell[] | null, rows: readonly (readonly Cell[])[]): number {
  if (header) return header.length;
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}

/**
 * Issue 17 (docs/scoring.md, "Categories"): each weighted category column becomes one more metric, the
 * smoothed success rate of the row's value (higher is better), appended after the table's metrics. The
 * analysis ranks the in-sample rates; beside them the out-of-fold rates give the score the report card
 * and learning judge (category.ts, `outOfFold`), so that no row's outcome ranks that row.
 */
function withCategories(
  parsed: ParsedTable,
  settings: Settings,
  pins: Parameters<typeof analyse>[2],
  weighted: readonly { index: number; header: string; weight: number }[],
  kept: readonly Cell[][],
  failure: boolean,
  newColumn?: NewColumn,
): Analysis {
  const n = parsed.n;
  const ok = (i: number) => parsed.status[i] === ROW_OK;
  // Only the rows analysed count: an invalid row's or a total row's outcome is no evidence.
  const read = readOutcomes(kept[kept.length - 1], failure).success;
  const success = Int8Array.from(read, (o, i) => (ok(i) ? o : -1));
  const inSample: Float64Array[] = [];
  const outOfFold: Float64Array[] = [];
  for (let k = 0; k < weighted.length; k++) {
    const values = kept[k];
    const a = smoothedRates(values, success);
    const b = smoothedRates(values, success, true);
    for (let i = 0; i < n; i++) {
      if (ok(i)) continue;
      a[i] = Number.NaN;
      b[i] = Number.NaN;
    }
    inSample.push(a);
    outOfFold.push(b);
  }
  const added: MetricColumn[] = weighted.map((c) => ({
    index: -1,
    header: c.header,
    name: c.header,
    role: 'custom',
    weight: c.weight,
    direction: 'higher',
    kind: 'number',
  }));
  const mapping = { ...parsed.mapping, metrics: [...parsed.mapping.metrics, ...added] };
  const table: ParsedTable = { ...parsed, mapping, values: [...parsed.values, ...inSample] };
  const analysis = analyse(table, settings, pins, { newColumn });
  const first = parsed.values.length;
  const include = Uint8Array.from(parsed.status, (s) => (s === ROW_OK ? 1 : 0));
  const oof = score({
    values: [...parsed.values, ...outOfFold],
    weights: mapping.metrics.map((m) => m.weight),
    directions: mapping.metrics.map((m) => m.direction),
    include,
    known: analysis.percentiles.map((p, j) => (j < first ? p : null)),
  });
  keepOutOfFold(analysis.score, oof.score);
  for (let j = first; j < mapping.metrics.length; j++) {
    const p = analysis.percentiles[j];
    const q = oof.percentiles[j];
    if (p && q) keepOutOfFold(p, q);
  }
  return analysis;
}
