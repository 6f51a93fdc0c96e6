import { parseSettings } from '../core';
import { generateSql, type Dialect } from '../sql/generate';
import { UserError } from './analyse-sheet';
import type { Services } from './apps-script';
import { documentLanguage } from './language';
import { readSheet } from './read-sheet';

/** "Copy as SQL": the current settings as the warehouse queries for a table with this sheet's columns. */
export function sqlForActiveSheet(services: Services, settingsInput: unknown, table: unknown, dialect: unknown): string {
  const settings = parseSettings(settingsInput);
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const { say } = documentLanguage(ss, settings);
  if (typeof table !== 'string' || !/^[\w$.-]{1,300}$/u.test(table)) throw new UserError(say('msg.sqlTable'));
  if (dialect !== 'bigquery' && dialect !== 'duckdb') throw new UserError(say('msg.sqlDialect'));
  const data = readSheet(ss.getActiveSheet());
  if (!data.header) throw new UserError(say('msg.sqlNoHeader', { sheet: data.name }));
  const headers = data.header.map((h) => String(h ?? '').trim());
  const { scores, profitability } = generateSql(headers, settings, { table, dialect: dialect as Dialect });
  return `-- ABM Tier: score, tier, segment and program of every account\n${scores};\n\n-- ABM Tier: profitability by segment\n${profitability};\n`;
}
