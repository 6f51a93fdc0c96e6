import type { MessageKey, Translate } from '../i18n';
import type { MetricColumn } from './columns';

/** What drives each score, SPEC §9: the two metrics adding most (w·p) and the one holding it back most. */

export interface Drivers {
  /** Metric indices per row; −1 = none. */
  first: Int16Array;
  second: Int16Array;
  weakest: Int16Array;
}

export function drivers(percentiles: readonly (Float64Array | null)[], weights: readonly number[], scored: Float64Array): Drivers {
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
      if (!(w > 0)) continue;
      const p = percentiles[m]![i];
      if (p !== p) continue;
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
      if (m === a || m === b || !(w > 0)) continue;
      const p = percentiles[m]![i];
      if (p !== p) continue;
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

/** `top X%` and `bottom X%` texts, made once per metric and percent. */
export class DriverText {
  private readonly tops: string[][];
  private readonly bottoms: string[][];
  private readonly names: string[];

  /** `say`: the words in another language (role names, top, bottom, weakest); English when absent. */
  constructor(private readonly metrics: readonly MetricColumn[], private readonly say?: Translate) {
    this.tops = metrics.map(() => []);
    this.bottoms = metrics.map(() => []);
    this.names = metrics.map((m) => (say && m.role !== 'custom' ? say(`role.${m.role}` as MessageKey) : m.name));
  }

  top(m: number, p: number): string {
    const pct = Math.max(1, Math.round(100 * (1 - p)));
    const name = this.names[m];
    return (this.tops[m][pct] ??= this.say ? this.say('drivers.top', { name, pct }) : `${name} (top ${pct}%)`);
  }

  bottom(m: number, p: number): string {
    const pct = Math.max(1, Math.round(100 * p));
    const name = this.names[m];
    return (this.bottoms[m][pct] ??= this.say
      ? this.say('drivers.weakest', { item: this.say('drivers.bottom', { name, pct }) })
      : `; weakest: ${name} (bottom ${pct}%)`);
  }

  /** `profit (top 4%), engagement (top 11%); weakest: recency (bottom 20%)`. */
  describe(d: Drivers, i: number, percentiles: readonly (Float64Array | null)[]): string {
    const a = d.first[i];
    const b = d.second[i];
    const w = d.weakest[i];
    let text = a >= 0 ? this.top(a, percentiles[a]![i]) : '';
    if (b >= 0) text += `, ${this.top(b, percentiles[b]![i])}`;
    if (w >= 0) text += this.bottom(w, percentiles[w]![i]);
    return text;
  }
}

const texts = new WeakMap<readonly MetricColumn[], Map<Translate | undefined, DriverText>>();

/** `profit (top 4%), engagement (top 11%); weakest: recency (bottom 20%)`, or in the language of `say`. */
export function describeDrivers(d: Drivers, i: number, metrics: readonly MetricColumn[], percentiles: readonly (Float64Array | null)[], say?: Translate): string {
  let byLang = texts.get(metrics);
  if (!byLang) texts.set(metrics, (byLang = new Map()));
  let t = byLang.get(say);
  if (!t) byLang.set(say, (t = new DriverText(metrics, say)));
  return t.describe(d, i, percentiles);
}
