import type { VNode } from 'preact';
import { dateTime, longDate } from '../dates.js';

export function Time({ iso, timeZone, withTime = false }: { iso: string; timeZone: string; withTime?: boolean }): VNode {
  return <time datetime={iso}>{withTime ? dateTime(iso, timeZone) : longDate(iso, timeZone)}</time>;
}
