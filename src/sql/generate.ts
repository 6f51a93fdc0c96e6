import { mapColumns, type ColumnMapping } from '../core/columns';
import type { Settings } from '../core/settings';

/**
 * The rules of SPEC §3–7 as SQL, for tables too big for a sheet: one query gives every row its score,
 * tier, segment and program with window functions; two more give profitability by segment and by tier. The
 * settings are baked in from the same zod-validated settings the other surfaces use; every
 * identifier and label is quoted, so hostile column names cannot inject SQL.
 */

export type Dialect = 'duckdb' | 'bigquery';

export interface SqlOptions {
  /** The table, e.g. `accounts` or `project.dataset.accounts`. */
  table: string;
  dialect: Dialect;
  /** A column giving the rows' order, for pareto's ties (default: the account column). */
  rowId?: string;
}

export interface SqlQueries {
  scores: string;
  /** Profitability by segment (SPEC §7). */
  profitability: string;
  /** Profitability by tier. */
  tierProfitability: string;
}

/** The few places where BigQuery must differ from DuckDB. */
export const DIALECTS: Record<Dialect, { ident: (name: string) => string; table: (name: string) => string; string: (text: string) => string; toNumber: (expr: string) => string; toDecimal: (expr: string) => string; text: string }> = {
  duckdb: {
    ident: (name) => `"${name.replace(/"/gu, '""')}"`,
    table: (name) => name.split('.').map((part) => `"${part.replace(/"/gu, '""')}"`).join('.'),
    text: 'VARCHAR',
    string: (text) => `'${text.replace(/'/gu, "''")}'`,
    toNumber: (expr) => `TRY_CAST(${expr} AS DOUBLE)`,
    // Through the shortest text that reads back as the double (60.13, not 60.1299999…): the decimal as written.
    toDecimal: (expr) => `TRY_CAST(CAST(${expr} AS VARCHAR) AS DECIMAL(38, 9))`,
  },
  bigquery: {
    ident: (name) => `\`${name.replace(/\\/gu, '\\\\').replace(/`/gu, '\\`')}\``,
    table: (name) => `\`${name.replace(/\\/gu, '\\\\').replace(/`/gu, '\\`')}\``,
    text: 'STRING',
    string: (text) => `'${text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'").replace(/\n/gu, '\\n')}'`,
    toNumber: (expr) => `SAFE_CAST(${expr} AS FLOAT64)`,
    // CAST to STRING writes 15 significant digits when they read back as the double, else 17.
    toDecimal: (expr) => `SAFE_CAST(CAST(${expr} AS STRING) AS NUMERIC)`,
  },
};

/** A number as a SQL literal that reads back as the same double. */
function num(x: number): string {
  const text = String(x);
  return /[.e]/u.test(text) ? text : `${text}.0`;
}

/** The rounding the engine compares with: floor(x · 10⁶ + 0.5) / 10⁶, as Math.round does; from 2^32 on, x itself (src/core/round.ts). */
function round6(expr: string): string {
  return `CASE WHEN ABS(${expr}) >= 4294967296.0 THEN ${expr} ELSE FLOOR((${expr}) * 1000000 + 0.5) / 1000000 END`;
}

function places(count: string, percent: number): string {
  return `FLOOR(${count} * ${num(percent)} / 100 + 0.5)`;
}

export function generateSql(headers: readonly string[], settings: Settings, options: SqlOptions): SqlQueries {
  const mapping = mapColumns(headers, headers.length, settings);
  const chain = cteChain(headers, mapping, settings, options);
  const d = DIALECTS[options.dialect];
  const account = mapping.account >= 0 ? `abm_account AS ${d.ident('account')}, ` : '';
  const rowId = options.rowId ? `abm_row AS ${d.ident(options.rowId)}, ` : '';
  const scores = `${chain}
SELECT ${rowId}${account}score, tier, segment, program
FROM labelled`;
  // A column the table has sums to 0 over an empty group, as in the engine; one it lacks stays NULL.
  const has = (role: string) => mapping.metrics.some((m) => m.role === role);
  const hasCost = has('cost') || (has('revenue') && has('profit'));
  const total = (expr: string, present: boolean) => (present ? `COALESCE(SUM(${expr}), 0)` : `SUM(${expr})`);
  const table = (labels: readonly string[], column: string) => {
    const group = (label: string, filter: string, order: number) => `SELECT ${d.string(label)} AS label, ${order} AS ord, COUNT(*) AS accounts,
  ${total('abm_revenue', has('revenue'))} AS revenue, ${total('abm_cost', hasCost)} AS cost, ${total('abm_profit', has('profit'))} AS profit
FROM labelled WHERE ${filter}`;
    return `${chain},
groups AS (
${labels.map((label, k) => group(label, `${column} = ${k + 1}`, k + 1)).join('\nUNION ALL\n')}
UNION ALL
${group('Total', `${column} IS NOT NULL`, 4)}
)
SELECT label, accounts,
  accounts / NULLIF(SUM(CASE WHEN ord < 4 THEN accounts END) OVER (), 0) AS share,
  revenue, cost, profit,
  profit / NULLIF(revenue, 0) AS margin,
  profit / NULLIF(SUM(CASE WHEN ord < 4 THEN profit END) OVER (), 0) AS profit_share,
  profit / NULLIF(accounts, 0) AS profit_per_account
FROM groups
ORDER BY ord`;
  };
  return { scores, profitability: table(settings.segmentLabels, 'seg'), tierProfitability: table(settings.labels, 't_final') };
}

function cteChain(headerRow: readonly string[], mapping: ColumnMapping, settings: Settings, options: SqlOptions): string {
  const d = DIALECTS[options.dialect];
  const headers = new Map(mapping.metrics.filter((m) => m.index >= 0).map((m) => [m.index, m.header]));
  const col = (role: string) => mapping.metrics.findIndex((m) => m.role === role);
  const metricExpr = (m: number): string => {
    const c = mapping.metrics[m];
    if (c.index >= 0) return d.toNumber(d.ident(headers.get(c.index)!));
    // Derived profit: revenue − cost.
    return `(${d.toNumber(d.ident(mapping.metrics[col('revenue')].header))} - ${d.toNumber(d.ident(mapping.metrics[col('cost')].header))})`;
  };
  const m = mapping.metrics;
  const v = (k: number) => `m${k}`;
  const accountExpr = mapping.account >= 0 ? `NULLIF(TRIM(CAST(${d.ident(headerRow[mapping.account])} AS ${d.text})), '')` : 'NULL';
  const base = [
    `SELECT ${options.rowId ? d.ident(options.rowId) : 'NULL'} AS abm_row`,
    `${accountExpr} AS abm_account`,
    ...m.map((_, k) => `${metricExpr(k)} AS ${v(k)}`),
  ].join(',\n    ');
  const blank = ['abm_account IS NULL', ...m.map((_, k) => `${v(k)} IS NULL`)].join(' AND ');
  const weighted = m.map((c, k) => ({ c, k })).filter(({ c }) => c.weight > 0);
  const pct = weighted.map(({ c, k }) => {
    const order = c.direction === 'lower' ? `${v(k)} DESC` : v(k);
    return `CASE WHEN ${v(k)} IS NULL THEN NULL
      WHEN COUNT(${v(k)}) OVER () = 1 THEN 1.0
      ELSE (RANK() OVER (PARTITION BY ${v(k)} IS NULL ORDER BY ${order}) - 1
        + (COUNT(*) OVER (PARTITION BY ${v(k)} IS NULL ORDER BY ${order}) - RANK() OVER (PARTITION BY ${v(k)} IS NULL ORDER BY ${order})) / 2.0) / (COUNT(${v(k)}) OVER () - 1)
    END AS p${k}`;
  }).join(',\n    ');
  const sum = weighted.map(({ c, k }) => `${num(c.weight)} * COALESCE(p${k}, 0)`).join(' + ');
  const wsum = weighted.map(({ c, k }) => `CASE WHEN p${k} IS NULL THEN 0 ELSE ${num(c.weight)} END`).join(' + ');
  const revenue = col('revenue');
  const profit = col('profit');
  const cost = col('cost');
  const value = profit >= 0 ? v(profit) : revenue >= 0 ? v(revenue) : null;
  const tieBreak = options.rowId ? 'abm_row' : mapping.account >= 0 ? 'abm_account' : null;

  let tierExpr: string;
  switch (settings.method) {
    case 'quantile':
    case 'capacity': {
      const [k1, k2] = settings.method === 'quantile'
        ? [places('n_scored', settings.cutoffs[0]), places('n_scored', settings.cutoffs[0] + settings.cutoffs[1])]
        : (() => {
          const c = settings.capacity;
          const a = c.strategicMarketers * c.strategicAccounts;
          return [num(a), num(a + c.liteMarketers * c.liteAccounts)];
        })();
      tierExpr = `CASE WHEN rs IS NULL THEN NULL WHEN pos < ${k1} THEN 1 WHEN pos < ${k2} THEN 2 ELSE 3 END`;
      break;
    }
    case 'threshold':
      tierExpr = `CASE WHEN rs IS NULL THEN NULL WHEN rs >= ${num(settings.thresholds[0])} THEN 1 WHEN rs >= ${num(settings.thresholds[1])} THEN 2 ELSE 3 END`;
      break;
    case 'pareto':
      if (!value) throw new Error('The pareto method needs a profit or revenue column.');
      // Shares compared as sums (5·ahead < 4·total, 20·ahead < 19·total), exactly in DECIMAL(38, 9) / NUMERIC
      // while the total stays below 1e26, else in doubles (each divided by a power of two first: no overflow).
      tierExpr = `CASE WHEN rs IS NULL THEN NULL WHEN NOT (${value} > 0) OR ${value} IS NULL THEN 3
        WHEN pareto_dec IS NOT NULL THEN CASE WHEN 5 * COALESCE(pareto_before_dec, 0) < 4 * pareto_total_dec THEN 1 WHEN 20 * COALESCE(pareto_before_dec, 0) < 19 * pareto_total_dec THEN 2 ELSE 3 END
        WHEN COALESCE(pareto_before, 0) / 8 * 5 < pareto_total / 8 * 4 THEN 1 WHEN COALESCE(pareto_before, 0) / 32 * 20 < pareto_total / 32 * 19 THEN 2 ELSE 3 END`;
      break;
  }
  const paretoOrder = value ? `ORDER BY ${value} DESC${tieBreak ? `, ${tieBreak}` : ''} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING` : '';
  const paretoCols = settings.method === 'pareto' && value
    ? `,
    SUM(CASE WHEN rs IS NOT NULL AND ${value} > 0 THEN ${value} END) OVER (PARTITION BY rs IS NOT NULL AND ${value} > 0 ${paretoOrder}) AS pareto_before,
    SUM(CASE WHEN rs IS NOT NULL AND ${value} > 0 THEN ${value} END) OVER (PARTITION BY rs IS NOT NULL AND ${value} > 0) AS pareto_total`
    : '';
  const paretoCte = settings.method === 'pareto' && value
    ? `
pareto AS (
  SELECT *,
    SUM(pareto_dec) OVER (PARTITION BY pareto_dec IS NOT NULL ${paretoOrder}) AS pareto_before_dec,
    SUM(pareto_dec) OVER (PARTITION BY pareto_dec IS NOT NULL) AS pareto_total_dec
  FROM (SELECT *, CASE WHEN rs IS NOT NULL AND ${value} > 0 AND pareto_total < 1e26 THEN ${d.toDecimal(value)} END AS pareto_dec FROM counted) AS exact
),`
    : '';
  const capped = settings.unprofitableCap && profit >= 0 ? `CASE WHEN tier0 IS NOT NULL AND ${v(profit)} < 0 THEN 3 ELSE tier0 END` : 'tier0';
  const segK1 = places('n_revenue', settings.segmentCutoffs[0]);
  const segK2 = places('n_revenue', settings.segmentCutoffs[0] + settings.segmentCutoffs[1]);
  const nullNumber = d.toNumber('NULL');
  const rr = revenue >= 0 ? round6(v(revenue)) : nullNumber;
  const label = (expr: string, labels: readonly string[]) => `CASE ${expr} ${labels.map((l, k) => `WHEN ${k + 1} THEN ${d.string(l)}`).join(' ')} END`;
  // A row without a cost counts revenue − profit, as the engine does.
  const fallback = revenue >= 0 && profit >= 0 ? `${v(revenue)} - ${v(profit)}` : null;
  const costExpr = cost >= 0 ? (fallback ? `COALESCE(${v(cost)}, ${fallback})` : v(cost)) : fallback ?? nullNumber;
  return `WITH base AS (
  ${base.replace(/\n/gu, '\n  ')}
  FROM ${d.table(options.table)}
),
valid AS (
  SELECT * FROM base WHERE NOT (${blank})
),
ranked AS (
  SELECT *,
    ${pct}
  FROM valid
),
scored AS (
  SELECT *,
    100 * (${sum}) / NULLIF(${wsum}, 0) AS score
  FROM ranked
),
positioned AS (
  SELECT *,
    ${round6('score')} AS rs,
    ${rr} AS rr
  FROM scored
),
counted AS (
  SELECT *,
    COUNT(rs) OVER () AS n_scored,
    CASE WHEN rs IS NULL THEN NULL ELSE RANK() OVER (PARTITION BY rs IS NULL ORDER BY rs DESC) - 1 END AS pos,
    COUNT(rr) OVER () AS n_revenue,
    CASE WHEN rr IS NULL THEN NULL ELSE RANK() OVER (PARTITION BY rr IS NULL ORDER BY rr DESC) - 1 END AS pos_revenue${paretoCols}
  FROM positioned
),${paretoCte}
tiered AS (
  SELECT *,
    ${tierExpr} AS tier0,
    CASE WHEN rr IS NULL THEN NULL WHEN pos_revenue < ${segK1} THEN 1 WHEN pos_revenue < ${segK2} THEN 2 ELSE 3 END AS seg
  FROM ${paretoCte ? 'pareto' : 'counted'}
),
labelled AS (
  SELECT *,
    ${label('t_final', settings.labels)} AS tier,
    ${label('seg', settings.segmentLabels)} AS segment,
    ${label('t_final', settings.programLabels)} AS program,
    ${revenue >= 0 ? v(revenue) : nullNumber} AS abm_revenue,
    ${profit >= 0 ? v(profit) : nullNumber} AS abm_profit,
    ${costExpr} AS abm_cost
  FROM (SELECT *, ${capped} AS t_final FROM tiered) AS capped
)`;
}
