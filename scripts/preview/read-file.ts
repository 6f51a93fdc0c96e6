import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, join, resolve } from 'node:path';
import { readCsv, reason } from '../../src/cli/csv';
import { firstLine } from './first-line';
import type { Value } from '../../test/fakes/workbook';

const MB = 1024 * 1024;

/**
 * What `npm start -- --file` reads. Beyond any of these it refuses the file with one line naming
 * the limit (README, "Try it without Google: the local preview").
 */
export const FILE_LIMITS = {
  /** A .csv, .tsv or .txt file, in bytes. */
  csvBytes: 50 * MB,
  /** An .xlsx file as it is on disk (compressed), in bytes. */
  xlsxBytes: 50 * MB,
  /**
   * Everything inside an .xlsx once unpacked, in bytes: exceljs needs about 12 times this in
   * memory while it reads, so a small zip that unpacks to gigabytes (a zip bomb) is refused here.
   */
  xlsxUnpackedBytes: 100 * MB,
  /** Files inside an .xlsx (a real workbook has a few dozen). */
  xlsxEntries: 10_000,
  /** Rows in one sheet: the in-memory Sheets stand-in builds a sheet in one call that cannot take many more. */
  rows: 100_000,
  /** Columns in one sheet, as in Sheets. */
  columns: 18_278,
  /** Cells in the whole workbook (each sheet's rows × its widest row), Sheets' own limit. */
  cells: 10_000_000,
};

/** A file the preview will not open; the message is one line, naming the file and why. */
export class FileRefused extends Error {
  override name = 'FileRefused';
}

function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A path that cannot be opened, in the command line's words (`reason`). */
function cannotOpen(file: string, error: unknown): FileRefused {
  const code = (error as NodeJS.ErrnoException).code;
  return new FileRefused(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ? reason(code) : firstLine(error)})`}`);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * `file`'s real path once it is known to be a regular file of at most `limit` bytes: the path is
 * resolved through any symbolic links first and the target checked, so a link to /dev/zero, a
 * folder or a named pipe is refused before anything is opened (opening a FIFO would wait for a
 * writer, reading a device would never end).
 */
function regularFile(file: string, limit: number, what: string): { real: string; stats: Stats } {
  let real: string;
  let stats: Stats;
  try {
    real = realpathSync(file);
    stats = statSync(real);
  } catch (error) {
    throw cannotOpen(file, error);
  }
  const target = real === resolve(file) ? '' : ` (it leads to ${real})`;
  if (stats.isDirectory()) throw new FileRefused(`${file} is a folder, not a file${target}`);
  if (!stats.isFile()) throw new FileRefused(`${file} is not a regular file: it is ${kindOf(stats)}${target}`);
  if (stats.size > limit) throw tooLarge(file, stats.size, limit, what);
  return { real, stats };
}

/** The checked file, opened; the descriptor is checked again, in case the path changed in between. */
function openRegularFile(file: string, limit: number, what: string): number {
  const { real, stats } = regularFile(file, limit, what);
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw cannotOpen(file, error);
  }
  const now = fstatSync(fd);
  if (!now.isFile() || now.ino !== stats.ino || now.dev !== stats.dev) {
    closeSync(fd);
    throw new FileRefused(`${file} changed while it was being opened`);
  }
  return fd;
}

function tooLarge(file: string, size: number | null, limit: number, what: string): FileRefused {
  const upTo = `${megabytes(limit)} (${count(limit)} bytes)`;
  if (size === null) return new FileRefused(`${file} grew past ${upTo} while being read: the preview reads ${what} files of up to that`);
  return new FileRefused(`${file} is ${megabytes(size)} (${count(size)} bytes): the preview reads ${what} files of up to ${upTo}`);
}

/**
 * Reads the open file in chunks, never more than `limit` bytes in all (a file that grew after it
 * was checked is refused when it passes the limit, not read to its end).
 */
function readChunks(fd: number, file: string, limit: number, what: string, onChunk: (chunk: Buffer) => void): void {
  const buffer = Buffer.allocUnsafe(MB);
  let total = 0;
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, null);
    if (n === 0) return;
    total += n;
    if (total > limit) throw tooLarge(file, null, limit, what);
    onChunk(buffer.subarray(0, n));
  }
}

/** Counts rows and cells as a sheet is read, refusing it at the first row past a limit. */
class SheetSize {
  private rows = 0;
  private width = 0;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    /** Cells in the sheets read before this one. */
    private readonly before = 0,
  ) {}

  get cells(): number {
    return this.rows * this.width;
  }

  /** Row `row` (1-based) holds `width` cells. */
  add(row: number, width: number): void {
    const where = () => `${this.file}${this.sheet ? `, sheet "${this.sheet}",` : ''}`;
    if (row > FILE_LIMITS.rows) throw new FileRefused(`${where()} has more than ${count(FILE_LIMITS.rows)} rows, the most the preview reads in a sheet`);
    if (width > FILE_LIMITS.columns)
      throw new FileRefused(`${where()} has a row of ${count(width)} columns: the preview reads up to ${count(FILE_LIMITS.columns)}, as Sheets`);
    this.rows = Math.max(this.rows, row);
    this.width = Math.max(this.width, width);
    if (this.before + this.cells > FILE_LIMITS.cells) {
      throw new FileRefused(`${this.file} has more than ${count(FILE_LIMITS.cells)} cells (rows × columns), the most the preview reads, as Sheets`);
    }
  }
}

/**
 * A checked CSV through the command line's own reader (its separators, encodings and messages),
 * refused at the first record past the row, column or cell limit.
 */
function readCsvFile(file: string, ext: string): Record<string, Value[][]> {
  const { real } = regularFile(file, FILE_LIMITS.csvBytes, 'CSV');
  const rows: Value[][] = [];
  const size = new SheetSize(file, '');
  try {
    readCsv(real, (fields, record) => {
      size.add(record, fields.length);
      rows.push(fields.map((f) => (/^-?(?:\d+\.?\d*|\.\d+)$/u.test(f.trim()) ? Number(f) : f)));
    });
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    // The reader's own refusals (CsvError, and others of its kind): one line, said of this file.
    if (error instanceof Error && /^(?:Csv|Path)Error$/u.test(error.name)) throw new FileRefused(`${file}: ${firstLine(error)}`);
    throw error;
  }
  return { [basename(file, ext) || 'Sheet1']: rows };
}

/** The JSZip that exceljs itself unpacks with, so the sizes counted here are those exceljs would meet. */
interface ZipEntry {
  name: string;
  dir: boolean;
  internalStream(type: 'uint8array'): {
    on(event: 'data', fn: (chunk: Uint8Array) => void): ReturnType<ZipEntry['internalStream']>;
    on(event: 'error', fn: (error: Error) => void): ReturnType<ZipEntry['internalStream']>;
    on(event: 'end', fn: () => void): ReturnType<ZipEntry['internalStream']>;
    resume(): void;
    pause(): void;
  };
}
interface JSZipModule {
  loadAsync(data: Buffer): Promise<{ files: Record<string, ZipEntry> }>;
}

function exceljsZip(): JSZipModule {
  const fromHere = createRequire(join(__dirname, 'read-file.ts'));
  return createRequire(fromHere.resolve('exceljs'))('jszip') as JSZipModule;
}

/**
 * How many central-directory headers the zip can hold: every entry a zip reader lists starts with
 * that signature somewhere in the file, so counting the signature bounds them, however the
 * directory is laid out (its own count can say less than there are).
 */
function centralHeaders(buffer: Buffer, stopAt: number): number {
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  let n = 0;
  for (let at = buffer.indexOf(signature); at >= 0 && n < stopAt; at = buffer.indexOf(signature, at + 1)) n++;
  return n;
}

/** Inflates one entry only to count its bytes, stopping as soon as it passes `budget`. */
function unpackedSize(entry: ZipEntry, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const stream = entry.internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        bytes += chunk.length;
        if (bytes > budget) {
          stream.pause();
          resolve(bytes);
        }
      })
      .on('error', reject)
      .on('end', () => resolve(bytes));
    stream.resume();
  });
}

/**
 * Checks what the .xlsx unpacks to before exceljs reads it: the sizes a zip declares can lie, so
 * each entry is inflated (with exceljs's own JSZip, on the very bytes exceljs will get) and its
 * bytes counted, up to FILE_LIMITS.xlsxUnpackedBytes in all.
 */
async function checkUnpacked(file: string, buffer: Buffer): Promise<void> {
  const limit = FILE_LIMITS.xlsxUnpackedBytes;
  if (centralHeaders(buffer, FILE_LIMITS.xlsxEntries + 1) > FILE_LIMITS.xlsxEntries) {
    throw new FileRefused(`${file} holds more than ${count(FILE_LIMITS.xlsxEntries)} files inside its zip: not an .xlsx the preview reads`);
  }
  let zip: Awaited<ReturnType<JSZipModule['loadAsync']>>;
  try {
    zip = await exceljsZip().loadAsync(buffer);
  } catch (error) {
    throw new FileRefused(`${file} is not an .xlsx workbook (${firstLine(error)})`);
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    try {
      total += await unpackedSize(entry, limit - total);
    } catch (error) {
      throw new FileRefused(`${file}: ${entry.name} inside it cannot be unpacked (${firstLine(error)})`);
    }
    if (total > limit) {
      throw new FileRefused(
        `${file} unpacks to more than ${megabytes(limit)} (passed at ${entry.name}; a zip bomb?): the preview reads .xlsx files whose contents come to at most ${megabytes(limit)}`,
      );
    }
  }
}

async function readXlsxFile(file: string): Promise<Record<string, Value[][]>> {
  const fd = openRegularFile(file, FILE_LIMITS.xlsxBytes, '.xlsx');
  const chunks: Buffer[] = [];
  try {
    readChunks(fd, file, FILE_LIMITS.xlsxBytes, '.xlsx', (chunk) => chunks.push(Buffer.from(chunk)));
  } finally {
    closeSync(fd);
  }
  const buffer = Buffer.concat(chunks);
  await checkUnpacked(file, buffer);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new FileRefused(`${file} is not an .xlsx workbook exceljs can read (${firstLine(error)})`);
  }
  const sheets: Record<string, Value[][]> = {};
  let cells = 0;
  workbook.eachSheet((ws) => {
    const rows: Value[][] = [];
    const size = new SheetSize(file, ws.name, cells);
    // Rows with values only: a sheet whose one styled cell is far down is not read as a million rows.
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const values = (row.values as unknown[]).slice(1);
      size.add(r, values.length);
      rows[r - 1] = Array.from(values, (v): Value => {
        if (v === null || v === undefined) return '';
        if (typeof v === 'object' && 'formula' in v) return `=${String((v as { formula: string }).formula)}`;
        if (typeof v === 'object' && 'text' in v) return String((v as { text: string }).text);
        return v instanceof Date || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      });
    });
    cells += size.cells;
    sheets[ws.name] = Array.from(rows, (r) => r ?? []);
  });
  if (Object.keys(sheets).length === 0) throw new FileRefused(`${file} has no sheets`);
  return sheets;
}

/**
 * A user's CSV or XLSX as the preview's sheets: numbers become numbers, as Sheets does on import.
 * Anything that is not a regular file, or that passes a limit in FILE_LIMITS, is refused with a
 * FileRefused whose message is one line.
 */
export async function readTableFile(file: string): Promise<Record<string, Value[][]>> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return readXlsxFile(file);
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.tsv') throw new FileRefused(`${file}: give a .csv or .xlsx file`);
  return readCsvFile(file, ext);
}
