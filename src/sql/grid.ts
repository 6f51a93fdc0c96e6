import { mapColumns } from '../core/columns';
import { GRID_CELLS, GRID_PROGRAMS } from '../core/grid-axes';
import type { Settings } from '../core/settings';
import { bandOf, DIALECTS, places, quantileCutCtes, round6, tierCtes, type Dialect, type SqlOptions } from './generate';

/**
 * Fit × engagement as SQL (SPEC §15): generate.ts's chain scores each axis (abm_fit, abm_engagement, by
 * the rule of the score over the axis's metrics); here each axis is cut into three bands by the quantile
 * rule on its rounded scores, as the tiers are (generate.ts, cutCte): the two cut-offs of each axis are
 * found once, from a narrow numbering of its values (or, partitioned, from the ranks of its distinct
 * values), and each row compares its value with them; its cell is 0 = A1 … 8 = C3.
 */

/** CTEs over `source` ending in `name`: `source`'s rows plus grid_cell (NULL when either axis has no score). */
export function gridStage(source: string, name: string, settings: Settings, d: (typeof DIALECTS)[Dialect], buckets: number | null): string {
  const [c1, c2] = settings.gridCutoffs;
  const bounds = (count: string) => [places(count, c1), places(count, c1 + c2)];
  const cuts = (axis: string) =>
    quantileCutCtes(`${name}_${axis}`, `SELECT ${round6(`abm_${axis}`)} AS v FROM ${source}`, bounds, [`${axis}_cut1`, `${axis}_cut2`], d, buckets)
      .map((cte) => `\n${cte},`)
      .join('');
  // A band 0–2 (A–C, 1–3) of the axis's rounded score.
  const band = (axis: string) => `${bandOf(round6(`x.abm_${axis}`), `${axis}_cut1`, `${axis}_cut2`, 'FALSE')} - 1`;
  return `${cuts('fit')}${cuts('engagement')}
${name} AS (
  SELECT x.*, CASE WHEN x.abm_fit IS NULL OR x.abm_engagement IS NULL THEN NULL ELSE 3 * (${band('fit')}) + (${band('engagement')}) END AS grid_cell
  FROM ${source} AS x CROSS JOIN ${name}_fit_cut CROSS JOIN ${name}_engagement_cut
),`;
}

/** The grid method's tier (1–3) of a row of gridStage: its cell's program; no cell, Tier 3. */
export function gridTierExpr(settings: Settings): string {
  const tier = (k: number) => GRID_PROGRAMS.indexOf(settings.gridPrograms[k]) + 1;
  return `CASE grid_cell ${GRID_CELLS.map((_, k) => `WHEN ${k} THEN ${tier(k)}`).join(' ')} ELSE 3 END`;
}

/** One query: per row (its row id and account when known) fit, engagement and grid (`A1` … `C3`), as `score --grid` gives them. */
export function gridSql(headers: readonly string[], settings: Settings, options: SqlOptions): string {
  const d = DIALECTS[options.dialect];
  const chain = tierCtes(headers, settings, options);
  const cell = `CASE grid_cell ${GRID_CELLS.map((c, k) => `WHEN ${k} THEN ${d.string(c)}`).join(' ')} END`;
  const rowId = options.rowId ? `abm_row AS ${d.ident(options.rowId)}, ` : '';
  const account = mapColumns(headers, headers.length, settings).account >= 0 ? `abm_account AS ${d.ident('account')}, ` : '';
  const buckets = (options.partitioned ?? options.dialect === 'bigquery') ? (options.buckets ?? 1000) : null;
  return `${chain},${gridStage('labelled', 'axes', settings, d, buckets)}
grid_out AS (
  SELECT ${rowId}${account}abm_fit AS fit, abm_engagement AS engagement, ${cell} AS grid FROM axes
)
SELECT * FROM grid_out`;
}

/** The grid query as `abm-tier sql --grid` appends it to the other queries. */
export function gridSqlText(headers: readonly string[], settings: Settings, options: SqlOptions): string {
  return `\n-- ABM Tier: fit, engagement and the fit × engagement grid cell per account\n${gridSql(headers, settings, options)};\n`;
}
