import { basename, extname } from 'node:path';
import { readCsv } from '../../src/cli/csv';
import type { Value } from '../../test/fakes/workbook';

/** A user's CSV or XLSX as the preview's sheets: numbers become numbers, as Sheets does on import. */
export async function readTableFile(file: string): Promise<Record<string, Value[][]>> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheets: Record<string, Value[][]> = {};
    workbook.eachSheet((ws) => {
      const rows: Value[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const values = (row.values as unknown[]).slice(1).map((v): Value => {
          if (v === null || v === undefined) return '';
          if (typeof v === 'object' && v !== null && 'formula' in v) return `=${String((v as { formula: string }).formula)}`;
          if (typeof v === 'object' && v !== null && 'text' in v) return String((v as { text: string }).text);
          return v instanceof Date || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
        });
        rows[r - 1] = values;
      });
      sheets[ws.name] = Array.from(rows, (r) => r ?? []);
    });
    if (Object.keys(sheets).length === 0) throw new Error(`${file} has no sheets`);
    return sheets;
  }
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.tsv') throw new Error(`${file}: give a .csv or .xlsx file`);
  const rows: Value[][] = [];
  readCsv(file, (fields) => {
    rows.push(fields.map((f) => (/^-?(?:\d+\.?\d*|\.\d+)$/u.test(f.trim()) ? Number(f) : f)));
  });
  return { [basename(file, ext) || 'Sheet1']: rows };
}
