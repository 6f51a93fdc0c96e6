import { DuckDBInstance } from '@duckdb/node-api';
import { parseSettings } from '../src/core';
import { reportSql } from '../src/sql/report';
import { reportPinsSql } from '../src/sql/report-pins';
import { HEADER, syntheticCsv } from './data';
import { line, median } from './stats';

const ROUNDS = 3;

/**
 * DuckDB: the report card's pinned-apart query (src/sql/report-pins.ts) beside the report card by tier, on
 * N accounts with a Pin column pinning 1 % or 11 % of them (a quarter of those excluded) and a Won column.
 * Run alone with `node --import tsx bench/report-pins-sql.ts [N]`.
 */
export async function benchReportPinsSql(n = 1_000_000): Promise<void> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run(`CREATE TABLE raw_accounts AS SELECT * FROM read_csv('${syntheticCsv(n)}', header = true)`);
  const headers = ['_row', ...HEADER, 'Pin', 'Won'];
  for (const every of [100, 9]) {
    const table = `accounts_${every}`;
    await db.run(`CREATE TABLE ${table} AS SELECT _row, * EXCLUDE (_row),
      CASE WHEN _row % ${every} = 0 THEN ['Tier 1', 'Tier 2', 'Tier 3', 'exclude'][(_row // ${every}) % 4 + 1] END AS Pin,
      CASE WHEN hash(_row) % 10 < 3 THEN 'Won' ELSE 'Lost' END AS Won
      FROM (SELECT row_number() OVER () AS _row, * FROM raw_accounts)`);
    for (const method of ['quantile', 'pareto'] as const) {
      const settings = parseSettings({ method });
      const options = { table, dialect: 'duckdb', outcome: 'Won', rowId: '_row' } as const;
      const run = async (sql: string) => {
        const times: number[] = [];
        for (let r = 0; r < ROUNDS; r++) {
          const t = performance.now();
          await db.runAndReadAll(sql);
          times.push(performance.now() - t);
        }
        return median(times);
      };
      const card = await run(reportSql(headers, settings, options));
      const pinned = await run(reportPinsSql(headers, settings, options) as string);
      line(
        `DuckDB, ${method}, ${n.toLocaleString('en')} accounts, pinned 1/${every}`,
        `${pinned.toFixed(0)} ms`,
        `pinned apart; the card by tier ${card.toFixed(0)} ms`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void benchReportPinsSql(Number(process.argv[2] ?? 1_000_000));
