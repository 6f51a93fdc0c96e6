import { resolve } from 'node:path';
import {
  analyse, asOfMs, describeDrivers, lookalikeOfTier1, mapColumns, parseSettings, ROW_BLANK, ROW_INVALID, SettingsError, TableBuilder,
  type Analysis, type ParsedTable, type ProfitRow, type Settings,
} from '../core';
import { HELP, parseArgs, UsageError, type Options } from './args';
import { CsvError, csvField, inputLine, readCsv, type Separator } from './csv';
import { fileSink, streamSink, type Sink } from './output';
import { OrdersFileError, readOrders, rfmFromOrders, writeAccountsCsv, writeRfm } from './orders';
import { summaryText } from './summary-text';
import { translator, type Lang } from '../i18n';
import { cliTranslator } from '../i18n/cli';
import { cellLocale, localise } from '../i18n/labels';
import { sqlExportText } from '../sql/export-text';

/** abm-tier: the engine for files and pipelines. Every failure is one line on stderr, never a stack trace. */

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

class CliError extends Error {
  override name = 'CliError';
}

export const OUTPUT_HEADERS = ['Score', 'Tier', 'Segment', 'ABM program', 'Drivers'];

interface Scored {
  analysis: Analysis;
  header: string[];
  separator: Separator;
  /** With `keepLines`: each record's text to write back (header first), guarded against formulas. */
  lines: string[];
}

/** Reads the file once into columns (not cells) and analyses it; `keepLines` keeps the records' text for CSV output. */
export function scoreFile(path: string, given: Settings, keepLines = false): Scored {
  const lines: string[] = [];
  // The command line has no spreadsheet locale: `auto` is English.
  const lang: Lang = given.lang === 'auto' ? 'en' : given.lang;
  const settings = localise(given, lang);
  const text = lang === 'en' ? undefined : translator(lang);
  const locale = cellLocale(lang);
  let header: string[] | null = null;
  let builder: TableBuilder | null = null;
  let numeric: boolean[] | null = null;
  const asOf = asOfMs(settings.asOf);
  const { separator } = readCsv(path, (fields, record, raw, sep) => {
    if (keepLines) lines.push(inputLine(fields, raw, sep));
    if (record === 1) {
      header = (fields as string[]).map((f) => f.trim());
      const mapping = mapColumns(header, header.length, settings);
      if (mapping.metrics.length === 0) {
        throw new CliError(`no metric column found in the header (${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''}); name a column Revenue, Profit, Engagement…`);
      }
      builder = new TableBuilder(mapping, asOf, 4096, text ? (r) => text('cell.row', { row: r }) : undefined, locale, text);
      // Metric columns' plain numbers are read straight from the text (not where a comma is the decimal mark).
      if (!locale.decimalComma) {
        numeric = header.map(() => false);
        for (const m of mapping.metrics) if (m.index >= 0) numeric[m.index] = true;
      }
      return;
    }
    builder!.add(fields.length === 1 && fields[0] === '' ? [] : fields, record);
  }, keepLines, () => numeric);
  if (!builder || !header) throw new CliError('the file is empty: it needs a header row and one row per account');
  const table: ParsedTable = (builder as TableBuilder).finish();
  try {
    return { analysis: analyse(table, settings, text), header, separator, lines };
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

function profitJson(rows: ProfitRow[]) {
  return rows.map((r) => ({
    label: r.label, accounts: r.accounts, share: num(r.share), revenue: num(r.revenue), cost: num(r.cost),
    profit: num(r.profit), margin: num(r.margin), profitShare: num(r.profitShare),
  }));
}

function writeJson(sink: Sink, { analysis }: Scored, similarity: Float64Array | null): void {
  const { table, settings } = analysis;
  const metrics = table.mapping.metrics;
  const tierJson = settings.labels.map((l) => JSON.stringify(l));
  const segmentJson = settings.segmentLabels.map((l) => JSON.stringify(l));
  const programJson = settings.programLabels.map((l) => JSON.stringify(l));
  sink.write('{"rows":[');
  let first = true;
  for (let i = 0; i < table.n; i++) {
    const status = table.status[i];
    if (status === ROW_BLANK) continue;
    const account = table.accounts ? JSON.stringify(table.accounts[i]) : 'null';
    let row: string;
    if (status === ROW_INVALID) {
      row = `{"row":${table.rowNumbers[i]},"account":${account},"score":null,"tier":null,"segment":null,"program":null,"drivers":null,"error":${JSON.stringify(table.messages.get(i))}}`;
    } else {
      const t = analysis.tier[i];
      const s = analysis.segment[i];
      const score = analysis.score[i];
      row = `{"row":${table.rowNumbers[i]},"account":${account},"score":${Number.isFinite(score) ? score : 'null'}`
        + `,"tier":${t >= 0 ? tierJson[t] : 'null'},"segment":${s >= 0 ? segmentJson[s] : 'null'},"program":${t >= 0 ? programJson[t] : 'null'}`
        + `,"drivers":${t >= 0 ? JSON.stringify(describeDrivers(analysis.drivers, i, metrics, analysis.percentiles, analysis.text)) : 'null'}`
        + (similarity ? `,"lookalike":${Number.isFinite(similarity[i]) ? similarity[i] : 'null'}}` : '}');
    }
    sink.write((first ? '' : ',') + row);
    first = false;
  }
  const { capacity, kpis, whale } = analysis;
  const rest = {
    tiers: profitJson([...analysis.byTier.rows, analysis.byTier.total]),
    segments: profitJson([...analysis.bySegment.rows, analysis.bySegment.total]),
    capacity: capacity.programs.map((program, t) => ({ program, tier: settings.labels[t], accounts: capacity.accounts[t], marketers: capacity.marketers[t] })),
    kpis: Object.fromEntries(Object.entries(kpis).map(([k, v]) => [k, v === null ? null : num(v)])),
    whale: whale ? { peak: whale.peak, peakAccounts: whale.peakAccounts } : null,
    warnings: [...analysis.warnings, ...[...table.messages.values()].slice(0, 100)],
  };
  sink.write(`],${JSON.stringify(rest).slice(1)}\n`);
}

/** The file's records as they were (formula-like text guarded), plus our columns. */
function writeCsv(sink: Sink, { analysis, separator, lines }: Scored, similarity: Float64Array | null): void {
  const { table, settings } = analysis;
  const metrics = table.mapping.metrics;
  const tierText = settings.labels.map((l) => csvField(l, separator));
  const segmentText = settings.segmentLabels.map((l) => csvField(l, separator));
  const programText = settings.programLabels.map((l) => csvField(l, separator));
  const headers = similarity ? [...OUTPUT_HEADERS, 'Lookalike'] : OUTPUT_HEADERS;
  sink.write(`${lines[0]}${separator}${headers.map((h) => csvField(h, separator)).join(separator)}\n`);
  for (let k = 0; k < table.n; k++) {
    if (table.status[k] === ROW_BLANK) continue;
    let line = lines[k + 1];
    if (table.status[k] === ROW_INVALID) line += `${separator}${separator}${separator}${separator}${separator}${csvField(table.messages.get(k) ?? '', separator)}`;
    else {
      const t = analysis.tier[k];
      const s = analysis.segment[k];
      line += separator + csvField(analysis.score[k], separator)
        + separator + (t >= 0 ? tierText[t] : '')
        + separator + (s >= 0 ? segmentText[s] : '')
        + separator + (t >= 0 ? programText[t] : '')
        + separator + (t >= 0 ? csvField(describeDrivers(analysis.drivers, k, metrics, analysis.percentiles, analysis.text), separator) : '');
    }
    if (similarity) line += separator + csvField(similarity[k], separator);
    sink.write(line + '\n');
  }
}

function settingsOf(options: Options): Settings {
  try {
    return parseSettings(options.settings);
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
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
  if (!['score', 'summary', 'accounts', 'rfm'].includes(options.command)) {
    io.stderr(`abm-tier: unknown command "${options.command}"; try abm-tier score accounts.csv, or abm-tier --help.\n`);
    return 2;
  }
  if (!options.file) {
    const example = options.command === 'accounts' || options.command === 'rfm' ? 'orders.csv' : 'accounts.csv';
    io.stderr(`abm-tier: ${options.command} needs a CSV file, e.g. abm-tier ${options.command} ${example}\n`);
    return 2;
  }
  const path = resolve(io.cwd, options.file);
  try {
    const settings = settingsOf(options);
    if (options.command === 'accounts' || options.command === 'rfm') {
      const orders = readOrders(path, settings.asOf, settings.lang === 'auto' || settings.lang === 'en' ? undefined : translator(settings.lang));
      const sink = options.out ? fileSink(resolve(io.cwd, options.out)) : streamSink(io.stdout);
      try {
        if (options.command === 'accounts') writeAccountsCsv(sink, orders);
        else writeRfm(sink, rfmFromOrders(orders, options.bins), options.format ?? (options.out && /\.csv$/iu.test(options.out) ? 'csv' : 'json'));
      } finally {
        sink.close();
      }
      for (const e of orders.errors.slice(0, 20)) io.stderr(`abm-tier: warning: ${e}\n`);
      if (orders.errorCount > 20) io.stderr(`abm-tier: warning: …and ${orders.errorCount - 20} more lines that could not be used.\n`);
      return 0;
    }
    const format = options.format ?? (options.out && /\.csv$/iu.test(options.out) ? 'csv' : 'json');
    const scored = scoreFile(path, settings, format === 'csv' && options.command === 'score');
    const sink = options.out ? fileSink(resolve(io.cwd, options.out)) : streamSink(io.stdout);
    try {
      if (options.command === 'summary') sink.write(summaryText(scored.analysis, options.file, cliTranslator(scored.analysis.settings.lang === 'auto' ? 'en' : scored.analysis.settings.lang)));
      else {
        const similarity = options.lookalikes ? lookalikeOfTier1(scored.analysis.table, scored.analysis.tier) : null;
        if (format === 'csv') writeCsv(sink, scored, similarity);
        else writeJson(sink, scored, similarity);
      }
    } finally {
      sink.close();
    }
    if (format === 'csv' || options.command === 'summary') {
      for (const w of scored.analysis.warnings.slice(0, 20)) io.stderr(`abm-tier: warning: ${w}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`abm-tier: ${error.message}\n`);
      return 2;
    }
    const where = error instanceof CsvError || error instanceof CliError || error instanceof OrdersFileError ? `${options.file}: ` : '';
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`abm-tier: ${where}${message}\n`);
    return 1;
  }
}

/** `abm-tier sql`: the scoring as SQL, from a file's header or --columns. */
function sqlCommand(options: Options, io: Io): number {
  try {
    if (!options.table) throw new UsageError('sql needs --table, e.g. --table project.dataset.accounts');
    let headers = options.columns;
    if (!headers) {
      if (!options.file) throw new UsageError('sql needs the columns: a CSV file whose header names them, or --columns Account,Revenue,Profit');
      readCsv(resolve(io.cwd, options.file), (fields, record) => {
        if (record === 1) headers = fields.map((f) => f.trim());
      });
      if (!headers) throw new CliError(`${options.file}: the file is empty: it needs a header row`);
    }
    const settings = settingsOf(options);
    const mapping = mapColumns(headers, headers.length, settings);
    if (!mapping.metrics.some((m) => m.weight > 0)) throw new CliError(`no metric column found among ${headers.join(', ')}`);
    const say = translator(settings.lang === 'auto' ? 'en' : settings.lang);
    io.stdout(sqlExportText({ headers, source: options.file ?? '--columns', table: options.table, dialect: options.dialect, rowId: options.rowId ?? undefined, note: options.dialect }, settings, say));
    return 0;
  } catch (error) {
    io.stderr(`abm-tier: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
