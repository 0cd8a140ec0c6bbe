/** Calendar days in a time zone, for date filters typed as YYYY-MM-DD. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The day as [year, month, day] when `value` is a real calendar date from the year 1000 on; null otherwise. */
export function parseCalendarDate(value: string): [number, number, number] | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return [year, month, day];
}

function startOf(year: number, month: number, day: number, timeZone: string): number {
  const midnightUtc = Date.UTC(year, month - 1, day);
  const guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  // Once more at the guess, in case a clock change falls between the two.
  return midnightUtc - offsetAt(guess, timeZone);
}

/** The first instant of a calendar day in the zone; null for anything that is not a date. */
export function startOfDay(value: string, timeZone: string): Date | null {
  const date = parseCalendarDate(value);
  return date ? new Date(startOf(...date, timeZone)) : null;
}

/** The last millisecond of a calendar day in the zone; null for anything that is not a date. */
export function endOfDay(value: string, timeZone: string): Date | null {
  const date = parseCalendarDate(value);
  if (!date) return null;
  const next = new Date(Date.UTC(date[0], date[1] - 1, date[2] + 1));
  return new Date(startOf(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone) - 1);
}
