import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('relationship segments (SPEC §6)', () => {
  it('splits by revenue 20/40/40 with the quantile rule', () => {
    const rows = [['Account', 'Revenue'], ...[10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((v, i) => [`A${i}`, v])];
    const a = run(rows);
    expect(Array.from(a.segment)).toEqual([0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('gives no segment without revenue, and none at all without a revenue column', () => {
    const a = run([['Account', 'Revenue', 'Engagement'], ['A', 10, 1], ['B', '', 2], ['C', 5, 3]]);
    expect(a.segment[1]).toBe(-1);
    expect(Array.from(run([['Account', 'Engagement'], ['A', 1]]).segment)).toEqual([-1]);
  });
});
