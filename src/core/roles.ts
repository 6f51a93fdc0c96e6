/** The column roles of SPEC §1, their default weights, directions and usual headers (English, Thai, Chinese, Armenian). */

export const METRIC_ROLES = [
  'revenue',
  'profit',
  'cost',
  'orders',
  'recency',
  'tenure',
  'products',
  'engagement',
  'contacts',
  'channels',
  'opportunities',
  'feedback',
  'health',
  'support',
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
  account: {
    weight: 0,
    direction: 'higher',
    synonyms: [
      'account name',
      'account id',
      'company',
      'company name',
      'customer',
      'customer name',
      'customer id',
      'client',
      'client name',
      'name',
      'organisation',
      'organization',
      'org',
      'บัญชี',
      'ลูกค้า',
      'ชื่อลูกค้า',
      'บริษัท',
      '客户',
      '客户名称',
      '公司',
      '账户',
      'հաճախորդ',
      'ընկերություն',
      'հաշիվ',
    ],
  },
  revenue: {
    weight: 2,
    direction: 'higher',
    synonyms: [
      'sales',
      'annual revenue',
      'annual spend',
      'spend',
      'budget',
      'turnover',
      'income',
      'arr',
      'total revenue',
      'sales amount',
      'amount',
      'annual sales',
      'รายได้',
      'ยอดขาย',
      '收入',
      '营收',
      '销售额',
      'եկամուտ',
      'հասույթ',
      'վաճառք',
    ],
  },
  profit: {
    weight: 3,
    direction: 'higher',
    synonyms: [
      'gross profit',
      'gp',
      'net profit',
      'profit amount',
      'margin amount',
      'contribution',
      'กำไร',
      'กำไรขั้นต้น',
      '利润',
      '毛利',
      'շահույթ',
      'համախառն շահույթ',
    ],
  },
  cost: {
    weight: 0,
    direction: 'lower',
    synonyms: [
      'cost to serve',
      'cts',
      'service cost',
      'costs',
      'cost of service',
      'serving cost',
      'ต้นทุน',
      'ต้นทุนการให้บริการ',
      '成本',
      '服务成本',
      'ծախս',
      'սպասարկման ծախս',
      'ինքնարժեք',
    ],
  },
  orders: {
    weight: 1,
    direction: 'higher',
    synonyms: [
      'purchases',
      'purchase frequency',
      'frequency',
      'order count',
      'orders count',
      'number of orders',
      'transactions',
      'purchase count',
      'คำสั่งซื้อ',
      'จำนวนคำสั่งซื้อ',
      '订单',
      '订单数',
      'պատվերներ',
      'պատվերների քանակ',
    ],
  },
  recency: {
    weight: 1,
    direction: 'lower',
    synonyms: [
      'days since last purchase',
      'days since last order',
      'last purchase',
      'last order',
      'last purchase date',
      'last order date',
      'last purchased',
      'ความใหม่',
      'วันนับจากซื้อล่าสุด',
      'ซื้อล่าสุด',
      '最近购买',
      '最近购买天数',
      '距上次购买天数',
      'վերջին գնում',
      'օրեր վերջին գնումից',
    ],
  },
  tenure: {
    weight: 1,
    direction: 'higher',
    synonyms: [
      'years as customer',
      'years as a customer',
      'customer since',
      'first purchase',
      'first order',
      'first purchase date',
      'first order date',
      'customer age',
      'age of relationship',
      'อายุลูกค้า',
      'ระยะเวลาเป็นลูกค้า',
      '客户年限',
      '合作年限',
      'ստաժ',
      'հաճախորդի ստաժ',
    ],
  },
  products: {
    weight: 1,
    direction: 'higher',
    synonyms: [
      'products used',
      'number of products',
      'product count',
      'services',
      'services used',
      'products services',
      'ผลิตภัณฑ์',
      'จำนวนผลิตภัณฑ์',
      '产品',
      '产品数',
      'ապրանքներ',
      'ապրանքների քանակ',
    ],
  },
  engagement: {
    weight: 2,
    direction: 'higher',
    synonyms: ['engagement score', 'intent', 'intent score', 'engagement index', 'การมีส่วนร่วม', '参与度', 'ներգրավվածություն'],
  },
  contacts: {
    weight: 1,
    direction: 'higher',
    synonyms: [
      'contacts known',
      'known contacts',
      'data coverage',
      'coverage',
      'number of contacts',
      'contact count',
      'ผู้ติดต่อ',
      'จำนวนผู้ติดต่อ',
      '联系人',
      '联系人数',
      'կոնտակտներ',
    ],
  },
  channels: {
    weight: 1,
    direction: 'higher',
    synonyms: ['marketing channels', 'engaged channels', 'number of channels', 'channel count', 'ช่องทาง', 'ช่องทางการตลาด', '渠道', '营销渠道', 'ալիքներ'],
  },
  opportunities: {
    weight: 1,
    direction: 'higher',
    synonyms: ['open opportunities', 'opps', 'open opps', 'opportunity count', 'pipeline', 'โอกาสการขาย', 'โอกาส', '销售机会', '商机', 'հնարավորություններ'],
  },
  feedback: {
    weight: 1,
    direction: 'higher',
    synonyms: [
      'colleague feedback',
      'sales feedback',
      'team feedback',
      'rating',
      'team rating',
      'ความคิดเห็น',
      'คะแนนจากทีม',
      '反馈',
      '评分',
      'կարծիք',
      'գնահատական',
    ],
  },
  health: {
    weight: 1,
    direction: 'higher',
    synonyms: ['health score', 'health index', 'customer health', 'account health', 'สุขภาพลูกค้า', 'คะแนนสุขภาพ', '健康度', '客户健康度', 'առողջություն'],
  },
  support: {
    weight: 1,
    direction: 'lower',
    synonyms: [
      'support tickets',
      'tickets',
      'service demands',
      'support cases',
      'cases',
      'support requests',
      'คำขอบริการ',
      'ตั๋วสนับสนุน',
      '工单',
      '支持工单',
      'աջակցության հայտեր',
      'հայտեր',
    ],
  },
  leads: { weight: 0, direction: 'higher', synonyms: ['number of leads', 'lead count', 'leads count', 'ลีด', '线索', 'լիդեր'] },
};

/**
 * Lower-case, drop a trailing "(unit)", turn `_ - / .` into spaces, drop `#`, fold spaces:
 * `Recency (days)` → `recency`, `Cost-to-serve` → `cost to serve`, `# Orders` → `orders`.
 * Every step is linear in the header's length (a cell may hold a megabyte of spaces).
 */
export function normaliseHeader(header: unknown): string {
  const text = withoutUnit(String(header ?? '').toLowerCase());
  return (NEEDS_FOLDING.test(text) ? text.replace(SEPARATORS, ' ') : text).trim();
}

const SEPARATORS = /[\s_\-/.#]+/gu;
/** A separator other than a lone plain space: most headers have none, and skip the replace. */
const NEEDS_FOLDING = /[_\-/.#]|\s\s|[^\S ]/u;

/** The text without a trailing `(unit)` (no brackets inside it) and the spaces before and after it. */
function withoutUnit(text: string): string {
  const end = text.trimEnd();
  if (!end.endsWith(')')) return text;
  const open = end.lastIndexOf('(');
  if (open < 0 || end.indexOf(')', open) !== end.length - 1) return text;
  return end.slice(0, open);
}

const SYNONYMS = new Map<string, Role>();
for (const role of ROLES) for (const s of ROLE_INFO[role].synonyms) SYNONYMS.set(s, role);

export function isRole(name: string): name is Role {
  return (ROLES as readonly string[]).includes(name);
}

/** The role a header names exactly (`exact`), or by synonym, or none. */
export function roleOfHeader(header: unknown): { role: Role; exact: boolean } | null {
  return roleOfKey(normaliseHeader(header));
}

/** The role a header already normalised names, as `roleOfHeader`. */
export function roleOfKey(key: string): { role: Role; exact: boolean } | null {
  if (isRole(key)) return { role: key, exact: true };
  const role = SYNONYMS.get(key);
  return role ? { role, exact: false } : null;
}

/**
 * The outcome role (SPEC §13): what happened to an account after its data were taken. It never
 * enters the score: `roleOfHeader` does not name it, so `mapColumns` carries the column along and
 * the report card finds it with `outcomeOfHeader`. A churn column (`failure`) reads a yes as a failure.
 */
export const OUTCOME_ROLE = 'outcome';

export const OUTCOME_HEADERS: readonly string[] = [
  'outcome',
  'result',
  'won',
  'win',
  'closed won',
  'deal won',
  'converted',
  'conversion',
  'renewed',
  'renewal',
  'retained',
  'bought again',
  'repurchased',
  'repeat purchase',
  'success',
  'next period revenue',
  'next year revenue',
  'revenue next period',
  'revenue next year',
  'future revenue',
  'ผลลัพธ์',
  'ผล',
  'ปิดการขายได้',
  'ชนะ',
  'ซื้อซ้ำ',
  'ต่ออายุ',
  'ผลการขาย',
  '结果',
  '成交',
  '赢单',
  '转化',
  '已转化',
  '续约',
  '复购',
  'արդյունք',
  'շահված',
  'կրկնակի գնում',
  'երկարաձգված',
  'փոխարկված',
];

/** Headers of an outcome column whose yes is a failure. */
export const OUTCOME_FAILURE_HEADERS: readonly string[] = [
  'churned',
  'churn',
  'lost',
  'closed lost',
  'cancelled',
  'canceled',
  'เลิกใช้',
  'ยกเลิก',
  'แพ้',
  '流失',
  '已流失',
  '输单',
  'հեռացած',
  'կորցված',
];

const OUTCOME_KEYS = new Map<string, boolean>();
for (const h of OUTCOME_HEADERS) OUTCOME_KEYS.set(h, false);
for (const h of OUTCOME_FAILURE_HEADERS) OUTCOME_KEYS.set(h, true);

/** Whether a header names an outcome column, and whether its yes is a failure (`Churned`); null when it names none. */
export function outcomeOfHeader(header: unknown): { failure: boolean } | null {
  const failure = OUTCOME_KEYS.get(normaliseHeader(header));
  return failure === undefined ? null : { failure };
}

/**
 * The pin role (docs/scoring.md, "Pinned tiers"): the team's tier for an account (a label, 1/2/3) or
 * `exclude`. Like the outcome, it never enters the score; `pinColumns` finds it, and a pin-reason column.
 */
export const PIN_HEADERS: readonly string[] = [
  'pin',
  'pinned',
  'pinned tier',
  'override',
  'tier override',
  'manual tier',
  'ปักหมุด',
  'ระดับที่ปักหมุด',
  'กำหนดระดับเอง',
  '固定',
  '固定层级',
  '手动层级',
  'ամրացում',
  'ամրացված մակարդակ',
  'ձեռքով մակարդակ',
];

/** Headers of a pin-reason column. */
export const PIN_REASON_HEADERS: readonly string[] = [
  'pin reason',
  'override reason',
  'reason',
  'เหตุผล',
  'เหตุผลที่ปักหมุด',
  '原因',
  '固定原因',
  'պատճառ',
  'ամրացման պատճառ',
];

/** The pin column and the pin-reason column of a header (−1 when absent). */
export function pinColumns(header: readonly unknown[] | null): { pin: number; reason: number } {
  if (!header) return { pin: -1, reason: -1 };
  const keys = header.map((h) => normaliseHeader(h));
  return { pin: keys.findIndex((k) => PIN_HEADERS.includes(k)), reason: keys.findIndex((k) => PIN_REASON_HEADERS.includes(k)) };
}

/** Headers read as a category (issue 17), normalised. Not `segment`: our own output column is called so. */
const CATEGORY_HEADERS = new Set([
  'category',
  'industry',
  'sector',
  'vertical',
  'region',
  'territory',
  'country',
  'market',
  'source',
  'lead source',
  'อุตสาหกรรม',
  'ภูมิภาค',
  'ประเทศ',
  'แหล่งที่มา',
  '行业',
  '地区',
  '区域',
  '国家',
  '来源',
  'ոլորտ',
  'տարածաշրջան',
  'երկիր',
  'աղբյուր',
]);

/** Whether a normalised header names a category column (industry, region, source…). */
export function isCategoryHeader(normalised: string): boolean {
  return CATEGORY_HEADERS.has(normalised);
}
