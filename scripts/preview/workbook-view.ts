import type { FakeChart, FakeSheet, FakeSpreadsheet, Value } from '../../test/fakes/workbook';

/** What the preview page draws: each sheet's cells as text, their tier backgrounds, and chart data. */

export interface ChartView {
  type: string;
  title: string;
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
  /** The vertical axis is formatted as a percentage (`vAxis.format` with %): its ticks read 25%, not 0.25. */
  percent: boolean;
}

export interface SheetView {
  name: string;
  hidden: boolean;
  cells: string[][];
  backgrounds: (string | null)[][];
  /** Cells set bold (titles and table headers). */
  bold: boolean[][];
  /** 1-based column of numbers to right-align. */
  numeric: boolean[][];
  charts: ChartView[];
}

export interface WorkbookView {
  active: string;
  sheets: SheetView[];
}

const MAX_ROWS = 2000;

function text(v: Value | undefined): string {
  if (v === undefined || v === null || v === '') return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  return String(v).replace(/^'/u, '');
}

function chartView(sheet: FakeSheet, chart: FakeChart): ChartView {
  const columns: { header: string; values: Value[] }[] = [];
  for (const range of chart.ranges) {
    const grid = range.sheet.read(range.row, range.column, range.numRows, range.numColumns);
    for (let c = 0; c < range.numColumns; c++) {
      const col = grid.map((r) => r[c]);
      const headers = Math.max(0, chart.numHeaders);
      columns.push({ header: headers ? text(col[0]) : '', values: col.slice(headers) });
    }
  }
  const [domain, ...rest] = columns;
  void sheet;
  return {
    type: chart.type,
    title: String(chart.options.title ?? ''),
    labels: (domain?.values ?? []).map(text),
    series: rest.map((c) => ({ name: c.header, values: c.values.map((v) => (typeof v === 'number' ? v : null)) })),
    percent: String(chart.options['vAxis.format'] ?? '').includes('%'),
  };
}
/** A number as Sheets shows it under the formats the add-on sets (en-US separators); other values as text. */
export function formatted(v: Value | undefined, pattern: string | null): string {
  if (typeof v !== 'number' || pattern === null) return text(v);
  const fixed = (digits: number, group: boolean) =>
    v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: group });
  switch (pattern) {
    case '0.0%':
      return `${(v * 100).toFixed(1)}%`;
    case '#,##0':
      return fixed(0, true);
    case '#,##0.00':
      return fixed(2, true);
    case '0.00':
      return fixed(2, false);
    case '0.0':
      return fixed(1, false);
    default:
      return text(v);
  }
}

/** A cell's rule colour; a rule the stand-in cannot evaluate (it throws rather than guess) shows none. */
function background(sheet: FakeSheet, row: number, column: number): string | null {
  try {
    return sheet.backgroundAt(row, column);
  } catch {
    return null;
  }
}

export function workbookView(book: FakeSpreadsheet): WorkbookView {
  return {
    active: book.active.name,
    sheets: book.sheets.map((sheet) => {
      const rows = Math.min(Math.max(sheet.lastRow(), 1), MAX_ROWS);
      const cols = Math.max(sheet.lastColumn(), 1);
      const grid = sheet.read(1, 1, rows, cols);
      return {
        name: sheet.name,
        hidden: sheet.hidden,
        cells: grid.map((r, i) => r.map((v, c) => formatted(v, sheet.formatAt(i + 1, c + 1)))),
        numeric: grid.map((r) => r.map((v) => typeof v === 'number')),
        backgrounds: grid.map((r, i) => r.map((_, c) => background(sheet, i + 1, c + 1))),
        bold: grid.map((r, i) => r.map((_, c) => sheet.isBold(i + 1, c + 1))),
        charts: sheet.charts.map((c) => chartView(sheet, c)),
      };
    }),
  };
}
