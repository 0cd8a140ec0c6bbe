/**
 * The weekly round-up's rules, with no I/O: which week an issue covers, when
 * the next one is due in the publication's time zone, and how its items are
 * grouped. Everything the services store or render passes through these.
 */

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const DEFAULT_WINDOW_MS = 7 * 24 * 3_600_000;

/** One entry of an issue, in the order the editor gave them. */
export type RoundUpItem =
  | { kind: 'article'; id: string; headline: string; dek: string; url: string; section: string; imageUrl?: string; imageAlt?: string }
  | { kind: 'brief'; id: string; headline: string; take: string; url: string; sourceName: string; sourceUrl: string }
  | { kind: 'correction'; id: string; headline: string; text: string; url: string; issuedAt: string };

export type IssueStatus = 'draft' | 'scheduled' | 'sending' | 'sent';

/** The stretch an issue covers: since the last sent issue, or the last seven days. */
export function roundUpWindow(now: Date, lastSentAt: string | null): { start: Date; end: Date } {
  const weekAgo = new Date(now.getTime() - DEFAULT_WINDOW_MS);
  const last = lastSentAt ? new Date(lastSentAt) : null;
  const start = last && Number.isFinite(last.getTime()) && last < now ? last : weekAgo;
  return { start, end: now };
}

/** Wall-clock parts of an instant in a time zone. */
function zonedParts(at: Date, timeZone: string): { weekday: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: WEEKDAYS.indexOf(get('weekday').toLowerCase() as Weekday), hour: Number(get('hour')), minute: Number(get('minute')) };
}

/**
 * The next moment, strictly after `now`, that falls on `day` at `hour`:00 in
 * `timeZone`. Walks forward hour by hour (at most 8 days), which stays right
 * across daylight-saving changes without a time zone library.
 */
export function nextSendTime(now: Date, day: Weekday, hour: number, timeZone: string): Date {
  const target = WEEKDAYS.indexOf(day);
  const start = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000);
  for (let h = 0; h <= 24 * 8; h++) {
    const candidate = new Date(start.getTime() + h * 3_600_000);
    const parts = zonedParts(candidate, timeZone);
    // Zones with half-hour offsets land on :30; step to the top of the local hour.
    const aligned = new Date(candidate.getTime() - parts.minute * 60_000);
    if (parts.weekday === target && parts.hour === hour && aligned > now) return aligned;
  }
  return new Date(now.getTime() + DEFAULT_WINDOW_MS);
}

/** Whether `at` is exactly `day` at `hour`:00 in `timeZone`: a slot the weekly schedule could have chosen. */
export function isSendTime(at: Date, day: Weekday, hour: number, timeZone: string): boolean {
  const parts = zonedParts(at, timeZone);
  return parts.weekday === WEEKDAYS.indexOf(day) && parts.hour === hour && parts.minute === 0 && at.getUTCSeconds() === 0;
}

/** Articles grouped by section, sections in order of first appearance; briefs and corrections in their own blocks. */
export function groupRoundUp(items: readonly RoundUpItem[]): {
  sections: { name: string; articles: Extract<RoundUpItem, { kind: 'article' }>[] }[];
  briefs: Extract<RoundUpItem, { kind: 'brief' }>[];
  corrections: Extract<RoundUpItem, { kind: 'correction' }>[];
} {
  const sections = new Map<string, Extract<RoundUpItem, { kind: 'article' }>[]>();
  const briefs: Extract<RoundUpItem, { kind: 'brief' }>[] = [];
  const corrections: Extract<RoundUpItem, { kind: 'correction' }>[] = [];
  for (const item of items) {
    if (item.kind === 'article') {
      const list = sections.get(item.section) ?? [];
      list.push(item);
      sections.set(item.section, list);
    } else if (item.kind === 'brief') briefs.push(item);
    else corrections.push(item);
  }
  return { sections: [...sections].map(([name, articles]) => ({ name, articles })), briefs, corrections };
}

/** Orders articles by section (sections by first appearance in `articles`, which is newest first). */
export function orderBySection<T extends { section: string }>(articles: readonly T[]): T[] {
  const order = new Map<string, number>();
  for (const a of articles) if (!order.has(a.section)) order.set(a.section, order.size);
  return [...articles].sort((a, b) => (order.get(a.section) ?? 0) - (order.get(b.section) ?? 0));
}

/** A 4xx reply is worth another try later; a 5xx one is the server's final word. */
export function smtpFailureKind(responseCode: number | undefined): 'temporary' | 'permanent' | 'unknown' {
  if (responseCode === undefined) return 'unknown';
  if (responseCode >= 400 && responseCode < 500) return 'temporary';
  if (responseCode >= 500 && responseCode < 600) return 'permanent';
  return 'unknown';
}

export const MAX_DELIVERY_ATTEMPTS = 8;

/** 1 min, 2, 4, ... up to 2 h between attempts at one recipient. */
export function deliveryRetryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0) * 60_000, 2 * 3_600_000);
}
