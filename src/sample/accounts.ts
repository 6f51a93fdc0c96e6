import { random } from '../core/random';

export { random };

/**
 * A deterministic sample of B2B accounts with every role of SPEC §1, shaped to tell a story:
 * some Money Makers cost a lot to serve, Contributors earn steadily, many Fillers lose money.
 */

export const SAMPLE_HEADER = [
  'Account',
  'Industry',
  'Revenue',
  'Cost to serve',
  'Orders',
  'Recency (days)',
  'Tenure (years)',
  'Products',
  'Engagement',
  'Contacts',
  'Channels',
  'Opportunities',
  'Feedback',
  'Support tickets',
  'Leads',
  'Profit',
  'Health score',
] as const;

const INDUSTRIES = ['Manufacturing', 'Software', 'Healthcare', 'Retail', 'Logistics', 'Finance'];
const PREFIX = [
  'North',
  'Blue',
  'Apex',
  'Silver',
  'Delta',
  'Green',
  'Summit',
  'Harbor',
  'Iron',
  'Bright',
  'Cedar',
  'Nova',
  'Pioneer',
  'Crest',
  'Atlas',
  'Vista',
];
const SUFFIX = [
  'Works',
  'Systems',
  'Labs',
  'Group',
  'Partners',
  'Logistics',
  'Health',
  'Foods',
  'Dynamics',
  'Industries',
  'Networks',
  'Supply',
  'Analytics',
  'Motors',
  'Retail',
  'Capital',
];

export type SampleRow = [string, string, ...number[]];

/** `count` accounts; seed 42 is the sample the README, the preview and the template use. */
export function sampleAccounts(count = 250, seed = 42): SampleRow[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows: SampleRow[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    let name = `${pick(PREFIX)} ${pick(SUFFIX)}`;
    if (used.has(name)) name = `${name} ${i + 1}`;
    used.add(name);
    // Budget follows a long tail: a few large accounts, many small ones.
    const size = rnd();
    const revenue = Math.round(5_000 + 900_000 * size ** 3 + 20_000 * rnd());
    const big = size > 0.8;
    const middle = size > 0.45 && !big;
    // Large accounts demand a lot of service; small ones cost a fixed overhead each.
    const costShare = big ? 0.55 + 0.45 * rnd() : middle ? 0.35 + 0.3 * rnd() : 0.5 + 0.9 * rnd();
    const cost = Math.round(revenue * costShare + 2_000);
    const orders = Math.max(1, Math.round((big ? 20 : middle ? 14 : 5) * (0.5 + rnd())));
    const recency = Math.round((big ? 30 : middle ? 25 : 120) * (0.2 + 2 * rnd()));
    const tenure = Math.round(10 * (0.5 + 8 * rnd() * (big ? 1 : middle ? 0.8 : 0.5))) / 10;
    const products = Math.max(1, Math.round((big ? 6 : middle ? 4 : 2) * (0.4 + rnd())));
    const engagement = Math.round(Math.min(100, (big ? 55 : middle ? 60 : 30) + 40 * rnd()));
    const contacts = Math.max(1, Math.round((big ? 25 : middle ? 12 : 4) * (0.3 + rnd())));
    const channels = Math.max(1, Math.round((big ? 4 : middle ? 3 : 1.5) * (0.5 + rnd())));
    const opportunities = Math.round((big ? 3 : middle ? 2 : 0.6) * rnd() * 2);
    const feedback = Math.max(1, Math.min(5, Math.round((big ? 3 : middle ? 4 : 2.5) + 2 * rnd() - 1)));
    const support = Math.round((big ? 40 : middle ? 12 : 8) * (0.3 + rnd()));
    const leads = Math.max(1, Math.round(contacts * (0.5 + rnd())));
    const health = Math.round(Math.max(0, Math.min(100, 0.6 * engagement + 30 - recency / 10 - support / 3 + 10 * rnd())));
    rows.push([
      name,
      pick(INDUSTRIES),
      revenue,
      cost,
      orders,
      recency,
      tenure,
      products,
      engagement,
      contacts,
      channels,
      opportunities,
      feedback,
      support,
      leads,
      revenue - cost,
      health,
    ]);
  }
  return rows;
}

export function sampleCsv(count = 250, seed = 42): string {
  const quote = (v: string | number) => (typeof v === 'string' && /[",\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : String(v));
  return `${[SAMPLE_HEADER.join(','), ...sampleAccounts(count, seed).map((r) => r.map(quote).join(','))].join('\n')}\n`;
}
