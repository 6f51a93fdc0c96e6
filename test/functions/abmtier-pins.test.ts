import { describe, expect, it } from 'vitest';
import { abmTier } from '../../src/functions';

/** Ten accounts A…J, revenue 100 … 10, with a header row. */
const METRICS = [['Account', 'Revenue'], ...Array.from({ length: 10 }, (_, i) => [String.fromCharCode(65 + i), 100 - 10 * i])];
const PINS = [['Pin'], [''], [''], [''], [''], [''], [''], [''], ['Tier 1: strategic logo'], [''], ['exclude']];

describe('=ABMTIER(…, pins)', () => {
  it('tiers a metrics range by the pinned rule, the pins range from the same top row', () => {
    const out = abmTier(METRICS, undefined, undefined, undefined, {}, PINS).map((r) => r[0]);
    expect(out).toEqual(['Tier', 'Tier 1', 'Tier 2', 'Tier 2', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 3', 'Tier 1', 'Tier 3', '']);
  });

  it('reads the metrics range’s own Pin column the same way', () => {
    const withColumn = METRICS.map((r, i) => [...r, PINS[i][0]]);
    expect(abmTier(withColumn)).toEqual(abmTier(METRICS, undefined, undefined, undefined, {}, PINS));
  });

  it('tiers a score column with pins: capacity places left', () => {
    const scores = [[90], [80], [70], [60], [50]];
    const pins = [[''], [''], [''], [''], ['1']];
    // Capacity 1 × 2 strategic, 1 × 1 lite: K1 = 2, K2 = 3; the pinned row takes a Tier 1 place.
    const out = abmTier(scores, 'capacity', '1,1,2,1', undefined, {}, pins).map((r) => r[0]);
    expect(out).toEqual(['Tier 1', 'Tier 2', 'Tier 3', 'Tier 3', 'Tier 1']);
    expect(abmTier(scores, 'capacity', '1,1,2,1').map((r) => r[0])).toEqual(['Tier 1', 'Tier 1', 'Tier 2', 'Tier 3', 'Tier 3']);
  });

  it('refuses a cell that is not a pin, naming its row and value', () => {
    const pins = [['Pin'], ['Gold']];
    expect(() => abmTier(METRICS, undefined, undefined, undefined, {}, pins)).toThrow(/Row 2 of the range, column "pins": "Gold" is not a pin/u);
    expect(() => abmTier([[90], [80]], undefined, undefined, undefined, {}, [[''], ['Tier 7']])).toThrow(
      /Row 2 of the range, column "pins": "Tier 7" is not a pin/u,
    );
  });
});
