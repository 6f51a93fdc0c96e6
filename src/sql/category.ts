import { MAX_VALUES, MIN_PER_VALUE, PRIOR_STRENGTH } from '../core/category';
import { OUTCOME_WORDS } from '../core/outcome';
import type { ColumnMapping, MetricColumn } from '../core/columns';
import type { DIALECTS, Dialect } from './generate';

/**
 * Text columns as evidence in SQL (docs/scoring.md, "Categories"; src/core/category.ts):
 *
 * - in the score, a weighted category column (with an outcome column) is one more metric, the smoothed
 *   success rate of the row's value, (s_v + m · p) / (n_v + m), m = PRIOR_STRENGTH, p the base rate, over the
 *   rows read (blank rows left out) with an outcome; a blank value gets p. Computed per distinct value (a
 *   `GROUP BY`), the rates ranked on their distinct values like any metric, and joined back by value. In
 *   sample, as the engine's score and tiers are (the out-of-fold rates only judge the score: the report
 *   card's AUC, learning);
 * - in the report card, the success rate per value (values with fewer than MIN_PER_VALUE accounts, beyond
 *   the MAX_VALUES largest, and blanks pooled as "Other").
 */

type Forms = (typeof DIALECTS)[Dialect];

/** The weighted category columns that enter the score: only with an outcome column, as in the engine (src/core/pipeline.ts). */
export function scoredCategories(mapping: ColumnMapping): ColumnMapping['categories'] {
  return mapping.outcome ? mapping.categories.filter((c) => c.weight > 0) : [];
}

/** A scored category as the engine appends it to the metrics (higher is better; the grid's axes see it so). */
export function categoryMetric(c: { header: string; weight: number }): MetricColumn {
  return { index: -1, header: c.header, name: c.header, role: 'custom', weight: c.weight, direction: 'higher', kind: 'number' };
}

/** JavaScript's `\s` (what String.prototype.trim and the engine's `\s+` take), for RE2 and DuckDB: ASCII and Unicode spaces. */
export const WS = '[\\x{0009}-\\x{000D}\\x{0020}\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';

/** `pattern` replaced by `by` in `expr`, every match. */
export function replaceAll(expr: string, pattern: string, by: string, dialect: Dialect, d: Forms): string {
  return dialect === 'duckdb'
    ? `REGEXP_REPLACE(${expr}, ${d.string(pattern)}, ${d.string(by)}, 'g')`
    : `REGEXP_REPLACE(${expr}, ${d.string(pattern)}, ${d.string(by)})`;
}

/** A category cell as the engine reads it (categoryValue): its text trimmed as JavaScript trims; '' for a blank. */
export function categoryText(ident: string, dialect: Dialect, d: Forms): string {
  return `COALESCE(${replaceAll(`CAST(${ident} AS ${d.text})`, `^${WS}+|${WS}+$`, '', dialect, d)}, '')`;
}

/** An outcome cell's text (`text`, a text expression) as the words are matched: lower-cased, trimmed, `_` and `-` as spaces. */
export function outcomeWordText(text: string): string {
  return `LOWER(TRIM(REPLACE(REPLACE(${text}, '_', ' '), '-', ' ')))`;
}

/**
 * An outcome as the engine reads it (src/core/outcome.ts), from `t` (outcomeWordText) and `n` (the text as a
 * number): `success` 1, 0 or NULL (a plain number > 0 is a success; a churn header, `failure`, reads it
 * the other way); `value` the number (1 or 0 for a word; NULL for a churn header).
 */
export function outcomeRead(t: string, n: string, failure: boolean, d: Forms): { success: string; value: string } {
  const words = (value: number) =>
    [...OUTCOME_WORDS]
      .filter(([, v]) => v === value)
      .map(([w]) => d.string(w))
      .join(', ');
  const finite = `${n} BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308`;
  const read = `CASE WHEN ${finite} THEN CASE WHEN ${n} > 0 THEN 1 ELSE 0 END WHEN ${t} IN (${words(1)}) THEN 1 WHEN ${t} IN (${words(0)}) THEN 0 END`;
  return {
    success: failure ? `1 - ${read}` : read,
    value: failure ? 'NULL' : `CASE WHEN ${finite} THEN ${n} WHEN ${t} IN (${words(1)}) THEN 1.0 WHEN ${t} IN (${words(0)}) THEN 0.0 END`,
  };
}

/** The success (1, 0 or NULL) of an outcome cell given as text. */
export function outcomeSuccess(text: string, failure: boolean, d: Forms): string {
  return outcomeRead(outcomeWordText(text), d.toNumber(`TRIM(${text})`), failure, d).success;
}

/** A whole count as a double (DuckDB's SUM of integers is a HUGEINT, BigQuery's an INT64). */
const double = (expr: string, dialect: Dialect) => `CAST(${expr} AS ${dialect === 'duckdb' ? 'DOUBLE' : 'FLOAT64'})`;

/**
 * The base rate over `from` (the rows read, with `abm_o` 1, 0 or NULL): category_n rows with an outcome,
 * category_p their rate (NULL without any: the category is then missing on every row, as the engine's NaN).
 */
export function categoryBaseCte(from: string, where: string, dialect: Dialect): string {
  return `category_base AS (
  SELECT COUNT(abm_o) AS category_n, ${double('SUM(abm_o)', dialect)} / NULLIF(COUNT(abm_o), 0) AS category_p FROM ${from} WHERE ${where}
)`;
}

/**
 * For category column j (`abm_c{j}` on `from`'s rows, whose category_p the base rate): `category{j}`, each
 * distinct value's rows (c) and smoothed rate; `counts{k}`, the rows of each distinct rate, for rankCtes.
 * The rate's arithmetic is the engine's, operation for operation, so that equal rates tie in both.
 */
export function categoryRateCtes(j: number, k: number, from: string, dialect: Dialect): string {
  const m = `${PRIOR_STRENGTH}.0`;
  return `category${j} AS (
  SELECT v, c, CASE WHEN v = '' THEN p ELSE (${double('COALESCE(s, 0)', dialect)} + ${m} * p) / (${double('n', dialect)} + ${m}) END AS rate
  FROM (SELECT abm_c${j} AS v, COUNT(*) AS c, COUNT(abm_o) AS n, SUM(abm_o) AS s, MIN(category_p) AS p FROM ${from} GROUP BY abm_c${j}) AS per_value
),
counts${k} AS (
  SELECT rate AS v, SUM(c) AS c FROM category${j} WHERE rate IS NOT NULL GROUP BY rate
)`;
}

/** After percentiles{k} (keyed by rate): each value's percentile, keyed by the value, for the join back to the rows. */
export function categoryPercentileCte(j: number, k: number): string {
  return `category${j}_p AS (
  SELECT r.v, q.p FROM category${j} AS r JOIN percentiles${k} AS q ON q.v = r.rate
)`;
}

/**
 * The report card's success rate per value of each category column (SPEC §13, categoryRates), from
 * `from`'s rows with a tier: `abm_o` (1, 0 or NULL), `abm_c{j}` (the value) and `abm_row` (the file order,
 * for ties: without a row id ties go by value). One pass over the rows for all the columns (a cross join
 * with the column numbers), then windows over each column's distinct values of at least MIN_PER_VALUE accounts.
 */
export function categoryRatesSelect(
  columns: readonly string[],
  from: string,
  d: Forms,
  wilson: (rate: string, s: string, n: string) => [string, string],
): string {
  const names = columns.map((c, j) => `SELECT ${j} AS j, ${d.string(c)} AS category`).join(' UNION ALL ');
  const pick = `CASE q.j ${columns.map((_, j) => `WHEN ${j} THEN x.abm_c${j}`).join(' ')} END`;
  const [low, high] = wilson('r.rate', 'r.successes', 'r.accounts');
  // Each CTE is read once (BigQuery evaluates a CTE once per reference): the totals and the places are windows
  // over one column's distinct values (PARTITION BY the column), the values kept and "Other" one GROUP BY.
  const big = `(v <> '' AND accounts >= ${MIN_PER_VALUE})`;
  return `category_values AS (
  SELECT j, v, COUNT(*) AS accounts, SUM(abm_o) AS successes, MIN(abm_row) AS first_row
  FROM (SELECT q.j, ${pick} AS v, x.abm_o, x.abm_row FROM ${from} AS x CROSS JOIN (${names}) AS q WHERE x.abm_o IS NOT NULL) AS by_column
  GROUP BY j, v
),
category_places AS (
  SELECT j, v, accounts, successes, SUM(accounts) OVER (PARTITION BY j) AS total_accounts, SUM(successes) OVER (PARTITION BY j) AS total_successes,
    ${big} AS big, ROW_NUMBER() OVER (PARTITION BY j ORDER BY CASE WHEN ${big} THEN 0 ELSE 1 END, accounts DESC, first_row, v) AS place
  FROM category_values
),
category_rows AS (
  SELECT j, v, other, place, SUM(accounts) AS accounts, SUM(successes) AS successes,
    1.0 * SUM(successes) / SUM(accounts) AS rate, 1.0 * MIN(total_successes) / MIN(total_accounts) AS base_rate
  FROM (
    SELECT j, CASE WHEN kept THEN v END AS v, NOT kept AS other, CASE WHEN kept THEN place ELSE ${MAX_VALUES + 1} END AS place, accounts, successes, total_accounts, total_successes
    FROM (SELECT *, big AND place <= ${MAX_VALUES} AS kept FROM category_places) AS placed
  ) AS pooled
  GROUP BY j, v, other, place
)
SELECT c.category, r.v AS value, r.other, r.accounts, r.successes, r.rate, ${low} AS rate_low, ${high} AS rate_high, r.rate / NULLIF(r.base_rate, 0) AS lift
FROM category_rows AS r
JOIN (${names}) AS c ON c.j = r.j
ORDER BY r.j, r.place`;
}
