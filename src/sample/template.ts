import { ROLE_INFO, type Role } from '../core/roles';
import { random, SAMPLE_HEADER, sampleAccounts, type SampleRow } from './accounts';

/**
 * The template workbook, as plain values: "Accounts" (the sample), "Sample orders" (their order
 * lines) and "How to use" (a warning about #NAME?, steps, what tiers and segments mean, what each
 * column means, and a live example of every custom function). "Create template" in Sheets and
 * `npm run template` (.xlsx) both write exactly this.
 */

/** A date is written `YYYY-MM-DD` (text in Sheets, a date cell in the .xlsx); see `dateCells`. */
export type TemplateCell = string | number;

/** A number format over some columns of a sheet, from `fromRow` (1-based) down `rows` rows. */
export interface TemplateFormat {
  columns: number[];
  format: string;
  fromRow: number;
  rows: number;
}

export interface TemplateSheet {
  name: string;
  rows: TemplateCell[][];
  formats: TemplateFormat[];
  /** 1-based columns holding dates written `YYYY-MM-DD`. */
  dateColumns?: number[];
}

export const ACCOUNTS_SHEET = 'Accounts';
export const ORDERS_SHEET = 'Sample orders';
export const HOW_TO_SHEET = 'How to use';

/** Where the live examples over all accounts start on "How to use" (1-based row), and the column of their Tier. */
export const EXAMPLES_ROW = 60;
export const EXAMPLES_TIER_COLUMN = 2;
/** The day the sample's recency counts to: the order lines end before it. */
export const SAMPLE_AS_OF = '2026-01-01';

const COLUMN_ROLES: Record<string, Role | null> = {
  Account: 'account',
  Industry: null,
  Revenue: 'revenue',
  'Cost to serve': 'cost',
  Orders: 'orders',
  'Recency (days)': 'recency',
  'Tenure (years)': 'tenure',
  Products: 'products',
  Engagement: 'engagement',
  Contacts: 'contacts',
  Channels: 'channels',
  Opportunities: 'opportunities',
  Feedback: 'feedback',
  'Support tickets': 'support',
  Leads: 'leads',
  Profit: 'profit',
  'Health score': 'health',
};

const MEANING: Record<string, string> = {
  Account: 'The account (customer) name.',
  Industry: 'Not scored: carried along for filtering.',
  Revenue: 'Annual spend or budget (money).',
  'Cost to serve': 'What serving the account costs a year.',
  Orders: 'Purchases in the last year.',
  'Recency (days)': 'Days since the last purchase.',
  'Tenure (years)': 'Years as a customer.',
  Products: 'Products or services the account uses.',
  Engagement: 'Engagement score (0–100).',
  Contacts: 'Contacts known at the account (data coverage).',
  Channels: 'Marketing channels the account engages on.',
  Opportunities: 'Open sales opportunities.',
  Feedback: "Colleagues' rating of the account, 1–5.",
  'Support tickets': 'Support tickets or service demands.',
  Leads: 'Leads from the account (for revenue per lead).',
  Profit: 'Gross profit in money (revenue − cost to serve).',
  'Health score': 'Customer health index from your CRM (0–100).',
};

const MONEY = '#,##0';
const WHOLE = '0';
/** Number formats of the Accounts columns, by header. */
const ACCOUNT_FORMATS: Record<string, string> = {
  Revenue: MONEY,
  'Cost to serve': MONEY,
  Profit: MONEY,
  Orders: WHOLE,
  'Recency (days)': WHOLE,
  'Tenure (years)': '0.0',
  Products: WHOLE,
  Engagement: WHOLE,
  Contacts: WHOLE,
  Channels: WHOLE,
  Opportunities: WHOLE,
  Feedback: WHOLE,
  'Support tickets': WHOLE,
  Leads: WHOLE,
  'Health score': WHOLE,
};

const col = (header: string) => SAMPLE_HEADER.indexOf(header as (typeof SAMPLE_HEADER)[number]);
/** Column letter of a 0-based index (A–Z, then AA…). */
const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/**
 * Whether each account renewed, a sample outcome for the report card and the learned weights:
 * likelier with engagement, a recent purchase and a profit, with chance mixed in (seeded).
 */
export function sampleOutcomes(accounts: readonly SampleRow[], seed = 7): string[] {
  const rnd = random(seed);
  return accounts.map((a) => {
    const odds = (Number(a[col('Engagement')]) - 55) / 15 + (60 - Number(a[col('Recency (days)')])) / 60 + (Number(a[col('Profit')]) > 0 ? 0.5 : -0.5);
    return rnd() < 1 / (1 + Math.exp(-odds)) ? 'Yes' : 'No';
  });
}

/** `iso` minus `days`, as `YYYY-MM-DD`. */
function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The accounts' order lines: as many lines as each account's Orders, the last one Recency days
 * before SAMPLE_AS_OF, the others spread over the year before it, their revenue adding up to about
 * the account's Revenue. So ABMRFM over them agrees with the Accounts sheet.
 */
export function sampleOrderLines(accounts: readonly SampleRow[], seed = 11): TemplateCell[][] {
  const rnd = random(seed);
  const lines: TemplateCell[][] = [];
  for (const a of accounts) {
    const orders = Number(a[col('Orders')]);
    const recency = Number(a[col('Recency (days)')]);
    const each = Number(a[col('Revenue')]) / orders;
    for (let k = 0; k < orders; k++) {
      const days = k === 0 ? recency : recency + 1 + Math.floor(rnd() * 364);
      lines.push([a[0], daysBefore(SAMPLE_AS_OF, days), Math.round(each * (0.6 + 0.8 * rnd()))]);
    }
  }
  return lines.sort((x, y) => String(x[1]).localeCompare(String(y[1])));
}

/** What each tier is for and how it is cut (SPEC §4–5, the defaults). */
const TIERS: TemplateCell[][] = [
  ['Tier', 'ABM program', 'Who it is for', 'How it is cut (quantile, the default)'],
  [
    'Tier 1',
    'Strategic ABM (1:1)',
    'Your best accounts: a marketer plans for each one (about 3 accounts each).',
    'The top 20 % of scored accounts by score; tied scores share a tier.',
  ],
  ['Tier 2', 'ABM Lite (1:few)', 'Good accounts, worked in small groups with shared plays (about 10 each).', 'The next 30 %.'],
  ['Tier 3', 'Programmatic ABM (1:many)', 'Everyone else, reached at scale by targeted campaigns (about 500 each).', 'The remaining 50 %.'],
  ['Score', '', 'The weighted mid-rank percentile of each metric, 0–100: 100 is best on every weighted metric.', ''],
  [
    'Cap',
    '',
    'An account that loses money (profit below 0) is Tier 3 whatever its score.',
    'Other methods: threshold (score ≥ 70 → Tier 1, ≥ 40 → Tier 2), pareto (the accounts that earn the first 80 % of profit → Tier 1, the next 15 % → Tier 2), capacity (as many as your marketers can cover).',
  ],
];

/** What each relationship segment is and how it is cut (SPEC §6). */
const SEGMENTS: TemplateCell[][] = [
  ['Segment', '', 'Who it is', 'How it is cut'],
  ['Money Maker', '', 'The largest budgets: protect and grow them, and check that they earn a profit.', 'The top 20 % of accounts by revenue.'],
  ['Contributor', '', 'Steady mid-sized revenue.', 'The next 40 %.'],
  ['Filler', '', 'Small budgets, which often cost more to serve than they bring.', 'The last 40 %.'],
  ['', '', 'Segments are cut by revenue alone, tiers by the whole score: "ABM Summary" shows the profit of each.', ''],
];

export function templateSheets(count = 250): TemplateSheet[] {
  const sample = sampleAccounts(count, 42);
  const accounts: TemplateCell[][] = [[...SAMPLE_HEADER], ...sample];
  const last = accounts.length;
  const all = `Accounts!A1:${letter(SAMPLE_HEADER.length - 1)}${last}`;
  const accountsColumn = (header: string) => `Accounts!${letter(col(header))}1:${letter(col(header))}${last}`;
  const orders: TemplateCell[][] = [['Account', 'Order date', 'Revenue'], ...sampleOrderLines(sample)];
  const ordersColumn = (c: string) => `'${ORDERS_SHEET}'!${c}1:${c}${orders.length}`;
  const r = EXAMPLES_ROW;
  const down = (c: string) => `${c}${r}:${c}${r + last - 1}`;
  const how: TemplateCell[][] = [
    ['ABM Tier: how to use this workbook'],
    [
      'Formula cells (=ABM…) show #NAME? until the ABM Tier add-on is installed, or its script bound to this spreadsheet (Extensions → Apps Script): then they fill in by themselves.',
    ],
    [],
    ['Steps'],
    ['1. Replace the rows of "Accounts" with your own accounts (keep a header row; the column names below are recognised).'],
    ['2. Extensions → ABM Tier → Open ABM Tier: check the columns found, their weights and the tier method.'],
    ['3. Press Score: Score, Tier, Segment, ABM program and Drivers appear beside the data, rows are coloured by tier.'],
    ['4. Open "ABM Summary": profitability by segment and by tier, the marketers each program needs, KPIs and charts.'],
    [],
    ['What the tiers mean'],
    ...TIERS,
    [],
    ['What the segments mean (Money Maker, Contributor, Filler)'],
    ...SEGMENTS,
    [],
    ['Columns', 'Role', 'Weight', 'Better when', 'Meaning'],
    ...SAMPLE_HEADER.map((h) => {
      const role = COLUMN_ROLES[h];
      const info = role ? ROLE_INFO[role] : null;
      return [h, role ?? 'not used', info ? info.weight : '', info && role !== 'account' ? info.direction : '', MEANING[h] ?? ''];
    }),
    [],
    ['Custom functions', 'What it gives', 'Live example'],
    ['ABMLTV', 'Lifetime value: 1 200 per purchase, 6 a year, 5 years, 30 % margin.', '=ABMLTV(1200, 6, 5, 0.3)'],
    ['ABMPROGRAM', 'The ABM program for a tier.', '=ABMPROGRAM("Tier 1")'],
    ['ABMTIER', 'The tier of one score against thresholds (70 and 40); over a column it ranks the accounts.', '=ABMTIER(85, "threshold")'],
    [],
    [`Live examples over all accounts: each spills down from row ${r} under its name.`],
  ];
  if (how.length > r - 2) throw new Error(`"How to use" runs into its examples at row ${r}`);
  while (how.length < r - 2) how.push([]);
  // Each example's name above it, and the formulas; wide tables stand to the right, one under another.
  const examples: [string, string][] = [
    ['ABMSCORE', `=ABMSCORE(${all})`],
    ['ABMTIER', `=ABMTIER(${all})`],
    ['ABMSEGMENT', `=ABMSEGMENT(${accountsColumn('Revenue')})`],
    ['ABMPROGRAM', `=ABMPROGRAM(${down('B')})`],
    ['ABMDRIVERS', `=ABMDRIVERS(${all})`],
    ['ABMHEALTH', `=ABMHEALTH(${all})`],
    ['', ''],
    ['ABMLOOKALIKE (of Tier 1)', `=ABMLOOKALIKE(${all}, ${down('B')})`],
    ['ABMNEXT', `=ABMNEXT(${all})`],
    ['ABMGRID (fit × engagement)', `=ABMGRID(${all})`],
    ['', ''],
    ['', ''],
    ['Sample outcome', ''],
  ];
  const names: TemplateCell[] = examples.map(([name]) => name);
  const formulas: TemplateCell[] = examples.map(([, f]) => f);
  const outcome = examples.length - 1;
  const outcomeColumn = letter(outcome);
  formulas[outcome] = 'Renewed';
  const table = examples.length + 1; // one blank column between
  const tables: [number, string, string][] = [
    [0, 'ABMPROFIT (by segment)', `=ABMPROFIT(${down('C')}, ${accountsColumn('Revenue')}, ${accountsColumn('Profit')})`],
    [8, 'ABMKPI', `=ABMKPI(${all})`],
    [19, 'ABMREPORT (tiers against the sample outcome)', `=ABMREPORT(${down('B')}, ${down(outcomeColumn)})`],
    [36, 'ABMLEARN (weights learned from the sample outcome)', `=ABMLEARN(${all}, ${down(outcomeColumn)})`],
  ];
  const rfm = table + 10;
  const rows: TemplateCell[][] = [names, formulas];
  const outcomes = sampleOutcomes(sample);
  for (let i = 0; i < outcomes.length; i++) rows.push([]);
  outcomes.forEach((o, i) => {
    rows[i + 2][outcome] = o;
  });
  for (const [at, name, formula] of tables) {
    rows[at][table] = name;
    rows[at + 1][table] = formula;
  }
  rows[0][rfm] = `ABMRFM (from "${ORDERS_SHEET}", as of ${SAMPLE_AS_OF})`;
  rows[1][rfm] = `=ABMRFM(${ordersColumn('A')}, ${ordersColumn('B')}, ${ordersColumn('C')}, "${SAMPLE_AS_OF}")`;
  for (const row of rows) for (let c = 0; c < row.length; c++) row[c] ??= '';
  how.push(...rows);
  const data = { fromRow: 2, rows: last - 1 };
  return [
    {
      name: ACCOUNTS_SHEET,
      rows: accounts,
      formats: Object.entries(ACCOUNT_FORMATS).map(([h, format]) => ({ columns: [col(h) + 1], format, ...data })),
    },
    {
      name: ORDERS_SHEET,
      rows: orders,
      formats: [{ columns: [3], format: MONEY, fromRow: 2, rows: orders.length - 1 }],
      dateColumns: [2],
    },
    {
      name: HOW_TO_SHEET,
      rows: how,
      formats: [{ columns: [1], format: '0.0', fromRow: r + 1, rows: last - 1 }],
    },
  ];
}

/** Rows padded to one width, as setValues needs. */
export function rectangle(rows: TemplateCell[][]): TemplateCell[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<TemplateCell>(width - r.length).fill('')]);
}
