import * as z from 'zod/mini';
import { MessageError, type Message, type SettingsReasonCode } from './message';
import { ROLES } from './roles';

/** Everything a user can set, described once. The sidebar, the CLI and the functions all parse through it. */

// zod/mini: the same schemas as zod's classic API at a fifth of the bundle (custom functions load it on every call).
// A check's message is the reason's message as JSON (`said`), which `describe` reads back.
const said = (code: SettingsReasonCode, params?: Record<string, number>) => JSON.stringify(params ? { code, params } : { code });
const num = (min: number, max: number) => {
  const message = said('set.range', { min, max });
  return z.number().check(z.gte(min, message), z.lte(max, message));
};
const int = (min: number, max: number) => {
  const message = said('set.whole', { min, max });
  return z.int().check(z.gte(min, message), z.lte(max, message));
};
const percent = num(0, 100);
const label = z.string().check(z.trim(), z.minLength(1, said('set.notEmpty')), z.maxLength(60, said('set.maxChars', { max: 60 })));
const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/u, said('set.dateFormat')),
  z.refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
  }, said('set.realDate')),
);
const sumsTo100 = z.refine<readonly number[]>((c) => Math.abs(c[0] + c[1] + c[2] - 100) < 1e-9, said('set.sum100'));
const triple = <T extends z.ZodMiniType>(t: T) => z.tuple([t, t, t]);

export const ROLE_CHOICES = [...ROLES, 'custom', 'ignore'] as const;

/** The tier methods of SPEC §4, in the order the sidebar offers them. */
export const TIER_METHODS = ['quantile', 'threshold', 'pareto', 'capacity'] as const;

export const SettingsSchema = z.strictObject({
  /** Header → role, overriding detection; `custom` scores any numeric column, `ignore` unmaps it. */
  roles: z.prefault(z.record(z.string(), z.enum(ROLE_CHOICES)), {}),
  /** Role name or header → weight (0 leaves the metric out of the score). */
  weights: z.prefault(z.record(z.string(), num(0, 1000)), {}),
  /** Role name or header → whether higher or lower values are better. */
  directions: z.prefault(z.record(z.string(), z.enum(['higher', 'lower'])), {}),
  method: z.prefault(z.enum(TIER_METHODS), 'quantile'),
  cutoffs: z.prefault(triple(percent).check(sumsTo100), [20, 30, 50]),
  thresholds: z.prefault(z.tuple([percent, percent]).check(z.refine((t) => t[0] >= t[1], said('set.thresholds'))), [70, 40]),
  capacity: z.prefault(
    z.strictObject({
      strategicMarketers: z.prefault(int(0, 10_000), 1),
      strategicAccounts: z.prefault(int(1, 10_000), 3),
      liteMarketers: z.prefault(int(0, 10_000), 1),
      liteAccounts: z.prefault(int(1, 10_000), 10),
    }),
    {},
  ),
  labels: z.prefault(triple(label), ['Tier 1', 'Tier 2', 'Tier 3']),
  unprofitableCap: z.prefault(z.boolean(), true),
  /** The day recency and tenure dates are measured from; default today. */
  asOf: z.optional(isoDate),
  /** Accounts one marketer covers in each program (SPEC §5). */
  ratios: z.prefault(
    z.strictObject({
      strategic: z.prefault(int(1, 100_000), 3),
      lite: z.prefault(int(1, 100_000), 10),
      programmatic: z.prefault(int(1, 100_000), 500),
    }),
    {},
  ),
  segmentCutoffs: z.prefault(triple(percent).check(sumsTo100), [20, 40, 40]),
  segmentLabels: z.prefault(triple(label), ['Money Maker', 'Contributor', 'Filler']),
  programLabels: z.prefault(triple(label), ['Strategic ABM (1:1)', 'ABM Lite (1:few)', 'Programmatic ABM (1:many)']),
  /** KPIs: an account is active when its last purchase is within this many days. */
  activeDays: z.prefault(int(1, 36_500), 365),
  /** Row colours of Tier 1, 2 and 3 in the sheet. */
  colours: z.prefault(triple(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/u, said('set.colour')))), ['#b7e1cd', '#fce8b2', '#f4c7c3']),
  /** RFM segments (SPEC §10), first matching rule wins; R, F and M each within [low, high]. */
  rfmSegments: z.optional(
    z
      .array(
        z.strictObject({
          name: label,
          r: z.tuple([int(1, 10), int(1, 10)]),
          f: z.tuple([int(1, 10), int(1, 10)]),
          m: z.tuple([int(1, 10), int(1, 10)]),
        }),
      )
      .check(z.maxLength(30)),
  ),
  /** Language of labels, headings and messages: `auto` follows the spreadsheet's locale. */
  lang: z.prefault(z.enum(['auto', 'en', 'th', 'zh-CN', 'hy']), 'auto'),
  /** Yearly discount rate for lifetime value; 0 = undiscounted. */
  discountRate: z.prefault(num(0, 1), 0),
});

export type Settings = z.output<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

/** Settings refused: `set.issues`, one `set.issue` per bad field, e.g. `Settings "cutoffs": the three cut-offs must add up to 100.` */
export class SettingsError extends MessageError {
  override name = 'SettingsError';
}

/** Validates settings; the error names each bad field and why. */
export function parseSettings(input: unknown): Settings {
  const result = SettingsSchema.safeParse(swapKey(input ?? {}, '__proto__', PROTO_STAND_IN));
  if (result.success) return swapKey(result.data, PROTO_STAND_IN, '__proto__') as Settings;
  throw new SettingsError(formatIssues(result.error));
}

/**
 * Roles, weights and directions are keyed by column header, and a header may be `__proto__`. zod
 * leaves that key out of the records it builds (so it cannot reach a prototype), so it goes through
 * zod under a stand-in no header can be (cell text holds no NUL) and comes back an own property.
 */
const PROTO_STAND_IN = '\u0000__proto__';

// Object.hasOwn is ES2022; the bundles are ES2020.
const has = (o: unknown, key: string): o is Record<string, unknown> => typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, key);

/** `settings` with the key `from` of its roles, weights and directions renamed `to`, order kept. */
function swapKey(settings: unknown, from: string, to: string): unknown {
  const fields = ['roles', 'weights', 'directions'].filter((f) => has(settings, f) && has(settings[f], from));
  if (fields.length === 0) return settings;
  const out: Record<string, unknown> = { ...(settings as Record<string, unknown>) };
  for (const f of fields) out[f] = Object.fromEntries(Object.entries(out[f] as object).map(([k, v]) => [k === from ? to : k, v]));
  return out;
}

export function formatIssues(error: { issues: readonly z.core.$ZodIssue[] }): Message {
  const issues = error.issues.map((issue): Message => {
    const field = issue.path.map((p) => (p === PROTO_STAND_IN ? '__proto__' : String(p))).join('.');
    return field ? { code: 'set.issue', params: { field, why: describe(issue) } } : { code: 'set.issueAll', params: { why: describe(issue) } };
  });
  return { code: 'set.issues', params: { issues } };
}

const TYPES: Record<string, SettingsReasonCode> = {
  number: 'set.number',
  int: 'set.wholeNumber',
  boolean: 'set.boolean',
  string: 'set.text',
  tuple: 'set.list',
  array: 'set.list',
  object: 'set.object',
  record: 'set.object',
};

/** zod/mini carries no message texts of its own: what each kind of issue means, as a reason. */
function describe(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case 'unrecognized_keys':
      return { code: 'set.unknown', params: { count: issue.keys.length, keys: issue.keys.map((k) => `"${k}"`).join(', ') } };
    case 'invalid_value':
      return { code: 'set.oneOf', params: { values: issue.values.map((v) => JSON.stringify(v)).join(', ') } };
    case 'invalid_type':
      return { code: TYPES[issue.expected] ?? 'set.invalid' };
    case 'too_big':
    case 'too_small':
      if (issue.origin === 'array')
        return {
          code: issue.code === 'too_big' ? 'set.atMost' : 'set.atLeast',
          params: { count: Number(issue.code === 'too_big' ? issue.maximum : issue.minimum) },
        };
      return ownReason(issue.message);
    default:
      return ownReason(issue.message);
  }
}

/** A check's own message (`said`), or `set.invalid` for one zod wrote. */
function ownReason(text: string): Message {
  try {
    const reason = JSON.parse(text) as Message;
    if (typeof reason.code === 'string' && reason.code.startsWith('set.')) return reason;
  } catch {
    /* not ours */
  }
  return { code: 'set.invalid' };
}

export const DEFAULT_SETTINGS: Settings = parseSettings({});
