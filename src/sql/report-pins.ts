import { mapColumns, outcomeOfHeader } from '../core';
import type { Settings } from '../core/settings';
import { outcomeRead, outcomeWordText } from './category';
import { DIALECTS, hasPins, num, places, rankCtes, tierCtes, type SqlOptions } from './generate';
import { outcomeAt } from './report';

/**
 * The report card's pinned accounts apart as SQL (issue 18; src/core/report-card.ts, PinnedCard): the
 * report card query leaves them out of the tiers, this one counts them. Rows 1–3 (`label` the tier):
 * the pinned accounts of that tier with an outcome, their successes and rate, and `unpinned_rate`, the
 * rate of that tier's unpinned accounts. Rows `move` = 'up' / 'down': the accounts pinned above / below
 * the tier the score alone gives them (the method and the cap without pins), and in `unpinned_rate` the
 * mean over them of the unpinned rate of the tier the score gave each (NULL when one such tier has none).
 * The score's own tier is ranked again without pins over distinct values, as the chain ranks (its windows
 * partitioned by buckets in BigQuery).
 * Null when the chain reads no pins.
 */
export function reportPinsSql(headers: readonly string[], settings: Settings, options: SqlOptions & { outcome?: string | null }): string | null {
  if (!hasPins(headers, settings, options)) return null;
  const at = outcomeAt(headers, settings, options.outcome);
  const d = DIALECTS[options.dialect];
  const { success } = outcomeRead(outcomeWordText('abm_carry'), d.toNumber('TRIM(abm_carry)'), outcomeOfHeader(headers[at])?.failure ?? false, d);
  const metrics = mapColumns(headers, headers.length, settings).metrics;
  const has = (role: string) => metrics.some((c) => c.role === role);
  const pinnedRow = 'abm_pin BETWEEN 1 AND 3 AND t_final IS NOT NULL';
  // The tier the score alone gives a pinned row (src/core/pins.ts, `alone`): extra CTEs, the joins and the tier.
  let ctes = '';
  let joins = '';
  let from = 'labelled';
  let alone: string;
  // Ranked as the chain ranks (src/sql/generate.ts, rankCtes): over distinct values, partitioned by buckets where asked.
  const partitioned = options.partitioned ?? options.dialect === 'bigquery';
  const buckets = partitioned ? (options.buckets ?? 1000) : null;
  switch (settings.method) {
    case 'quantile':
    case 'capacity': {
      // Without pins every scored row takes part: its place is the count of rounded scores strictly above its own.
      ctes = `
alone_counts AS (
  SELECT rs AS v, COUNT(*) AS c FROM labelled WHERE rs IS NOT NULL GROUP BY rs
),
${rankCtes('alone_ranks', 'alone_counts', 'DESC', [], [], d, buckets)},`;
      joins = ' LEFT JOIN alone_ranks AS ar ON ar.v = l.rs';
      const c = settings.capacity;
      const [k1, k2] =
        settings.method === 'quantile'
          ? [places('ar.total_c', settings.cutoffs[0]), places('ar.total_c', settings.cutoffs[0] + settings.cutoffs[1])]
          : [num(c.strategicMarketers * c.strategicAccounts), num(c.strategicMarketers * c.strategicAccounts + c.liteMarketers * c.liteAccounts)];
      alone = `CASE WHEN ar.before_c < ${k1} THEN 1 WHEN ar.before_c < ${k2} THEN 2 ELSE 3 END`;
      break;
    }
    case 'pareto': {
      // The value curve over every scored account with a positive value, the excluded ones' too; equal values in
      // the chain's tie order (the row id, else the account): ahead of a row, the greater values' sum plus its
      // value times the equal ones before it. Compared as sums, exactly while the total is below 1e26.
      const value = has('profit') ? 'abm_profit' : 'abm_revenue';
      const tie = options.rowId ? 'abm_row' : mapColumns(headers, headers.length, settings).account >= 0 ? 'abm_account' : null;
      const curve = `rs IS NOT NULL AND ${value} > 0`;
      // Accounts of one value in the tie order: a window over that value's accounts only (before_c keys it), as the chain's.
      const place = `(ROW_NUMBER() OVER (PARTITION BY r.before_c${tie ? ` ORDER BY x.${tie}` : ''}) - 1)`;
      ctes = `
alone_total AS (
  SELECT SUM(${value}) AS total FROM labelled WHERE ${curve}
),
alone_counts AS (
  SELECT v, c, s, v_dec * c AS s_dec, v_dec
  FROM (
    SELECT v, c, s, CASE WHEN t.total < 1e26 THEN ${d.toDecimal('v')} END AS v_dec
    FROM (SELECT ${value} AS v, COUNT(*) AS c, SUM(${value}) AS s FROM labelled WHERE ${curve} GROUP BY ${value}) AS per_value
    CROSS JOIN alone_total AS t
  ) AS exact
),
${rankCtes('alone_ranks', 'alone_counts', 'DESC', ['s', 's_dec'], ['v_dec'], d, buckets)},
alone_rows AS (
  SELECT x.*, r.before_s + ${place} * r.v AS alone_ahead, r.total_s AS alone_total,
    r.before_s_dec + ${place} * r.v_dec AS alone_ahead_dec, r.total_s_dec AS alone_total_dec, r.v_dec IS NOT NULL AS alone_exact
  FROM labelled AS x JOIN alone_ranks AS r ON r.v = x.${value}
  WHERE x.rs IS NOT NULL AND x.${value} > 0
  UNION ALL
  SELECT x.*, ${d.toNumber('NULL')}, ${d.toNumber('NULL')}, ${d.toDecimal('NULL')}, ${d.toDecimal('NULL')}, FALSE
  FROM labelled AS x WHERE x.rs IS NULL OR x.${value} IS NULL OR x.${value} <= 0
),`;
      from = 'alone_rows';
      alone = `CASE WHEN NOT (l.${value} > 0) OR l.${value} IS NULL THEN 3
      WHEN l.alone_exact THEN CASE WHEN 5 * l.alone_ahead_dec < 4 * l.alone_total_dec THEN 1 WHEN 20 * l.alone_ahead_dec < 19 * l.alone_total_dec THEN 2 ELSE 3 END
      WHEN l.alone_ahead / 8 * 5 < l.alone_total / 8 * 4 THEN 1 WHEN l.alone_ahead / 32 * 20 < l.alone_total / 32 * 19 THEN 2 ELSE 3 END`;
      break;
    }
    default:
      // Threshold and the grid: each account's own tier, the same with or without pins.
      alone = 'l.tier0';
  }
  const capped = settings.unprofitableCap && has('profit') ? `CASE WHEN l.abm_profit < 0 THEN 3 ELSE ${alone} END` : alone;
  const names = settings.labels.map((label, k) => `SELECT ${d.string(label)} AS label, ${k + 1} AS ord`).join(' UNION ALL ');
  const rate = (s: string, n: string) => `CASE WHEN ${n} = 0 THEN NULL ELSE 1.0 * ${s} / ${n} END`;
  const move = (name: string, cmp: string) => `
  SELECT CAST(NULL AS ${d.text}) AS label, ${d.string(name)} AS move, ${name === 'up' ? 4 : 5} AS ord, COUNT(*) AS accounts, COALESCE(SUM(p.o), 0) AS successes,
    ${rate('SUM(p.o)', 'COUNT(*)')} AS rate,
    CASE WHEN COUNT(*) = 0 OR COUNT(u.rate) < COUNT(*) THEN NULL ELSE AVG(u.rate) END AS unpinned_rate
  FROM pinned_counted AS p LEFT JOIN unpinned AS u ON u.ord = p.alone_ord WHERE p.alone_ord ${cmp} p.pin_ord`;
  return `${tierCtes(headers, settings, { ...options, carry: headers[at] })},${ctes}
pinned_counted AS (
  SELECT * FROM (
    SELECT l.t_final AS pin_ord, ${capped} AS alone_ord, ${success} AS o
    FROM ${from} AS l${joins}
    WHERE l.${pinnedRow.replace(' AND t_final', ' AND l.t_final')}
  ) AS read_pinned WHERE o IS NOT NULL
),
unpinned AS (
  SELECT ord, ${rate('SUM(o)', 'COUNT(*)')} AS rate
  FROM (SELECT t_final AS ord, ${success} AS o FROM labelled WHERE t_final IS NOT NULL AND abm_pin IS NULL) AS read_unpinned
  WHERE o IS NOT NULL GROUP BY ord
),
pinned_apart AS (
  SELECT l.label, CAST(NULL AS ${d.text}) AS move, l.ord, COALESCE(s.accounts, 0) AS accounts, COALESCE(s.successes, 0) AS successes,
    ${rate('s.successes', 'COALESCE(s.accounts, 0)')} AS rate, u.rate AS unpinned_rate
  FROM (${names}) AS l
  LEFT JOIN (SELECT pin_ord, COUNT(*) AS accounts, SUM(o) AS successes FROM pinned_counted GROUP BY pin_ord) AS s ON s.pin_ord = l.ord
  LEFT JOIN unpinned AS u ON u.ord = l.ord
  UNION ALL${move('up', '>')}
  UNION ALL${move('down', '<')}
)
SELECT label, move, accounts, successes, rate, unpinned_rate FROM pinned_apart ORDER BY ord`;
}
