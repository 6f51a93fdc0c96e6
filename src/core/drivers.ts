import type { MetricColumn } from './columns';

/** What drives each score, SPEC §9: the two metrics adding most (w·p) and the one holding it back most. */

export interface Drivers {
  /** Metric indices per row; −1 = none. */
  first: Int16Array;
  second: Int16Array;
  weakest: Int16Array;
}

export function drivers(percentiles: readonly Float64Array[], weights: readonly number[], scored: Float64Array): Drivers {
  const n = scored.length;
  const first = new Int16Array(n).fill(-1);
  const second = new Int16Array(n).fill(-1);
  const weakest = new Int16Array(n).fill(-1);
  const k = percentiles.length;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(scored[i])) continue;
    let a = -1;
    let av = -1;
    let b = -1;
    let bv = -1;
    for (let m = 0; m < k; m++) {
      const w = weights[m];
      const p = percentiles[m][i];
      if (!(w > 0) || p !== p) continue;
      const c = w * p;
      if (c > av) {
        b = a;
        bv = av;
        a = m;
        av = c;
      } else if (c > bv) {
        b = m;
        bv = c;
      }
    }
    let weak = -1;
    let lost = 0;
    for (let m = 0; m < k; m++) {
      const w = weights[m];
      const p = percentiles[m][i];
      if (m === a || m === b || !(w > 0) || p !== p) continue;
      const l = w * (1 - p);
      if (l > lost) {
        weak = m;
        lost = l;
      }
    }
    first[i] = a;
    second[i] = b;
    weakest[i] = weak;
  }
  return { first, second, weakest };
}

/** `profit (top 4%), engagement (top 11%); weakest: recency (bottom 20%)`. */
export function describeDrivers(d: Drivers, i: number, metrics: readonly MetricColumn[], percentiles: readonly Float64Array[]): string {
  const top = (m: number) => `${metrics[m].name} (top ${Math.max(1, Math.round(100 * (1 - percentiles[m][i])))}%)`;
  const parts: string[] = [];
  if (d.first[i] >= 0) parts.push(top(d.first[i]));
  if (d.second[i] >= 0) parts.push(top(d.second[i]));
  let text = parts.join(', ');
  const w = d.weakest[i];
  if (w >= 0) text += `; weakest: ${metrics[w].name} (bottom ${Math.max(1, Math.round(100 * percentiles[w][i]))}%)`;
  return text;
}
