import { translator, type Translate } from '../i18n';
import { UserError } from './analyse-sheet';
import type { SpreadsheetApi } from './apps-script';

/**
 * Google's limits, checked before Google enforces them, so a run stops cleanly with advice instead
 * of being cut off half-way: 10 million cells a spreadsheet (over every sheet's whole grid, hidden
 * ones too), 6 minutes a script run.
 */

export const SHEETS_CELL_LIMIT = 10_000_000;
/** Stop before writing when this much of the run is gone: the writes need the rest. */
export const WRITE_DEADLINE_MS = 4.5 * 60_000;

/** Cells in the grids of every sheet of the spreadsheet. */
export function workbookCells(ss: SpreadsheetApi): number {
  let total = 0;
  for (const sheet of ss.getSheets()) total += sheet.getMaxRows() * sheet.getMaxColumns();
  return total;
}

/**
 * Refuses a run that would add `added` cells to the spreadsheet past its 10 million, before anything
 * is written. Nothing added (a re-run that fits where it wrote before): nothing to count.
 */
export function checkWorkbookCells(ss: SpreadsheetApi, added: number, say: Translate = translator('en')): void {
  if (added <= 0) return;
  const total = workbookCells(ss) + added;
  if (total > SHEETS_CELL_LIMIT) throw new UserError(say('msg.tooManyCells', { cells: total.toLocaleString('en-US') }));
}

/** A clock for one run; `check` stops between phases when the rest of the run would not fit. */
export class RunClock {
  private readonly start: number;
  constructor(
    private readonly now: () => number = Date.now,
    private readonly deadline = WRITE_DEADLINE_MS,
  ) {
    this.start = now();
  }
  elapsed(): number {
    return this.now() - this.start;
  }
  /** `say`: this run's language. */
  check(phase: 'phase.scoring' | 'phase.writing', say: Translate): void {
    const used = this.elapsed();
    if (used > this.deadline) throw new UserError(say('msg.timeUp', { phase: say(phase), seconds: Math.round(used / 1000) }));
  }
}
