import { z } from 'zod';
import { ROLES } from './roles';

/** Everything a user can set, described once. The sidebar, the CLI and the functions all parse through it. */

const percent = z.number().finite().min(0).max(100);
const label = z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'must be a date written YYYY-MM-DD')
  .refine((s) => { const t = Date.parse(`${s}T00:00:00Z`); return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s); }, 'is not a real date');

export const ROLE_CHOICES = [...ROLES, 'custom', 'ignore'] as const;

export const SettingsSchema = z.object({
  /** Header → role, overriding detection; `custom` scores any numeric column, `ignore` unmaps it. */
  roles: z.record(z.string(), z.enum(ROLE_CHOICES)).prefault({}),
  /** Role name or header → weight (0 leaves the metric out of the score). */
  weights: z.record(z.string(), z.number().finite().min(0, 'must be 0 or more').max(1000)).prefault({}),
  /** Role name or header → whether higher or lower values are better. */
  directions: z.record(z.string(), z.enum(['higher', 'lower'])).prefault({}),
  method: z.enum(['quantile', 'threshold', 'pareto', 'capacity']).prefault('quantile'),
  cutoffs: z.tuple([percent, percent, percent]).prefault([20, 30, 50])
    .refine((c) => Math.abs(c[0] + c[1] + c[2] - 100) < 1e-9, { message: 'the three cut-offs must add up to 100' }),
  thresholds: z.tuple([percent, percent]).prefault([70, 40])
    .refine((t) => t[0] >= t[1], { message: 'the Tier 1 threshold must be at least the Tier 2 threshold' }),
  capacity: z.object({
    strategicMarketers: z.number().int().min(0).max(10_000).prefault(1),
    strategicAccounts: z.number().int().min(1).max(10_000).prefault(3),
    liteMarketers: z.number().int().min(0).max(10_000).prefault(1),
    liteAccounts: z.number().int().min(1).max(10_000).prefault(10),
  }).prefault({}),
  labels: z.tuple([label, label, label]).prefault(['Tier 1', 'Tier 2', 'Tier 3']),
  unprofitableCap: z.boolean().prefault(true),
  /** The day recency and tenure dates are measured from; default today. */
  asOf: isoDate.optional(),
  /** Accounts one marketer covers in each program (SPEC §5). */
  ratios: z.object({
    strategic: z.number().int().min(1).prefault(3),
    lite: z.number().int().min(1).prefault(10),
    programmatic: z.number().int().min(1).prefault(500),
  }).prefault({}),
  segmentCutoffs: z.tuple([percent, percent, percent]).prefault([20, 40, 40])
    .refine((c) => Math.abs(c[0] + c[1] + c[2] - 100) < 1e-9, { message: 'the three cut-offs must add up to 100' }),
  segmentLabels: z.tuple([label, label, label]).prefault(['Money Maker', 'Contributor', 'Filler']),
  programLabels: z.tuple([label, label, label])
    .prefault(['Strategic ABM (1:1)', 'ABM Lite (1:few)', 'Programmatic ABM (1:many)']),
  /** KPIs: an account is active when its last purchase is within this many days. */
  activeDays: z.number().int().min(1).max(36_500).prefault(365),
  /** Yearly discount rate for lifetime value; 0 = undiscounted. */
  discountRate: z.number().finite().min(0).max(1).prefault(0),
}).strict();

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;
export type TierMethod = Settings['method'];

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Validates settings; the error names each bad field and why, e.g. `Settings "cutoffs": the three cut-offs must add up to 100.` */
export function parseSettings(input: unknown): Settings {
  const result = SettingsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new SettingsError(formatIssues(result.error));
}

export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.map(String).join('.') : 'settings';
      const message = issue.code === 'unrecognized_keys'
        ? `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message;
      return `Settings "${field}": ${message}.`;
    })
    .join(' ');
}

export const DEFAULT_SETTINGS: Settings = parseSettings({});
