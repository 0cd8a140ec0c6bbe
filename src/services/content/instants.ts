import { MastheadError } from '../../errors.js';
import { toInstant } from '../../lib/clock.js';

/** A time from the caller, in the one form the database stores, or a clear 400. */
export function instantOrThrow(value: string, property: string): string {
  const instant = toInstant(value);
  if (instant === null)
    throw new MastheadError('VALIDATION_FAILED', { detail: `${property} must be a date and time (ISO 8601)` }, property);
  return instant;
}
