import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  accountRow,
  errorText,
  findHeaderRow,
  HEADER_SCAN_ROWS,
  isRole,
  lookalikeOfTier1,
  mapColumns,
  normaliseHeader,
  pinnedRows,
  parseSettings,
  SettingsError,
  rowsReader,
  scoredMetricCount,
  type Analysis,
  type ColumnMapping,
  type ProfitRow,
  type RowsReader,
  type Settings,
} from '../core';
import { AccountBytes } from './account-bytes';
import { HELP, parseArgs, UsageError, type Options } from './args';
import { CsvError, csvField, inputLine, PathError, readCsv, reason, type RecordNumbers, type Separator } from './csv';
import { excerpt, headerList, shorten } from './excerpt';
import { byteSink, fileSink, streamSink, type Sink } from './output';
import { KeptLines } from './kept-lines';
import { asOfNote, duplicateWarning, orderLinesRefusal, OrdersFileError, readOrders, rfmFromOrders, writeAccountsCsv, writeRfm } from './orders';
import { summaryText } from './summary-text';
import { RowsHelper } from './parallel-rows';
import { PROGRESS_ROWS, type Prefault } from './prefault';
import { fromWorker, sharedDrivers, sharedRanker, type SideHelper } from './side-results';
import { eachBlock, rowBlock, rowsContext, RowsWriter, scoreText, type RowBlock, type RowsContext, type RowTexts } from './row-blocks';
import { reportOutput } from './report';
import { learnOutput, weightsFromFile } from './learn';
import { nextColumn } from './next';
import { GRID_HEADERS, gridCsv, gridJson } from './grid-columns';
import { PROFIT_FIELDS } from '../core/profitability';
import { LANGS, renderer, translator, type Lang, type Said } from '../i18n';
import { cliTranslator, type CliTranslate } from '../i18n/cli';
import { cellLocale, localise } from '../i18n/labels';
import { sqlExportText } from '../sql/export-text';
import { reportSqlText } from '../sql/report';
import { gridSqlText } from '../sql/grid';
import { scoredCategories } from '../sql/category';

/** abm-tier: the engine for files and pipelines. Every failure is one line on stderr, never a stack trace. */

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Output bytes for stdout, when it takes bytes (the CLI's own process): results go out through one reused buffer, not as text. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  /**
   * The script a worker thread runs to write rows (the CLI's own bundle), and the input size from
   * which `score` starts one (parallel-rows.ts); without it every row is written on this thread.
   */
  rowsWorker?: { script: string; from: number };
}

class CliError extends Error {
  override name = 'CliError';
}

export const OUTPUT_HEADERS = ['Score', 'Tier', 'Segment', 'ABM program', 'Drivers'];

/** Rows a warning about the file's shape names one by one; the rest are counted. */
const NAMED_ROWS = 10;

interface Scored {
  analysis: Analysis;
  /** The engine's messages in the `--lang` language. */
  show: (message: Said) => string;
  /** The file's warnings (its shape, names, duplicates) and the engine's, in words. */
  warnings: string[];
  header: string[];
  separator: Separator;
  /**
   * With `keepLines`: the text to write back, guarded against formulas: first whatever stands above
   * the data rows (title lines, the header, a BOM), then each record, all padded to the widest row.
   */
  lines: KeptLines;
}

const isBlankRecord = (fields: readonly string[]) => fields.length === 1 && fields[0] === '';

/** The command line has no spreadsheet locale: `auto` is English. */
const langOf = (settings: Settings): Lang => (settings.lang === 'auto' ? 'en' : settings.lang);

/** No header among the first records read (`head`): the file is empty, or its columns have no names. */
function noHeader(head: readonly (readonly string[])[], needs: string): CliError {
  return new CliError(
    head.every(isBlankRecord)
      ? `the file is empty: it needs ${needs}`
      : `no header row found in the first ${HEADER_SCAN_ROWS} lines: the columns need names such as Account, Revenue, Profit, Engagement`,
  );
}

/**
 * About how many records the file holds, from its size and the records read so far past the header
 * (`head`, the header at `row`): the table's columns are allocated once at that size, not grown by
 * copying. Never more than one per two bytes.
 */
function expectedRows(path: string, head: readonly (readonly string[])[], row: number): number {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    return 4096;
  }
  let chars = 0;
  let records = 0;
  for (let k = row; k < head.length; k++) {
    for (const f of head[k]) chars += f.length + 1;
    records++;
  }
  const estimate = records > 1 ? Math.ceil((size / (chars / records)) * 1.05) : 4096;
  return Math.max(16, Math.min(estimate, Math.ceil(size / 2)));
}

/**
 * Reads the file once into columns (not cells) and analyses it; `keepLines` keeps the records' text
 * for CSV output. `worker`: the rows worker's helper, which readies the table's columns while the file
 * is read (prefault.ts) and shares the ranking and the drivers (side-results.ts); with `sums` (the
 * JSON output) it computes the KPIs and the whale curve's peak too.
 */
function scoreFile(
  path: string,
  given: Settings,
  keepLines = false,
  pinsColumn: string | null = null,
  worker: { helper: SideHelper & { readonly prefault: Prefault }; sums: boolean } | null = null,
): Scored {
  const prefault = worker?.helper.prefault ?? null;
  const lines = new KeptLines();
  const lang = langOf(given);
  const settings = localise(given, lang);
  const show = renderer(lang);
  const say = cliTranslator(lang);
  const locale = cellLocale(lang);
  /** The records read before the header is known (the first HEADER_SCAN_ROWS). */
  const head: string[][] = [];
  let header: string[] | null = null;
  let reader: RowsReader | null = null;
  let numeric: boolean[] | null = null;
  /** The columns the analysis reads (others arrive as '' from the byte reader). */
  let used: boolean[] | null = null;
  let headerRecord = 0;
  const shape = new RowShapes();
  let added = 0;
  const shares = worker ? { rank: sharedRanker(worker.helper), drivers: sharedDrivers(worker.helper) } : {};
  const add = (fields: readonly string[], record: number, numbers?: RecordNumbers) => {
    if (prefault && (++added & (PROGRESS_ROWS - 1)) === 0) prefault.at(added);
    // An empty line; not a line whose one field is a number or an account handed over as bytes.
    const blank = isBlankRecord(fields) && !(numbers && (numbers.present[0] === 1 || numbers.textTo! > numbers.textFrom!));
    if (!blank && fields.length !== header!.length) shape.note(fields, record, header!);
    reader!.add(blank ? [] : fields, record, blank ? undefined : numbers);
  };
  const start = () => {
    const row = findHeaderRow(head, HEADER_SCAN_ROWS);
    if (row < 0) throw noHeader(head, 'a header row and one row per account');
    header = head[row].map((f) => f.trim());
    headerRecord = row + 1;
    const pins = pinsColumn === null ? undefined : { pin: namedColumn(header, pinsColumn, '--pins') };
    const expected = expectedRows(path, head, row);
    // The account names are kept as bytes (src/cli/account-bytes.ts), handed over by the byte reader.
    const accountStore = new AccountBytes(expected);
    reader = rowsReader(
      header,
      header.length,
      settings,
      { rowCode: 'cell.row', locale, pins, newColumn: prefault?.newColumn, accountStore, ...shares },
      expected,
    );
    // One array of percentiles per weighted metric (score.ts ranks those), and the scores.
    prefault?.started(expected, scoredMetricCount(reader.mapping) + 1);
    const { mapping } = reader;
    if (mapping.metrics.length === 0) {
      throw new CliError(`no metric column found in the header (${headerList(header)}); name a column Revenue, Profit, Engagement…`);
    }
    // Metric columns' plain numbers are read straight from the text (not where a comma is the decimal mark).
    used = header.map(() => false);
    for (const c of reader.columns) used[c] = true;
    if (!locale.decimalComma) {
      numeric = header.map(() => false);
      for (const m of mapping.metrics) if (m.index >= 0) numeric[m.index] = true;
    }
    // Title lines and the header go out as one piece, so lines[k + 1] is the table's row k.
    if (keepLines) {
      lines.joinHead(row + 1);
      lines.reserve(expected + 1);
    }
    for (let k = row + 1; k < head.length; k++) add(head[k], k + 1);
    head.length = 0;
  };
  const { separator, bom, size } = readCsv(
    path,
    (fields, record, raw, sep, from, to, numbers) => {
      if (keepLines) from >= 0 ? lines.span(from, to) : lines.text(inputLine(fields, raw, sep));
      if (reader) add(fields, record, numbers);
      else if (head.push(fields as string[]) === HEADER_SCAN_ROWS) start();
    },
    keepLines,
    () => numeric,
    () => used,
    () => reader?.mapping.account ?? -1,
  );
  if (!reader) start();
  prefault?.finished();
  const columns = header as unknown as string[];
  if (keepLines) {
    lines.source(path, size);
    shape.pad(lines, columns.length, headerRecord, separator);
    if (bom) lines.first = `\uFEFF${lines.first}`;
  }
  let analysis: Analysis;
  try {
    analysis = (reader as unknown as RowsReader).finish();
  } catch (error) {
    throw new CliError(errorText(error, show));
  }
  if (worker) fromWorker(worker.helper, analysis, worker.sums);
  const words = translator(lang);
  // Made when first read (score makes them while its rows are written: the duplicate check and the profit tables take a while).
  let warnings: string[] | null = null;
  // The getter's own name for it (`analysis` is assigned in the try above).
  const analysed = analysis;
  return {
    analysis,
    show,
    get warnings() {
      warnings ??= [
        ...unknownNames(given, columns, say),
        ...duplicateHeaders(columns, analysed.table.mapping, say),
        ...shape.warnings(columns, say, words),
        ...analysed.warnings.map(show),
        ...duplicateWarning(analysed.table, lang),
      ];
      return warnings;
    },
    header: columns,
    separator,
    lines,
  };
}

/**
 * Records whose field count differs from the header's: their count by row number (to pad a CSV
 * written back so every output column stays under its header, as the sheet writes its columns after
 * the widest row), and the rows a warning names.
 */
class RowShapes {
  private readonly counts = new Map<number, number>();
  private widest = 0;
  private readonly long: [number, number][] = [];
  private readonly short: [number, number][] = [];
  private longCount = 0;
  private shortCount = 0;

  /** Called for every data record that is not a blank line; `record` is its row number. */
  note(fields: readonly string[], record: number, header: readonly string[]): void {
    this.counts.set(record, fields.length);
    if (fields.length > this.widest) this.widest = fields.length;
    if (fields.length > header.length) {
      // Empty fields past the header (a trailing separator) lose nothing: padded, not warned about.
      let extra = false;
      for (let c = header.length; c < fields.length && !extra; c++) extra = fields[c] !== '';
      if (extra && this.longCount++ < NAMED_ROWS) this.long.push([record, fields.length]);
    } else {
      // Fewer fields than the header only matters when a named column is missing.
      let named = header.length;
      while (named > 0 && header[named - 1] === '') named--;
      if (fields.length < named && this.shortCount++ < NAMED_ROWS) this.short.push([record, fields.length]);
    }
  }

  /**
   * Pads each kept line to the widest row: lines[0] ends with the header (record `headerRecord`),
   * lines[j] is record `headerRecord + j`.
   */
  pad(lines: KeptLines, headerWidth: number, headerRecord: number, sep: Separator): void {
    if (this.counts.size === 0) return;
    const width = Math.max(headerWidth, this.widest);
    if (width > headerWidth) lines.pad(0, sep.repeat(width - headerWidth));
    for (let j = 1; j < lines.length; j++) {
      const count = this.counts.get(headerRecord + j) ?? headerWidth;
      if (count < width) lines.pad(j, sep.repeat(width - count));
    }
  }

  warnings(header: readonly string[], say: CliTranslate, text: (key: 'cell.row', params: { row: number }) => string): string[] {
    const out: string[] = [];
    const rows = [...this.long.map((r) => [...r, 1] as const), ...this.short.map((r) => [...r, 0] as const)].sort((a, b) => a[0] - b[0]).slice(0, NAMED_ROWS);
    for (const [record, count, long] of rows) {
      out.push(say(long ? 'cli.longRow' : 'cli.shortRow', { row: text('cell.row', { row: record }), count, fields: header.length }));
    }
    const more = this.longCount + this.shortCount - rows.length;
    if (more > 0) out.push(say('cli.moreRows', { count: more }));
    return out;
  }
}

/** `--weights` / `--directions` names that are neither a role nor a column of the file: not silently dropped. */
function unknownNames(given: Settings, header: readonly string[], say: CliTranslate): string[] {
  const headers = new Set(header.map(normaliseHeader));
  const out: string[] = [];
  for (const [option, record] of [
    ['--weights', given.weights],
    ['--directions', given.directions],
  ] as const) {
    for (const name of Object.keys(record)) {
      const key = normaliseHeader(name);
      if (!isRole(key) && !headers.has(key)) out.push(say('cli.unknownName', { option, name: shorten(name) }));
    }
  }
  return out;
}

/** Headers that name more than one column: which of them is read. */
function duplicateHeaders(header: readonly string[], mapping: ColumnMapping, say: CliTranslate): string[] {
  const byKey = new Map<string, number[]>();
  header.forEach((h, i) => {
    if (!h) return;
    const key = normaliseHeader(h);
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const out: string[] = [];
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const read = list.filter((i) => i === mapping.account || mapping.metrics.some((m) => m.index === i));
    const params = { columns: list.map((i) => i + 1).join(', '), header: shorten(header[list[0]]), column: (read[0] ?? 0) + 1 };
    out.push(say(read.length === 1 ? 'cli.duplicateHeader' : 'cli.duplicateHeaders', params));
  }
  return out;
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** A profitability table's rows: the label, then every column of PROFIT_COLUMNS (profit per account included), blank as null. */
function profitJson(rows: ProfitRow[]) {
  return rows.map((r) => ({ label: r.label, ...Object.fromEntries(PROFIT_FIELDS.map((f) => [f, num(r[f])])) }));
}

function writeJson(
  sink: Sink,
  scored: Scored,
  similarity: Float64Array | null,
  next: (string | null)[] | null = null,
  grid = false,
  rows: RowsOutput = sequentialRows,
): void {
  const { analysis, show } = scored;
  const { settings } = analysis;
  // What stands between the score and the drivers depends only on the row's tier and segment: one piece each.
  const text = (value: string | null) => JSON.stringify(value);
  const middles = settings.labels.map((label, t) =>
    [-1, 0, 1, 2].map((s) =>
      Buffer.from(
        `,"tier":${text(label)},"segment":${text(s >= 0 ? settings.segmentLabels[s] : null)},"program":${text(settings.programLabels[t])},"drivers":`,
      ),
    ),
  );
  const extras = similarity || next || grid;
  const extra = (i: number) => {
    let out = similarity ? `,"lookalike":${scoreText(similarity[i], 'null')}` : '';
    if (next) out += `,"next":${next[i] === null ? 'null' : JSON.stringify(next[i])}`;
    if (grid) out += gridJson(analysis.axes, i);
    return out;
  };
  const texts: RowTexts = {
    // A row with no tier: its score, segment and error, if any, from the sheet's own reading of the row.
    tail: (i) => {
      const out = accountRow(analysis, i, show)!;
      const head = `,"score":${scoreText(out.score, 'null')},"tier":null,"segment":${JSON.stringify(out.segment)},"program":null,"drivers":null`;
      return out.error !== null ? `${head},"error":${JSON.stringify(out.error)}}` : `${head}${extras ? extra(i) : ''}}`;
    },
    extra: extras ? extra : null,
  };
  sink.ascii('{"rows":[');
  // What goes after the rows, made while they are written.
  const meanwhile = [
    () => scored.warnings,
    () => analysis.byTier,
    () => analysis.bySegment,
    () => analysis.kpis,
    () => analysis.whale,
    () => analysis.capacity,
    () => analysis.pinned,
  ];
  rows(sink, analysis, rowsContext(analysis, 'json', langOf(settings), ',', middles), texts, null, meanwhile);
  const { table } = analysis;
  const { warnings } = scored;
  const { capacity, kpis, whale } = analysis;
  const rest = {
    tiers: profitJson([...analysis.byTier.rows, analysis.byTier.total]),
    segments: profitJson([...analysis.bySegment.rows, analysis.bySegment.total]),
    capacity: capacity.programs.map((program, t) => ({ program, tier: settings.labels[t], accounts: capacity.accounts[t], marketers: capacity.marketers[t] })),
    kpis: Object.fromEntries(Object.entries(kpis).map(([k, v]) => [k, v === null ? null : num(v)])),
    whale: whale ? { peak: whale.peak, peakAccounts: whale.peakAccounts } : null,
    // Pinned accounts (docs/scoring.md, "Pinned tiers"): the pin, the tier the score alone gives, the reason.
    ...(analysis.pinned
      ? {
          pinned: pinnedRows(analysis).map((p) => ({
            row: table.rowNumbers[p.index],
            account: p.account,
            pin: p.tier ?? 'exclude',
            score: p.alone,
            reason: p.reason,
          })),
        }
      : {}),
    warnings: [...warnings, ...[...table.messages.values()].slice(0, 100).map(show)],
  };
  sink.write(`],${JSON.stringify(rest).slice(1)}\n`);
}

/** The file's records as they were (formula-like text guarded), plus our columns. */
function writeCsv(
  sink: Sink,
  scored: Scored,
  similarity: Float64Array | null,
  next: (string | null)[] | null = null,
  grid = false,
  rows: RowsOutput = sequentialRows,
): void {
  const { analysis, show, separator, lines } = scored;
  const { settings } = analysis;
  const field = (text: string | null) => (text === null ? '' : csvField(text, separator));
  // Tier, segment and program as one piece per tier and segment, between the separators around them.
  const middles = settings.labels.map((_, t) =>
    [-1, 0, 1, 2].map((s) => {
      const parts = [settings.labels[t], s >= 0 ? settings.segmentLabels[s] : null, settings.programLabels[t]].map(field);
      return Buffer.from(`${separator}${parts.join(separator)}${separator}`);
    }),
  );
  const headers = [...OUTPUT_HEADERS, ...(similarity ? ['Lookalike'] : []), ...(next ? ['Next tier'] : []), ...(grid ? GRID_HEADERS : [])];
  const extras = similarity || next || grid;
  const extra = (k: number) => {
    let out = similarity ? separator + csvField(similarity[k], separator) : '';
    if (next) out += separator + field(next[k]);
    if (grid) out += gridCsv(analysis.axes, k, separator);
    return out;
  };
  const texts: RowTexts = {
    tail: (k) => {
      const out = accountRow(analysis, k, show)!;
      const sep = separator;
      const head =
        out.error !== null
          ? `${sep}${sep}${sep}${sep}${sep}${csvField(out.error, sep)}`
          : sep + csvField(out.score, sep) + sep + sep + field(out.segment) + sep + sep;
      return extras ? head + extra(k) : head;
    },
    extra: extras ? extra : null,
  };
  lines.write(sink, 0);
  sink.write(`${separator}${headers.map((h) => csvField(h, separator)).join(separator)}\n`);
  // The warnings (said after the file is written) are made while its rows are.
  rows(sink, analysis, rowsContext(analysis, 'csv', langOf(settings), separator, middles), texts, lines, [() => scored.warnings]);
  lines.close();
}

/** How a command's rows are written: here, block after block (sequentialRows), or with a worker thread (parallel-rows.ts). */
export type RowsOutput = (
  sink: Sink,
  analysis: Analysis,
  context: RowsContext,
  texts: RowTexts,
  lines: KeptLines | null,
  /** What the output needs after the rows, done while they are written where that can be. */
  meanwhile: readonly (() => void)[],
) => void;

/** Every block of rows written on this thread, after `meanwhile`. */
const sequentialRows: RowsOutput = (sink, analysis, context, texts, lines, meanwhile) => {
  for (const task of meanwhile) task();
  const writer = new RowsWriter(context, lines);
  let block: RowBlock | null = null;
  eachBlock(analysis, (from, to, first) => {
    block = rowBlock(analysis, from, to, first, texts, null, block);
    writer.write(sink, block);
  });
};

function settingsOf(options: Options): Settings {
  try {
    return parseSettings(options.settings);
  } catch (error) {
    if (error instanceof SettingsError) {
      // In the language asked for, when that much of the settings is readable; English otherwise.
      const asked = options.settings.lang;
      const lang = typeof asked === 'string' && (LANGS as readonly string[]).includes(asked) ? (asked as Lang) : 'en';
      throw new UsageError(renderer(lang)(error.said));
    }
    throw error;
  }
}

// ESC and CSI sequences (colours, cursor moves, titles, hyperlinks) whole, then any other C0 or C1 control.
// eslint-disable-next-line no-control-regex
const CONTROLS =
  /\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|[ -~])?|\x9b[0-?]*[ -/]*[@-~]?|[\x90\x98\x9d-\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|[\x00-\x1f\x7f-\x9f]/gu;
/** Characters of one message line at most: whatever a message quotes, the line stays readable. */
const MAX_LINE = 1000;

/** A line for the terminal: escape sequences and control characters taken out (a tab or line break becomes a space), at most MAX_LINE characters. */
export function terminalLine(text: string): string {
  const clean = text.replace(CONTROLS, (m) => (m.length === 1 && m.charCodeAt(0) >= 9 && m.charCodeAt(0) <= 13 ? ' ' : ''));
  return clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE - 1)}…` : clean;
}

/** A report for the terminal: each of its lines made safe, the line breaks kept. */
function terminalText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(CONTROLS, (m) => (m === '\t' ? ' ' : '')))
    .join('\n');
}

/** A path as a message names it: as typed, made safe for the terminal, its start when long. */
function pathName(path: string): string {
  return terminalLine(shorten(path, 80));
}

/** The output file; a folder or a path that cannot be written names itself. */
function outSink(path: string, shown: string): Sink {
  try {
    return fileSink(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PathError(
      code === 'EISDIR' ? 'is a folder, not a file' : code === 'ENOENT' ? 'cannot be written (no such folder)' : `cannot be written (${reason(code)})`,
      shown,
    );
  }
}

export async function run(argv: readonly string[], rawIo: Io): Promise<number> {
  // Whatever reaches the terminal on stderr is one clean line per message.
  const io: Io = { ...rawIo, stderr: (text) => rawIo.stderr(`${terminalLine(text.endsWith('\n') ? text.slice(0, -1) : text)}\n`) };
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    io.stderr(`abm-tier: ${(error as Error).message}\n`);
    return 2;
  }
  if (options.command === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (options.command === 'sql') return sqlCommand(options, io);
  if (!['score', 'summary', 'accounts', 'rfm', 'report', 'learn'].includes(options.command)) {
    io.stderr(`abm-tier: unknown command ${excerpt(options.command)}; try abm-tier score accounts.csv, or abm-tier --help.\n`);
    return 2;
  }
  if (!options.file) {
    const example = options.command === 'accounts' || options.command === 'rfm' ? 'orders.csv' : 'accounts.csv';
    io.stderr(`abm-tier: ${options.command} needs a CSV file, e.g. abm-tier ${options.command} ${example}\n`);
    return 2;
  }
  const file = options.file;
  const path = resolve(io.cwd, file);
  const format = options.format ?? (options.out && /\.csv$/iu.test(options.out) ? 'csv' : 'json');
  // A large file's rows are written on two cores: the worker starts now, to be ready when they are.
  const helper = options.command === 'score' && io.rowsWorker && sizeOf(path) >= io.rowsWorker.from ? RowsHelper.start(io.rowsWorker.script) : null;
  /** Opens the output (once the input has been read: a bad input leaves --out untouched), writes, closes. */
  const output = (write: (sink: Sink) => void) => {
    const sink = options.out ? outSink(resolve(io.cwd, options.out), pathName(options.out)) : io.stdoutBytes ? byteSink(io.stdoutBytes) : streamSink(io.stdout);
    try {
      write(sink);
    } finally {
      sink.close();
    }
  };
  try {
    if (options.weightsFrom)
      options.settings.weights = { ...weightsFromFile(resolve(io.cwd, options.weightsFrom), pathName(options.weightsFrom)), ...options.settings.weights };
    const settings = settingsOf(options);
    if (options.command === 'accounts' || options.command === 'rfm') {
      const lang = langOf(settings);
      const orders = readOrders(path, settings.asOf);
      output((sink) => {
        if (options.command === 'accounts') writeAccountsCsv(sink, orders);
        else writeRfm(sink, rfmFromOrders(orders, options.bins, lang), format);
      });
      // Said only when the day was taken from the data: a day the user gave needs no telling.
      if (orders.asOfFromData) io.stderr(asOfNote(orders, lang));
      for (const e of orders.errors.slice(0, 20)) io.stderr(`abm-tier: warning: ${renderer(lang)(e)}\n`);
      if (orders.errorCount > 20) io.stderr(`abm-tier: warning: …and ${orders.errorCount - 20} more lines that could not be used.\n`);
      return 0;
    }
    // The JSON output ends with the KPIs and the whale curve's peak: the worker computes them while this thread writes rows.
    const worker = helper && { helper, sums: format === 'json' };
    const scored = scoreFile(path, settings, format === 'csv' && options.command === 'score', options.pins, worker);
    // The records written back are read again from the input as they go out: not when the output replaces it.
    if (options.out && sameFile(path, resolve(io.cwd, options.out))) scored.lines.load();
    // The names are read only for a file with an order-date or order-id column (they are made from bytes when first read).
    const refused = orderLinesRefusal(scored.header, () => scored.analysis.table.accounts, langOf(settings), pathName(file));
    if (refused) throw new CliError(refused);
    if (options.command === 'report') {
      const card = reportOutput(path, scored.analysis, scored.header, options.outcome, langOf(settings), options.format);
      output((sink) => sink.write(card));
      return 0;
    }
    if (options.command === 'learn') {
      const learned = learnOutput(path, scored.analysis, scored.header, options.outcome, langOf(settings), options.format);
      output((sink) => sink.write(learned));
      return 0;
    }
    output((sink) => {
      if (options.command === 'summary') {
        sink.write(terminalText(summaryText(scored.analysis, file, cliTranslator(langOf(scored.analysis.settings)))));
        return;
      }
      const similarity = options.lookalikes ? lookalikeOfTier1(scored.analysis.table, scored.analysis.tier) : null;
      const next = options.next ? nextColumn(scored.analysis, scored.show) : null;
      // The records written back from a file held whole (the output replaces it) stay on this thread.
      const rows = helper && !scored.lines.loaded ? helper.rows : undefined;
      if (format === 'csv') writeCsv(sink, scored, similarity, next, options.grid, rows);
      else writeJson(sink, scored, similarity, next, options.grid, rows);
    });
    if (format === 'csv' || options.command === 'summary') {
      for (const w of scored.warnings.slice(0, 20)) io.stderr(`abm-tier: warning: ${w}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`abm-tier: ${error.message}\n`);
      return 2;
    }
    io.stderr(`abm-tier: ${fileMessage(error, file)}\n`);
    return 1;
  } finally {
    helper?.stop();
  }
}

/** A file's size in bytes; 0 when it cannot be read (reading it says why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Both paths name one file (the output would replace the input). */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** The column a flag names (exactly, or as headers are matched). */
function namedColumn(header: readonly string[], name: string, flag: string): number {
  let at = header.indexOf(name.trim());
  if (at < 0) at = header.map(normaliseHeader).indexOf(normaliseHeader(name));
  if (at < 0) throw new CliError(`${flag} ${JSON.stringify(name)} is not a column of the file (${headerList(header)}).`);
  return at;
}

/** What went wrong with `file` (or the path the error names), in one line. */
function fileMessage(error: unknown, file: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PathError) return `${error.path ?? pathName(file)} ${message}`;
  if (error instanceof CsvError || error instanceof CliError || error instanceof OrdersFileError) return `${pathName(file)}: ${message}`;
  return message;
}

/** Stops a read once it has what it needs. */
class Enough extends Error {}

/** The header of a CSV file, found as `score` finds it (among the first HEADER_SCAN_ROWS records). */
function headerOf(path: string): string[] {
  const head: string[][] = [];
  try {
    readCsv(path, (fields) => {
      if (head.push(fields) === HEADER_SCAN_ROWS) throw new Enough();
    });
  } catch (error) {
    if (!(error instanceof Enough)) throw error;
  }
  const row = findHeaderRow(head, HEADER_SCAN_ROWS);
  if (row < 0) throw noHeader(head, 'a header row');
  return head[row].map((f) => f.trim());
}

/** `abm-tier sql`: the scoring as SQL, from a file's header or --columns. */
function sqlCommand(options: Options, io: Io): number {
  try {
    if (!options.table) throw new UsageError('sql needs --table, e.g. --table project.dataset.accounts');
    let headers = options.columns;
    if (!headers) {
      if (!options.file) throw new UsageError('sql needs the columns: a CSV file whose header names them, or --columns Account,Revenue,Profit');
      headers = headerOf(resolve(io.cwd, options.file));
    }
    // The weights `score` would use: a learn run's file, --weights winning.
    if (options.weightsFrom)
      options.settings.weights = { ...weightsFromFile(resolve(io.cwd, options.weightsFrom), pathName(options.weightsFrom)), ...options.settings.weights };
    // The labels `score` writes: the default ones in the language.
    const given = settingsOf(options);
    const settings = localise(given, langOf(given));
    const mapping = mapColumns(headers, headers.length, settings);
    if (!mapping.metrics.some((m) => m.weight > 0) && scoredCategories(mapping).length === 0)
      throw new CliError(`no metric column found among ${headerList(headers)}`);
    const say = translator(langOf(settings));
    // One pin column for every query printed (the card and the grid follow the pins as the scores do).
    const pins = options.pins === null ? undefined : headers[namedColumn(headers, options.pins, '--pins')];
    const queryOptions = { table: options.table, dialect: options.dialect, rowId: options.rowId ?? undefined, pins };
    io.stdout(
      sqlExportText(
        {
          headers,
          source: options.file ?? '--columns',
          table: options.table,
          dialect: options.dialect,
          rowId: options.rowId ?? undefined,
          pins,
          note: options.dialect,
        },
        settings,
        say,
      ) +
        (options.outcome ? reportSqlText(headers, settings, { ...queryOptions, outcome: options.outcome }) : '') +
        (options.grid ? gridSqlText(headers, settings, queryOptions) : ''),
    );
    return 0;
  } catch (error) {
    io.stderr(`abm-tier: ${error instanceof UsageError || !options.file || options.columns ? (error as Error).message : fileMessage(error, options.file)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
