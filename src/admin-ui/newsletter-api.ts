/** The newsletter's shapes in the Admin API (/newsletter/…, /subscribers/…), as the screens use them. */
import type { IssueStatus, RoundUpItem } from '../domain/newsletter/round-up';

// The round-up's items and states are the domain's own; type-only, so nothing of the server is bundled.
export type { IssueStatus, RoundUpItem };

export interface DeliveryCounts {
  sent: number;
  pending: number;
  failed: number;
  bounced: number;
  total: number;
}

export interface Issue {
  id: string;
  slug: string;
  subject: string;
  intro: string;
  items: RoundUpItem[];
  status: IssueStatus;
  windowStart: string;
  windowEnd: string;
  scheduledAt: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IssueSummary extends Omit<Issue, 'items'> {
  itemCount: number;
  progress: DeliveryCounts | null;
}

export interface IssueDetail {
  issue: Issue;
  progress: DeliveryCounts;
  confirmedSubscribers: number;
}

export const ISSUE_STATUS_NAMES: Record<IssueStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  sending: 'Sending',
  sent: 'Sent',
};

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'bounced';
export const SUBSCRIBER_STATUS_NAMES: Record<SubscriberStatus, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  unsubscribed: 'Unsubscribed',
  bounced: 'Bounced',
};

export interface Subscriber {
  id: string;
  email: string;
  status: SubscriberStatus;
  consentAt: string;
  consentSource: string;
  consentText: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  bouncedAt: string | null;
  createdAt: string;
}

export interface SubscriberStats {
  totals: Record<SubscriberStatus, number>;
  weeks: { week: string; weekStart: string; confirmed: number; unsubscribed: number }[];
}

export interface ImportReport {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: { line: number; email: string; reason: string }[];
  rejected: { line: number; reason: string }[];
}

/** The blocks of a round-up as the mail has them: articles by section (in order of first appearance), briefs, corrections. */
export interface ItemGroup {
  key: string;
  title: string;
  items: RoundUpItem[];
}

export function groupItems(items: readonly RoundUpItem[]): ItemGroup[] {
  const sections = new Map<string, ItemGroup>();
  const briefs: ItemGroup = { key: 'briefs', title: 'Briefs', items: [] };
  const corrections: ItemGroup = { key: 'corrections', title: 'Corrections and updates', items: [] };
  for (const item of items) {
    if (item.kind === 'brief') briefs.items.push(item);
    else if (item.kind === 'correction') corrections.items.push(item);
    else {
      const group = sections.get(item.section) ?? { key: `section:${item.section}`, title: item.section, items: [] };
      group.items.push(item);
      sections.set(item.section, group);
    }
  }
  return [...sections.values(), briefs, corrections].filter((g) => g.items.length > 0);
}

export const itemKey = (item: RoundUpItem): string => `${item.kind}:${item.id}`;

/** A value for `<input type="datetime-local">` in the browser's zone. */
export function localInputValue(at: Date): string {
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export const formatWhen = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : '');

/** How often to look again: often while it is sending or about to start, now and then while scheduled. */
export function pollDelay(issue: Pick<Issue, 'status' | 'scheduledAt'>): number | null {
  if (issue.status === 'sending') return 1500;
  if (issue.status !== 'scheduled') return null;
  return Date.parse(issue.scheduledAt ?? '') < Date.now() + 60_000 ? 1500 : 30_000;
}
