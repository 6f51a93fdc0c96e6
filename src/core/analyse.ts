import type { ColumnMapping } from './columns';
import { drivers, type Drivers, type DriverSplit } from './drivers';
import { healthIndex } from './health';
import { kpis, type Kpis } from './kpis';
import { capacity, type Capacity } from './programs';
import { moneyMayOverflow, profitability, whaleCurve, type ProfitTable, type WhaleCurve } from './profitability';
import { score, type ScoreHooks } from './score';
import type { Settings } from './settings';
import { setOwn } from './own-key';
import { column, ROW_OK, type ParsedTable } from './table';
import { assignTiers, capUnprofitable, quantileTiers } from './tiers';
import { MessageError, type Message } from './message';
import { accountExceptions, movedByCap, type Exceptions } from './exceptions';
import { hasPins, PIN_EXCLUDE, pinnedTiers, type Pins, type PinSummary } from './pins';
import { axesGrid, gridTiers, type AxesGrid } from './grid-axes';

/** Everything SPEC §3–9 computes for one table. Per-row arrays are indexed like the table's rows. */
export interface Analysis {
  table: ParsedTable;
  settings: Settings;
  /** Rows with a score (n of SPEC §4). */
  scored: number;
  score: Float64Array;
  /** Per metric; null for a metric of weight 0 (not ranked). */
  percentiles: (Float64Array | null)[];
  /** 0 = Tier 1 … 2 = Tier 3, −1 = none. */
  tier: Int8Array;
  /** 0 = Money Maker … 2 = Filler, −1 = no revenue. */
  segment: Int8Array;
  health: Float64Array | null;
  drivers: Drivers;
  capacity: Capacity;
  /** Accounts moved to Tier 3 by the unprofitable cap. */
  capped: number;
  /** Which rows the cap moved (1); null when the cap does not apply. */
  cappedRows: Uint8Array | null;
  byTier: ProfitTable;
  bySegment: ProfitTable;
  whale: WhaleCurve | null;
  kpis: Kpis;
  /** Capped accounts, Money Makers losing money, profitable accounts that lapsed (exceptions.ts). */
  exceptions: Exceptions;
  /** Pinned accounts and what the data alone gave them (pins.ts); null without pins. */
  pinned: PinSummary | null;
  /** Fit and engagement scores and each account's cell of the 3 × 3 grid (grid-axes.ts). */
  axes: AxesGrid;
  warnings: Message[];
}

export function scoredMetricCount(mapping: ColumnMapping): number {
  return mapping.metrics.filter((m) => m.weight > 0).length;
}

/** Nothing to score: no metric column (`msg.noMetric`), or every weight 0 (`msg.allZero`). */
export class AnalysisError extends MessageError {
  override name = 'AnalysisError';
}

/** Where the analysis makes its arrays and how it ranks and finds drivers (PipelineOptions: the command line shares the work with its worker). */
export interface AnalyseHooks extends ScoreHooks {
  drivers?: DriverSplit;
}

export function analyse(table: ParsedTable, settings: Settings, pins?: Pins | null, hooks: AnalyseHooks = {}): Analysis {
  const { mapping } = table;
  if (scoredMetricCount(mapping) === 0) throw new AnalysisError({ code: mapping.metrics.length === 0 ? 'msg.noMetric' : 'msg.allZero' });
  const include = new Uint8Array(table.n);
  const included = markOk(table.status, table.n, include);
  const weights = mapping.metrics.map((m) => m.weight);
  const { score: scores, percentiles } = score({
    values: table.values,
    weights,
    directions: mapping.metrics.map((m) => m.direction),
    include,
    newColumn: hooks.newColumn,
    rank: hooks.rank,
  });
  const scoredMask = new Uint8Array(table.n);
  const scored = markScored(scores, table.n, scoredMask);
  const revenue = column(table, 'revenue');
  const profit = column(table, 'profit');
  const cost = column(table, 'cost');
  // The grid method tiers by fit × engagement cell; the other methods by score.
  const grid = settings.method === 'grid' ? axesGrid(mapping, percentiles, table.n, settings) : null;
  const tier = grid ? gridTiers(scores, grid.cell, settings) : assignTiers(scores, settings, profit ?? revenue);
  const byMethod = hasPins(pins) ? tier.slice() : null;
  const cappedRows = settings.unprofitableCap && mapping.hasHeader && profit ? movedByCap(tier, profit) : null;
  let capped = cappedRows && profit ? capUnprofitable(tier, profit) : 0;
  let pinned: PinSummary | null = null;
  if (byMethod && pins) {
    // Pins come after the method and the cap (docs/scoring.md, "Pinned tiers"); `alone` keeps the tiers without them.
    const alone = tier.slice();
    const p = pinnedTiers(scores, settings, byMethod, profit ?? revenue, cappedRows && profit, pins);
    tier.set(p.tier);
    if (cappedRows && p.cappedRows) cappedRows.set(p.cappedRows);
    capped = p.capped;
    let excluded = 0;
    for (const i of p.rows) {
      if (pins.pin[i] !== PIN_EXCLUDE) continue;
      excluded++;
      include[i] = 0;
      scoredMask[i] = 0;
    }
    pinned = { pins, rows: p.rows, alone, overCap: p.overCap, excluded };
  }

  const money = { revenue, profit, cost };
  const warnings = [...table.warnings];
  // Only included rows are scored.
  const noScore = included - scored;
  if (noScore > 0) warnings.push({ code: 'warn.noScore', params: { count: noScore } });
  if (capped > 0) warnings.push({ code: 'warn.capped', params: { count: capped, tier: settings.labels[2] } });
  if (pinned?.overCap) warnings.push({ code: 'warn.pinOverCap', params: { count: pinned.overCap, tier: settings.labels[2] } });
  const noCell = grid ? scored - grid.counts.reduce((a, b) => a + b, 0) : 0;
  if (noCell > 0) warnings.push({ code: 'warn.noGridCell', params: { count: noCell, tier: settings.labels[2] } });
  // What only some surfaces show is computed when first read: ABMSCORE and ABMTIER never pay for
  // segments, health, drivers, profit tables, the whale curve or KPIs (each is computed once).
  return lazily(
    { table, settings, scored, score: scores, percentiles, tier, capped, cappedRows, pinned },
    {
      segment: () => segments(table, include, revenue, settings),
      health: () => healthIndex(table, include, percentiles),
      drivers: () => drivers(percentiles, weights, scores, cappedRows && { rows: cappedRows, tier: settings.labels[2] }, hooks.drivers),
      capacity: () => capacity(tier, settings),
      byTier: () => profitability(tier, settings.labels, money),
      bySegment: (a) => profitability(a.segment, settings.segmentLabels, money),
      whale: () => (profit ? whaleCurve(profit, scoredMask) : null),
      kpis: () => kpis(table, include, settings),
      exceptions: (a) => accountExceptions(a),
      axes: () => grid ?? axesGrid(mapping, percentiles, table.n, settings),
      warnings: (a) => {
        // Amounts whose sum lies beyond ±1.8e308 cannot be shown: say so instead of a silent blank.
        // Far from it (nearly always), the tables are not made for this (the CSV output reads them for nothing else).
        if (!moneyMayOverflow(money)) return warnings;
        const rows = [a.byTier.total, a.bySegment.total, ...a.byTier.rows, ...a.bySegment.rows];
        const tooLarge = rows.some((r) => [r.revenue, r.cost, r.profit].some((v) => v === Infinity || v === -Infinity));
        return tooLarge ? [...warnings, { code: 'warn.tooLarge' }] : warnings;
      },
    },
  );
}

/**
 * 1 in `include` for each of the first `n` rows that read well; how many. (This loop and the next are
 * functions of their own: a cold process compiles a run-once loop on the stack, and a function of
 * several such loops again at each one.)
 */
function markOk(status: Uint8Array, n: number, include: Uint8Array): number {
  let included = 0;
  for (let i = 0; i < n; i++) {
    if (status[i] !== ROW_OK) continue;
    include[i] = 1;
    included++;
  }
  return included;
}

/** 1 in `mask` for each of the first `n` rows with a score; how many. */
function markScored(scores: Float64Array, n: number, mask: Uint8Array): number {
  let scored = 0;
  for (let i = 0; i < n; i++) {
    if (scores[i] === scores[i]) {
      mask[i] = 1;
      scored++;
    }
  }
  return scored;
}

/** Money Maker, Contributor, Filler by revenue over the included rows (SPEC §6); −1 without revenue. */
function segments(table: ParsedTable, include: Uint8Array, revenue: Float64Array | null, settings: Settings): Int8Array {
  if (!revenue) return new Int8Array(table.n).fill(-1);
  const masked = new Float64Array(table.n);
  for (let i = 0; i < table.n; i++) masked[i] = include[i] ? revenue[i] : Number.NaN;
  return quantileTiers(masked, settings.segmentCutoffs);
}

type Eager = Pick<Analysis, 'table' | 'settings' | 'scored' | 'score' | 'percentiles' | 'tier' | 'capped' | 'cappedRows' | 'pinned'>;
type Later = Omit<Analysis, keyof Eager>;

/** `eager` with each of `later` as a property computed on first read and kept (enumerable, so a spread copies it). */
function lazily(eager: Eager, later: { [K in keyof Later]: (analysis: Analysis) => Later[K] }): Analysis {
  const analysis = eager as Analysis;
  for (const key of Object.keys(later) as (keyof Later)[]) {
    Object.defineProperty(analysis, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = later[key](analysis);
        setOwn(analysis as unknown as Record<string, unknown>, key, value);
        return value;
      },
    });
  }
  return analysis;
}

/**
 * `key`, not yet read, from `elsewhere` when first read: it gives the value, or calls `here` (the
 * analysis' own way) for it. The command line's worker computes the KPIs and the whale curve's peak
 * while this thread goes on. Nothing changes for a key already read.
 */
export function computeElsewhere<K extends keyof Later>(analysis: Analysis, key: K, elsewhere: (here: () => Later[K]) => Later[K]): void {
  const own = Object.getOwnPropertyDescriptor(analysis, key);
  const get = own?.get;
  if (!get) return;
  const here = () => get.call(analysis) as Later[K];
  Object.defineProperty(analysis, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = elsewhere(here);
      setOwn(analysis as unknown as Record<string, unknown>, key, value);
      return value;
    },
  });
}
