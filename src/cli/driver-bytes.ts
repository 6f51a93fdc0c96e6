import { driverPiecesOf, type MetricColumn, type Render } from '../core';
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

/** A piece as a CSV field holds it: as it is (0), inside quotes (1), inside quotes with its quotes doubled (2). */
interface CsvPiece {
  kind: 0 | 1 | 2;
  bytes: Uint8Array;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Each row's drivers text written straight into a sink, as JSON.stringify or csvField would write
 * it: the text is joined from a few pieces that repeat from row to row (driverPiecesOf), so each
 * piece is escaped and encoded once, and no row builds its text, or scans it, character by character.
 * Where a piece would not escape on its own as it does inside the whole text (a surrogate at its
 * edge, a formula-like first character), the row goes the plain way.
 */
export class DriverBytes {
  private readonly parts: string[] = [];
  private readonly json = new Map<string, Uint8Array | null>();
  private readonly csv = new Map<string, CsvPiece | null>();
  /** The current row's encoded pieces (reused from row to row). */
  private readonly jsonBytes: Uint8Array[] = [];
  private readonly csvBytes: Uint8Array[] = [];

  /** `dens`: each metric's percentile denominator (percentileDenominators). */
  constructor(
    private readonly metrics: readonly MetricColumn[],
    private readonly show: Render,
    private readonly dens: readonly number[],
    private readonly separator: Separator = ',',
  ) {}

  private count(row: DriverRow): number {
    return driverPiecesOf(this.metrics, this.show, this.dens, row, this.parts);
  }

  private joined(n: number): string {
    let text = '';
    for (let k = 0; k < n; k++) text += this.parts[k];
    return text;
  }

  /** A row's drivers as a JSON string, quotes included. */
  writeJson(sink: Sink, row: DriverRow): void {
    const n = this.count(row);
    const pieces = this.jsonBytes;
    for (let k = 0; k < n; k++) {
      const piece = this.parts[k];
      let bytes = this.json.get(piece);
      if (bytes === undefined) this.json.set(piece, (bytes = jsonPiece(piece)));
      if (bytes === null) {
        sink.jsonString(this.joined(n));
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
      const piece = this.parts[k];
      let entry = this.csv.get(piece);
      if (entry === undefined) this.csv.set(piece, (entry = csvPiece(piece, sep)));
      if (entry === null || (k === 0 && formulaLike(piece))) {
        sink.write(csvField(this.joined(n), sep));
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
  if (piece === '') return { kind: 0, bytes: new Uint8Array(0) };
  if (isLow(piece.charCodeAt(0)) || isHigh(piece.charCodeAt(piece.length - 1))) return null;
  if (piece.indexOf('"') >= 0) return { kind: 2, bytes: Buffer.from(piece.replace(/"/gu, '""')) };
  const quoted = piece.indexOf(sep) >= 0 || piece.indexOf('\n') >= 0 || piece.indexOf('\r') >= 0;
  return { kind: quoted ? 1 : 0, bytes: Buffer.from(piece) };
}
