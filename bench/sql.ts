import { DuckDBInstance } from '@duckdb/node-api';
import { parseSettings } from '../src/core';
import { generateSql } from '../src/sql/generate';
import { HEADER, syntheticCsv } from './data';
import { line, median } from './stats';

/** DuckDB running the generated SQL on 1 000 000 accounts, beside the engine's figure printed above. */
export async function benchSql(): Promise<void> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const csv = syntheticCsv(1_000_000);
  await db.run(`CREATE TABLE accounts AS SELECT * FROM read_csv('${csv}', header = true)`);
  const { scores } = generateSql([...HEADER], parseSettings({}), { table: 'accounts', dialect: 'duckdb' });
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    await db.run(`CREATE OR REPLACE TABLE scored AS ${scores}`);
    times.push(performance.now() - t);
  }
  line('DuckDB, generated SQL on 1,000,000 accounts', `${median(times).toFixed(0)} ms`, '(engine: pipeline line above)');
  db.closeSync();
}
