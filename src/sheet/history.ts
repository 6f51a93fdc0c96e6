import { movement, type Analysis, type Cell, type Movement, type Snapshot } from '../core';
import type { Translate } from '../i18n';
import { HISTORY_PROPERTY, HISTORY_SHEET_NAME, OUTPUTS } from './keys';
import type { PropertiesApi, SheetApi, SpreadsheetApi } from './apps-script';
import type { SheetData } from './read-sheet';
import { cellValue } from './plain-text';

/**
 * Tier movement (SPEC §12). Each Score keeps a snapshot (account, tier, score, segment, time) in the
 * hidden sheet "ABM History": 12 slots of 4 columns used in turn, so the last 12 runs are kept and
 * the oldest is overwritten first, in one write. The previous run of this sheet is what our output
 * columns hold before they are rewritten, so movement needs no extra read.
 */

export const HISTORY_RUNS = 12;
const SLOT_WIDTH = 4;

interface HistoryState {
  /** Runs written so far; the next goes to slot runs % 12. */
  runs: number;
  /** Rows each slot used, so a shorter run clears what a longer one left. */
  heights: number[];
  /** Rows the history sheet has. */
  maxRows: number;
}

export function readHistoryState(text: string | undefined): HistoryState {
  try {
    const s = JSON.parse(text ?? '') as HistoryState;
    if (Number.isInteger(s.runs) && Array.isArray(s.heights) && Number.isInteger(s.maxRows)) return s;
  } catch {
    /* a fresh history */
  }
  return { runs: 0, heights: new Array(HISTORY_RUNS).fill(0), maxRows: 0 };
}

/** The account keys with the rows they stand on, for those that appear more than once. */
export function duplicateKeys(analysis: Analysis, say: Translate): string[] {
  const { table } = analysis;
  if (!table.accounts) return [];
  const rows = new Map<string, number[]>();
  table.accounts.forEach((key, i) => {
    if (!key || table.status[i] !== 0) return;
    const list = rows.get(key);
    if (list) list.push(table.rowNumbers[i]);
    else rows.set(key, [table.rowNumbers[i]]);
  });
  const out: string[] = [];
  for (const [key, list] of rows) if (list.length > 1) out.push(say('msg.duplicateKey', { account: key, rows: list.join(', ') }));
  return out;
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

/** Writes this run into the next slot of "ABM History"; returns the state to save. */
export function writeHistory(ss: SpreadsheetApi, back: SheetApi, analysis: Analysis, sourceName: string, when: string, stateText: string | undefined, props: PropertiesApi): void {
  const state = readHistoryState(stateText);
  let sheet = ss.getSheetByName(HISTORY_SHEET_NAME);
  if (!sheet) {
    sheet = ss.insertSheet(HISTORY_SHEET_NAME);
    sheet.hideSheet();
    back.activate();
    state.maxRows = sheet.getMaxRows();
    const columns = sheet.getMaxColumns();
    if (columns < HISTORY_RUNS * SLOT_WIDTH) sheet.insertColumnsAfter(columns, HISTORY_RUNS * SLOT_WIDTH - columns);
  }
  const snap = snapshotOf(analysis);
  const slot = state.runs % HISTORY_RUNS;
  const height = Math.max(snap.size + 1, state.heights[slot] ?? 0);
  if (height > state.maxRows) {
    sheet.insertRowsAfter(state.maxRows, height - state.maxRows);
    state.maxRows = height;
  }
  const block: (string | number)[][] = [[cellValue(`${when} · ${sourceName}`), 'Tier', 'Score', 'Segment']];
  for (const [key, v] of snap) block.push([cellValue(key), cellValue(analysis.settings.labels[v.tier]), cellValue(v.score), cellValue(v.segment)]);
  while (block.length < height) block.push(['', '', '', '']);
  sheet.getRange(1, slot * SLOT_WIDTH + 1, height, SLOT_WIDTH).setValues(block);
  state.heights[slot] = snap.size + 1;
  state.runs++;
  props.setProperty(HISTORY_PROPERTY, JSON.stringify(state));
}
