import { mapColumns, normaliseHeader, OUTCOME_WORDS, outcomeOfHeader } from '../core';
import type { Settings } from '../core/settings';
import { Z95 } from '../core/report-card';
import { DIALECTS, tierCtes, type SqlOptions } from './generate';

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

/**
 * The report card per tier as SQL (SPEC §13): the tiers of the scores query, and per tier the
 * accounts with an outcome, successes, success rate with its Wilson 95 % interval, lift over the
 * base rate, and the outcome's sum and share. The outcome is read as the engine reads it: a success
 * or failure word (lower-cased, trimmed, `_` and `-` as spaces), else a plain number (> 0 a success);
 * anything else, or a blank, leaves the account out. A churn header reads yes as a failure.
 */
export function reportSql(headers: readonly string[], settings: Settings, options: SqlOptions & { outcome?: string | null }): string {
  const at = outcomeAt(headers, settings, options.outcome);
  const d = DIALECTS[options.dialect];
  const failure = outcomeOfHeader(headers[at])?.failure ?? false;
  const words = (value: number) =>
    [...OUTCOME_WORDS]
      .filter(([, v]) => v === value)
      .map(([w]) => d.string(w))
      .join(', ');
  const text = `LOWER(TRIM(REPLACE(REPLACE(abm_carry, '_', ' '), '-', ' ')))`;
  const finite = 'abm_n BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308';
  const read = `CASE WHEN ${finite} THEN CASE WHEN abm_n > 0 THEN 1 ELSE 0 END WHEN abm_t IN (${words(1)}) THEN 1 WHEN abm_t IN (${words(0)}) THEN 0 END`;
  const success = failure ? `1 - ${read}` : read;
  const value = failure ? 'NULL' : `CASE WHEN ${finite} THEN abm_n WHEN abm_t IN (${words(1)}) THEN 1.0 WHEN abm_t IN (${words(0)}) THEN 0.0 END`;
  const names = settings.labels.map((label, k) => `SELECT ${d.string(label)} AS label, ${k + 1} AS ord`).join(' UNION ALL ');
  const z = String(Z95);
  const z2 = String(Z95 * Z95);
  // NULLIF: BigQuery raises on a division by zero, even in a CASE branch not taken.
  const n = 'NULLIF(accounts, 0)';
  const centre = `(rate + ${z2} / (2.0 * ${n}))`;
  const half = `${z} * SQRT(rate * (1 - rate) / ${n} + ${z2} / (4.0 * ${n} * ${n}))`;
  const denominator = `(1 + ${z2} / ${n})`;
  return `${tierCtes(headers, settings, { ...options, carry: headers[at] })},
outcomes AS (
  SELECT ord, ${success} AS o, ${value} AS v
  FROM (
    SELECT t_final AS ord, ${text} AS abm_t, ${d.toNumber('TRIM(abm_carry)')} AS abm_n FROM labelled WHERE t_final IS NOT NULL
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
  CASE WHEN accounts = 0 THEN NULL WHEN successes = 0 THEN 0.0 ELSE GREATEST(0.0, (${centre} - ${half}) / ${denominator}) END AS rate_low,
  CASE WHEN accounts = 0 THEN NULL WHEN successes = accounts THEN 1.0 ELSE LEAST(1.0, (${centre} + ${half}) / ${denominator}) END AS rate_high,
  rate / NULLIF(base_rate, 0) AS lift,
  base_rate,
  outcome_sum,
  outcome_sum / NULLIF(outcome_total, 0) AS outcome_share
FROM rated
ORDER BY ord`;
}

/** The report card query under its comment line, as `abm-tier sql --outcome COLUMN` prints it after the others. */
export function reportSqlText(headers: readonly string[], settings: Settings, options: SqlOptions & { outcome?: string | null }): string {
  const outcome = headers[outcomeAt(headers, settings, options.outcome)];
  return `\n-- ABM Tier: report card by tier (outcome ${JSON.stringify(outcome)})\n${reportSql(headers, settings, { ...options, outcome })};\n`;
}
