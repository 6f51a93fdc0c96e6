import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/core';
import { DIALECTS, generateSql } from '../../src/sql/generate';

const HEADERS = ['Account', 'Revenue', 'Profit', 'Engagement', 'Recency (days)'];

describe('the BigQuery dialect differs from DuckDB\'s only where it must', () => {
  for (const method of ['quantile', 'threshold', 'pareto', 'capacity'] as const) {
    it(`${method}: the same query but for quoting, casts and the text type`, () => {
      const settings = parseSettings({ method, labels: ["Top's", 'Mid', 'Low'] });
      const duck = generateSql(HEADERS, settings, { table: 'accounts', dialect: 'duckdb' });
      const big = generateSql(HEADERS, settings, { table: 'accounts', dialect: 'bigquery' });
      // Put BigQuery's forms back into DuckDB's: what is left must be equal.
      const back = (sql: string) => sql
        .replace(/SAFE_CAST\(CAST\((\w+) AS STRING\) AS NUMERIC\)/gu, 'TRY_CAST(CAST($1 AS VARCHAR) AS DECIMAL(38, 9))')
        .replace(/SAFE_CAST\((.*?) AS FLOAT64\)/gu, 'TRY_CAST($1 AS DOUBLE)')
        .replace(/`([^`]*)`/gu, '"$1"')
        .replace(/AS STRING\)/gu, 'AS VARCHAR)')
        .replace(/'Top\\'s'/gu, "'Top''s'");
      expect(back(big.scores)).toBe(duck.scores);
      expect(back(big.profitability)).toBe(duck.profitability);
      expect(back(big.tierProfitability)).toBe(duck.tierProfitability);
    });
  }

  it('pins each difference', () => {
    expect(DIALECTS.duckdb.ident('a"b')).toBe('"a""b"');
    expect(DIALECTS.bigquery.ident('a`b')).toBe('`a\\`b`');
    expect(DIALECTS.duckdb.table('proj.ds.t')).toBe('"proj"."ds"."t"');
    expect(DIALECTS.bigquery.table('proj.ds.t')).toBe('`proj.ds.t`');
    expect(DIALECTS.duckdb.string("it's")).toBe("'it''s'");
    expect(DIALECTS.bigquery.string("it's")).toBe("'it\\'s'");
    expect(DIALECTS.duckdb.toNumber('x')).toBe('TRY_CAST(x AS DOUBLE)');
    expect(DIALECTS.bigquery.toNumber('x')).toBe('SAFE_CAST(x AS FLOAT64)');
    // Pareto's exact sums: the double through its shortest text, so 60.13 is 60.13.
    expect(DIALECTS.duckdb.toDecimal('x')).toBe('TRY_CAST(CAST(x AS VARCHAR) AS DECIMAL(38, 9))');
    expect(DIALECTS.bigquery.toDecimal('x')).toBe('SAFE_CAST(CAST(x AS STRING) AS NUMERIC)');
  });

  it('never partitions by a FLOAT64 value (BigQuery refuses it): ties are counted with ORDER BY frames', () => {
    const { scores } = generateSql(HEADERS, parseSettings({}), { table: 'accounts', dialect: 'bigquery' });
    for (const m of scores.matchAll(/PARTITION BY ([^)]*?)(?: ORDER BY|\))/gu)) expect(m[1]).toMatch(/IS (NOT )?NULL|> 0/u);
  });
});
