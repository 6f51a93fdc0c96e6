import { mapColumns, type ColumnMapping } from '../core/columns';
import type { Settings } from '../core/settings';
import { axisOf } from '../core/grid-axes';
import { gridStage, gridTierExpr } from './grid';
import { documentPinsTable, pinColumnOf, pinCountsCte, pinnedTier, pinOut, placesLeft, rowPinExpr, type DocumentPin } from './pins';
import { categoryBaseCte, categoryMetric, categoryPercentileCte, categoryRateCtes, categoryText, outcomeSuccess, scoredCategories } from './category';

/**
 * The rules of SPEC §3–7 as SQL, for tables too big for a sheet: one query gives every row its score,
 * tier, segment and program; two more give profitability by segment and by tier. The settings are baked
 * in from the same zod-validated settings the other surfaces use; every identifier and label is quoted,
 * so hostile column names cannot inject SQL.
 *
 * Shape: each ranked column is ranked on its distinct values, never on the rows. A `GROUP BY` gives each
 * distinct value its count, a running sum over those counts gives the number of values before it (ties
 * share it: the mid-rank of SPEC §3 follows), and a join on the value takes it back to the rows. The tiers
 * and segments compare each row with two cut-offs found once (cutCte). The rows go through no window but
 * the cut-offs' numbering of one column (in one pass) and pareto's of the accounts of one value. Partitioned (BigQuery's
 * default), each running sum is split at bucket boundaries drawn from the distinct values themselves (a
 * sample fixed by a hash of each value, about 1 in n/1000, so the same on every evaluation of the CTE):
 * a window per bucket, and one over the bucket totals (about 1000 rows). Any boundaries give the same
 * exact counts; the sample only balances the buckets.
 */

export type Dialect = 'duckdb' | 'bigquery';

export interface SqlOptions {
  /** The table, e.g. `accounts` or `project.dataset.accounts`. */
  table: string;
  dialect: Dialect;
  /** A column giving the rows' order, for pareto's ties (default: the account column). */
  rowId?: string;
  /**
   * Running sums split into buckets of distinct values, every window partitioned (default: BigQuery, where a
   * window without `PARTITION BY` runs on one slot). DuckDB sorts in parallel and needs no buckets.
   */
  partitioned?: boolean;
  /** About how many buckets per ranked column when partitioned (default 1000). */
  buckets?: number;
  /** A column carried, as text, through to `labelled` as `abm_carry` (the report card's outcome, src/sql/report.ts). */
  carry?: string;
  /** The column of pinned tiers (docs/scoring.md, "Pinned tiers"; `--pins`); absent: the header's `Pin`, `Override`… column; null: none. */
  pins?: string | null;
  /** Pins kept in the document's settings (the sidebar's Copy as SQL), by account: a row's own pin cell wins. */
  documentPins?: readonly DocumentPin[];
  /** Category columns carried, as the engine reads their values, through to `labelled` as `abm_r0`, `abm_r1`… (src/sql/report.ts). */
  categories?: readonly string[];
}

export interface SqlQueries {
  scores: string;
  /** Profitability by segment (SPEC §7). */
  profitability: string;
  /** Profitability by tier. */
  tierProfitability: string;
}

interface DialectForms {
  ident: (name: string) => string;
  table: (name: string) => string;
  string: (text: string) => string;
  toNumber: (expr: string) => string;
  toDecimal: (expr: string) => string;
  text: string;
  /** A metric as ranked: NaN is missing (the engine refuses it), −0 is 0 (one group, one join key). */
  clean: (expr: string) => string;
  /** Whether a value is one of the bucket boundaries: about `buckets` of `count` values, chosen by a hash of the value. */
  sample: (expr: string, count: string, buckets: number) => string;
  /** The bucket of a value: how many of the sorted boundaries are ≤ it. */
  bucket: (expr: string, bounds: string) => string;
}

/** The few places where BigQuery must differ from DuckDB. */
export const DIALECTS: Record<Dialect, DialectForms> = {
  duckdb: {
    ident: (name) => `"${name.replace(/"/gu, '""')}"`,
    table: (name) =>
      name
        .split('.')
        .map((part) => `"${part.replace(/"/gu, '""')}"`)
        .join('.'),
    text: 'VARCHAR',
    string: (text) => `'${text.replace(/'/gu, "''")}'`,
    toNumber: (expr) => `TRY_CAST(${expr} AS DOUBLE)`,
    // Through the shortest text that reads back as the double (60.13, not 60.1299999…): the decimal as written.
    toDecimal: (expr) => `TRY_CAST(CAST(${expr} AS VARCHAR) AS DECIMAL(38, 9))`,
    // DuckDB groups and joins −0 with 0 already, and NaN equals NaN there.
    clean: (expr) => `NULLIF(${expr}, CAST('NaN' AS DOUBLE))`,
    // The partitioned form is BigQuery's; on DuckDB it serves to check it against the engine.
    sample: (expr, count, buckets) => `HASH(${expr}) % GREATEST(1, ${count} // ${buckets}) = 0`,
    bucket: (expr, bounds) => `LEN(LIST_FILTER(${bounds}, abm_b -> abm_b <= ${expr}))`,
  },
  bigquery: {
    ident: (name) => `\`${name.replace(/\\/gu, '\\\\').replace(/`/gu, '\\`')}\``,
    table: (name) => `\`${name.replace(/\\/gu, '\\\\').replace(/`/gu, '\\`')}\``,
    text: 'STRING',
    string: (text) => `'${text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'").replace(/\n/gu, '\\n').replace(/\r/gu, '\\r')}'`,
    toNumber: (expr) => `SAFE_CAST(${expr} AS FLOAT64)`,
    // CAST to STRING writes 15 significant digits when they read back as the double, else 17.
    toDecimal: (expr) => `SAFE_CAST(CAST(${expr} AS STRING) AS NUMERIC)`,
    // NaN in RANGE_BUCKET's boundaries is an error; x + 0.0 turns −0 into 0.
    clean: (expr) => `IF(IS_NAN(${expr}), NULL, ${expr} + 0.0)`,
    // Deterministic, unlike APPROX_QUANTILES: BigQuery evaluates a CTE once per reference, and both must agree.
    sample: (expr, count, buckets) => `MOD(FARM_FINGERPRINT(CAST(${expr} AS STRING)), GREATEST(1, DIV(${count}, ${buckets}))) = 0`,
    bucket: (expr, bounds) => `RANGE_BUCKET(${expr}, ${bounds})`,
  },
};

/** A number as a SQL literal that reads back as the same double. */
export function num(x: number): string {
  const text = String(x);
  return /[.e]/u.test(text) ? text : `${text}.0`;
}

/** The rounding the engine compares with: floor(x · 10⁶ + 0.5) / 10⁶, as Math.round does; from 2^32 on, x itself (src/core/round.ts). */
export function round6(expr: string): string {
  return `CASE WHEN ABS(${expr}) >= 4294967296.0 THEN ${expr} ELSE FLOOR((${expr}) * 1000000 + 0.5) / 1000000 END`;
}

export function places(count: string, percent: number): string {
  return `FLOOR(${count} * ${num(percent)} / 100 + 0.5)`;
}

/** The labelled rows as the script keeps them: a temporary table, unqualified (BigQuery refuses a dataset on one). */
export const LABELLED_TABLE = 'abm_labelled';

/**
 * The same three answers as a script: the labelled rows computed once into a temporary table (`create`;
 * DuckDB and BigQuery's multi-statement queries both run `CREATE TEMP TABLE … AS`), then the scores and
 * the two profitability queries, each reading that table. generateSql gives each as one stand-alone statement.
 */
export interface SqlScript extends SqlQueries {
  create: string;
}

export function generateSql(headers: readonly string[], settings: Settings, options: SqlOptions): SqlQueries {
  return queries(headers, settings, options, false);
}

export function generateScript(headers: readonly string[], settings: Settings, options: SqlOptions): SqlScript {
  return queries(headers, settings, options, true);
}

function queries(headers: readonly string[], settings: Settings, options: SqlOptions, script: true): SqlScript;
function queries(headers: readonly string[], settings: Settings, options: SqlOptions, script: false): SqlQueries;
function queries(headers: readonly string[], settings: Settings, options: SqlOptions, script: boolean): SqlQueries | SqlScript {
  const mapping = mapColumns(headers, headers.length, settings);
  const d = DIALECTS[options.dialect];
  const account = mapping.account >= 0 ? `abm_account AS ${d.ident('account')}, ` : '';
  const rowId = options.rowId ? `abm_row AS ${d.ident(options.rowId)}, ` : '';
  const full = () => cteChain(headers, mapping, settings, options, { tiers: true, segments: true });
  // The script reads the kept rows; a stand-alone query computes its own chain, ranking only what it needs.
  const source = script ? LABELLED_TABLE : 'labelled';
  // The kept table holds the group numbers; the labels are written as they are read (text costs most to keep).
  const labels = script
    ? `${labelOf('t_final', settings.labels, d)} AS tier, ${labelOf('seg', settings.segmentLabels, d)} AS segment, ${labelOf('t_final', settings.programLabels, d)} AS program`
    : 'tier, segment, program';
  const scores = `${script ? '' : `${full()}\n`}SELECT ${rowId}${account}score, ${labels}
FROM ${source}`;
  // A column the table has sums to 0 over an empty group, as in the engine; one it lacks stays NULL.
  const has = (role: string) => mapping.metrics.some((m) => m.role === role);
  const hasCost = has('cost') || (has('revenue') && has('profit'));
  const present = { revenue: has('revenue'), cost: hasCost, profit: has('profit') };
  const table = (labels: readonly string[], column: string, wanted: Wanted) => {
    const amount = (name: keyof typeof present) => (present[name] ? `COALESCE(s.${name}, 0)` : `s.${name}`);
    const names = [...labels, 'Total'].map((label, k) => `SELECT ${d.string(label)} AS label, ${k + 1} AS ord`).join(' UNION ALL ');
    // One pass over the rows, one reference to each CTE (BigQuery evaluates a CTE once per reference). The Total is
    // the sum of the groups, as in the engine: windows over the four rows of the result.
    const total = (name: string) => `CASE WHEN ord = 4 THEN SUM(CASE WHEN ord < 4 THEN ${name} END) OVER () ELSE ${name} END AS ${name}`;
    return `${script ? 'WITH' : `${cteChain(headers, mapping, settings, options, wanted)},`}
sums AS (
  SELECT ${column} AS ord, COUNT(*) AS accounts, SUM(abm_revenue) AS revenue, SUM(abm_cost) AS cost, SUM(abm_profit) AS profit
  FROM ${source} WHERE ${column} IS NOT NULL GROUP BY ${column}
),
by_group AS (
  SELECT l.label, l.ord, COALESCE(s.accounts, 0) AS accounts, ${amount('revenue')} AS revenue, ${amount('cost')} AS cost, ${amount('profit')} AS profit
  FROM (${names}) AS l LEFT JOIN sums AS s ON s.ord = l.ord
),
totalled AS (
  SELECT label, ord, ${['accounts', 'revenue', 'cost', 'profit'].map(total).join(', ')}
  FROM by_group
)
SELECT label, accounts,
  accounts / NULLIF(SUM(CASE WHEN ord < 4 THEN accounts END) OVER (), 0) AS share,
  revenue, cost, profit,
  profit / NULLIF(revenue, 0) AS margin,
  profit / NULLIF(SUM(CASE WHEN ord < 4 THEN profit END) OVER (), 0) AS profit_share,
  profit / NULLIF(accounts, 0) AS profit_per_account
FROM totalled
ORDER BY ord`;
  };
  const result = {
    scores,
    // Segments need revenue's rank only, tiers the metrics' and the score's: each query ranks nothing else.
    profitability: table(settings.segmentLabels, 'seg', { tiers: false, segments: true }),
    tierProfitability: table(settings.labels, 't_final', { tiers: true, segments: false }),
  };
  if (!script) return result;
  // Only what the three read: the rows' keys, the score, the tier and segment numbers and the amounts.
  const create = `CREATE OR REPLACE TEMP TABLE ${LABELLED_TABLE} AS
${full()}
SELECT abm_row, abm_account, score, seg, t_final, abm_revenue, abm_cost, abm_profit
FROM labelled`;
  return { create, ...result };
}

/** The document's pins as a table to join, when the table has an account column and some pin is readable. */
function documentsOf(mapping: ColumnMapping, options: SqlOptions): string | null {
  return mapping.account >= 0 && options.documentPins ? documentPinsTable(options.documentPins, options.dialect, DIALECTS[options.dialect]) : null;
}

/** Whether the chain reads pins (a pin column or the document's): `labelled` then has `abm_pin` (NULL: no pin). */
export function hasPins(headers: readonly string[], settings: Settings, options: SqlOptions): boolean {
  return pinColumnOf(headers, options.pins) !== null || documentsOf(mapColumns(headers, headers.length, settings), options) !== null;
}

/** The CTE chain up to `labelled` (scores and tiers, no segments), for queries built on it (src/sql/report.ts). */
export function tierCtes(headers: readonly string[], settings: Settings, options: SqlOptions): string {
  return cteChain(headers, mapColumns(headers, headers.length, settings), settings, options, { tiers: true, segments: false });
}

/**
 * The CTEs that give each distinct value (v) of one ranked column its count (c), the count of the values
 * before it in `order` (before_c) and the count of all (total_c); likewise running and total sums of `sums`.
 * `counts` names a CTE of (v, c, ...sums, ...carry) with one row per distinct, non-NULL v.
 */
export function rankCtes(
  name: string,
  counts: string,
  order: 'ASC' | 'DESC',
  sums: readonly string[],
  carry: readonly string[],
  d: DialectForms,
  buckets: number | null,
): string {
  // Counts are whole numbers: the running sum less the row's own is exact (v is distinct: the default frame is the rows up to it).
  const before = (col: string, over: string, whole: boolean) =>
    whole
      ? `SUM(${col}) OVER (${over} ${order}) - ${col}`
      : `COALESCE(SUM(${col}) OVER (${over} ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`;
  const cols = ['c', ...sums];
  const kept = ['v', ...cols, ...carry].map((col) => `x.${col}`).join(', ');
  if (buckets === null) {
    return `${name} AS (
  SELECT ${kept},
    ${cols.map((col) => `${before(`x.${col}`, 'ORDER BY x.v', col === 'c')} AS before_${col}, t.total_${col}`).join(',\n    ')}
  FROM ${counts} AS x CROSS JOIN (SELECT ${cols.map((col) => `SUM(${col}) AS total_${col}`).join(', ')} FROM ${counts}) AS t
)`;
  }
  // The values before v: those of the buckets before v's (a running sum over the bucket totals, about `buckets`
  // rows), then those of v's bucket before it (a running sum within the bucket).
  return `${name}_bounds AS (
  SELECT ARRAY(SELECT v FROM ${counts} WHERE ${d.sample('v', `(SELECT COUNT(*) FROM ${counts})`, buckets)} ORDER BY v) AS b
),
${name}_bucketed AS (
  SELECT x.*, COALESCE(${d.bucket('x.v', 'q.b')}, 0) AS g FROM ${counts} AS x CROSS JOIN ${name}_bounds AS q
),
${name}_buckets AS (
  SELECT g,
    ${cols.map((col) => `${before(col, 'ORDER BY g', col === 'c')} AS before_${col}, SUM(${col}) OVER () AS total_${col}`).join(',\n    ')}
  FROM (SELECT g, ${cols.map((col) => `SUM(${col}) AS ${col}`).join(', ')} FROM ${name}_bucketed GROUP BY g) AS per_bucket
),
${name} AS (
  SELECT ${kept},
    ${cols.map((col) => `y.before_${col} + ${before(`x.${col}`, 'PARTITION BY x.g ORDER BY x.v', col === 'c')} AS before_${col}, y.total_${col}`).join(',\n    ')}
  FROM ${name}_bucketed AS x JOIN ${name}_buckets AS y ON y.g = x.g
)`;
}

/**
 * The cut-offs of a quantile rule over one column's values, highest first, as a one-row CTE `name`: for each
 * place K of `places` (SQL of the count of values, `count`), the K-th greatest value, ties counted (NULL when K
 * is 0). A value's place (the count of values greater than it) is below K exactly when the value is at least
 * that cut-off, so a row needs one comparison, not a join back on its value. `values`: SQL of a query with a
 * column v, read without its NULLs. In one pass (DuckDB), the values are numbered highest first (a narrow sort
 * of one column); partitioned, the cut-offs are read from the ranks of the distinct values in buckets (`ranks`,
 * rankCtes's CTE), since BigQuery runs a window without `PARTITION BY` on one slot. `also`: a one-row CTE the
 * places read (the pins' counts).
 */
export function cutCte(
  name: string,
  values: string,
  ranks: string | null,
  places: (count: string) => readonly string[],
  columns: readonly string[],
  also: string | null,
): string {
  const cross = also ? ` CROSS JOIN ${also}` : '';
  if (ranks !== null) {
    const cuts = places('total_c').map((k, j) => `MIN(CASE WHEN before_c < ${k} THEN v END) AS ${columns[j]}`);
    return `${name} AS (
  SELECT ${cuts.join(', ')}
  FROM ${ranks}${cross}
)`;
  }
  const cuts = places('n').map((k, j) => `MIN(CASE WHEN k <= ${k} THEN v END) AS ${columns[j]}`);
  return `${name} AS (
  SELECT ${cuts.join(', ')}
  FROM (SELECT v, ROW_NUMBER() OVER (ORDER BY v DESC) AS k, COUNT(*) OVER () AS n FROM (${values}) AS x WHERE v IS NOT NULL) AS o${cross}
)`;
}

/**
 * A quantile rule's cut-offs over `values` as CTEs: `${stem}_cut` (cutCte), and when partitioned what it reads,
 * the values' counts (`${stem}_counts`: from `values`, or the query `counts` where another CTE has them) and
 * their ranks (`${stem}_ranks`). The segments, the score's tiers and the grid's axes are all cut so.
 */
export function quantileCutCtes(
  stem: string,
  values: string,
  places: (count: string) => readonly string[],
  columns: readonly string[],
  d: DialectForms,
  buckets: number | null,
  also: string | null = null,
  counts: string | null = null,
): string[] {
  if (buckets === null) return [cutCte(`${stem}_cut`, values, null, places, columns, also)];
  return [
    `${stem}_counts AS (\n  ${counts ?? `SELECT v, COUNT(*) AS c FROM (${values}) AS r WHERE v IS NOT NULL GROUP BY v`}\n)`,
    rankCtes(`${stem}_ranks`, `${stem}_counts`, 'DESC', [], [], d, buckets),
    cutCte(`${stem}_cut`, values, `${stem}_ranks`, places, columns, also),
  ];
}

/** Group 1, 2 or 3 of `value` by two cut-offs, highest first (at least `cut1`: 1); NULL where `missing` holds. */
export function bandOf(value: string, cut1: string, cut2: string, missing: string): string {
  return `CASE WHEN ${missing} THEN NULL WHEN ${value} >= ${cut1} THEN 1 WHEN ${value} >= ${cut2} THEN 2 ELSE 3 END`;
}

/** A group number as its label: `labels[0]` for 1, and so on. */
export function labelOf(expr: string, labels: readonly string[], d: DialectForms): string {
  return `CASE ${expr} ${labels.map((l, k) => `WHEN ${k + 1} THEN ${d.string(l)}`).join(' ')} END`;
}

/** What a query needs from the chain: tiers (the metrics' and the score's ranks), segments (revenue's rank); the rest is NULL. */
interface Wanted {
  tiers: boolean;
  segments: boolean;
}

function cteChain(headerRow: readonly string[], mapping: ColumnMapping, settings: Settings, options: SqlOptions, { tiers, segments }: Wanted): string {
  const d = DIALECTS[options.dialect];
  const partitioned = options.partitioned ?? options.dialect === 'bigquery';
  const buckets = partitioned ? (options.buckets ?? 1000) : null;
  const m = mapping.metrics;
  // A weighted category (with an outcome column) is one more metric after the table's (src/sql/category.ts): abm_c{j} its
  // value, abm_o the row's outcome (1, 0 or NULL), category_p the base rate.
  const categories = tiers ? scoredCategories(mapping) : [];
  const all = [...m, ...categories.map(categoryMetric)];
  const cat = (k: number) => k - m.length;
  const col = (role: string) => m.findIndex((c) => c.role === role);
  const read = (k: number) => d.toNumber(d.ident(headerRow[m[k].index]));
  // Derived profit (index −1): revenue − cost.
  const metricExpr = (k: number): string => (m[k].index >= 0 ? read(k) : `(${read(col('revenue'))} - ${read(col('cost'))})`);
  const v = (k: number) => `m${k}`;
  const nullNumber = d.toNumber('NULL');
  // Pins (src/sql/pins.ts): abm_pin read beside the metrics; abm_out, an excluded scored row, leaves the segments' ranking.
  const pinColumn = pinColumnOf(headerRow, options.pins);
  // The document's pins (src/sql/pins.ts): a table joined on the account key, in `raw`.
  const documents = documentsOf(mapping, options);
  const pinned = pinColumn !== null || documents !== null;
  const carried = options.categories ?? [];
  const accountExpr = mapping.account >= 0 ? `NULLIF(TRIM(CAST(${d.ident(headerRow[mapping.account])} AS ${d.text})), '')` : 'NULL';
  const base = [
    `SELECT ${options.rowId ? d.ident(options.rowId) : 'NULL'} AS abm_row`,
    `${accountExpr} AS abm_account`,
    ...m.map((_, k) => `${metricExpr(k)} AS ${v(k)}`),
    ...(options.carry !== undefined ? [`CAST(${d.ident(options.carry)} AS ${d.text}) AS abm_carry`] : []),
    ...(pinned ? [`${rowPinExpr(pinColumn === null ? null : d.ident(pinColumn), documents !== null, settings, options.dialect, d)} AS abm_pin`] : []),
    ...categories.map((c, j) => `${categoryText(d.ident(headerRow[c.index]), options.dialect, d)} AS abm_c${j}`),
    ...carried.map((h, j) => `${categoryText(d.ident(h), options.dialect, d)} AS abm_r${j}`),
    ...(categories.length > 0 && mapping.outcome
      ? [`${outcomeSuccess(`CAST(${d.ident(headerRow[mapping.outcome.index])} AS ${d.text})`, mapping.outcome.failure, d)} AS abm_o`]
      : []),
  ].join(',\n    ');
  const carry = `${options.carry !== undefined ? ' abm_carry,' : ''}${pinned ? ' abm_pin,' : ''}${carried.map((_, j) => ` abm_r${j},`).join('')}${categories.map((_, j) => ` abm_c${j},`).join('')}${categories.length > 0 ? ' abm_o,' : ''}`;
  // A row the engine reads: a metric or an account. The account (trimmed text) is looked at only where every metric is
  // missing: a filter pushed down to the table evaluates its expressions there, and trimming every name cost DuckDB
  // more than the rest of the filter.
  const filled = m.length
    ? `CASE WHEN ${m.map((_, k) => `${v(k)} IS NOT NULL`).join(' OR ')} THEN TRUE ELSE abm_account IS NOT NULL END`
    : 'abm_account IS NOT NULL';
  const revenue = col('revenue');
  const profit = col('profit');
  const cost = col('cost');
  const segmented = segments && revenue >= 0;
  const weighted = tiers ? all.map((c, k) => ({ c, k })).filter(({ c }) => c.weight > 0) : [];

  // Stage 1, on the rows as read: the percentile of each weighted metric and revenue's place (segments), each
  // from its own CTEs (BigQuery evaluates a CTE once per reference: one join each).
  const lower = (k: number) => all[k].direction === 'lower';
  // Partitioned, revenue's distinct values regrouped when revenue is ranked anyway; in one pass, numbered from the rows.
  const viaRevenue = buckets !== null && segmented && !pinned && weighted.some(({ k }) => k === revenue);
  const stage1: string[] = [];
  // A metric's values as `base` holds them. In one pass (DuckDB) with nothing joined to the table, each is read from
  // the table itself, one column: `base` is then read by `valid` alone, and DuckDB keeps no copy of every column of
  // it (it materializes a CTE read more than once). Partitioned (BigQuery's form), the table is named once, in `raw`.
  const direct = buckets === null && documents === null;
  const metricValues = (k: number) => (direct ? `SELECT ${d.clean(metricExpr(k))} AS v FROM ${d.table(options.table)}` : `SELECT ${v(k)} AS v FROM base`);
  for (const { k } of weighted) {
    stage1.push(
      cat(k) >= 0
        ? categoryRateCtes(cat(k), k, 'valid', options.dialect)
        : `counts${k} AS (\n  SELECT v, COUNT(*) AS c FROM (${metricValues(k)}) AS r WHERE v IS NOT NULL GROUP BY v\n)`,
      rankCtes(`ranks${k}`, `counts${k}`, 'ASC', [], [], d, buckets),
    );
  }
  if (segmented) {
    // Revenue rounded to 6 decimals, highest first: the rows' cut-offs (segment_cut), no place per row.
    const values = pinned
      ? `SELECT ${round6(v(revenue))} AS v FROM valid WHERE NOT abm_out`
      : `SELECT ${round6('v')} AS v FROM (${metricValues(revenue)}) AS r`;
    const segmentPlaces = (n: string) => [places(n, settings.segmentCutoffs[0]), places(n, settings.segmentCutoffs[0] + settings.segmentCutoffs[1])];
    const fromRevenue = viaRevenue ? `SELECT rr AS v, SUM(c) AS c FROM (SELECT ${round6('v')} AS rr, c FROM counts${revenue}) AS r GROUP BY rr` : null;
    stage1.push(...quantileCutCtes('segment', values, segmentPlaces, ['seg_cut1', 'seg_cut2'], d, buckets, null, fromRevenue));
  }
  for (const { k } of weighted) {
    // Values below v in the metric's own direction: for lower-is-better, those above it.
    const less = lower(k) ? 'r.total_c - r.before_c - r.c' : 'r.before_c';
    stage1.push(`percentiles${k} AS (
  SELECT r.v, CASE WHEN r.total_c = 1 THEN 1.0 ELSE (${less} + (r.c - 1) / 2.0) / (r.total_c - 1) END AS p
  FROM ranks${k} AS r
)`);
    if (cat(k) >= 0) stage1.push(categoryPercentileCte(cat(k), k));
  }
  const join = (alias: string, cte: string, value: string) => `\n  LEFT JOIN ${cte} AS ${alias} ON ${alias}.v = ${value}`;
  const sum = weighted.map(({ c, k }) => `${num(c.weight)} * COALESCE(p${k}.p, 0)`).join(' + ');
  const wsum = weighted.map(({ c, k }) => `CASE WHEN p${k}.p IS NULL THEN 0 ELSE ${num(c.weight)} END`).join(' + ');
  const scoreExpr = weighted.length ? `100 * (${sum}) / NULLIF(${wsum}, 0)` : nullNumber;
  // Fit × engagement (src/sql/grid.ts): each axis scored by the same rule over its own metrics.
  const axisScore = (axis: string) => {
    const on = weighted.filter(({ c }) => axisOf(c, settings.axes) === axis);
    const w = (c: { weight: number }, k: number) => `CASE WHEN p${k}.p IS NULL THEN 0 ELSE ${num(c.weight)} END`;
    const terms = on.map(({ c, k }) => `${num(c.weight)} * COALESCE(p${k}.p, 0)`).join(' + ');
    return on.length ? `100 * (${terms}) / NULLIF(${on.map(({ c, k }) => w(c, k)).join(' + ')}, 0)` : nullNumber;
  };
  // A row without a cost counts revenue − profit, as the engine does.
  const fallback = revenue >= 0 && profit >= 0 ? `x.${v(revenue)} - x.${v(profit)}` : null;
  const costExpr = cost >= 0 ? (fallback ? `COALESCE(x.${v(cost)}, ${fallback})` : `x.${v(cost)}`) : (fallback ?? nullNumber);
  // A row's segment: its rounded revenue against the cut-offs (an excluded account has none).
  const segExpr = segmented
    ? bandOf(round6(`x.${v(revenue)}`), 'sc.seg_cut1', 'sc.seg_cut2', `x.${v(revenue)} IS NULL${pinned ? ' OR x.abm_out' : ''}`)
    : 'NULL';
  const scored = `scored AS (
  SELECT x.abm_row, x.abm_account,${options.carry !== undefined ? ' x.abm_carry,' : ''}${pinned ? ' x.abm_pin, x.abm_out,' : ''}${carried.map((_, j) => ` x.abm_r${j},`).join('')}
    ${revenue >= 0 ? `x.${v(revenue)}` : nullNumber} AS abm_revenue,
    ${profit >= 0 ? `x.${v(profit)}` : nullNumber} AS abm_profit,
    ${costExpr} AS abm_cost,
    ${scoreExpr} AS score,
    ${axisScore('fit')} AS abm_fit,
    ${axisScore('engagement')} AS abm_engagement,
    ${segExpr} AS seg
  FROM valid AS x${weighted.map(({ k }) => (cat(k) >= 0 ? join(`p${k}`, `category${cat(k)}_p`, `x.abm_c${cat(k)}`) : join(`p${k}`, `percentiles${k}`, `x.${v(k)}`))).join('')}${segmented ? '\n  CROSS JOIN segment_cut AS sc' : ''}
)`;
  const head = `WITH raw AS (
  ${base.replace(/\n/gu, '\n  ')}
  FROM ${d.table(options.table)}${
    documents
      ? `
  LEFT JOIN ${documents} ON abm_doc.abm_doc_account = ${accountExpr}`
      : ''
  }
),
base AS (
  SELECT abm_row, abm_account,${carry} ${m.map((_, k) => `${d.clean(v(k))} AS ${v(k)}`).join(', ')} FROM raw
),
${categories.length > 0 ? `${categoryBaseCte('base', filled, options.dialect)},\n` : ''}valid AS (
  SELECT *${pinned ? `, ${pinOut([...m.flatMap((c, k) => (c.weight > 0 ? [v(k)] : [])), ...(categories.length > 0 ? ['category_p'] : [])])} AS abm_out` : ''} FROM base${categories.length > 0 ? ' CROSS JOIN category_base' : ''} WHERE ${filled}
),${stage1.map((cte) => `\n${cte},`).join('')}
${scored}`;
  if (!tiers) {
    return `${head},
labelled AS (
  SELECT * FROM scored
)`;
  }

  // Stage 2, on the scores: each score's place (quantile, capacity) or, for pareto, the value of the accounts ahead.
  const pareto = settings.method === 'pareto';
  const ranked = settings.method === 'quantile' || settings.method === 'capacity';
  const value = profit >= 0 ? 'abm_profit' : revenue >= 0 ? 'abm_revenue' : null;
  if (pareto && !value) throw new Error('The pareto method needs a profit or revenue column.');
  const tieBreak = options.rowId ? 'abm_row' : mapping.account >= 0 ? 'abm_account' : null;
  const nullDecimal = d.toDecimal('NULL');
  let stage2 = `
rounded AS (
  SELECT *, ${round6('score')} AS rs FROM scored
),`;
  if (ranked) {
    // K1 and K2 of §4 over the scored accounts (with pins, the places the pinned ones leave), as cut-offs on the scores.
    const scorePlaces = (count: string) => {
      const n = pinned ? 'pin_n' : count;
      const c = settings.capacity;
      const a = c.strategicMarketers * c.strategicAccounts;
      const [c1, c2] =
        settings.method === 'quantile'
          ? [places(n, settings.cutoffs[0]), places(n, settings.cutoffs[0] + settings.cutoffs[1])]
          : [num(a), num(a + c.liteMarketers * c.liteAccounts)];
      return pinned ? placesLeft(c1, c2) : [c1, c2];
    };
    // The unpinned accounts' scores: the pinned ones hold their own tiers.
    const values = `SELECT rs AS v FROM rounded${pinned ? ' WHERE abm_pin IS NULL' : ''}`;
    const cuts = quantileCutCtes('score', values, scorePlaces, ['score_cut1', 'score_cut2'], d, buckets, pinned ? 'pin_counts' : null);
    stage2 += `${pinned ? `\n${pinCountsCte('rounded')},` : ''}${cuts.map((cte) => `\n${cte},`).join('')}
counted AS (
  SELECT x.*, q.score_cut1, q.score_cut2
  FROM rounded AS x CROSS JOIN score_cut AS q
),`;
  }
  if (pareto) {
    // Shares compared as sums in DECIMAL(38, 9) / NUMERIC while the positive total stays below 1e26, else in doubles.
    // Accounts of one value are ordered by the tie-break: ahead of each, the sums of the greater values plus the
    // value times its place among its equals (a window over the accounts of that value only: before_c keys it).
    const exact = (expr: string) => `CASE WHEN t.total < 1e26 THEN ${expr} END`;
    const ahead = `(ROW_NUMBER() OVER (PARTITION BY r.before_c${tieBreak ? ` ORDER BY x.${tieBreak}` : ''}) - 1)`;
    stage2 += `
pareto_total AS (
  SELECT SUM(${value}) AS total FROM rounded WHERE rs IS NOT NULL AND ${value} > 0${pinned ? ' AND NOT abm_out' : ''}
),
pareto_counts AS (
  SELECT v, c, s, v_dec * c AS s_dec, v_dec
  FROM (
    SELECT v, c, s, ${exact(d.toDecimal('v'))} AS v_dec
    FROM (SELECT ${value} AS v, COUNT(*) AS c, SUM(${value}) AS s FROM rounded WHERE rs IS NOT NULL AND ${value} > 0${pinned ? ' AND NOT abm_out' : ''} GROUP BY ${value}) AS per_value
    CROSS JOIN pareto_total AS t
  ) AS exact
),
${rankCtes('pareto_ranks', 'pareto_counts', 'DESC', ['s', 's_dec'], ['v_dec'], d, buckets)},
pareto AS (
  SELECT x.*, r.before_s + ${ahead} * r.v AS pareto_before, r.total_s AS pareto_total,
    r.before_s_dec + ${ahead} * r.v_dec AS pareto_before_dec, r.total_s_dec AS pareto_total_dec, r.v_dec IS NOT NULL AS pareto_exact
  FROM rounded AS x JOIN pareto_ranks AS r ON r.v = x.${value}
  WHERE x.rs IS NOT NULL AND x.${value} > 0${pinned ? ' AND NOT x.abm_out' : ''}
  UNION ALL
  SELECT x.*, ${nullNumber}, ${nullNumber}, ${nullDecimal}, ${nullDecimal}, FALSE
  FROM rounded AS x WHERE x.rs IS NULL OR x.${value} IS NULL OR x.${value} <= 0${pinned ? ' OR x.abm_out' : ''}
),`;
  }

  let tierExpr: string;
  switch (settings.method) {
    case 'quantile':
    case 'capacity':
      tierExpr = bandOf('rs', 'score_cut1', 'score_cut2', 'rs IS NULL');
      break;
    case 'threshold':
      tierExpr = bandOf('rs', num(settings.thresholds[0]), num(settings.thresholds[1]), 'rs IS NULL');
      break;
    case 'pareto':
      // Shares compared as sums (5·ahead < 4·total, 20·ahead < 19·total), exactly in DECIMAL(38, 9) / NUMERIC
      // while the total stays below 1e26, else in doubles (each divided by a power of two first: no overflow).
      tierExpr = `CASE WHEN rs IS NULL THEN NULL WHEN NOT (${value} > 0) OR ${value} IS NULL THEN 3
        WHEN pareto_exact THEN CASE WHEN 5 * pareto_before_dec < 4 * pareto_total_dec THEN 1 WHEN 20 * pareto_before_dec < 19 * pareto_total_dec THEN 2 ELSE 3 END
        WHEN pareto_before / 8 * 5 < pareto_total / 8 * 4 THEN 1 WHEN pareto_before / 32 * 20 < pareto_total / 32 * 19 THEN 2 ELSE 3 END`;
      break;
    case 'grid':
      stage2 += gridStage('rounded', 'gridded', settings, d, buckets);
      tierExpr = `CASE WHEN rs IS NULL THEN NULL ELSE ${gridTierExpr(settings)} END`;
      break;
  }
  const capped = settings.unprofitableCap && profit >= 0 ? `CASE WHEN tier0 IS NOT NULL AND abm_profit < 0 THEN 3 ELSE tier0 END` : 'tier0';
  return `${head},${stage2}
tiered AS (
  SELECT *,
    ${tierExpr} AS tier0
  FROM ${pareto ? 'pareto' : ranked ? 'counted' : settings.method === 'grid' ? 'gridded' : 'rounded'}
),
labelled AS (
  SELECT *,
    ${labelOf('t_final', settings.labels, d)} AS tier,
    ${labelOf('seg', settings.segmentLabels, d)} AS segment,
    ${labelOf('t_final', settings.programLabels, d)} AS program
  FROM (SELECT *, ${pinned ? pinnedTier(capped) : capped} AS t_final FROM tiered) AS capped
)`;
}
