import { mapColumns, normaliseHeader, outcomeOfHeader } from '../core';
import type { Settings } from '../core/settings';
import { Z95 } from '../core/report-card';
import { categoryRatesSelect, outcomeRead, outcomeWordText } from './category';
import { DIALECTS, hasPins, tierCtes, type SqlOptions } from './generate';
import { reportPinsSql } from './report-pins';

/**
 * The outcome column, in the report card's order: the one asked for (`--outcome`), else the one the
 * settings map as outcome, else the first whose header names an outcome (as mapColumns finds it).
 */
export function outcomeAt(headers: readonly string[], settings: Settings, asked?: string | null): number {
  if (!asked) {
    const mapped = mapColumns(headers, headers.length, settings).outcome;
    if (mapped) return mapped.index;
    throw new Error(`No outcome column among the columns (${headers.join(', ')}): choose one with --outcome COLUMN.`);
  }
  let at = headers.indexOf(asked);
  if (at < 0) at = headers.map(normaliseHeader).indexOf(normaliseHeader(asked));
  if (at < 0) throw new Error(`--outcome ${JSON.stringify(asked)} is not one of the columns (${headers.join(', ')}).`);
  return at;
}

/** The Wilson 95 % interval of `rate` = `s` / `n` (SPEC §13), as the engine bounds it: exactly 0 (1) when there are no successes (failures). */
function wilsonSql(rate: string, s: string, n: string): [string, string] {
  const z = String(Z95);
  const z2 = String(Z95 * Z95);
  // NULLIF: BigQuery raises on a division by zero, even in a CASE branch not taken.
  const nn = `NULLIF(${n}, 0)`;
  const centre = `(${rate} + ${z2} / (2.0 * ${nn}))`;
  const half = `${z} * SQRT(${rate} * (1 - ${rate}) / ${nn} + ${z2} / (4.0 * ${nn} * ${nn}))`;
  const denominator = `(1 + ${z2} / ${nn})`;
  return [
    `CASE WHEN ${n} = 0 THEN NULL WHEN ${s} = 0 THEN 0.0 ELSE GREATEST(0.0, (${centre} - ${half}) / ${denominator}) END`,
    `CASE WHEN ${n} = 0 THEN NULL WHEN ${s} = ${n} THEN 1.0 ELSE LEAST(1.0, (${centre} + ${half}) / ${denominator}) END`,
  ];
}

/**
 * The report card per tier as SQL (SPEC §13): the tiers of the scores query, and per tier the
 * accounts with an outcome, successes, success rate with its Wilson 95 % interval, lift over the
 * base rate, and the outcome's sum and share. The outcome is read as the engine reads it: a success
 * or failure word (lower-cased, trimmed, `_` and `-` as spaces), else a plain number (> 0 a success);
 * anything else, or a blank, leaves the account out. A churn header reads yes as a failure. Pinned
 * accounts are left out, as the engine counts them apart: the tiers here judge the score.
 */
export function reportSql(headers: readonly string[], settings: Settings, options: SqlOptions & { outcome?: string | null }): string {
  const at = outcomeAt(headers, settings, options.outcome);
  const d = DIALECTS[options.dialect];
  const failure = outcomeOfHeader(headers[at])?.failure ?? false;
  const { success, value } = outcomeRead('abm_t', 'abm_n', failure, d);
  const text = outcomeWordText('abm_carry');
  const names = settings.labels.map((label, k) => `SELECT ${d.string(label)} AS label, ${k + 1} AS ord`).join(' UNION ALL ');
  const [low, high] = wilsonSql('rate', 'successes', 'accounts');
  return `${tierCtes(headers, settings, { ...options, carry: headers[at] })},
outcomes AS (
  SELECT ord, ${success} AS o, ${value} AS v
  FROM (
    SELECT t_final AS ord, ${text} AS abm_t, ${d.toNumber('TRIM(abm_carry)')} AS abm_n FROM labelled WHERE t_final IS NOT NULL${
      hasPins(headers, settings, options) ? ' AND abm_pin IS NULL' : ''
    }
  ) AS read_outcome
),
sums AS (
  SELECT ord, COUNT(*) AS accounts, SUM(o) AS successes, SUM(v) AS outcome_sum FROM outcomes WHERE o IS NOT NULL GROUP BY ord
),
by_tier AS (
  SELECT l.label, l.ord, COALESCE(s.accounts, 0) AS accounts, COALESCE(s.successes, 0) AS successes, s.outcome_sum,
    CASE WHEN COALESCE(s.accounts, 0) = 0 THEN NULL ELSE 1.0 * s.successes / s.accounts END AS rate
  FROM (${names}) AS l LEFT JOIN sums AS s ON s.ord = l.ord
),
rated AS (
  SELECT *, 1.0 * SUM(successes) OVER () / NULLIF(SUM(accounts) OVER (), 0) AS base_rate, SUM(outcome_sum) OVER () AS outcome_total
  FROM by_tier
)
SELECT label, accounts, successes, rate,
  ${low} AS rate_low,
  ${high} AS rate_high,
  rate / NULLIF(base_rate, 0) AS lift,
  base_rate,
  outcome_sum,
  outcome_sum / NULLIF(outcome_total, 0) AS outcome_share
FROM rated
ORDER BY ord`;
}

/** The category columns the report card gives rates for: those mapped as category, but the outcome column. */
export function reportCategories(headers: readonly string[], settings: Settings, outcome: number): string[] {
  return mapColumns(headers, headers.length, settings)
    .categories.filter((c) => c.index !== outcome)
    .map((c) => headers[c.index]);
}

/**
 * The report card's success rate per category value as SQL (SPEC §13, categoryRates): per column and value,
 * over the accounts with a tier and an outcome, accounts, successes, the rate with its Wilson 95 % interval and
 * the lift; values with fewer than 20 accounts (beyond the 12 largest) and blanks pooled as "Other" (`value`
 * NULL, `other` TRUE). Ties go by the file's order with `rowId`, else by value. Null when no column is a category.
 */
export function reportCategorySql(headers: readonly string[], settings: Settings, options: SqlOptions & { outcome?: string | null }): string | null {
  const at = outcomeAt(headers, settings, options.outcome);
  const columns = reportCategories(headers, settings, at);
  if (columns.length === 0) return null;
  const d = DIALECTS[options.dialect];
  const failure = outcomeOfHeader(headers[at])?.failure ?? false;
  const { success } = outcomeRead(outcomeWordText('abm_carry'), d.toNumber('TRIM(abm_carry)'), failure, d);
  return `${tierCtes(headers, settings, { ...options, carry: headers[at], categories: columns })},
category_counted AS (
  SELECT abm_row, ${success} AS abm_o, ${columns.map((_, j) => `abm_r${j} AS abm_c${j}`).join(', ')} FROM labelled WHERE t_final IS NOT NULL
),
${categoryRatesSelect(columns, 'category_counted', d, wilsonSql)}`;
}

/**
 * The report card queries under their comment lines, as `abm-tier sql --outcome COLUMN` prints them after the
 * others: by tier, then by category value, then (with pins) the pinned accounts apart (src/sql/report-pins.ts).
 */
export function reportSqlText(headers: readonly string[], settings: Settings, options: SqlOptions & { outcome?: string | null }): string {
  const outcome = headers[outcomeAt(headers, settings, options.outcome)];
  const byCategory = reportCategorySql(headers, settings, { ...options, outcome });
  const pinned = reportPinsSql(headers, settings, { ...options, outcome });
  const named = JSON.stringify(outcome);
  return `\n-- ABM Tier: report card by tier (outcome ${named})\n${reportSql(headers, settings, { ...options, outcome })};\n${
    byCategory ? `\n-- ABM Tier: report card, success rate by category value (outcome ${named})\n${byCategory};\n` : ''
  }${pinned ? `\n-- ABM Tier: report card, pinned accounts apart: did the team's judgement beat the score? (outcome ${named})\n${pinned};\n` : ''}`;
}
