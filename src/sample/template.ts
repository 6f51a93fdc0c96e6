import { ROLE_INFO, type Role } from '../core/roles';
import { SAMPLE_HEADER, sampleAccounts } from './accounts';

/**
 * The template workbook, as plain values: "Accounts" (the sample) and "How to use" (steps, what each
 * column means, and live custom-function examples). "Create template" in Sheets and
 * `npm run template` (.xlsx) both write exactly this.
 */

export type TemplateCell = string | number;

export interface TemplateSheet {
  name: string;
  rows: TemplateCell[][];
}

export const ACCOUNTS_SHEET = 'Accounts';
export const HOW_TO_SHEET = 'How to use';

/** Where the live examples start on "How to use" (1-based row), and the column of their Tier. */
export const EXAMPLES_ROW = 34;
export const EXAMPLES_TIER_COLUMN = 2;

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

export function templateSheets(count = 250): TemplateSheet[] {
  const accounts: TemplateCell[][] = [[...SAMPLE_HEADER], ...sampleAccounts(count, 42)];
  const last = accounts.length;
  const lastCol = String.fromCharCode(64 + SAMPLE_HEADER.length);
  const all = `Accounts!A1:${lastCol}${last}`;
  const profitCol = String.fromCharCode(65 + SAMPLE_HEADER.indexOf('Profit'));
  const r = EXAMPLES_ROW;
  const how: TemplateCell[][] = [
    ['ABM Tier: how to use this workbook'],
    [],
    ['Steps'],
    ['1. Replace the rows of "Accounts" with your own accounts (keep a header row; the column names below are recognised).'],
    ['2. Extensions → ABM Tier → Open ABM Tier: check the columns found, their weights and the tier method.'],
    ['3. Press Score: Score, Tier, Segment, ABM program and Drivers appear beside the data, rows are coloured by tier.'],
    ['4. Open "ABM Summary": profitability by segment and by tier, the marketers each program needs, KPIs and charts.'],
    [],
    ['Columns', 'Role', 'Weight', 'Better when', 'Meaning'],
    ...SAMPLE_HEADER.map((h) => {
      const role = COLUMN_ROLES[h];
      const info = role ? ROLE_INFO[role] : null;
      return [h, role ?? 'not used', info ? info.weight : '', info && role !== 'account' ? info.direction : '', MEANING[h] ?? ''];
    }),
    [],
    ['Custom functions', 'Live example', 'What it gives'],
    ['ABMLTV', '=ABMLTV(1200, 6, 5, 0.3)', 'Lifetime value: 1 200 per purchase, 6 a year, 5 years, 30 % margin.'],
    ['ABMPROGRAM', '=ABMPROGRAM("Tier 1")', 'The ABM program for a tier.'],
    [],
    [`Live examples over all accounts (they spill down from row ${r}; the table on the right is profitability by segment):`],
  ];
  while (how.length < r - 1) how.push([]);
  how.push([
    `=ABMSCORE(${all})`,
    `=ABMTIER(${all})`,
    `=ABMSEGMENT(Accounts!C1:C${last})`,
    `=ABMPROGRAM(B${r}:B${r + last - 1})`,
    `=ABMDRIVERS(${all})`,
    '',
    `=ABMPROFIT(C${r}:C${r + last - 1}, Accounts!C1:C${last}, Accounts!${profitCol}1:${profitCol}${last})`,
  ]);
  return [
    { name: ACCOUNTS_SHEET, rows: accounts },
    { name: HOW_TO_SHEET, rows: how },
  ];
}

/** Rows padded to one width, as setValues needs. */
export function rectangle(rows: TemplateCell[][]): TemplateCell[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<TemplateCell>(width - r.length).fill('')]);
}
