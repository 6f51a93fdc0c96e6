import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/core';
import { SAMPLE_HEADER } from '../../src/sample/accounts';
import { generateScript, generateSql, LABELLED_TABLE } from '../../src/sql/generate';
import { sqlExportText } from '../../src/sql/export-text';
import { gridSql } from '../../src/sql/grid';
import { reportCategorySql, reportSql } from '../../src/sql/report';
import { english } from '../../src/i18n';
import { COMBINATIONS } from './combinations';

const parser = new Parser();
const BIGQUERY = { database: 'BigQuery' };

/** Every window of a parsed statement: the `over` of each function, with its PARTITION BY expressions as text. */
function windows(node: unknown, found: { partitionBy: string[] | null }[] = []): { partitionBy: string[] | null }[] {
  if (Array.isArray(node)) node.forEach((n) => windows(n, found));
  else if (node && typeof node === 'object') {
    const over = (node as { over?: { as_window_specification?: { window_specification?: { partitionby?: unknown[] | null } } } }).over;
    const spec = over?.as_window_specification?.window_specification;
    if (spec)
      found.push({ partitionBy: spec.partitionby ? spec.partitionby.map((p) => parser.exprToSQL((p as { expr: unknown }).expr as never, BIGQUERY)) : null });
    Object.values(node).forEach((n) => windows(n, found));
  }
  return found;
}

/** Each distinct query text of every combination once (the one by segment is the same for every method). */
function queries(): { name: string; sql: string }[] {
  const seen = new Map<string, string>();
  for (const c of COMBINATIONS) {
    const q = generateSql(c.headers, parseSettings(c.input), { table: 'my-project.crm.accounts', dialect: 'bigquery', rowId: c.rowId });
    for (const [kind, sql] of Object.entries(q)) if (!seen.has(sql)) seen.set(sql, `${c.name}: ${kind}`);
  }
  return [...seen].map(([sql, name]) => ({ name, sql }));
}

describe('every generated BigQuery query parses as BigQuery (node-sql-parser)', () => {
  const all = queries();

  it('for every method on every kind of table, with each option in turn', () => {
    expect(all.length).toBeGreaterThan(COMBINATIONS.length);
    for (const { name, sql } of all) {
      let error: unknown = null;
      try {
        parser.astify(sql, BIGQUERY);
      } catch (e) {
        error = e;
      }
      expect(error === null ? null : `${String(error)} at line ${(error as { location?: { start: { line: number } } }).location?.start.line}`, name).toBeNull();
    }
  }, 120_000);

  it("and the parser refuses what BigQuery would: a missing comma, an unclosed bracket, DuckDB's quoting", () => {
    const { scores } = generateSql(['Account', 'Revenue', 'Profit'], parseSettings({}), { table: 'p.d.accounts', dialect: 'bigquery' });
    expect(() => parser.astify(scores, BIGQUERY)).not.toThrow();
    expect(() => parser.astify(scores.replace('abm_row,', 'abm_row'), BIGQUERY)).toThrow();
    expect(() => parser.astify(scores.replace('COUNT(*) AS c', 'COUNT(* AS c'), BIGQUERY)).toThrow();
    const duck = generateSql(['Account', 'Revenue', 'Profit'], parseSettings({}), { table: 'p.d.accounts', dialect: 'duckdb', partitioned: true });
    expect(() => parser.astify(duck.scores, BIGQUERY)).toThrow();
  });
});

describe('the script (the kept rows, then three queries reading them) parses as one BigQuery multi-statement query', () => {
  it('for every combination: a CREATE TEMP TABLE of an unqualified name, then three SELECTs, the table read once', () => {
    const seen = new Set<string>();
    for (const c of COMBINATIONS) {
      const request = { headers: c.headers, source: c.name, table: 'my-project.crm.accounts', dialect: 'bigquery', rowId: c.rowId };
      const text = sqlExportText(request, parseSettings(c.input), english);
      if (seen.has(text)) continue;
      seen.add(text);
      const ast = parser.astify(text, BIGQUERY) as unknown as {
        type: string;
        keyword?: string;
        temporary?: string;
        table?: { table: string; db: string | null }[];
      }[];
      expect(
        ast.map((a) => a.type),
        c.name,
      ).toEqual(['create', 'select', 'select', 'select']);
      expect(ast[0], c.name).toMatchObject({ keyword: 'table', temporary: 'temp', table: [{ table: LABELLED_TABLE, db: null }] });
      expect(text.split('`my-project.crm.accounts`'), c.name).toHaveLength(2);
      const { scores } = generateScript(c.headers, parseSettings(c.input), { table: 'my-project.crm.accounts', dialect: 'bigquery', rowId: c.rowId });
      expect(scores, c.name).toMatch(new RegExp(`^SELECT [^;]*\nFROM ${LABELLED_TABLE}$`, 'u'));
    }
    expect(seen.size).toBe(COMBINATIONS.length);
    // A broken statement anywhere in the script fails the parse.
    const text = [...seen][0];
    expect(() => parser.astify(text.replace('FROM abm_labelled;', 'FROM abm_labelled,;'), BIGQUERY)).toThrow();
    expect(() => parser.astify(text.replace('SELECT label, accounts,', 'SELECT label accounts,,'), BIGQUERY)).toThrow();
  }, 120_000);
});

describe('on BigQuery no window runs over all rows', () => {
  /** The windows of each CTE (and of the final SELECT, named ''), by name. */
  function windowsByCte(sql: string): Map<string, { partitionBy: string[] | null }[]> {
    const ast = parser.astify(sql, BIGQUERY) as unknown as { with: { name: { value: string }; stmt: { ast: unknown } }[] | null };
    const byName = new Map<string, { partitionBy: string[] | null }[]>();
    for (const cte of ast.with ?? []) byName.set(cte.name.value, windows(cte.stmt.ast));
    byName.set('', windows({ ...ast, with: null }));
    return byName;
  }

  it("each window is partitioned by a bucket of distinct values or by one value's accounts, or reads the bucket totals", () => {
    const partitions = new Set<string>();
    let bucketTotals = 0;
    let fourRows = 0;
    for (const { name, sql } of queries()) {
      let count = 0;
      for (const [cte, found] of windowsByCte(sql)) {
        count += found.length;
        for (const w of found) {
          if (w.partitionBy === null && (cte === 'totalled' || cte === '')) {
            // Profitability's four rows (three groups and the Total): the windows read those and nothing else.
            expect(sql, name).toMatch(cte === '' ? /\nFROM totalled\nORDER BY ord$/u : /\ntotalled AS \(\n.*\n {2}FROM by_group\n\)/u);
            expect(sql, name).toMatch(
              /\n {2}FROM \(SELECT .* AS label, 1 AS ord UNION ALL .* AS label, 4 AS ord\) AS l LEFT JOIN sums AS s ON s.ord = l.ord\n/u,
            );
            fourRows++;
          } else if (w.partitionBy === null) {
            // Over the bucket totals (about 1000 to 2000 rows): the CTE reads a GROUP BY g and nothing else.
            expect(cte, name).toMatch(/_buckets$/u);
            const body = sql.slice(sql.indexOf(`\n${cte} AS (`), sql.indexOf('\n),', sql.indexOf(`\n${cte} AS (`)));
            expect(body, name).toMatch(/\n {2}FROM \(SELECT g, .* FROM \w+_bucketed GROUP BY g\) AS per_bucket$/u);
            bucketTotals++;
          } else partitions.add(w.partitionBy.join(', '));
        }
      }
      // The walk sees every window the text has.
      expect(count, name).toBe(sql.match(/\bOVER \(/gu)?.length ?? 0);
    }
    // x.g: one bucket of one column's distinct values; r.before_c: pareto's accounts of one value (its whole-number key).
    // Never a FLOAT64, which BigQuery refuses to partition by.
    expect([...partitions].sort()).toEqual(['r.before_c', 'x.g']);
    expect(bucketTotals).toBeGreaterThan(0);
    expect(fourRows).toBeGreaterThan(0);
  }, 120_000);

  it("ranks on distinct values: no window reads the rows but pareto's, which numbers the accounts of each value", () => {
    const { scores } = generateSql([...SAMPLE_HEADER], parseSettings({ method: 'pareto' }), { table: 'p.d.accounts', dialect: 'bigquery' });
    for (const [cte, found] of windowsByCte(scores)) {
      if (found.length) expect(cte).toMatch(/^(?:ranks\d+|segment_ranks|pareto_ranks)(?:_buckets)?$|^pareto$/u);
    }
    expect(scores).not.toMatch(/IS NULL ORDER BY|PARTITION BY [^)]*IS NULL/u);
  });

  it('draws the bucket boundaries by a hash of each value, the same on each evaluation of the CTE (not APPROX_QUANTILES)', () => {
    const { scores } = generateSql([...SAMPLE_HEADER], parseSettings({}), { table: 'p.d.accounts', dialect: 'bigquery' });
    expect(scores).not.toContain('APPROX_');
    expect(scores).toContain('MOD(FARM_FINGERPRINT(CAST(v AS STRING)), GREATEST(1, DIV((SELECT COUNT(*) FROM counts0), 1000))) = 0');
  });
});

describe('every other BigQuery output parses, its windows partitioned as issue 16 asks', () => {
  /** The windows of each CTE (and of the final SELECT, named ''), by name. */
  function windowsByCte(sql: string): Map<string, { partitionBy: string[] | null }[]> {
    const ast = parser.astify(sql, BIGQUERY) as unknown as { with: { name: { value: string }; stmt: { ast: unknown } }[] | null };
    const byName = new Map<string, { partitionBy: string[] | null }[]>();
    for (const cte of ast.with ?? []) byName.set(cte.name.value, windows(cte.stmt.ast));
    byName.set('', windows({ ...ast, with: null }));
    return byName;
  }

  // A weighted category (with an outcome), a second category, a pin column and document pins, every method.
  const headers = [...SAMPLE_HEADER, 'Region', 'Pin', 'Closed won'];
  const documentPins = [
    ['North Works', 0],
    ['O\'Brien \\ "x"\n', 3],
  ] as const;
  const outputs = (['quantile', 'threshold', 'pareto', 'capacity', 'grid'] as const).flatMap((method) => {
    const settings = parseSettings({ method, weights: { Industry: 2, Region: 1 } });
    const options = { table: 'my-project.crm.accounts', dialect: 'bigquery' as const, documentPins };
    return [
      ...Object.entries(generateSql(headers, settings, options)).map(([kind, sql]) => ({ name: `${method}: ${kind}`, sql })),
      { name: `${method}: grid`, sql: gridSql(headers, settings, options) },
      { name: `${method}: report`, sql: reportSql(headers, settings, options) },
      { name: `${method}: report by category`, sql: reportCategorySql(headers, settings, options) as string },
    ];
  });

  it('the scores with a weighted category and document pins, the grid and the report card (by tier, by category value)', () => {
    for (const { name, sql } of outputs) {
      expect(sql, name).toBeTruthy();
      expect(() => parser.astify(sql, BIGQUERY), name).not.toThrow();
    }
    expect(outputs.find((o) => o.name === 'quantile: scores')?.sql).toMatch(/category0_p AS \(/u);
    expect(outputs.find((o) => o.name === 'quantile: scores')?.sql).toContain('LEFT JOIN (SELECT ');
  });

  it('each window is partitioned (a bucket, one value, one category column) or reads a handful of rows', () => {
    const partitions = new Set<string>();
    for (const { name, sql } of outputs) {
      for (const [cte, found] of windowsByCte(sql)) {
        for (const w of found) {
          if (w.partitionBy !== null) partitions.add(w.partitionBy.join(', '));
          // The bucket totals, profitability's four rows, the report card's three tiers.
          else expect(cte, name).toMatch(/_buckets$|^totalled$|^rated$|^$/u);
          if (w.partitionBy === null && cte === '') expect(sql, name).toMatch(/\nFROM (?:totalled|rated)\nORDER BY ord$/u);
        }
      }
    }
    expect([...partitions].sort()).toEqual(['j', 'r.before_c', 'x.g']);
  });

  it('the script with document pins parses as one multi-statement query', () => {
    const request = { headers, source: 'Accounts', table: 'my-project.crm.accounts', dialect: 'bigquery', documentPins };
    const text = sqlExportText(request, parseSettings({ weights: { Industry: 2 } }), english);
    expect((parser.astify(text, BIGQUERY) as unknown as { type: string }[]).map((a) => a.type)).toEqual(['create', 'select', 'select', 'select']);
  });
});
