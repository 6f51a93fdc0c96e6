import { parseSettings } from '../core';
import { generateSql, type Dialect } from '../sql/generate';
import { UserError } from './analyse-sheet';
import type { Services } from './apps-script';
import { readSheet } from './read-sheet';

/** "Copy as SQL": the current settings as the warehouse queries for a table with this sheet's columns. */
export function sqlForActiveSheet(services: Services, settingsInput: unknown, table: unknown, dialect: unknown): string {
  const settings = parseSettings(settingsInput);
  if (typeof table !== 'string' || !/^[\w$.-]{1,300}$/u.test(table)) throw new UserError('Name the warehouse table, e.g. project.dataset.accounts.');
  if (dialect !== 'bigquery' && dialect !== 'duckdb') throw new UserError('The SQL dialect is bigquery or duckdb.');
  const data = readSheet(services.spreadsheetApp.getActiveSpreadsheet().getActiveSheet());
  if (!data.header) throw new UserError(`No header row found in "${data.name}": the SQL needs the column names.`);
  const headers = data.header.map((h) => String(h ?? '').trim());
  const { scores, profitability } = generateSql(headers, settings, { table, dialect: dialect as Dialect });
  return `-- ABM Tier: score, tier, segment and program of every account\n${scores};\n\n-- ABM Tier: profitability by segment\n${profitability};\n`;
}
