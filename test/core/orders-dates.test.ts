import { describe, expect, it } from 'vitest';
import { accountsFromOrders } from '../../src/core';

const ASOF = Date.parse('2026-06-30T00:00:00Z');

/** Orders → accounts: the first order is the earliest date, the last the latest, in whatever order the lines come. */
describe('first and last order from order lines in any order', () => {
  it('takes the first order from the earliest date, not from the first line', () => {
    const { accounts } = accountsFromOrders(
      [
        ['Account', 'Order date', 'Revenue'],
        ['Acme', '2026-05-01', 10],
        ['Acme', '2025-06-30', 10],
        ['Acme', '2026-06-20', 10],
        ['Acme', '2026-01-01', 10],
      ],
      ASOF,
    );
    expect(accounts).toHaveLength(1);
    const [acme] = accounts;
    expect(acme.firstOrder).toBe(Date.UTC(2025, 5, 30));
    expect(acme.lastOrder).toBe(Date.UTC(2026, 5, 20));
    // Tenure from the earliest order (365 days), recency from the latest (10 days).
    expect(acme.tenure).toBe(365 / 365.25);
    expect(acme.recency).toBe(10);
  });

  it('takes the last order from the latest date, not from the last line', () => {
    const [birch] = accountsFromOrders(
      [
        ['Account', 'Order date', 'Revenue'],
        ['Birch', '2026-06-29', 5],
        ['Birch', '2026-01-01', 5],
      ],
      ASOF,
    ).accounts;
    expect([birch.firstOrder, birch.lastOrder, birch.recency]).toEqual([Date.UTC(2026, 0, 1), Date.UTC(2026, 5, 29), 1]);
  });
});
