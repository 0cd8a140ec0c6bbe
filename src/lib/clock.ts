/** Time comes in through this, so tests and the demo can set it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A moment as the database stores it: UTC ISO 8601 with milliseconds, the one
 * text form that sorts correctly on SQLite. Null when the input is no time at all.
 */
export function toInstant(value: string | Date): string | null {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}
