/** The web archive of sent issues: what /newsletter/archive and /newsletter/archive/{slug} show. */
import { groupRoundUp } from '../../domain/newsletter/round-up.js';
import { findIssueBySlug, listIssues } from '../../storage/repositories/newsletter.js';
import type { ServiceDeps } from '../deps.js';
import { toIssue } from './compose.js';
import type { Issue } from './compose.js';

/** The page-cache key of every archive page: dropped when an issue goes out. */
export const ARCHIVE_KEY = 'newsletter-archive';
export const ARCHIVE_PAGE_SIZE = 25;

export interface ArchiveListView {
  issues: { slug: string; subject: string; sentAt: string; itemCount: number }[];
  page: number;
  hasNext: boolean;
}

export interface ArchivedIssueView {
  issue: Pick<Issue, 'slug' | 'subject' | 'sentAt'>;
  intro: string[];
  groups: ReturnType<typeof groupRoundUp>;
}

export async function readArchive(deps: Pick<ServiceDeps, 'db'>, page: number): Promise<ArchiveListView> {
  const rows = await listIssues(deps.db, { status: 'sent', limit: ARCHIVE_PAGE_SIZE + 1, offset: (page - 1) * ARCHIVE_PAGE_SIZE });
  const issues = rows.slice(0, ARCHIVE_PAGE_SIZE).map(toIssue);
  return {
    issues: issues.map((i) => ({ slug: i.slug, subject: i.subject, sentAt: i.sentAt ?? i.updatedAt, itemCount: i.items.length })),
    page,
    hasNext: rows.length > ARCHIVE_PAGE_SIZE,
  };
}

/** A sent issue, or null: drafts and issues still going out are not public. */
export async function readArchivedIssue(deps: Pick<ServiceDeps, 'db'>, slug: string): Promise<ArchivedIssueView | null> {
  const row = await findIssueBySlug(deps.db, slug);
  if (!row || row.status !== 'sent') return null;
  const issue = toIssue(row);
  return {
    issue: { slug: issue.slug, subject: issue.subject, sentAt: issue.sentAt },
    intro: issue.intro
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    groups: groupRoundUp(issue.items),
  };
}
