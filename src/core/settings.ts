import * as z from 'zod/mini';
import { MessageError, type Message, type SettingsReasonCode } from './message';
import { ROLES } from './roles';
import { GRID_PROGRAMS, type GridProgram } from './grid-axes';

/**
 * Everything a user can set, described once. The sidebar, the CLI and the functions all parse
 * through it. A refusal names each bad field as the sidebar shows it ("Tier 1 %"), its value and
 * what would be accepted, never a settings path.
 */

/** `outcome` and `category` are mapped like any role but never enter the score as metrics (issue 17). */
export const ROLE_CHOICES = [...ROLES, 'outcome', 'category', 'custom', 'ignore'] as const;

/** The tier methods of SPEC §4, in the order the sidebar offers them. */
export const TIER_METHODS = ['quantile', 'threshold', 'pareto', 'capacity', 'grid'] as const;
export const LANG_CHOICES = ['auto', 'en', 'th', 'zh-CN', 'hy'] as const;

type Method = (typeof TIER_METHODS)[number];
type Triple<T> = [T, T, T];

/**
 * The defaults, written out: a plain object costs nothing when Code.js loads (every custom-function
 * cell loads it), where parsing `{}` through the schema would build the schema first. A test checks
 * that the schema, given nothing, gives exactly this.
 */
const DEFAULTS = {
  roles: {} as Record<string, never>,
  weights: {} as Record<string, never>,
  directions: {} as Record<string, never>,
  method: 'quantile' as Method,
  cutoffs: [20, 30, 50] as Triple<number>,
  thresholds: [70, 40] as [number, number],
  capacity: { strategicMarketers: 1, strategicAccounts: 3, liteMarketers: 1, liteAccounts: 10 },
  labels: ['Tier 1', 'Tier 2', 'Tier 3'] as Triple<string>,
  unprofitableCap: true,
  ratios: { strategic: 3, lite: 10, programmatic: 500 },
  segmentCutoffs: [20, 40, 40] as Triple<number>,
  segmentLabels: ['Money Maker', 'Contributor', 'Filler'] as Triple<string>,
  programLabels: ['Strategic ABM (1:1)', 'ABM Lite (1:few)', 'Programmatic ABM (1:many)'] as Triple<string>,
  activeDays: 365,
  colours: ['#b7e1cd', '#fce8b2', '#f4c7c3'] as Triple<string>,
  lang: 'auto' as (typeof LANG_CHOICES)[number],
  discountRate: 0,
  // Fit × engagement (grid-axes.ts): header → axis, the bands' cut-offs, each cell's program (A1 … C3).
  axes: {} as Record<string, never>,
  gridCutoffs: [20, 30, 50] as Triple<number>,
  gridPrograms: ['strategic', 'strategic', 'lite', 'strategic', 'lite', 'programmatic', 'lite', 'programmatic', 'programmatic'] as GridProgram[],
};

// zod/mini: the same schemas as zod's classic API at a fifth of the bundle. A check's message is the
// reason as JSON (`said`), which `reasonOf` reads back.
const said = (code: SettingsReasonCode, params?: Record<string, number>) => JSON.stringify(params ? { code, params } : { code });

export const DEFAULT_SETTINGS: Settings = DEFAULTS;

/** Whole numbers of each capacity and ratio field: [min, max]. Checked in `methodIssues` (capacity) and by the schema (ratios). */
const CAPACITY_RANGE: Record<keyof (typeof DEFAULTS)['capacity'], [number, number]> = {
  strategicMarketers: [0, 10_000],
  strategicAccounts: [1, 10_000],
  liteMarketers: [0, 10_000],
  liteAccounts: [1, 10_000],
};

/**
 * Each field's schema, made when first asked for: a settings object that sets two fields (the
 * command line's `--as-of 2026-01-01 --weights health=0`) is parsed by those two fields' schemas, not
 * by all twenty-odd (issue 16: building and running zod's schemas was 11 ms of the command's start).
 * The order here is the order of the parsed settings' keys.
 */
function fieldBuilders() {
  const num = (min: number, max: number) => {
    const message = said('set.notInRange', { min, max });
    return z.number().check(z.gte(min, message), z.lte(max, message));
  };
  const int = (min: number, max: number) => {
    const message = said('set.notWhole', { min, max });
    return z.number().check(z.refine(Number.isInteger, message), z.gte(min, message), z.lte(max, message));
  };
  const label = () => z.string().check(z.trim(), z.minLength(1, said('set.empty')), z.maxLength(60, said('set.tooLong', { max: 60 })));
  const isoDate = () =>
    z.string().check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/u, said('set.notDate')),
      z.refine((s) => {
        const t = Date.parse(`${s}T00:00:00Z`);
        return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
      }, said('set.notDay')),
    );
  const triple = <T extends z.ZodMiniType>(t: T) => z.tuple([t, t, t]);
  const d = DEFAULTS;
  const rfmRange = () => z.tuple([int(1, 10), int(1, 10)]).check(z.refine((r) => r[0] <= r[1], said('set.rfmOrder')));
  return {
    /** Header → role, overriding detection; `custom` scores any numeric column, `ignore` unmaps it. */
    roles: () => z.prefault(z.record(z.string(), z.enum(ROLE_CHOICES)), {}),
    /** Role name or header → weight (0 leaves the metric out of the score). */
    weights: () => z.prefault(z.record(z.string(), num(0, 1000)), {}),
    /** Role name or header → whether higher or lower values are better. */
    directions: () => z.prefault(z.record(z.string(), z.enum(['higher', 'lower'])), {}),
    method: () => z.prefault(z.enum(TIER_METHODS), d.method),
    // The three methods' numbers: their shape here, their values by `methodIssues`, only for the chosen method.
    cutoffs: () => z.prefault(triple(z.number()), d.cutoffs),
    thresholds: () => z.prefault(z.tuple([z.number(), z.number()]), d.thresholds),
    capacity: () =>
      z.prefault(
        z.strictObject({
          strategicMarketers: z.prefault(z.number(), d.capacity.strategicMarketers),
          strategicAccounts: z.prefault(z.number(), d.capacity.strategicAccounts),
          liteMarketers: z.prefault(z.number(), d.capacity.liteMarketers),
          liteAccounts: z.prefault(z.number(), d.capacity.liteAccounts),
        }),
        {},
      ),
    labels: () => z.prefault(triple(label()), d.labels),
    unprofitableCap: () => z.prefault(z.boolean(), d.unprofitableCap),
    /** The day recency and tenure dates are measured from; default today. */
    asOf: () => z.optional(isoDate()),
    /** Accounts one marketer covers in each program (SPEC §5). */
    ratios: () =>
      z.prefault(
        z.strictObject({
          strategic: z.prefault(int(1, 100_000), d.ratios.strategic),
          lite: z.prefault(int(1, 100_000), d.ratios.lite),
          programmatic: z.prefault(int(1, 100_000), d.ratios.programmatic),
        }),
        {},
      ),
    /** Checked as the tier cut-offs are (`splitIssues`). */
    segmentCutoffs: () => z.prefault(triple(z.number()), d.segmentCutoffs),
    segmentLabels: () => z.prefault(triple(label()), d.segmentLabels),
    programLabels: () => z.prefault(triple(label()), d.programLabels),
    /** KPIs: an account is active when its last purchase is within this many days. */
    activeDays: () => z.prefault(int(1, 36_500), d.activeDays),
    /** Row colours of Tier 1, 2 and 3 in the sheet. */
    colours: () => z.prefault(triple(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/u, said('set.notColour')))), d.colours),
    /** RFM segments (SPEC §10), first matching rule wins; R, F and M each within [low, high]. */
    rfmSegments: () =>
      z.optional(
        z.array(z.strictObject({ name: label(), r: rfmRange(), f: rfmRange(), m: rfmRange() })).check(z.maxLength(30, said('set.tooManyRules', { max: 30 }))),
      ),
    /** Language of labels, headings and messages: `auto` follows the spreadsheet's locale. */
    lang: () => z.prefault(z.enum(LANG_CHOICES), d.lang),
    /** Yearly discount rate for lifetime value; 0 = undiscounted. */
    discountRate: () => z.prefault(num(0, 1), d.discountRate),
    /** Header or role name → the grid axis its metric counts on, overriding the role's default. */
    axes: () => z.prefault(z.record(z.string(), z.enum(['fit', 'engagement'])), {}),
    /** Checked as the tier cut-offs are (`splitIssues`): A/1, B/2, C/3 in percent of each axis's accounts. */
    gridCutoffs: () => z.prefault(triple(z.number()), d.gridCutoffs),
    /** The program of each cell, A1, A2, A3, B1 … C3. */
    gridPrograms: () => z.prefault(z.array(z.enum(GRID_PROGRAMS)).check(z.length(9, said('set.bad'))), d.gridPrograms),
  };
}

type FieldBuilders = ReturnType<typeof fieldBuilders>;
type FieldKey = keyof FieldBuilders;
type Shape = { [K in FieldKey]: ReturnType<FieldBuilders[K]> };

let builders: FieldBuilders | undefined;
const built: Partial<Shape> = {};

/** Field `key`'s schema (made once). */
function fieldSchema<K extends FieldKey>(key: K): Shape[K] {
  builders ??= fieldBuilders();
  return (built[key] ??= builders[key]() as Shape[K]) as Shape[K];
}

function buildSchema() {
  const shape = {} as Record<FieldKey, unknown>;
  for (const key of orderedKeys()) shape[key] = fieldSchema(key);
  return z.strictObject(shape as Shape);
}

/** Every field, in the schema's order (fieldBuilders'). */
function orderedKeys(): FieldKey[] {
  builders ??= fieldBuilders();
  return Object.keys(builders) as FieldKey[];
}

let schema: ReturnType<typeof buildSchema> | undefined;

/** What the schema's safeParse gives. */
type SchemaResult = ReturnType<ReturnType<typeof buildSchema>['safeParse']>;

/** The settings schema, every field (built on first use). */
export function settingsSchema(): ReturnType<typeof buildSchema> {
  schema ??= buildSchema();
  return schema;
}

/**
 * `settingsSchema().safeParse(input)`, the same result to the last issue and key order, made with the
 * schemas of the fields `input` sets only: a field left out parses to its default (DEFAULTS, which a
 * test checks is what the schema gives for nothing) or, when optional, stays out. No field's result
 * depends on another's, so the ones given parse as they do among all.
 */
export function parseGiven(input: unknown): SchemaResult {
  if (!isObject(input)) return settingsSchema().safeParse(input);
  const keys = orderedKeys();
  const shape: Record<string, unknown> = {};
  for (const key of keys) if (has(input, key)) shape[key] = fieldSchema(key);
  const result = z.strictObject(shape as Partial<Shape>).safeParse(input);
  if (!result.success) return result as SchemaResult;
  const given = result.data as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  for (const key of keys) {
    if (key in shape) {
      if (key in given) data[key] = given[key];
    } else if (has(DEFAULTS, key)) data[key] = JSON.parse(JSON.stringify((DEFAULTS as Record<string, unknown>)[key]));
  }
  return { success: true, data } as SchemaResult;
}

export type Settings = z.output<ReturnType<typeof buildSchema>>;
export type SettingsInput = z.input<ReturnType<typeof buildSchema>>;

/** Settings refused: `set.issues`, one `set.issue` per bad field, e.g. `Tier 1 %: 120 is not a number from 0 to 100.` */
export class SettingsError extends MessageError {
  override name = 'SettingsError';
}

/** One refused field: where (a settings path, for the sidebar to mark the field) and why, as a message. */
export interface SettingsIssue {
  readonly path: string;
  readonly message: Message;
}

/** Validates settings; the error names each bad field, its value and what would be accepted. */
export function parseSettings(input: unknown): Settings {
  // No settings (most custom-function calls): the defaults, without building the schema.
  if (input === undefined || input === null || (isObject(input) && Object.keys(input).length === 0)) return JSON.parse(JSON.stringify(DEFAULTS)) as Settings;
  const { settings, issues } = checkSettings(input);
  if (issues.length === 0) return settings as Settings;
  throw new SettingsError(issuesMessage(issues));
}

/** Each refused field of `input` (none: the settings are valid), for a form to mark beside its fields. */
export function settingsIssues(input: unknown): SettingsIssue[] {
  return checkSettings(input).issues;
}

/** Settings written as JSON text (a settings file): refused with `set.json` when the text is not JSON. */
export function parseSettingsText(text: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SettingsError({ code: 'set.issues', params: { issues: [{ code: 'set.json' }] } });
  }
  return parseSettings(raw);
}

/** The refusal of these issues: `set.issues`. */
export function issuesMessage(issues: readonly SettingsIssue[]): Message {
  return { code: 'set.issues', params: { issues: issues.map((i) => i.message) } };
}

/** Which fields each method takes: only the chosen method's are validated (a stale threshold blocks no quantile preview). */
const METHOD_FIELDS: Record<string, Method> = { cutoffs: 'quantile', thresholds: 'threshold', capacity: 'capacity' };

function checkSettings(input: unknown): { settings?: Settings; issues: SettingsIssue[] } {
  const raw = swapKey(input ?? {}, '__proto__', PROTO_STAND_IN);
  const given = isObject(raw) ? raw : null;
  const method = given ? chosenMethod(given.method) : null;
  // Another method's numbers are kept as given when they have the right shape, else its defaults stand in.
  const shaped: Record<string, unknown> | null = given && { ...given };
  if (shaped) {
    for (const field of Object.keys(METHOD_FIELDS)) {
      if (METHOD_FIELDS[field] === method || !(field in shaped)) continue;
      const alone = parseGiven({ [field]: shaped[field] });
      if (!alone.success) delete shaped[field];
    }
  }
  const result = parseGiven(shaped ?? raw);
  // One issue a field: -1.5 for a whole number from 1 to 10 is one mistake, not two.
  const seen = new Set<string>();
  const issues: SettingsIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => fromZod(issue, raw)).filter((i) => !seen.has(i.path) && seen.add(i.path));
  // The checks across fields, on what has the right shape (output if the whole parsed, else as given).
  const values = (result.success ? result.data : (shaped ?? {})) as Record<string, unknown>;
  const failed = new Set(issues.map((i) => i.path.split('.')[0]));
  const usable = (field: string) => !failed.has(field);
  if (method === 'quantile' && usable('cutoffs')) issues.push(...splitIssues('cutoffs', values.cutoffs ?? DEFAULTS.cutoffs));
  if (method === 'threshold' && usable('thresholds')) issues.push(...thresholdIssues(values.thresholds ?? DEFAULTS.thresholds));
  if (method === 'capacity' && usable('capacity')) issues.push(...capacityIssues(values.capacity ?? DEFAULTS.capacity));
  if (usable('segmentCutoffs')) issues.push(...splitIssues('segmentCutoffs', values.segmentCutoffs ?? DEFAULTS.segmentCutoffs));
  if (usable('gridCutoffs')) issues.push(...splitIssues('gridCutoffs', values.gridCutoffs ?? DEFAULTS.gridCutoffs));
  if (issues.length > 0 || !result.success) return { issues };
  return { settings: swapKey(result.data, PROTO_STAND_IN, '__proto__') as Settings, issues };
}

/** The method the settings choose: quantile when none is given; null when the given one is no method. */
function chosenMethod(method: unknown): Method | null {
  if (method === undefined) return DEFAULTS.method;
  return (TIER_METHODS as readonly unknown[]).includes(method) ? (method as Method) : null;
}

const numbers = (v: unknown): number[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : null);
const outside = (v: number, min: number, max: number) => !(v >= min && v <= max);
/** A sum as people write it: no 0.30000000000000004. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/** Three percentages that must add up to 100 (tiers or segments): each 0–100, then their sum. */
function splitIssues(field: 'cutoffs' | 'segmentCutoffs' | 'gridCutoffs', value: unknown): SettingsIssue[] {
  const c = numbers(value);
  if (c?.length !== 3) return [];
  const name = (k: number) => fieldName([field, k]);
  const range = (k: number): SettingsIssue => issue(`${field}.${k}`, [field, k], { code: 'set.notInRange', params: { value: shown(c[k]), min: 0, max: 100 } });
  const bad = [0, 1].filter((k) => outside(c[k], 0, 100));
  if (bad.length > 0) return bad.map(range);
  // The sidebar sets the last from the first two: their sum is the mistake, not a negative third.
  if (c[0] + c[1] > 100) return [issue(field, null, { code: 'set.over100', params: { a: name(0), b: name(1), sum: tidy(c[0] + c[1]) } })];
  if (outside(c[2], 0, 100)) return [range(2)];
  const sum = c[0] + c[1] + c[2];
  if (Math.abs(sum - 100) < 1e-9) return [];
  return [issue(field, null, { code: 'set.not100', params: { a: name(0), b: name(1), c: name(2), sum: tidy(sum) } })];
}

function thresholdIssues(value: unknown): SettingsIssue[] {
  const t = numbers(value);
  if (t?.length !== 2) return [];
  const bad = [0, 1].filter((k) => outside(t[k], 0, 100));
  if (bad.length > 0)
    return bad.map((k) => issue(`thresholds.${k}`, ['thresholds', k], { code: 'set.notInRange', params: { value: shown(t[k]), min: 0, max: 100 } }));
  if (t[0] >= t[1]) return [];
  return [
    issue('thresholds', null, {
      code: 'set.thresholdOrder',
      params: { a: fieldName(['thresholds', 0]), b: fieldName(['thresholds', 1]), va: shown(t[0]), vb: shown(t[1]) },
    }),
  ];
}

function capacityIssues(value: unknown): SettingsIssue[] {
  if (!isObject(value)) return [];
  const out: SettingsIssue[] = [];
  for (const [key, [min, max]] of Object.entries(CAPACITY_RANGE)) {
    const v = value[key];
    if (typeof v !== 'number' || (Number.isInteger(v) && v >= min && v <= max)) continue;
    out.push(issue(`capacity.${key}`, ['capacity', key], { code: 'set.notWhole', params: { value: shown(v), min, max } }));
  }
  return out;
}

/** An issue at `path`: `set.issue` (field: why) when a field is named, else the reason alone (it names its fields). */
function issue(path: string, at: readonly PropertyKey[] | null, why: Message): SettingsIssue {
  return { path, message: at ? { code: 'set.issue', params: { field: fieldName(at), why, path } } : { code: 'set.issueAll', params: { why, path } } };
}

/**
 * Roles, weights and directions are keyed by column header, and a header may be `__proto__`. zod
 * leaves that key out of the records it builds (so it cannot reach a prototype), so it goes through
 * zod under a stand-in no header can be (cell text holds no NUL) and comes back an own property.
 */
const PROTO_STAND_IN = '\u0000__proto__';

// Object.hasOwn is ES2022; the bundles are ES2020.
const has = (o: unknown, key: string): o is Record<string, unknown> => typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, key);
const isObject = (o: unknown): o is Record<string, unknown> => typeof o === 'object' && o !== null && !Array.isArray(o);

/** `settings` with the key `from` of its roles, weights and directions renamed `to`, order kept. */
function swapKey(settings: unknown, from: string, to: string): unknown {
  const fields = ['roles', 'weights', 'directions', 'axes'].filter((f) => has(settings, f) && has(settings[f], from));
  if (fields.length === 0) return settings;
  const out: Record<string, unknown> = { ...(settings as Record<string, unknown>) };
  for (const f of fields) out[f] = Object.fromEntries(Object.entries(out[f] as object).map(([k, v]) => [k === from ? to : k, v]));
  return out;
}

const header = (key: PropertyKey) => (key === PROTO_STAND_IN ? '__proto__' : String(key));

/** The value at `path` of the settings as given. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const key of path) v = isObject(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

const EXCERPT = 40;

/** A value as a message shows it: a number as is, text in quotes, anything else as JSON, cut short. */
function shown(v: unknown): string {
  if (typeof v === 'number') return String(v);
  const text = v === undefined ? 'nothing' : (JSON.stringify(v) ?? String(v));
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

/** The word of each part of a field: Tier 1, Money Maker, Strategic ABM (1:1)… (roles, weights, directions: the column's header). */
const PART_WORD: Record<string, string> = {
  cutoffs: 'tier',
  thresholds: 'tier',
  labels: 'tier',
  colours: 'tier',
  segmentCutoffs: 'segment',
  segmentLabels: 'segment',
  programLabels: 'program',
  ratios: 'program',
};
/** The name of one part of a field (`set.f.cutoff`: "{name} %"). */
const PART_CODE: Record<string, string> = {
  cutoffs: 'cutoff',
  thresholds: 'threshold',
  labels: 'label',
  colours: 'colour',
  segmentCutoffs: 'cutoff',
  segmentLabels: 'label',
  programLabels: 'label',
  ratios: 'ratio',
  roles: 'role',
  weights: 'weight',
  directions: 'direction',
  axes: 'axis',
};
const PROGRAM_KEYS = ['strategic', 'lite', 'programmatic'];

/** A field as the sidebar names it ("Tier 1 %", "Label of Tier 2", "Weight of Revenue"), from its settings path. */
export function fieldName(path: readonly PropertyKey[]): Message {
  const [top, part, axis, end] = path.map(header);
  const f = (code: string, params?: Message['params']): Message => ({ code: `set.f.${code}` as Message['code'], params });
  if (part === undefined) return f(top);
  if (top === 'capacity') return f(part);
  if (top === 'gridCutoffs') return f('gridCutoff', { band: `${'ABC'[Number(part)]}/${Number(part) + 1}` });
  if (top === 'gridPrograms') return f('gridProgram', { cell: `${'ABC'[Math.floor(Number(part) / 3)] ?? '?'}${(Number(part) % 3) + 1}` });
  if (top === 'rfmSegments') {
    const n = Number(part) + 1;
    if (axis === undefined || axis === 'name') return f('rfmRule', { n });
    const params = { n, axis: axis.toUpperCase() };
    return end === undefined ? f('rfmAxis', params) : f(end === '0' ? 'rfmFrom' : 'rfmTo', params);
  }
  const k = top === 'ratios' ? PROGRAM_KEYS.indexOf(part) : Number(part);
  const name = PART_WORD[top] ? { code: `${PART_WORD[top]}.${k + 1}` as Message['code'] } : part;
  return f(PART_CODE[top], { name });
}

/** What each field accepts when its type is wrong: a reason that shows the value given. */
const TYPES: Record<string, SettingsReasonCode> = {
  number: 'set.notNumber',
  int: 'set.notWholeNumber',
  boolean: 'set.notOnOff',
  string: 'set.notText',
  tuple: 'set.notList',
  array: 'set.notList',
  object: 'set.notGroup',
  record: 'set.notGroup',
};

/** The fields a settings object (or one of its groups) knows, for "… is not a setting; the settings are …". */
function knownKeys(path: readonly PropertyKey[]): string {
  if (path.length === 0) return [...Object.keys(DEFAULTS), 'asOf', 'rfmSegments'].join(', ');
  return Object.keys(valueAt(DEFAULTS, path) ?? { name: 0, r: 0, f: 0, m: 0 }).join(', ');
}

/** A zod issue as a marketer reads it: the field's name, the value given, and what it accepts. */
function fromZod(zodIssue: z.core.$ZodIssue, raw: unknown): SettingsIssue {
  const at = zodIssue.path;
  const path = at.map(header).join('.');
  const value = shown(valueAt(raw, at));
  const why = reasonOf(zodIssue, value, at);
  // Unknown settings are named in the reason; any other refusal names its field ("Settings" for the whole).
  if (zodIssue.code === 'unrecognized_keys' && at.length === 0) return { path, message: { code: 'set.issueAll', params: { why, path } } };
  return { path, message: { code: 'set.issue', params: { field: at.length ? fieldName(at) : { code: 'set.f.settings' }, why, path } } };
}

function reasonOf(issue: z.core.$ZodIssue, value: string, at: readonly PropertyKey[]): Message {
  switch (issue.code) {
    case 'unrecognized_keys':
      return { code: 'set.unknownKeys', params: { count: issue.keys.length, keys: issue.keys.map((k) => `"${k}"`).join(', '), known: knownKeys(at) } };
    case 'invalid_value':
      return { code: 'set.notOneOf', params: { value, values: issue.values.map((v) => JSON.stringify(v)).join(', ') } };
    case 'invalid_type': {
      const code = TYPES[issue.expected] ?? 'set.bad';
      return code === 'set.notList' ? { code, params: { value, example: exampleOf(at) } } : { code, params: { value } };
    }
    case 'too_big':
    case 'too_small':
      if (issue.origin === 'array' && at[0] !== 'rfmSegments') return { code: 'set.notList', params: { value, example: exampleOf(at) } };
      return ownReason(issue.message, value);
    default:
      return ownReason(issue.message, value);
  }
}

/** The default of a list field, as an example of what it takes. */
function exampleOf(at: readonly PropertyKey[]): string {
  const d = valueAt(DEFAULTS, at);
  return Array.isArray(d) ? d.join(', ') : at[0] === 'rfmSegments' && at.length > 2 ? '4, 5' : '[…]';
}

/** A check's own reason (`said`) with the value given, or `set.bad` for one zod wrote. */
function ownReason(text: string, value: string): Message {
  try {
    const reason = JSON.parse(text) as Message;
    if (typeof reason.code === 'string' && reason.code.startsWith('set.')) return { code: reason.code, params: { ...reason.params, value } };
  } catch {
    /* not ours */
  }
  return { code: 'set.bad', params: { value } };
}
