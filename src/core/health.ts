import { score } from './score';
import { round6 } from './round';
import type { Direction, MetricRole } from './roles';
import type { ParsedTable } from './table';

/** The customer health index of SPEC §8: the §3 score over these metrics, those present. */
export const HEALTH_METRICS: readonly { role: MetricRole; weight: number; direction: Direction }[] = [
  { role: 'recency', weight: 2, direction: 'lower' },
  { role: 'engagement', weight: 2, direction: 'higher' },
  { role: 'orders', weight: 1, direction: 'higher' },
  { role: 'products', weight: 1, direction: 'higher' },
  { role: 'feedback', weight: 1, direction: 'higher' },
  { role: 'support', weight: 1, direction: 'lower' },
];

/**
 * Health 0–100 per row (NaN where none of its metrics is present); null when the table has none of
 * them. `scorePercentiles` (from the main score, same rows) are reused where the direction agrees.
 */
export function healthIndex(table: ParsedTable, include: Uint8Array, scorePercentiles?: readonly (Float64Array | null)[]): Float64Array | null {
  const values: Float64Array[] = [];
  const weights: number[] = [];
  const directions: Direction[] = [];
  const known: (Float64Array | null)[] = [];
  for (const h of HEALTH_METRICS) {
    const m = table.mapping.metrics.findIndex((c) => c.role === h.role);
    if (m < 0) continue;
    values.push(table.values[m]);
    weights.push(h.weight);
    directions.push(h.direction);
    known.push(table.mapping.metrics[m].direction === h.direction ? (scorePercentiles?.[m] ?? null) : null);
  }
  if (values.length === 0) return null;
  return score({ values, weights, directions, include, known }).score;
}

/** The health status: 0 (Healthy) ≥ 70, 1 (Watch) ≥ 40, else 2 (At risk); −1 for no index. Surfaces label it (`health.1`…). */
export function healthBand(health: number): number {
  if (Number.isNaN(health)) return -1;
  const h = round6(health);
  return h >= 70 ? 0 : h >= 40 ? 1 : 2;
}
