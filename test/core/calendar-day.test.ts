import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asOfMs, dateForDay, dayInZone, minuteText, parseCell, todayIn } from '../../src/core';

const ZONES = ['Asia/Bangkok', 'Asia/Shanghai', 'Asia/Yerevan', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Etc/UTC'];
const DAY = 86_400_000;
const march15 = Date.UTC(2026, 2, 15);

describe("calendar days in the spreadsheet's time zone", () => {
  it('a cell showing 2026-03-15 in Bangkok arrives as 2026-03-14T17:00Z and is 15 March there', () => {
    const cell = new Date('2026-03-14T17:00:00Z');
    expect(dayInZone(cell.getTime(), 'Asia/Bangkok')).toBe(march15);
    // Read with the script's (UTC) getters it would be the 14th: the bug this module exists for.
    expect(cell.getUTCDate()).toBe(14);
  });

  it('a cell showing 2026-03-15 in Los Angeles arrives as 2026-03-15T07:00Z and is 15 March there', () => {
    expect(dayInZone(Date.parse('2026-03-15T07:00:00Z'), 'America/Los_Angeles')).toBe(march15);
    expect(dayInZone(Date.parse('2026-03-15T06:59:59Z'), 'America/Los_Angeles')).toBe(march15 - DAY);
  });

  it('any day written as a date in any zone reads back as that day (DST changes included)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 60_000 }), fc.constantFrom(...ZONES), fc.integer({ min: 0, max: DAY - 1 }), (days, zone, into) => {
        const day = days * DAY;
        const midnight = dateForDay(day, zone).getTime();
        expect(dayInZone(midnight, zone)).toBe(day);
        // Any moment of that wall-clock day belongs to it (23 h of the DST day are enough to check).
        expect(dayInZone(midnight + Math.min(into, 22 * 3_600_000), zone)).toBe(day);
      }),
      { numRuns: 300 },
    );
  });

  it('recency from a date cell counts days as the sheet shows them, in every zone', () => {
    const asOf = asOfMs('2026-03-25');
    for (const zone of ZONES) {
      const cell = dateForDay(march15, zone);
      expect(parseCell(cell, 'recency', asOf, { timeZone: zone }), zone).toEqual({ ok: true, value: 10 });
    }
  });

  it('"today" is today in the zone: 20:00 UTC on 15 March is already 16 March in Bangkok', () => {
    const now = Date.parse('2026-03-15T20:00:00Z');
    expect(todayIn('Asia/Bangkok', now)).toBe(march15 + DAY);
    expect(todayIn('America/Los_Angeles', now)).toBe(march15);
    expect(todayIn(undefined, now)).toBe(march15);
  });

  it("writes the time of a run as the zone's wall clock", () => {
    expect(minuteText(Date.parse('2026-03-15T20:05:00Z'), 'Asia/Yerevan')).toBe('2026-03-16 00:05');
    expect(minuteText(Date.parse('2026-03-15T20:05:00Z'), 'Asia/Shanghai')).toBe('2026-03-16 04:05');
  });

  it('an unknown zone counts as UTC rather than failing', () => {
    expect(dayInZone(Date.parse('2026-03-15T23:00:00Z'), 'Mars/Olympus')).toBe(march15);
  });
});
