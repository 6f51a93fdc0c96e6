/** The column roles of SPEC §1, their default weights, directions and usual headers. */

export const METRIC_ROLES = [
  'revenue', 'profit', 'cost', 'orders', 'recency', 'tenure', 'products', 'engagement',
  'contacts', 'channels', 'opportunities', 'feedback', 'health', 'support',
] as const;

/** `leads` is not scored by default; it feeds the revenue-per-lead KPI. */
export const ROLES = ['account', ...METRIC_ROLES, 'leads'] as const;

export type Role = (typeof ROLES)[number];
export type MetricRole = (typeof METRIC_ROLES)[number] | 'leads';
export type Direction = 'higher' | 'lower';

export interface RoleInfo {
  weight: number;
  direction: Direction;
  /** Headers that map to this role after `normaliseHeader`. */
  synonyms: readonly string[];
}

export const ROLE_INFO: Record<Role, RoleInfo> = {
  account: { weight: 0, direction: 'higher', synonyms: ['account name', 'account id', 'company', 'company name', 'customer', 'customer name', 'customer id', 'client', 'client name', 'name', 'organisation', 'organization', 'org'] },
  revenue: { weight: 2, direction: 'higher', synonyms: ['sales', 'annual revenue', 'annual spend', 'spend', 'budget', 'turnover', 'income', 'arr', 'total revenue', 'sales amount', 'amount', 'annual sales'] },
  profit: { weight: 3, direction: 'higher', synonyms: ['gross profit', 'gp', 'net profit', 'profit amount', 'margin amount', 'contribution'] },
  cost: { weight: 0, direction: 'lower', synonyms: ['cost to serve', 'cts', 'service cost', 'costs', 'cost of service', 'serving cost'] },
  orders: { weight: 1, direction: 'higher', synonyms: ['purchases', 'purchase frequency', 'frequency', 'order count', 'orders count', 'number of orders', 'transactions', 'purchase count'] },
  recency: { weight: 1, direction: 'lower', synonyms: ['days since last purchase', 'days since last order', 'last purchase', 'last order', 'last purchase date', 'last order date', 'last purchased'] },
  tenure: { weight: 1, direction: 'higher', synonyms: ['years as customer', 'years as a customer', 'customer since', 'first purchase', 'first order', 'first purchase date', 'first order date', 'customer age', 'age of relationship'] },
  products: { weight: 1, direction: 'higher', synonyms: ['products used', 'number of products', 'product count', 'services', 'services used', 'products services'] },
  engagement: { weight: 2, direction: 'higher', synonyms: ['engagement score', 'intent', 'intent score', 'engagement index'] },
  contacts: { weight: 1, direction: 'higher', synonyms: ['contacts known', 'known contacts', 'data coverage', 'coverage', 'number of contacts', 'contact count'] },
  channels: { weight: 1, direction: 'higher', synonyms: ['marketing channels', 'engaged channels', 'number of channels', 'channel count'] },
  opportunities: { weight: 1, direction: 'higher', synonyms: ['open opportunities', 'opps', 'open opps', 'opportunity count', 'pipeline'] },
  feedback: { weight: 1, direction: 'higher', synonyms: ['colleague feedback', 'sales feedback', 'team feedback', 'rating', 'team rating'] },
  health: { weight: 1, direction: 'higher', synonyms: ['health score', 'health index', 'customer health', 'account health'] },
  support: { weight: 1, direction: 'lower', synonyms: ['support tickets', 'tickets', 'service demands', 'support cases', 'cases', 'support requests'] },
  leads: { weight: 0, direction: 'higher', synonyms: ['number of leads', 'lead count', 'leads count'] },
};

/**
 * Lower-case, drop a trailing "(unit)", turn `_ - / .` into spaces, drop `#`, fold spaces:
 * `Recency (days)` → `recency`, `Cost-to-serve` → `cost to serve`, `# Orders` → `orders`.
 */
export function normaliseHeader(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/\s*\([^()]*\)\s*$/u, '')
    .replace(/[_\-/.]+/gu, ' ')
    .replace(/#/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const SYNONYMS = new Map<string, Role>();
for (const role of ROLES) for (const s of ROLE_INFO[role].synonyms) SYNONYMS.set(s, role);

export function isRole(name: string): name is Role {
  return (ROLES as readonly string[]).includes(name);
}

/** The role a header names exactly (`exact`), or by synonym, or none. */
export function roleOfHeader(header: unknown): { role: Role; exact: boolean } | null {
  const key = normaliseHeader(header);
  if (isRole(key)) return { role: key, exact: true };
  const role = SYNONYMS.get(key);
  return role ? { role, exact: false } : null;
}
