import { CAP_PIECE, driverPieces, MAX_PIECES, type MetricColumn, type Render } from '../core';
import { csvField, formulaLike, type Separator } from './csv';
import type { Sink } from './output';

/** A row's drivers (−1 = none) and its percentiles there; the tier the cap moved it to, or null. */
export interface DriverRow {
  a: number;
  pa: number;
  b: number;
  pb: number;
  w: number;
  pw: number;
  cappedTier: string | null;
}

/** A piece as a CSV field holds it: as it is (0), inside quotes (1), inside quotes with its quotes doubled (2); `formula`: it starts like a formula. */
interface CsvPiece {
  kind: 0 | 1 | 2;
  bytes: Uint8Array;
  formula: boolean;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Each row's drivers text written straight into a sink, as JSON.stringify or csvField would write
 * it: the text is joined from a few pieces that repeat from row to row (driverPieces: each piece has
 * an id, from the metric and percent), so each piece is escaped and encoded once, kept by its id,
 * and no row builds its text, looks a piece up by its text, or scans it character by character.
 * Where a piece would not escape on its own as it does inside the whole text (a surrogate at its
 * edge, a formula-like first character), the row goes the plain way.
 */
export class DriverBytes {
  private readonly pieces: ReturnType<typeof driverPieces>;
  private readonly ids = new Int32Array(MAX_PIECES);
  /** Encoded pieces by id (undefined: not yet made; null: cannot be encoded apart). */
  private readonly json: (Uint8Array | null | undefined)[] = [];
  private readonly csv: (CsvPiece | null | undefined)[] = [];
  /** The capped tier the pieces were made for (CAP_PIECE names it): `cappedTo`. */
  private cappedTier: string | null = null;
  /** The current row's encoded pieces (reused from row to row). */
  private readonly jsonBytes: Uint8Array[] = [];
  private readonly csvBytes: Uint8Array[] = [];

  /** `dens`: each metric's percentile denominator (percentileDenominators). */
  constructor(
    metrics: readonly MetricColumn[],
    show: Render,
    private readonly dens: readonly number[],
    private readonly separator: Separator = ',',
  ) {
    this.pieces = driverPieces(metrics, show);
  }

  /**
   * The tier the cap moves rows to, for the rows that follow (a block's: RowsWriter says it once per
   * block). Said apart from the rows, not found on the first capped row: a branch first taken deep
   * into the rows would throw the compiled row loop away (issue 16).
   */
  cappedTo(tier: string): void {
    if (tier === this.cappedTier) return;
    this.cappedTier = tier;
    this.json[CAP_PIECE] = undefined;
    this.csv[CAP_PIECE] = undefined;
  }

  /** The row's piece ids into `ids`; their count. */
  private count(row: DriverRow): number {
    return this.pieces.idsOf(row.a, row.pa, row.b, row.pb, row.w, row.pw, row.cappedTier !== null, this.dens, this.ids);
  }

  private joined(n: number, cappedTier: string | null): string {
    let text = '';
    for (let k = 0; k < n; k++) text += this.pieces.textOf(this.ids[k], cappedTier);
    return text;
  }

  /** A row's drivers as a JSON string, quotes included. */
  writeJson(sink: Sink, row: DriverRow): void {
    const n = this.count(row);
    const pieces = this.jsonBytes;
    for (let k = 0; k < n; k++) {
      const id = this.ids[k];
      let bytes = this.json[id];
      if (bytes === undefined) this.json[id] = bytes = jsonPiece(this.pieces.textOf(id, row.cappedTier));
      if (bytes === null) {
        sink.jsonString(this.joined(n, row.cappedTier));
        return;
      }
      pieces[k] = bytes;
    }
    sink.ascii('"');
    for (let k = 0; k < n; k++) sink.bytes(pieces[k]);
    sink.ascii('"');
  }

  /** A row's drivers as a CSV field for the separator. */
  writeCsv(sink: Sink, row: DriverRow): void {
    const n = this.count(row);
    if (n === 0) return;
    const sep = this.separator;
    let kind = 0;
    const pieces = this.csvBytes;
    for (let k = 0; k < n; k++) {
      const id = this.ids[k];
      let entry = this.csv[id];
      if (entry === undefined) this.csv[id] = entry = csvPiece(this.pieces.textOf(id, row.cappedTier), sep);
      if (entry === null || (k === 0 && entry.formula)) {
        sink.write(csvField(this.joined(n, row.cappedTier), sep));
        return;
      }
      if (entry.kind > kind) kind = entry.kind;
      pieces[k] = entry.bytes;
    }
    // Quotes are doubled only in the pieces that hold one, and then the field is quoted.
    if (kind > 0) sink.ascii('"');
    for (let k = 0; k < n; k++) sink.bytes(pieces[k]);
    if (kind > 0) sink.ascii('"');
  }
}

/** A piece JSON-escaped, without the quotes; null when a surrogate at its edge could pair with a neighbour's. */
function jsonPiece(piece: string): Uint8Array | null {
  if (piece === '') return new Uint8Array(0);
  if (isLow(piece.charCodeAt(0)) || isHigh(piece.charCodeAt(piece.length - 1))) return null;
  return Buffer.from(JSON.stringify(piece).slice(1, -1));
}

/** A piece as it goes inside a CSV field; null when a surrogate at its edge could pair with a neighbour's. */
function csvPiece(piece: string, sep: Separator): CsvPiece | null {
  if (piece === '') return { kind: 0, bytes: new Uint8Array(0), formula: false };
  if (isLow(piece.charCodeAt(0)) || isHigh(piece.charCodeAt(piece.length - 1))) return null;
  const formula = formulaLike(piece);
  if (piece.indexOf('"') >= 0) return { kind: 2, bytes: Buffer.from(piece.replace(/"/gu, '""')), formula };
  const quoted = piece.indexOf(sep) >= 0 || piece.indexOf('\n') >= 0 || piece.indexOf('\r') >= 0;
  return { kind: quoted ? 1 : 0, bytes: Buffer.from(piece), formula };
}
