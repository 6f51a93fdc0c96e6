import { DuckDBInstance } from '@duckdb/node-api';
import { analyse, asOfMs, mapColumns, parseSettings, readRows, type Cell } from '../src/core';
import { generateSql } from '../src/sql/generate';
import { HEADER, syntheticCsv, syntheticRows } from './data';
import { line, median, time } from './stats';

const N = 1_000_000;

/**
 * DuckDB running the generated scores query on 1 000 000 accounts, beside the engine scoring the same rows
 * with the same settings and computing what the query returns (score, tier, segment; the program is a label).
 */
export async function benchSql(): Promise<void> {
  const settings = parseSettings({});
  const table = readRows(syntheticRows(N) as Cell[][], mapColumns([...HEADER], HEADER.length, settings), asOfMs(settings.asOf), 2);
  // An analysis computes its segments when first read.
  const engine = time(() => analyse(table, settings).segment, 3);

  const db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run(`CREATE TABLE accounts AS SELECT * FROM read_csv('${syntheticCsv(N)}', header = true)`);
  const { scores } = generateSql([...HEADER], settings, { table: 'accounts', dialect: 'duckdb' });
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    await db.run(`CREATE OR REPLACE TABLE scored AS ${scores}`);
    times.push(performance.now() - t);
  }
  const after = median(times);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  line('DuckDB, generated SQL on 1,000,000 accounts', s(after), `budget ≤ 4 s and ≤ 2× the engine (${s(engine)}, ${(after / engine).toFixed(1)}×)`);
  db.closeSync();
}
