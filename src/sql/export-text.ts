import type { Settings } from '../core/settings';
import type { Translate } from '../i18n';
import { generateScript, LABELLED_TABLE } from './generate';
import type { DocumentPin } from './pins';

/**
 * The SQL as a person gets it: "Copy as SQL" in the sidebar and `abm-tier sql` both come here, so
 * they check the table and dialect alike, say the same words, and print the same commented script: the
 * labelled rows computed once into a temporary table, then the three queries reading it. It runs in the sidebar (not on the server: Code.js loads on every custom-function cell).
 */

/** A warehouse table: `accounts`, `project.dataset.accounts`; letters, digits and `_ $ . -`, up to 300. */
const TABLE = /^[\w$.-]{1,300}$/u;

/** The request cannot be answered as asked: its message (in the person's language) says what to change. */
export class SqlRequestError extends Error {
  override name = 'SqlRequestError';
}

export interface SqlRequest {
  /** The header row by column index ('' where a column has no header); null when no header row was found. */
  headers: readonly string[] | null;
  /** The sheet (or file) the headers come from, named when there are none. */
  source: string;
  /** Checked here: it comes from a text box or a command line. */
  table: unknown;
  dialect: unknown;
  /** A column giving the rows' order, for pareto's ties. */
  rowId?: string;
  /** The column of pinned tiers (`--pins`); absent: the header's `Pin`, `Override`… column; null: none. */
  pins?: string | null;
  /** Pins kept in the document's settings (account, 0–2 a tier or 3 exclude), as the sheet's Score applies them. */
  documentPins?: readonly DocumentPin[];
  /** Said in brackets after the first comment line, e.g. the dialect. */
  note?: string;
}

/** A header row rebuilt by column index from the columns that have a header ('' in the gaps between them). */
export function headerRow(columns: readonly { index: number; header: string }[]): string[] {
  const sparse: string[] = [];
  for (const c of columns) sparse[c.index] = c.header;
  return Array.from(sparse, (h) => h ?? '');
}

/** The script for these (validated) settings: the kept rows, then the scores and the profitability queries (by segment, by tier), each under its comment line. */
export function sqlExportText(request: SqlRequest, settings: Settings, say: Translate): string {
  const { headers, table, dialect } = request;
  if (typeof table !== 'string' || !TABLE.test(table)) throw new SqlRequestError(say('msg.sqlTable'));
  if (dialect !== 'bigquery' && dialect !== 'duckdb') throw new SqlRequestError(say('msg.sqlDialect'));
  if (!headers) throw new SqlRequestError(say('msg.sqlNoHeader', { sheet: request.source }));
  const { create, scores, profitability, tierProfitability } = generateScript(headers, settings, {
    table,
    dialect,
    rowId: request.rowId,
    pins: request.pins,
    documentPins: request.documentPins,
  });
  const note = request.note ? ` (${request.note})` : '';
  return `-- ABM Tier: every account scored, tiered and segmented once, into the temporary table ${LABELLED_TABLE}; run the whole script${note}
${create};

-- ABM Tier: score, tier, segment and program of every account (to keep them: CREATE OR REPLACE TABLE your_dataset.accounts_scored AS SELECT …)
${scores};

-- ABM Tier: profitability by segment
${profitability};

-- ABM Tier: profitability by tier
${tierProfitability};
`;
}
