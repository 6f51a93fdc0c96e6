/**
 * Calendar days in a spreadsheet's time zone. Sheets hands a date cell to a script as the instant
 * of its wall-clock time in the spreadsheet's zone, while JavaScript's local getters use the
 * script's zone: the day a cell shows is its day in the spreadsheet's zone. Days are kept as the
 * UTC midnight of that calendar day (ms), so day arithmetic needs no zone.
 */

const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter of wall-clock parts in `zone`; null for UTC or a zone this runtime does not know. */
function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f =
        zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT' || zone === 'Etc/GMT'
          ? null
          : new Intl.DateTimeFormat('en-US', {
              timeZone: zone,
              hourCycle: 'h23',
              year: 'numeric',
              month: 'numeric',
              day: 'numeric',
              hour: 'numeric',
              minute: 'numeric',
              second: 'numeric',
            });
    } catch {
      f = null; // a zone this runtime does not know: UTC (zones come from the spreadsheet, not typed by a user)
    }
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time of `ms` in `zone`, read as if it were UTC (ms). */
export function wallClock(ms: number, zone: string | undefined): number {
  const f = zone ? formatter(zone) : null;
  if (!f) return ms;
  const parts = f.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall + (((ms % 1000) + 1000) % 1000);
}

/** The offset of `zone` from UTC at the instant `ms` (ms to add to UTC). */
function offsetAt(ms: number, zone: string | undefined): number {
  return wallClock(ms, zone) - ms;
}

const dayCache = new Map<string, Map<number, number>>();

/** The calendar day (as UTC midnight ms) that the instant `ms` falls on in `zone` (UTC when none). */
export function dayInZone(ms: number, zone: string | undefined): number {
  if (!zone || !formatter(zone)) return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
  let cache = dayCache.get(zone);
  if (!cache) dayCache.set(zone, (cache = new Map()));
  let day = cache.get(ms);
  if (day === undefined) {
    // A date column holds few distinct instants: each is converted once.
    if (cache.size > 100_000) cache.clear();
    day = Math.floor(wallClock(ms, zone) / MS_PER_DAY) * MS_PER_DAY;
    cache.set(ms, day);
  }
  return day;
}

/** The calendar day a date cell shows in the spreadsheet's zone, as UTC midnight ms. */
export function dayOfCell(date: Date, zone: string | undefined): number {
  return dayInZone(date.getTime(), zone);
}

/** The instant when `wall` (a wall-clock time read as UTC ms) happens in `zone`: what a Date written to a sheet in that zone must be. */
export function instantOf(wall: number, zone: string | undefined): number {
  if (!zone || !formatter(zone)) return wall;
  const first = wall - offsetAt(wall, zone);
  const second = wall - offsetAt(first, zone);
  return second;
}

/** The day `dayMs` (UTC midnight) as a Date that a sheet in `zone` shows as that day at 00:00. */
export function dateForDay(dayMs: number, zone: string | undefined): Date {
  return new Date(instantOf(dayMs, zone));
}

/** Today in `zone`, as UTC midnight ms. */
export function todayIn(zone: string | undefined, now = Date.now()): number {
  return dayInZone(now, zone);
}

/** `2026-03-15 14:05` for the instant `ms` in `zone`. */
export function minuteText(ms: number, zone: string | undefined): string {
  return new Date(wallClock(ms, zone)).toISOString().slice(0, 16).replace('T', ' ');
}
