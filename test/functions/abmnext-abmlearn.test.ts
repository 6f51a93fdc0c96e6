import { describe, expect, it } from 'vitest';
import { abmLearn } from '../../src/functions/abmlearn';
import { abmNext } from '../../src/functions/abmnext';
import { random as uniform } from '../../src/core/random';

describe('=ABMNEXT(metrics, [weights])', () => {
  it("gives one line per row under its header: the move, Tier 1, or a bad row's message", () => {
    const rows = [
      ['Account', 'Engagement', 'Orders'],
      ['Acme', 62, 1],
      ['Beta', 90, 9],
      ['Cyan', 70, 5],
      ['Dune', 'lots', 2],
      ['Echo', 10, 3],
      ['Fig', 40, 4],
    ];
    const out = abmNext(rows, 'orders=0');
    expect(out[0]).toEqual(['Next tier']);
    expect(out).toHaveLength(rows.length);
    // Orders weigh 0, so engagement alone: 5 scored accounts (Dune's cell is bad), p 0, .25, .5, .75, 1.
    // K1 = 1 (Beta), K2 = floor(2.5 + .5) = 3: Tier 2 starts at Acme's 50. Echo among the 4 others:
    // tie 40 → .125, pass 40 → .25, tie 62 → .375, pass 62 → .5: "to above 62".
    expect(out[5][0]).toBe('Echo → Tier 2 if engagement rises from 10 to above 62 (percentile 0 → 50)');
    expect(out[2][0]).toBe('Beta → already in Tier 1');
    expect(String(out[4][0])).toContain('"lots"');
  });
});

describe('=ABMLEARN(metrics, outcomes)', () => {
  it('returns the weight table with both cross-validated AUCs, ranking the metric the outcome follows first', () => {
    const next = uniform(3);
    const rows: unknown[][] = [['Account', 'Engagement', 'Orders', 'Feedback']];
    const won: unknown[][] = [['Won']];
    for (let i = 0; i < 600; i++) {
      const e = next();
      rows.push([`A${i}`, e, next(), next()]);
      won.push([next() < 1 / (1 + Math.exp(-(6 * e - 3))) ? 'Won' : 'Lost']);
    }
    const out = abmLearn(rows, won);
    expect(out[0]).toEqual(['Metric', 'Current weight', 'Learned weight']);
    const weights = new Map(out.slice(1, 4).map((r) => [r[0], r[2] as number]));
    expect([...weights.keys()]).toEqual(['engagement', 'orders', 'feedback']);
    expect(weights.get('engagement')!).toBeGreaterThan(3 * Math.max(weights.get('orders')!, weights.get('feedback')!));
    const auc = out[4];
    expect(auc[0]).toBe('Cross-validated AUC (5 folds)');
    expect(auc[2] as number).toBeGreaterThan(auc[1] as number);
    expect((out[5][1] as number) + (out[6][1] as number)).toBe(600);
  });

  it('says so when no metric ranks successes above failures: every learned weight is 0', () => {
    // Success when engagement is low: the only metric lowers the chance, so its weight stays at 0.
    const rows: unknown[][] = [['Account', 'Engagement']];
    const won: unknown[][] = [['Won']];
    for (let i = 0; i < 200; i++) {
      rows.push([`A${i}`, i]);
      won.push([i < 100 ? 'Won' : 'Lost']);
    }
    const out = abmLearn(rows, won);
    expect(out[1]).toEqual(['engagement', 2, 0]);
    expect(out.at(-1)).toEqual(['No metric ranks successes above failures here: every learned weight is 0, so keep your weights.', '', '']);
  });

  it("refuses fewer than 50 successes, in the document's language", () => {
    const rows: unknown[][] = [['Account', 'Engagement']];
    const won: unknown[][] = [];
    for (let i = 0; i < 120; i++) {
      rows.push([`A${i}`, i]);
      won.push([i < 30 ? 1 : 0]);
    }
    expect(() => abmLearn(rows, won)).toThrow('needs at least 50 successes and 50 failures; these outcomes have 30 and 90');
    expect(() => abmLearn(rows, won, undefined, { lang: 'th' })).toThrow('30 และ 90');
    expect(() => abmLearn(rows, [...won, [1], [1]])).toThrow('The outcomes range has 122 rows but the metrics range has 120');
  });
});
