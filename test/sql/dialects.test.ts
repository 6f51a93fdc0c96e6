import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/core';
import { DIALECTS, generateSql } from '../../src/sql/generate';

const HEADERS = ['Account', 'Revenue', 'Profit', 'Engagement', 'Recency (days)'];

describe("the BigQuery dialect differs from DuckDB's only where it must", () => {
  for (const method of ['quantile', 'threshold', 'pareto', 'capacity'] as const) {
    it(`${method}: the same query as DuckDB's partitioned form but for quoting, casts, NaN, the text type and the buckets' functions`, () => {
      const settings = parseSettings({ method, labels: ["Top's", 'Mid', 'Low'], directions: { engagement: 'lower' } });
      // BigQuery's default is the partitioned form; DuckDB runs it only to check it.
      const duck = generateSql(HEADERS, settings, { table: 'accounts', dialect: 'duckdb', partitioned: true });
      const big = generateSql(HEADERS, settings, { table: 'accounts', dialect: 'bigquery' });
      // Put BigQuery's forms back into DuckDB's: what is left must be equal.
      const back = (sql: string) =>
        sql
          .replace(/SAFE_CAST\(CAST\((\w+) AS STRING\) AS NUMERIC\)/gu, 'TRY_CAST(CAST($1 AS VARCHAR) AS DECIMAL(38, 9))')
          .replace(/SAFE_CAST\((.*?) AS FLOAT64\)/gu, 'TRY_CAST($1 AS DOUBLE)')
          .replace(/IF\(IS_NAN\((\w+)\), NULL, \1 \+ 0\.0\)/gu, (_, m) => DIALECTS.duckdb.clean(m))
          .replace(/MOD\(FARM_FINGERPRINT\(CAST\((\w+) AS STRING\)\), GREATEST\(1, DIV\((\(SELECT COUNT\(\*\) FROM \w+\)), 1000\)\)\) = 0/gu, (_, v, n) =>
            DIALECTS.duckdb.sample(v, n, 1000),
          )
          .replace(/RANGE_BUCKET\(([\w.]+), ([\w.]+)\)/gu, (_, v, b) => DIALECTS.duckdb.bucket(v, b))
          .replace(/`([^`]*)`/gu, '"$1"')
          .replace(/AS STRING\)/gu, 'AS VARCHAR)')
          .replace(/'Top\\'s'/gu, "'Top''s'");
      expect(back(big.scores)).toBe(duck.scores);
      expect(back(big.profitability)).toBe(duck.profitability);
      expect(back(big.tierProfitability)).toBe(duck.tierProfitability);
    });
  }

  it('DuckDB ranks in one pass by default, BigQuery in buckets; either form may be asked for', () => {
    const settings = parseSettings({});
    const scores = (dialect: 'duckdb' | 'bigquery', partitioned?: boolean) => generateSql(HEADERS, settings, { table: 't', dialect, partitioned }).scores;
    expect(scores('duckdb')).not.toContain('_bucketed');
    expect(scores('duckdb', true)).toContain('LIST_FILTER');
    expect(scores('bigquery')).toContain('RANGE_BUCKET');
    expect(scores('bigquery', false)).not.toContain('RANGE_BUCKET');
  });

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

  it("never partitions by a FLOAT64 value (BigQuery refuses it): by a bucket of distinct values or a value's whole-number key", () => {
    for (const method of ['quantile', 'pareto'] as const) {
      const { scores } = generateSql(HEADERS, parseSettings({ method }), { table: 'accounts', dialect: 'bigquery' });
      const keys = new Set([...scores.matchAll(/PARTITION BY (.*?)(?: ORDER BY|\))/gu)].map((m) => m[1]));
      expect([...keys].sort()).toEqual(method === 'pareto' ? ['r.before_c', 'x.g'] : ['x.g']);
    }
  });
});
