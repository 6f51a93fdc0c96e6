import { duplicateAccounts, movement, type Analysis, type Cell, type Movement, type Snapshot } from '../core';
import type { Said, Translate } from '../i18n';
import { UserError } from './analyse-sheet';
import { findOurSheets, type OurSheets } from './our-sheets';
import { HISTORY_PROPERTY, HISTORY_SHEET_KEY, HISTORY_SHEET_NAME, OUTPUTS } from './keys';
import type { PropertiesApi, RangeApi, SheetApi, SpreadsheetApi } from './apps-script';
import { cellsAdded, ensureGrid, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, rangeIfFits, type GridSize } from './grid';
import type { SheetData } from './read-sheet';
import { plainText } from './plain-text';

/**
 * Tier movement (SPEC §12). Each Score keeps a snapshot (account, tier, score, segment) in the hidden
 * sheet "ABM History", ours by developer metadata: 12 slot columns used in turn, so the last 12 runs
 * are kept and the oldest is overwritten first, in one write. A slot's first cell says when and what
 * was scored; below it the accounts are packed as JSON lines, up to CHUNK_CHARS characters a cell
 * (Sheets holds 50,000), so 150,000 accounts take about 150 rows × 12 columns instead of 48 columns
 * × 150,000 rows of the 10-million-cell workbook. The previous run of this sheet is what our output
 * columns hold before they are rewritten, so movement needs no extra read.
 */

export const HISTORY_RUNS = 12;
/** Characters of packed snapshot a cell holds at most (Sheets' limit is 50,000). */
export const CHUNK_CHARS = 40_000;
/** An account key longer than this is cut in the history (cells hold 50,000 characters). */
const KEY_CHARS = 1000;

interface HistoryState {
  /** Runs written so far; the next goes to slot runs % 12. */
  runs: number;
  /** Cells each slot used, so a smaller run clears what a larger one left (a hint: the grid is checked). */
  heights: number[];
}

export function readHistoryState(text: string | undefined): HistoryState {
  try {
    const s = JSON.parse(text ?? '') as HistoryState;
    if (Number.isInteger(s.runs) && s.runs >= 0) {
      const heights = Array.isArray(s.heights) ? s.heights.map((h) => (Number.isInteger(h) && h > 0 ? h : 0)) : [];
      return { runs: s.runs, heights: Array.from({ length: HISTORY_RUNS }, (_, k) => heights[k] ?? 0) };
    }
  } catch {
    /* a fresh history */
  }
  return { runs: 0, heights: new Array(HISTORY_RUNS).fill(0) };
}

/** A run packed into a slot column: its title, then chunks of JSON lines `["key",tier,score,"segment"]` (tier 1–3). */
export function packRun(title: string, snap: Snapshot): string[] {
  const cells = [title];
  let chunk = '';
  for (const [key, v] of snap) {
    const line = JSON.stringify([key.slice(0, KEY_CHARS), v.tier + 1, v.score, v.segment]);
    if (chunk && chunk.length + 1 + line.length > CHUNK_CHARS) {
      cells.push(chunk);
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n${line}` : line;
  }
  if (chunk) cells.push(chunk);
  return cells;
}

/** A slot column read back: its title and the snapshot. */
export function unpackRun(column: readonly unknown[]): { title: string; snapshot: Snapshot } {
  const snapshot: Snapshot = new Map();
  for (let r = 1; r < column.length; r++) {
    const text = String(column[r] ?? '');
    if (!text) continue;
    for (const line of text.split('\n')) {
      const [key, tier, score, segment] = JSON.parse(line) as [string, number, number, string];
      snapshot.set(key, { tier: tier - 1, score, segment });
    }
  }
  return { title: String(column[0] ?? ''), snapshot };
}

/** The one warning (core `duplicateAccounts`) for account keys on more than one row: how many, and the first ones with their rows. */
export function duplicateKeys(analysis: Analysis, show: (message: Said) => string): string[] {
  const said = duplicateAccounts(analysis.table);
  return said ? [show(said)] : [];
}

/** This run as account → tier, score, segment (first row of a duplicated key wins). */
export function snapshotOf(analysis: Analysis): Snapshot {
  const snap: Snapshot = new Map();
  const { table, settings } = analysis;
  if (!table.accounts) return snap;
  for (let i = 0; i < table.n; i++) {
    const key = table.accounts[i];
    if (!key || analysis.tier[i] < 0 || snap.has(key)) continue;
    const s = analysis.segment[i];
    snap.set(key, { tier: analysis.tier[i], score: analysis.score[i], segment: s >= 0 ? settings.segmentLabels[s] : '' });
  }
  return snap;
}

/** The previous run, read from our own output columns as they stand before this run rewrites them. */
export function previousSnapshot(data: SheetData, analysis: Analysis): Snapshot | null {
  const { block, values, headerRow } = data;
  const account = analysis.table.mapping.account;
  if (!block || account < 0) return null;
  const col = block.column - 1;
  const labels = analysis.settings.labels;
  const snap: Snapshot = new Map();
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] as Cell[];
    const key = String(row[account] ?? '').trim();
    const tier = labels.indexOf(String(row[col + OUTPUTS.indexOf('Tier')] ?? ''));
    if (!key || tier < 0 || snap.has(key)) continue;
    snap.set(key, { tier, score: Number(row[col]), segment: String(row[col + OUTPUTS.indexOf('Segment')] ?? '') });
  }
  return snap.size ? snap : null;
}

export function tierMovement(data: SheetData, analysis: Analysis): Movement | null {
  const before = previousSnapshot(data, analysis);
  return before ? movement(before, snapshotOf(analysis)) : null;
}

export interface HistoryPlan {
  /** Our history sheet, or null when it is to be made. */
  sheet: SheetApi | null;
  /** This run's slot (0-based column) and the cells it writes there (the run, then blanks over what the slot held). */
  slot: number;
  cells: string[];
  /** The range the slot's cells go to, when the grid holds it. */
  range: RangeApi | null;
  /** The sheet's real grid when it must grow first. */
  grid: GridSize | null;
  state: HistoryState;
  /** Cells the workbook gains. */
  added: number;
}

/**
 * Where this run's snapshot goes, decided before anything is written. Our history sheet is found by
 * its developer metadata; a sheet named "ABM History" that is not ours is never written: the run
 * stops and says so.
 */
export function planHistory(
  ss: SpreadsheetApi,
  analysis: Analysis,
  title: string,
  stateText: string | undefined,
  say: Translate,
  ours: OurSheets = findOurSheets(ss, [HISTORY_SHEET_KEY]),
): HistoryPlan {
  const state = readHistoryState(stateText);
  const slot = state.runs % HISTORY_RUNS;
  const run = packRun(title.slice(0, CHUNK_CHARS), snapshotOf(analysis));
  const height = Math.max(run.length, state.heights[slot]);
  const cells = Array.from({ length: height }, (_, r) => run[r] ?? '');
  const sheet = ours.get(HISTORY_SHEET_KEY)?.[0]?.sheet ?? null;
  if (!sheet) {
    if (ss.getSheetByName(HISTORY_SHEET_NAME)) throw new UserError(say('msg.sheetTaken', { sheet: HISTORY_SHEET_NAME }));
    return { sheet, slot, cells, range: null, grid: null, state, added: cellsAdded(null, height, HISTORY_RUNS) };
  }
  // The sheet's real size, whatever an earlier run or a person did to it.
  const fit = rangeIfFits(sheet, 1, slot + 1, height, 1);
  return { sheet, slot, cells, range: fit.range, grid: fit.grid, state, added: fit.grid ? cellsAdded(fit.grid, height, HISTORY_RUNS) : 0 };
}

/** Writes this run into its slot of "ABM History" (made, tagged and hidden if missing). */
export function writeHistory(ss: SpreadsheetApi, back: SheetApi, plan: HistoryPlan, props: PropertiesApi): void {
  let { sheet, range } = plan;
  const height = plan.cells.length;
  if (!sheet) {
    sheet = ss.insertSheet(HISTORY_SHEET_NAME);
    sheet.addDeveloperMetadata(HISTORY_SHEET_KEY, 'history-2');
    sheet.hideSheet();
    back.activate();
    ensureGrid(sheet, { rows: NEW_SHEET_ROWS, columns: NEW_SHEET_COLUMNS }, height, HISTORY_RUNS);
  }
  if (plan.grid) ensureGrid(sheet, plan.grid, height, HISTORY_RUNS);
  (range ?? sheet.getRange(1, plan.slot + 1, height, 1)).setValues(plan.cells.map((c) => [plainText(c)]));
  const heights = [...plan.state.heights];
  heights[plan.slot] = plan.cells.filter((c) => c !== '').length;
  props.setProperty(HISTORY_PROPERTY, JSON.stringify({ runs: plan.state.runs + 1, heights }));
}
