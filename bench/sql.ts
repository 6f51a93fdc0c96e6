import { DuckDBInstance } from '@duckdb/node-api';
import { analyse, analyseRows, asOfMs, mapColumns, parseSettings, readRows, type Cell } from '../src/core';
import { generateScript, generateSql } from '../src/sql/generate';
import { HEADER, syntheticCsv, syntheticRows } from './data';
import { line, median, time } from './stats';

const N = 1_000_000;
const ROUNDS = 3;

/**
 * DuckDB on 1 000 000 accounts: the three stand-alone queries (each computing the chain anew) and the script
 * (the labelled rows kept once in a temporary table, the three reading it), run in alternation, beside the
 * engine doing the same work on the same rows with the same settings (scores, tiers, segments, both
 * profitability tables). Run alone with `node --import tsx bench/sql.ts`.
 */
export async function benchSql(): Promise<void> {
  const settings = parseSettings({});
  const rows = syntheticRows(N) as Cell[][];
  const table = readRows(rows, mapColumns([...HEADER], HEADER.length, settings), asOfMs(settings.asOf), 2);
  // An analysis computes its segments and tables when first read.
  const engine = time(() => {
    const a = analyse(table, settings);
    return [a.segment, a.byTier, a.bySegment];
  }, 3);

  const db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run(`CREATE TABLE accounts AS SELECT * FROM read_csv('${syntheticCsv(N)}', header = true)`);
  const options = { table: 'accounts', dialect: 'duckdb' } as const;
  const alone = generateSql([...HEADER], settings, options);
  const script = generateScript([...HEADER], settings, options);
  const timed = async (run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    return performance.now() - t;
  };
  const scoresOnly: number[] = [];
  const three: number[] = [];
  const scripted: number[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    const first = await timed(() => db.run(`CREATE OR REPLACE TABLE scored AS ${alone.scores}`));
    scoresOnly.push(first);
    three.push(first + (await timed(() => db.runAndReadAll(alone.profitability))) + (await timed(() => db.runAndReadAll(alone.tierProfitability))));
    scripted.push(
      await timed(async () => {
        await db.run(script.create);
        await db.run(`CREATE OR REPLACE TABLE scored AS ${script.scores}`);
        await db.runAndReadAll(script.profitability);
        await db.runAndReadAll(script.tierProfitability);
      }),
    );
  }
  // A weighted category (issue 17): Industry's smoothed success rate by a Won column (4 in 10 won, by a hash of the row).
  await db.run(`ALTER TABLE accounts ADD COLUMN "Won" VARCHAR`);
  await db.run(`UPDATE accounts SET "Won" = CASE WHEN HASH("Account", "Revenue", "Engagement") % 10 < 4 THEN 'Won' ELSE 'Lost' END`);
  const withCategory = parseSettings({ weights: { Industry: 2 } });
  const categoryScript = generateScript([...HEADER, 'Won'], withCategory, options);
  const categorised: number[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    categorised.push(
      await timed(async () => {
        await db.run(categoryScript.create);
        await db.run(`CREATE OR REPLACE TABLE scored AS ${categoryScript.scores}`);
        await db.runAndReadAll(categoryScript.profitability);
        await db.runAndReadAll(categoryScript.tierProfitability);
      }),
    );
  }
  db.closeSync();
  // The engine through the pipeline (the category needs it), from the rows as values.
  const won = rows.map((r, i) => [...r, (i * 2654435761) % 10 < 4 ? 'Won' : 'Lost']);
  const categoryEngine = time(() => {
    const a = analyseRows([...HEADER, 'Won'], won, withCategory);
    return [a.segment, a.byTier, a.bySegment];
  }, 3);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const versus = (ms: number) => `${(ms / engine).toFixed(1)}× the engine (${s(engine)})`;
  line('DuckDB, scores query alone, 1,000,000 accounts', s(median(scoresOnly)));
  line('DuckDB, the three stand-alone queries', s(median(three)), versus(median(three)));
  line('DuckDB, the script (rows kept once, three queries on them)', s(median(scripted)), `budget ≤ 4 s and ≤ 2×: ${versus(median(scripted))}`);
  line(
    'DuckDB, the script, Industry weighted by a Won column',
    s(median(categorised)),
    `${(median(categorised) / categoryEngine).toFixed(1)}× the engine's pipeline (${s(categoryEngine)})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) void benchSql();
