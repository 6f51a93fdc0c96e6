import { GRID_PROGRAMS, type Analysis, type ExceptionsReport, type Kpis } from '../core';
import type { Lang, Said } from '../i18n';

/** What the sidebar's result card and preview show: plain JSON (no NaN, no Date) that crosses google.script.run. */

export interface TierLine {
  label: string;
  accounts: number;
  /** Share of total profit, 0–1; null when unknown. */
  profitShare: number | null;
  program: string;
  marketers: number;
}

export interface SegmentLine {
  label: string;
  accounts: number;
  profitShare: number | null;
}

export interface Preview {
  sheet: string;
  scored: number;
  tiers: TierLine[];
  segments: SegmentLine[];
  /** Invalid rows, first ones: the row and its message. */
  errors: { row: number; message: string }[];
  errorCount: number;
  warnings: string[];
  /** Fit × engagement: accounts per cell (A1, A2 … C3) and each cell's program (0 Strategic … 2 Programmatic). */
  grid?: { counts: number[]; programs: number[] };
}

export interface ScoreReport extends Preview {
  /** A1 of the columns written, e.g. `P:T`. */
  columns: string;
  summarySheet: string;
  kpis: Kpis;
  /** The language the run wrote in. */
  lang: Lang;
  /** Accounts that moved up and down since the previous run of this sheet; null on a first run. */
  movement: { up: number; down: number } | null;
  /** Accounts to act on (capped, Money Makers losing money, profitable accounts that lapsed): counts and the first five. */
  exceptions: ExceptionsReport;
}

const MAX_ERRORS = 20;

function share(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The run in words: `show` renders the engine's messages in the document's language (the sidebar gets text). */
export function preview(analysis: Analysis, sheet: string, show: (message: Said) => string): Preview {
  const { table, settings, capacity } = analysis;
  const errors: Preview['errors'] = [];
  for (const [i, message] of table.messages) {
    if (errors.length >= MAX_ERRORS) break;
    errors.push({ row: table.rowNumbers[i], message: show(message) });
  }
  return {
    sheet,
    scored: analysis.scored,
    tiers: analysis.byTier.rows.map((r, t) => ({
      label: settings.labels[t],
      accounts: capacity.accounts[t],
      profitShare: share(r.profitShare),
      program: capacity.programs[t],
      marketers: capacity.marketers[t],
    })),
    segments: analysis.bySegment.rows.map((r) => ({ label: r.label, accounts: r.accounts, profitShare: share(r.profitShare) })),
    errors,
    errorCount: table.messages.size,
    warnings: analysis.warnings.map(show),
    grid: { counts: analysis.axes.counts, programs: settings.gridPrograms.map((p) => GRID_PROGRAMS.indexOf(p)) },
  };
}
