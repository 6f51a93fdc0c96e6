/**
 * Wall-clock time in a named time zone, as Sheets and Apps Script's Utilities read it. A "wall" is
 * the wall-clock date-time written as milliseconds since 1970-01-01 00:00 *as if it were UTC*
 * (so `new Date(wall).getUTCDate()` is the day a person reads on the clock); an "instant" is an
 * ordinary JavaScript time. Conversions go through Intl (Node has full ICU), never through the
 * process's own zone.
 */

const QUARTER_HOUR = 15 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws RangeError for a zone ICU does not know, as Apps Script refuses one.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Throws unless ICU knows the zone. */
export function checkTimeZone(zone: string): string {
  formatter(zone);
  return zone;
}

/** The zone's offset from UTC (ms) at an instant. Offsets change on quarter hours, so one per quarter hour is cached. */
export function offsetAt(zone: string, instant: number): number {
  let cache = offsets.get(zone);
  if (!cache) offsets.set(zone, (cache = new Map()));
  const bucket = Math.floor(instant / QUARTER_HOUR);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const at = bucket * QUARTER_HOUR;
    const p: Record<string, string> = {};
    for (const part of formatter(zone).formatToParts(new Date(at))) p[part.type] = part.value;
    let year = Number(p.year);
    if (p.era === 'BC' || p.era === 'B') year = 1 - year;
    const d = new Date(0);
    d.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
    d.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
    offset = d.getTime() - at;
    cache.set(bucket, offset);
  }
  return offset;
}

/** The wall clock in the zone at an instant. */
export function wallOf(zone: string, instant: number): number {
  return instant + offsetAt(zone, instant);
}

/** The instant a wall-clock time in the zone stands for (a time skipped by a clock change moves forward). */
export function instantOf(zone: string, wall: number): number {
  const first = offsetAt(zone, wall);
  const guess = wall - first;
  const second = offsetAt(zone, guess);
  if (second === first) return guess;
  const retry = wall - second;
  return offsetAt(zone, retry) === second ? retry : guess;
}

/** 'yyyy-MM-dd', or 'yyyy-MM-dd HH:mm:ss' when the time is not midnight (ms shown only if any). */
export function wallText(wall: number): string {
  const d = new Date(wall);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  const ms = d.getUTCMilliseconds();
  if (h === 0 && m === 0 && s === 0 && ms === 0) return date;
  return `${date} ${pad(h)}:${pad(m)}:${pad(s)}${ms ? `.${pad(ms, 3)}` : ''}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Apps Script's Utilities.formatDate: a Java SimpleDateFormat pattern, in the given zone. Supports
 * y, M, d, H, h, k, K, m, s, S, a, E, u, Z, X and quoted text; any other letter throws, as Java does
 * for a letter it does not know (stricter: also for the few it knows and this does not).
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!(date instanceof Date)) throw new Error('Invalid argument: date');
  if (Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
  if (typeof timeZone !== 'string' || typeof pattern !== 'string') throw new Error('Invalid argument: timeZone or format');
  const instant = date.getTime();
  const offset = offsetAt(timeZone, instant);
  const d = new Date(instant + offset);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const zone = (colon: boolean, hoursOnly: boolean) => {
    const minutes = Math.round(offset / 60000);
    const sign = minutes < 0 ? '-' : '+';
    const a = Math.abs(minutes);
    return `${sign}${pad(Math.floor(a / 60), 2)}${hoursOnly ? '' : `${colon ? ':' : ''}${pad(a % 60, 2)}`}`;
  };
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= pattern.length) throw new Error(`Unterminated quote in pattern: ${pattern}`);
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j++];
      }
      out += text;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/u.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y': {
        const y = d.getUTCFullYear();
        out += n === 2 ? pad(y % 100, 2) : pad(y, n);
        break;
      }
      case 'M': {
        const m = d.getUTCMonth();
        out += n >= 4 ? MONTHS[m] : n === 3 ? MONTHS[m].slice(0, 3) : pad(m + 1, n);
        break;
      }
      case 'd':
        out += pad(d.getUTCDate(), n);
        break;
      case 'H':
        out += pad(d.getUTCHours(), n);
        break;
      case 'k':
        out += pad(d.getUTCHours() || 24, n);
        break;
      case 'K':
        out += pad(d.getUTCHours() % 12, n);
        break;
      case 'h':
        out += pad(d.getUTCHours() % 12 || 12, n);
        break;
      case 'm':
        out += pad(d.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(d.getUTCSeconds(), n);
        break;
      case 'S':
        out += pad(d.getUTCMilliseconds(), n);
        break;
      case 'a':
        out += d.getUTCHours() < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += n >= 4 ? DAYS[d.getUTCDay()] : DAYS[d.getUTCDay()].slice(0, 3);
        break;
      case 'u':
        out += pad(d.getUTCDay() || 7, n);
        break;
      case 'Z':
        out += zone(false, false);
        break;
      case 'X':
        out += offset === 0 ? 'Z' : zone(n >= 3, n === 1);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
