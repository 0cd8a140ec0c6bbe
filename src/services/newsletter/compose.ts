/**
 * Assembling and editing a round-up issue. The draft is built from the week's
 * published work (articles grouped by section, then briefs, then corrections)
 * and stored as an ordered list of items the editor can reorder, drop or add to.
 */
import { z } from 'zod';
import { orderBySection, roundUpWindow } from '../../domain/newsletter/round-up.js';
import type { IssueStatus, RoundUpItem } from '../../domain/newsletter/round-up.js';
import { articlePath, briefPath } from '../../domain/content/paths.js';
import type { Brief, Teaser } from '../../domain/content/model.js';
import { MastheadError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { slugify } from '../../lib/slug.js';
import { listPublishedTeasers } from '../../storage/repositories/articles.js';
import { listPublishedBriefs } from '../../storage/repositories/briefs.js';
import {
  findIssue,
  insertIssue,
  isIssueSlugTaken,
  lastSentAt,
  listCorrectionsIssued,
  updateIssue,
} from '../../storage/repositories/newsletter.js';
import type { IssueRow } from '../../storage/repositories/newsletter.js';
import type { ServiceDeps } from '../deps.js';
import { getSiteSettings } from '../settings/site-settings.js';

export interface NewsletterDeps extends ServiceDeps {
  config: { publicUrl: string };
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

const itemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('article'),
    id: z.string().min(1).max(100),
    headline: z.string().max(300),
    dek: z.string().max(1000),
    url: z.url(),
    section: z.string().max(120),
    imageUrl: z.url().optional(),
    imageAlt: z.string().max(500).optional(),
  }),
  z.object({
    kind: z.literal('brief'),
    id: z.string().min(1).max(100),
    headline: z.string().max(300),
    take: z.string().max(2000),
    url: z.url(),
    sourceName: z.string().max(200),
    sourceUrl: z.string().max(2000),
  }),
  z.object({
    kind: z.literal('correction'),
    id: z.string().min(1).max(100),
    headline: z.string().max(300),
    text: z.string().max(2000),
    url: z.url(),
    issuedAt: z.string(),
  }),
]);

export const issueEditSchema = z
  .object({
    subject: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((s) => !/[\r\n]/.test(s), 'one line, no line breaks'),
    intro: z.string().max(5000),
    items: z.array(itemSchema).max(200),
  })
  .partial();
export type IssueEdit = z.infer<typeof issueEditSchema>;

export function toIssue(row: IssueRow): Issue {
  const parsed = z.array(itemSchema).safeParse(JSON.parse(row.items));
  return {
    id: row.id,
    slug: row.slug,
    subject: row.subject,
    intro: row.intro,
    items: parsed.success ? parsed.data : [],
    status: row.status as IssueStatus,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    scheduledAt: row.scheduled_at,
    sentAt: row.sent_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const absolute = (publicUrl: string, path: string) => (/^https?:\/\//.test(path) ? path : `${publicUrl.replace(/\/+$/, '')}${path}`);

/** A published article as a round-up item, with absolute links. */
export function articleItem(deps: NewsletterDeps, t: Teaser): Extract<RoundUpItem, { kind: 'article' }> {
  const base = deps.config.publicUrl;
  const image = t.leadImage?.image.variants.find((v) => v.format === 'jpeg');
  return {
    kind: 'article',
    id: t.id,
    headline: t.headline,
    dek: t.dek,
    url: absolute(base, articlePath(t)),
    section: t.section.name,
    ...(image && t.leadImage ? { imageUrl: absolute(base, deps.media.url(image.key)), imageAlt: t.leadImage.alt } : {}),
  };
}

/** A published brief as a round-up item, with absolute links. */
export function briefItem(deps: NewsletterDeps, b: Brief): Extract<RoundUpItem, { kind: 'brief' }> {
  return {
    kind: 'brief',
    id: b.id,
    headline: b.headline,
    take: b.take,
    url: absolute(deps.config.publicUrl, briefPath(b)),
    sourceName: b.sourceName,
    sourceUrl: b.sourceUrl,
  };
}

/** The week's items, in round-up order: articles by section, then briefs, then corrections. */
export async function gatherRoundUpItems(deps: NewsletterDeps, start: Date, end: Date): Promise<RoundUpItem[]> {
  const base = deps.config.publicUrl;
  const { teasers } = await listPublishedTeasers(deps.db, { now: end, limit: 300 });
  const articles = teasers.filter((t) => t.publishedAt >= start.toISOString()).map((t) => articleItem(deps, t));
  const { briefs } = await listPublishedBriefs(deps.db, { now: end, limit: 100 });
  const briefItems = briefs.filter((b) => b.publishedAt >= start.toISOString()).map((b) => briefItem(deps, b));
  const corrections = (await listCorrectionsIssued(deps.db, start, end)).map((c): RoundUpItem => ({
    kind: 'correction',
    id: c.id,
    headline: c.headline,
    text: c.text,
    url: absolute(base, articlePath({ slug: c.slug, section: { slug: c.sectionSlug } })),
    issuedAt: c.issuedAt,
  }));
  return [...orderBySection(articles), ...briefItems, ...corrections];
}

async function freeSlug(deps: NewsletterDeps, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await isIssueSlugTaken(deps.db, slug))) return slug;
  }
}

/** A draft issue of the articles published since the last sent issue (or in the last seven days). */
export async function composeRoundUp(deps: NewsletterDeps, input: { intro?: string; subject?: string } = {}): Promise<Issue> {
  const now = deps.clock();
  const window = roundUpWindow(now, await lastSentAt(deps.db));
  const items = await gatherRoundUpItems(deps, window.start, window.end);
  const settings = await getSiteSettings(deps);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
  const label = new Intl.DateTimeFormat(settings.language, { timeZone: settings.timeZone, dateStyle: 'long' }).format(now);
  const iso = now.toISOString();
  const row: IssueRow = {
    id: newId(),
    slug: await freeSlug(deps, slugify(`round-up-${day}`)),
    subject: input.subject ?? `${settings.title}: the week’s round-up, ${label}`,
    intro: input.intro ?? '',
    items: JSON.stringify(items),
    status: 'draft',
    window_start: window.start.toISOString(),
    window_end: window.end.toISOString(),
    scheduled_at: null,
    sent_at: null,
    created_at: iso,
    updated_at: iso,
  };
  await insertIssue(deps.db, row);
  return toIssue(row);
}

/** Changes subject, introduction or items of an issue that has not started sending. */
export async function editIssue(deps: NewsletterDeps, issueId: string, edit: IssueEdit): Promise<Issue | null> {
  const parsed = issueEditSchema.parse(edit);
  const row = await findIssue(deps.db, issueId);
  if (!row) return null;
  if (row.status === 'sending' || row.status === 'sent') throw new MastheadError('ISSUE_NOT_EDITABLE', { status: row.status });
  await updateIssue(deps.db, issueId, {
    ...(parsed.subject !== undefined ? { subject: parsed.subject } : {}),
    ...(parsed.intro !== undefined ? { intro: parsed.intro } : {}),
    ...(parsed.items !== undefined ? { items: JSON.stringify(parsed.items) } : {}),
    updated_at: deps.clock().toISOString(),
  });
  const updated = await findIssue(deps.db, issueId);
  return updated ? toIssue(updated) : null;
}
