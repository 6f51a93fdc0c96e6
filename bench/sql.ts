import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, asOfMs, mapColumns, parseSettings, TableBuilder, type Cell } from '../src/core';
import { generateSql } from '../src/sql/generate';
import { HEADER, syntheticCsv, syntheticRows } from './data';
import { line, median, time } from './stats';

const N = 1_000_000;

/**
 * DuckDB running the generated scores query on 1 000 000 accounts, beside the engine scoring the same rows
 * with the same settings, and beside the query as the generator wrote it before it ranked distinct values
 * (bench/sql-before.sql, the same settings; it takes half a minute or more: ABM_BENCH_SQL_BEFORE=0 skips it).
 */
export async function benchSql(): Promise<void> {
  const settings = parseSettings({});
  const mapping = mapColumns([...HEADER], HEADER.length, settings);
  const builder = new TableBuilder(mapping, asOfMs(settings.asOf), N);
  syntheticRows(N).forEach((r, i) => builder.add(r as Cell[], i + 2));
  const table = builder.finish();
  const engine = time(() => analyse(table, settings), 3);

  const db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run(`CREATE TABLE accounts AS SELECT * FROM read_csv('${syntheticCsv(N)}', header = true)`);
  const run = async (sql: string, runs: number) => {
    const times: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      await db.run(`CREATE OR REPLACE TABLE scored AS ${sql}`);
      times.push(performance.now() - t);
    }
    return median(times);
  };
  const { scores } = generateSql([...HEADER], settings, { table: 'accounts', dialect: 'duckdb' });
  const after = await run(scores, 3);
  const before = process.env.ABM_BENCH_SQL_BEFORE === '0' ? null : await run(readFileSync(join(__dirname, 'sql-before.sql'), 'utf8'), 1);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  line('DuckDB, generated SQL on 1,000,000 accounts', s(after), `budget ≤ 4 s and ≤ 2× the engine (${s(engine)}, ${(after / engine).toFixed(1)}×)`);
  if (before !== null) line('  the same before it ranked distinct values', s(before), `${(before / after).toFixed(0)}× the time`);
  db.closeSync();
}
