import type { SettingsInput } from '../core';
import { setOwn } from '../core/own-key';
import { EXCERPT, excerpt } from './excerpt';

/** Command-line flags → settings (validated later by the one zod schema) and output options. */

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Options {
  command: string;
  file: string | null;
  settings: SettingsInput;
  format: 'json' | 'csv' | 'text' | null;
  out: string | null;
  bins: number;
  lookalikes: boolean;
  /** score: add each account's move into the next tier. */
  next: boolean;
  /** score: add each account's fit and engagement scores and grid cell. */
  grid: boolean;
  /** score: weights from a file `abm-tier learn` wrote. */
  weightsFrom: string | null;
  table: string | null;
  dialect: 'duckdb' | 'bigquery';
  columns: string[] | null;
  rowId: string | null;
  /** report, sql: the outcome column (SPEC §13). */
  outcome: string | null;
  /** The pin column (docs/scoring.md, "Pinned tiers"); default the one headed Pin, Override, Manual tier… */
  pins: string | null;
}

const VALUE_FLAGS = new Set([
  '--lang',
  '--method',
  '--cutoffs',
  '--thresholds',
  '--weights',
  '--directions',
  '--axes',
  '--as-of',
  '--format',
  '--weights-from',
  '--out',
  '--bins',
  '--capacity',
  '--table',
  '--dialect',
  '--columns',
  '--row-id',
  '--outcome',
  '--pins',
]);
const BOOLEAN_FLAGS = new Set(['--no-cap', '--lookalikes', '--next', '--grid']);

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/iu;

/** The one reader of numbers in options: `3`, `-1.5`, `.5`, `1e3`, `2E1`; NaN for anything else (`0x10`, `Infinity`, `1,5`, ''). */
export function optionNumber(text: string): number {
  const s = text.trim();
  return DECIMAL.test(s) ? Number(s) : Number.NaN;
}

function numbers(flag: string, text: string, count: number[]): number[] {
  const values = text.split(',').map(optionNumber);
  if (!count.includes(values.length) || values.some((v) => !Number.isFinite(v))) {
    throw new UsageError(
      `${flag} takes ${count.join(' or ')} numbers separated by commas, e.g. ${flag} ${count[0] === 3 ? '20,30,50' : count[0] === 2 ? '70,40' : '1,3,1,10'}; got ${excerpt(text)}.`,
    );
  }
  return values;
}

/** `name=value,name=value` → { name: value }, each value read by `read` (undefined: refused). */
function pairs<T>(flag: string, text: string, read: (value: string) => T | undefined, example: string, what: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const name = eq > 0 ? part.slice(0, eq).trim() : '';
    const value = eq > 0 ? read(part.slice(eq + 1).trim()) : undefined;
    if (!name || value === undefined) throw new UsageError(`${flag} takes ${what} pairs, e.g. ${flag} ${example}; ${excerpt(part)} is not one.`);
    setOwn(out, name, value);
  }
  return out;
}

const weight = (text: string) => {
  const v = optionNumber(text);
  return Number.isFinite(v) ? v : undefined;
};
const direction = (text: string) => {
  const d = text.toLowerCase();
  return d === 'higher' || d === 'lower' ? d : undefined;
};
const axis = (text: string) => {
  const a = text.toLowerCase();
  return a === 'fit' || a === 'engagement' ? a : undefined;
};

export function parseArgs(argv: readonly string[]): Options {
  const first = argv[0] === '--help' || argv[0] === '-h' ? 'help' : argv[0];
  const options: Options = {
    command: first ?? 'help',
    file: null,
    settings: {},
    format: null,
    out: null,
    bins: 5,
    lookalikes: false,
    next: false,
    grid: false,
    weightsFrom: null,
    table: null,
    dialect: 'bigquery',
    columns: null,
    rowId: null,
    outcome: null,
    pins: null,
  };
  const s = options.settings as Record<string, unknown>;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, null];
    if (flag === '--help' || flag === '-h') {
      options.command = 'help';
      continue;
    }
    if (BOOLEAN_FLAGS.has(flag)) {
      if (flag === '--no-cap') s.unprofitableCap = false;
      else if (flag === '--next') options.next = true;
      else if (flag === '--grid') options.grid = true;
      else options.lookalikes = true;
      continue;
    }
    if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value.`);
      switch (flag) {
        case '--method':
          s.method = value;
          break;
        case '--lang':
          s.lang = value;
          break;
        case '--cutoffs':
          s.cutoffs = numbers(flag, value, [3]);
          break;
        case '--thresholds':
          s.thresholds = numbers(flag, value, [2]);
          break;
        case '--capacity': {
          const [sm, sa, lm, la] = numbers(flag, value, [4]);
          s.capacity = { strategicMarketers: sm, strategicAccounts: sa, liteMarketers: lm, liteAccounts: la };
          break;
        }
        case '--weights':
          s.weights = pairs(flag, value, weight, 'profit=3,revenue=2', 'name=number');
          break;
        case '--directions':
          s.directions = pairs(flag, value, direction, 'recency=lower,Tickets=lower', 'name=higher or name=lower');
          break;
        case '--axes':
          s.axes = pairs(flag, value, axis, 'Support=fit,Tenure=engagement', 'name=fit or name=engagement');
          break;
        case '--as-of':
          s.asOf = value;
          break;
        case '--format':
          if (value !== 'json' && value !== 'csv' && value !== 'text') throw new UsageError(`--format is json, csv or text (report), not ${excerpt(value)}.`);
          if ((value === 'text') !== (options.command === 'report') && value !== 'json')
            throw new UsageError(options.command === 'report' ? '--format for report is json or text.' : '--format text is for report; use json or csv.');
          options.format = value;
          break;
        case '--weights-from':
          options.weightsFrom = value;
          break;
        case '--out':
          options.out = value;
          break;
        case '--table':
          options.table = value;
          break;
        case '--dialect':
          if (value !== 'duckdb' && value !== 'bigquery') throw new UsageError(`--dialect is bigquery or duckdb, not ${excerpt(value)}.`);
          options.dialect = value;
          break;
        case '--columns':
          options.columns = value
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean);
          break;
        case '--row-id':
          options.rowId = value;
          break;
        case '--outcome':
          options.outcome = value;
          break;
        case '--pins':
          options.pins = value;
          break;
        case '--bins': {
          const n = optionNumber(value);
          if (!Number.isInteger(n) || n < 2 || n > 10) throw new UsageError(`--bins is a whole number from 2 to 10, not ${excerpt(value)}.`);
          options.bins = n;
          break;
        }
      }
      continue;
    }
    if (arg.startsWith('-')) throw new UsageError(`unknown option ${flag.length > EXCERPT ? excerpt(flag) : flag}; see abm-tier --help.`);
    if (options.file) throw new UsageError(`one file at a time: got ${excerpt(options.file)} and ${excerpt(arg)}.`);
    options.file = arg;
  }
  return options;
}

export const HELP = `abm-tier: ABM tier analysis of a table of accounts

Usage:
  abm-tier score FILE.csv [options]     score, tier and segment every account (JSON, or CSV with --format csv)
  abm-tier summary FILE.csv [options]   a readable report: tiers, profitability by segment, programs, KPIs
  abm-tier accounts ORDERS.csv [--as-of DATE] [--out accounts.csv]
                                        order lines → one row per account (revenue, orders, recency, tenure…)
  abm-tier rfm ORDERS.csv [--as-of DATE] [--bins 5] [--format json|csv]
                                        RFM scores and segments per customer, as the R package rfm computes them
  abm-tier sql [FILE.csv | --columns A,B,…] --table NAME [--dialect bigquery|duckdb] [options]
                                        the same scoring as SQL for a warehouse table (columns from the
                                        file's header or --columns); prints the scores and profitability queries
  abm-tier report FILE.csv [--outcome COLUMN] [--format json|text] [options]
                                        the report card: success rate per tier (Wilson 95 %), lift, AUC
                                        (DeLong 95 %), MadKudu's bar and a verdict, against an outcome column
  abm-tier learn FILE.csv [--outcome COLUMN] [--format json|text] [options]
                                        weights learned from the outcome column (non-negative logistic
                                        regression; 5-fold cross-validated AUC beside the current weights' AUC)
  abm-tier help                         this text

Options:
  --method quantile|threshold|pareto|capacity|grid   how tiers are cut (default quantile)
  --cutoffs 20,30,50          quantile: percent of accounts in Tier 1, 2, 3
  --thresholds 70,40          threshold: minimum score for Tier 1 and Tier 2
  --capacity 1,3,1,10         capacity: strategic marketers, accounts each, ABM Lite marketers, accounts each
  --weights profit=3,revenue=2  weights by role or column header; naming another numeric column
                              scores it as a custom metric (weight 0 leaves a metric out)
  --directions recency=lower,Tickets=lower
                              whether higher or lower is better, by role or column header (a
                              custom metric is higher-is-better unless told)
  --no-cap                    do not move unprofitable accounts to Tier 3
  --as-of YYYY-MM-DD          the day recency and tenure dates count from (default today)
  --format json|csv           output format (default json; csv when --out ends in .csv; report: json|text)
  --out FILE                  write to FILE instead of standard output
  --lang en|th|zh-CN|hy       labels, messages and number/date habits of that language (default en)
  --bins 5                    rfm: scores 1…n for recency, frequency and monetary
  --lookalikes                score: add each account's similarity (0–100) to the Tier 1 profile
  --next                      score: add each account's smallest one-metric move into the next tier
  --grid                      score: add each account's Fit and Engagement scores (0–100) and its grid
                              cell, A1 (best fit, most engaged) … C3; sql: add the query that gives them
  --axes Support=fit          the grid axis (fit or engagement) of a role or column, overriding its role's
                              default (docs/scoring.md, "Fit × engagement")
  --weights-from FILE.json    weights from a file abm-tier learn wrote (--weights still wins)
  --row-id COLUMN             sql: the column that orders rows (pareto's ties); default the account column
  --outcome COLUMN            report, learn, sql: the outcome column (default: the first headed Outcome, Won,
                              Converted, Renewed, Churned…); sql adds the per-tier report card query
  --pins COLUMN               the column of pinned tiers: a tier label, 1/2/3 or exclude, a reason after a
                              colon (default: the column headed Pin, Override or Manual tier)
`;
