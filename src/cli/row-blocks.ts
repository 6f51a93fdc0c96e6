import { percentileDenominators, ROW_BLANK, ROW_INVALID, type AccountBytesView, type Analysis, type MetricColumn } from '../core';
import { renderer, type Lang } from '../i18n';
import type { Separator } from './csv';
import { DriverBytes, type DriverRow } from './driver-bytes';
import { KeptLines, type KeptBlock } from './kept-lines';
import type { Sink } from './output';

/**
 * The rows of `score`'s output, in blocks: the main thread cuts the analysis into blocks of rows
 * (RowBlock, plain data a worker thread can be sent) and each block is written by RowsWriter, on
 * the main thread or in the worker (rows-worker.ts). Either way a row's bytes are the same.
 */

/** What every block's writer needs, the same for all blocks (sent to a worker once). */
export interface RowsContext {
  format: 'json' | 'csv';
  lang: Lang;
  separator: Separator;
  metrics: MetricColumn[];
  /** Each metric's percentile denominator (drivers round on it). */
  dens: number[];
  /** JSON: `,"tier":…,"drivers":`; CSV: `,tier,segment,program,`; by tier, then segment + 1 (−1 = none). */
  middles: Uint8Array[][];
}

/** Rows `from` … `from + count − 1` of the table as their writer needs them. */
export interface RowBlock {
  from: number;
  count: number;
  /** No row is written before this block's first (JSON: that row has no leading comma). */
  first: boolean;
  rowNumbers: Int32Array;
  /** Tier 0–2; −1: the row's text after its account (JSON) or its record (CSV) is in `tails`; −2: a blank row, not written. */
  tier: Int8Array;
  segment: Int8Array;
  score: Float64Array;
  /** Per row: the first and second strengths and the weakest metric (−1 = none), and the row's percentiles there. */
  drivers: Int16Array;
  p: Float64Array;
  /** Rows the unprofitable cap moved (1), and the tier it moved them to. */
  capped: Uint8Array | null;
  cappedTier: string;
  /** JSON: the accounts (null: the table has no account column, or keeps them as bytes); row j's is accounts[accountsFrom + j]. */
  accounts: string[] | null;
  /** JSON: the accounts as UTF-8 bytes (the table's AccountBytesView); row j's is bytes[start[accountsFrom + j], start[accountsFrom + j + 1]). */
  accountBytes: { bytes: Uint8Array; start: Int32Array } | null;
  accountsFrom: number;
  /** Text of the rows whose tier is −1, after the account (JSON, through the closing brace) or after the record (CSV, before the line end). */
  tails: Map<number, string>;
  /** Text after a row's drivers (the lookalike, next-tier and grid columns), when asked for. */
  extras: (string | null)[] | null;
  /** CSV, in a block for a worker thread: the records written back (on the main thread they are read from the whole table's). */
  lines: KeptBlock | null;
}

/** The parts of a row the analysis alone cannot write in a block: an unscored row's text, and the optional columns. */
export interface RowTexts {
  tail(i: number): string;
  extra: ((i: number) => string) | null;
}

/**
 * Rows [from, to) of `analysis` as a block; `first`: no row of the table is written before `from`.
 * `worker`: the block goes to a worker thread (its arrays are then copies, not views, and it carries
 * its records, from `worker.lines`, for CSV).
 */
export function rowBlock(
  analysis: Analysis,
  from: number,
  to: number,
  first: boolean,
  texts: RowTexts,
  worker: { lines: KeptLines | null } | null = null,
  reuse: RowBlock | null = null,
): RowBlock {
  const { table, score, drivers: d } = analysis;
  const names = table.accountBytes?.exact ? table.accountBytes : null;
  const count = to - from;
  // The main thread's blocks, one after another, can share their arrays (`reuse`: the one before).
  const room = reuse && !worker && reuse.tier.length >= count;
  const tier = room ? reuse.tier : new Int8Array(count);
  const drivers = room ? reuse.drivers : new Int16Array(3 * count);
  const p = room ? reuse.p : new Float64Array(3 * count);
  const tails = new Map<number, string>();
  const extras = texts.extra ? new Array<string | null>(count).fill(null) : null;
  blockRows(analysis, from, count, texts, { tier, drivers, p, tails, extras });
  // A worker is sent copies (a view would take its whole array along); the main thread's blocks look into the analysis.
  const part = worker
    ? <T extends Int32Array | Int8Array | Float64Array | Uint8Array>(a: T) => a.slice(from, to) as T
    : <T extends Int32Array | Int8Array | Float64Array | Uint8Array>(a: T) => a.subarray(from, to) as T;
  return {
    from,
    count,
    first,
    rowNumbers: part(table.rowNumbers),
    tier,
    segment: part(analysis.segment),
    score: part(score),
    drivers,
    p,
    capped: d.capped ? part(d.capped) : null,
    cappedTier: d.cappedTier,
    // Names kept as bytes are written as bytes (not read as text, which would make a string per row).
    accounts: names ? null : table.accounts && worker ? table.accounts.slice(from, to) : table.accounts,
    accountBytes: names && (worker ? namesPart(names, from, to) : { bytes: names.bytes, start: names.start }),
    accountsFrom: worker ? 0 : from,
    tails,
    extras,
    lines: worker?.lines ? worker.lines.block(from + 1, to + 1) : null,
  };
}

/** A block's own arrays, which blockRows fills. */
interface BlockRows {
  tier: Int8Array;
  drivers: Int16Array;
  p: Float64Array;
  tails: Map<number, string>;
  extras: (string | null)[] | null;
}

/**
 * Rows from … from + count − 1 into `out`: the loop alone, apart from rowBlock, so that what rowBlock
 * does after it is not first met in the loop's compiled code (which V8 would then throw away).
 */
function blockRows(analysis: Analysis, from: number, count: number, texts: RowTexts, out: BlockRows): void {
  const { table, tier: tiers, percentiles, drivers: d } = analysis;
  const { status } = table;
  const { tier, drivers, p, tails, extras } = out;
  for (let j = 0; j < count; j++) {
    const i = from + j;
    const state = status[i];
    const t = state === ROW_BLANK ? -2 : state === ROW_INVALID || tiers[i] < 0 ? -1 : tiers[i];
    tier[j] = t;
    if (t === -2) continue;
    if (t === -1) {
      tails.set(j, texts.tail(i));
      continue;
    }
    const a = d.first[i];
    const b = d.second[i];
    const w = d.weakest[i];
    drivers[3 * j] = a;
    drivers[3 * j + 1] = b;
    drivers[3 * j + 2] = w;
    p[3 * j] = a >= 0 ? percentiles[a]![i] : Number.NaN;
    p[3 * j + 1] = b >= 0 ? percentiles[b]![i] : Number.NaN;
    p[3 * j + 2] = w >= 0 ? percentiles[w]![i] : Number.NaN;
    if (extras) extras[j] = texts.extra!(i);
  }
}

/** Names [from, to) of `names` as a copy of their own, offsets from 0 (for a worker thread). */
function namesPart(names: AccountBytesView, from: number, to: number): { bytes: Uint8Array; start: Int32Array } {
  const base = names.start[from];
  const start = new Int32Array(to - from + 1);
  for (let j = 0; j <= to - from; j++) start[j] = names.start[from + j] - base;
  // A copy (new Uint8Array of a view copies it): a view would take the whole array along to the worker.
  return { bytes: new Uint8Array(names.bytes.subarray(base, names.start[to])), start };
}

/** The context of `analysis`'s blocks. */
export function rowsContext(analysis: Analysis, format: 'json' | 'csv', lang: Lang, separator: Separator, middles: Uint8Array[][]): RowsContext {
  return { format, lang, separator, metrics: analysis.table.mapping.metrics, dens: percentileDenominators(analysis.percentiles), middles };
}

/**
 * A score as JSON and CSV write it: the shortest digits that read back as it (String's, which is
 * JSON.stringify's for a finite number); blank (null) when not finite. JSON.stringify because String
 * keeps each result in V8's number-to-string cache, which takes a million distinct scores' strings
 * into the old generation (about 40 MB at 1 000 000 rows until a full collection); JSON.stringify
 * makes them and drops them, and is faster too (bench: 330 against 460 ms for a million).
 */
export const scoreText = (score: number, blank: string) => (Number.isFinite(score) ? JSON.stringify(score) : blank);

/** Writes blocks of rows, as JSON objects (after `{"rows":[`) or CSV lines. */
export class RowsWriter {
  private readonly driverBytes: DriverBytes;
  private readonly row: DriverRow = { a: -1, pa: Number.NaN, b: -1, pb: Number.NaN, w: -1, pw: Number.NaN, cappedTier: null };

  /**
   * `lines` (CSV): the table's records, or null in a worker thread, which takes each block's own.
   */
  constructor(
    private readonly context: RowsContext,
    private readonly lines: KeptLines | null = null,
  ) {
    const { metrics, lang, dens, separator, format } = context;
    this.driverBytes = new DriverBytes(metrics, renderer(lang), dens, format === 'csv' ? separator : ',');
  }

  write(sink: Sink, block: RowBlock): void {
    this.driverBytes.cappedTo(block.cappedTier);
    if (this.context.format === 'csv') this.csv(sink, block);
    else this.json(sink, block);
  }

  private driverRow(block: RowBlock, j: number): DriverRow {
    const row = this.row;
    row.a = block.drivers[3 * j];
    row.b = block.drivers[3 * j + 1];
    row.w = block.drivers[3 * j + 2];
    row.pa = block.p[3 * j];
    row.pb = block.p[3 * j + 1];
    row.pw = block.p[3 * j + 2];
    row.cappedTier = block.capped?.[j] ? block.cappedTier : null;
    return row;
  }

  private json(sink: Sink, block: RowBlock): void {
    const { middles } = this.context;
    const { tier, segment, score, rowNumbers, accounts, accountBytes, accountsFrom, extras } = block;
    let first = block.first;
    for (let j = 0; j < block.count; j++) {
      const t = tier[j];
      if (t === -2) continue;
      sink.ascii(first ? '{"row":' : ',{"row":');
      first = false;
      sink.whole(rowNumbers[j]);
      sink.ascii(',"account":');
      if (accountBytes) sink.jsonUtf8(accountBytes.bytes, accountBytes.start[accountsFrom + j], accountBytes.start[accountsFrom + j + 1]);
      else if (accounts) sink.jsonString(accounts[accountsFrom + j]);
      else sink.ascii('null');
      if (t === -1) {
        sink.write(block.tails.get(j)!);
        continue;
      }
      sink.ascii(',"score":');
      sink.ascii(scoreText(score[j], 'null'));
      sink.bytes(middles[t][segment[j] + 1]);
      this.driverBytes.writeJson(sink, this.driverRow(block, j));
      if (extras) sink.write(extras[j]!);
      sink.ascii('}');
    }
  }

  /** A worker's reader of the records of the blocks it is sent. */
  private own: KeptLines | null = null;

  /** Done: the input file, if a worker opened it, is closed. */
  close(): void {
    this.own?.close();
  }

  private csv(sink: Sink, block: RowBlock): void {
    const { middles, separator } = this.context;
    const { tier, segment, score, extras } = block;
    // Records are entries 1… of the lines (entry 0 is the header).
    let lines = this.lines;
    let at = block.from + 1;
    if (!lines || block.lines) {
      this.own ??= new KeptLines();
      this.own.use(block.lines!);
      lines = this.own;
      at = 0;
    }
    for (let j = 0; j < block.count; j++) {
      const t = tier[j];
      if (t === -2) continue;
      lines.write(sink, at + j);
      if (t === -1) sink.write(block.tails.get(j)!);
      else {
        sink.ascii(separator);
        sink.ascii(scoreText(score[j], ''));
        sink.bytes(middles[t][segment[j] + 1]);
        this.driverBytes.writeCsv(sink, this.driverRow(block, j));
        if (extras) sink.write(extras[j]!);
      }
      sink.ascii('\n');
    }
  }
}

/** Rows a block holds. */
export const BLOCK_ROWS = 8192;

/** Calls `each` on the blocks of the table's rows in order; `first`: no row is written before the block. */
export function eachBlock(analysis: Analysis, each: (from: number, to: number, first: boolean) => void, size = BLOCK_ROWS): void {
  const { status, n } = analysis.table;
  let firstWritten = 0;
  while (firstWritten < n && status[firstWritten] === ROW_BLANK) firstWritten++;
  for (let from = 0; from < n; from += size) each(from, Math.min(n, from + size), from <= firstWritten);
}
