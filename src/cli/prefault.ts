/**
 * The table's metric columns in memory the rows worker readies while this thread reads the file.
 *
 * On this kind of machine the first write to each 4 KiB page of new memory costs a page fault of a
 * few microseconds: the 15 columns of a 1 000 000-row table are 120 MiB, about 0.35 s of faults on
 * the thread that reads the file, which is most of what filling them costs (the same writes to
 * memory already touched take 20 ms). So the columns are SharedArrayBuffers, and the worker, idle
 * until the rows are written, touches their pages ahead of the reader: it goes through the rows in
 * chunks, every column's pages of a chunk at a time, as the reader fills them, and skips a chunk the
 * reader has come within MARGIN_ROWS of (the reader says how far it is every PROGRESS_ROWS rows).
 *
 * The percentiles the analysis makes next (one array per weighted metric, 92 MiB at a million rows)
 * are made the same way: `started` sets aside that many arrays of the expected rows, which the
 * worker touches once it is past the table's columns, and the analysis takes them (`newColumn`).
 *
 * A touch is `Atomics.add(page, 0)`: an atomic read-modify-write that leaves the value as it is, so
 * even a page the reader writes at the same moment keeps the reader's value.
 */

import type { NewColumn } from '../core';

/** What the worker is sent once the table's columns are made. */
export interface PrefaultMessage {
  prefault: SharedArrayBuffer[];
  /** Arrays for later, touched whole after the columns. */
  spares: SharedArrayBuffer[];
  /** [0]: the rows the reader has filled (DONE when it has finished). */
  progress: Int32Array;
  rows: number;
}

/** The reader tells how far it is every this many rows. */
export const PROGRESS_ROWS = 8192;
/** A chunk closer than this to the reader is left to it. */
const MARGIN_ROWS = 4 * PROGRESS_ROWS;
/** Rows per chunk: 128 KiB of each column. */
const CHUNK_ROWS = 16_384;
/** Float64 values per page (4 KiB), and the Int32 index of a row's first word. */
const PAGE_ROWS = 512;
const DONE = 0x7fffffff;

/** The main thread's side: columns to prefault, arrays for later, and how far the reader is. */
export class Prefault {
  private readonly progress = new Int32Array(new SharedArrayBuffer(4));
  private columns: SharedArrayBuffer[] | null = [];
  private spares: SharedArrayBuffer[] = [];
  private spareRows = 0;

  /** `post` sends the worker its message (RowsHelper's port). */
  constructor(private readonly post: (message: PrefaultMessage) => void) {}

  /**
   * A zeroed array of `length` rows: a table column, prefaulted when made before `started`; after
   * it, one of the arrays set aside while there is one that long, else a new one.
   */
  readonly newColumn: NewColumn = (length) => {
    if (this.columns) {
      const buffer = new SharedArrayBuffer(length * 8);
      this.columns.push(buffer);
      return new Float64Array(buffer);
    }
    const spare = length <= this.spareRows ? this.spares.pop() : undefined;
    return spare ? new Float64Array(spare, 0, length) : new Float64Array(length);
  };

  /**
   * The table is made, for about `rows` rows: the worker starts on its columns, and on `spares`
   * arrays of that many rows for the analysis (later columns, from a table that grew, are not prefaulted).
   */
  started(rows: number, spares: number): void {
    if (!this.columns) return;
    if (this.columns.length === 0) {
      this.columns = null;
      return;
    }
    this.spares = Array.from({ length: spares }, () => new SharedArrayBuffer(rows * 8));
    this.spareRows = rows;
    this.post({ prefault: this.columns, spares: [...this.spares], progress: this.progress, rows });
    this.columns = null;
  }

  /** The reader has filled `rows` rows. */
  at(rows: number): void {
    Atomics.store(this.progress, 0, rows);
  }

  /** The reader is done: the worker goes on to the arrays set aside. */
  finished(): void {
    Atomics.store(this.progress, 0, DONE);
  }
}

/** The worker's side: touches the columns' pages, a chunk of rows at a time, ahead of the reader; then the spares'. */
export function prefault({ prefault: columns, spares, progress, rows }: PrefaultMessage): void {
  const pages = columns.map((b) => new Int32Array(b));
  for (let from = 0; from < rows; from += CHUNK_ROWS) {
    const reader = Atomics.load(progress, 0);
    if (reader === DONE) break;
    if (from < reader + MARGIN_ROWS) continue;
    const to = Math.min(rows, from + CHUNK_ROWS);
    for (const page of pages) for (let row = from; row < to; row += PAGE_ROWS) Atomics.add(page, 2 * row, 0);
  }
  for (const spare of spares) {
    const page = new Int32Array(spare);
    for (let row = 0; row < rows; row += PAGE_ROWS) Atomics.add(page, 2 * row, 0);
  }
}
