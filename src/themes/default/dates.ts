/** Dates as a magazine prints them, in the publication's time zone. */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

export function longDate(iso: string, timeZone: string): string {
  return formatter(timeZone, false).format(new Date(iso));
}

export function dateTime(iso: string, timeZone: string): string {
  return formatter(timeZone, true).format(new Date(iso));
}
