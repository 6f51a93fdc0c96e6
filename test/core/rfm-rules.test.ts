import { describe, expect, it } from 'vitest';
import { rfmSegment, rfmTable } from '../../src/core';

/**
 * The default RFM segments of SPEC §10, rule by rule: each bound of each rule, the score on it
 * (inside) and the score one step past it (outside), R F M written as one number (5 4 3 = 543).
 * The first rule that holds wins, so a rule earlier in the table may hold a cell first: where it
 * does, the test says so.
 */
function segmentOf(rfm: number): string {
  const [r, f, m] = String(rfm).split('').map(Number);
  return rfmSegment(r, f, m);
}

function expectSegments(expected: Record<string, readonly number[]>): void {
  const actual: Record<string, string[]> = {};
  const wanted: Record<string, string[]> = {};
  for (const [segment, cells] of Object.entries(expected)) {
    for (const cell of cells) {
      actual[cell] = [segmentOf(cell)];
      wanted[cell] = [segment];
    }
  }
  expect(actual).toEqual(wanted);
}

describe("default RFM segments (SPEC §10): each rule's bounds, first matching rule wins", () => {
  it('Champions: R 4–5, F 4–5, M 4–5; one below any low bound is Loyal Customers', () => {
    expectSegments({
      Champions: [444, 555, 545, 454],
      'Loyal Customers': [344, 434, 443],
    });
  });

  it('Loyal Customers: R 2–5, F 3–5, M 3–5 (where Champions does not hold)', () => {
    expectSegments({
      'Loyal Customers': [233, 533, 353, 253, 235],
      'At Risk': [133], // R 1: below R 2
      'Potential Loyalist': [523], // F 2: below F 3
      Others: [352], // M 2: below M 3, and F 5 is past Potential Loyalist's F 1–3
    });
  });

  it('Potential Loyalist: R 3–5, F 1–3, M 1–3', () => {
    expectSegments({
      'Potential Loyalist': [311, 511, 531, 513, 332],
      'About To Sleep': [211], // R 2: below R 3
      Others: [541, 514], // F 4, M 4: past F 1–3 and M 1–3
    });
  });

  it('New Customers: R 4–5, F 1–1, M 1–1, every cell of it held first by Potential Loyalist', () => {
    expectSegments({ 'Potential Loyalist': [411, 511, 412, 421] });
  });

  it('Promising: R 3–4, F 1–1, M 1–1, every cell of it held first by Potential Loyalist; R 2 is About To Sleep', () => {
    expectSegments({ 'Potential Loyalist': [311, 411], 'About To Sleep': [211] });
  });

  it('Need Attention: R 2–3, F 2–3, M 2–3 (R 3 is held first by Loyal Customers or Potential Loyalist)', () => {
    expectSegments({
      'Need Attention': [222, 223, 232],
      'At Risk': [122, 242, 224], // R 1 below R 2; F 4 and M 4 past F 2–3 and M 2–3
      'About To Sleep': [212, 221], // F 1, M 1: below F 2 and M 2
      'Potential Loyalist': [322],
      'Loyal Customers': [233],
    });
  });

  it('About To Sleep: R 2–3, F 1–2, M 1–2', () => {
    expectSegments({
      'About To Sleep': [211, 212, 221],
      Lost: [111], // R 1: below R 2
      Others: [231, 213], // F 3, M 3: past F 1–2 and M 1–2
      'Need Attention': [222], // held first by Need Attention
      'Potential Loyalist': [311], // R 3, held first by Potential Loyalist
    });
  });

  it('At Risk: R 1–2, F 2–5, M 2–5', () => {
    expectSegments({
      'At Risk': [122, 155, 224, 252, 125, 152],
      Others: [324], // R 3: past R 1–2
      Lost: [112, 121], // F 1, M 1: below F 2 and M 2
    });
  });

  it("Can't Lose Them: R 1–1, F 4–5, M 4–5, every cell of it held first by At Risk", () => {
    expectSegments({ 'At Risk': [144, 155, 145, 154] });
  });

  it('Lost: R 1–2, F 1–2, M 1–2 (R 2 is held first by About To Sleep or Need Attention)', () => {
    expectSegments({
      Lost: [111, 112, 121],
      Others: [131, 113], // F 3, M 3: past F 1–2 and M 1–2
      'At Risk': [122],
    });
  });

  it('gives Others to the cells no rule holds', () => {
    expectSegments({ Others: [351, 115, 515, 551] });
  });
});

describe('RFM segment summary', () => {
  it('counts customers, and orders as the sum of their order lines (frequency), with the average order value per order', () => {
    const all = [{ name: 'All', r: [1, 5] as [number, number], f: [1, 5] as [number, number], m: [1, 5] as [number, number] }];
    const { segments } = rfmTable(
      [
        { account: 'A', recency: 10, frequency: 2, monetary: 100 },
        { account: 'B', recency: 20, frequency: 4, monetary: 200 },
        { account: 'C', recency: 30, frequency: 1, monetary: 50 },
      ],
      5,
      all,
    );
    // 3 customers, 2 + 4 + 1 = 7 orders, 350 revenue: 50 an order.
    expect(segments).toEqual([{ segment: 'All', customers: 3, orders: 7, revenue: 350, averageOrderValue: 50 }]);
  });
});
