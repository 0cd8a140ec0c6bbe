/**
 * What an editor may add to a round-up by hand: published articles (found by
 * the site's full-text search, or the newest when nothing is typed) and
 * published briefs (by headline), as ready-made items.
 */
import type { RoundUpItem } from '../../domain/newsletter/round-up.js';
import { can } from '../../domain/newsroom/roles.js';
import type { Actor } from '../../domain/newsroom/roles.js';
import { listPublishedTeasers, publishedTeasersByIds } from '../../storage/repositories/articles.js';
import { findPublishedBriefsByHeadline, listPublishedBriefs } from '../../storage/repositories/briefs.js';
import { searchArticles } from '../../storage/search/search-index.js';
import { requirePermission } from '../auth/accounts.js';
import { articleItem, briefItem } from './compose.js';
import type { NewsletterDeps } from './compose.js';

export interface CandidateQuery {
  q?: string | undefined;
  kind?: 'article' | 'brief' | undefined;
  limit: number;
}

export async function findRoundUpCandidates(deps: NewsletterDeps, actor: Actor, query: CandidateQuery): Promise<RoundUpItem[]> {
  requirePermission(actor, can(actor, 'newsletter.manage'), 'manage the newsletter');
  const now = deps.clock();
  const q = query.q?.trim() ?? '';
  const out: RoundUpItem[] = [];
  if (query.kind !== 'brief') {
    const teasers = q
      ? await publishedTeasersByIds(
          deps.db,
          (await searchArticles(deps.db, { query: q, limit: query.limit, offset: 0, now })).hits.map((h) => h.id),
          now,
        )
      : (await listPublishedTeasers(deps.db, { now, limit: query.limit })).teasers;
    out.push(...teasers.map((t) => articleItem(deps, t)));
  }
  if (query.kind !== 'article') {
    const briefs = q
      ? await findPublishedBriefsByHeadline(deps.db, { now, q, limit: query.limit })
      : (await listPublishedBriefs(deps.db, { now, limit: query.limit })).briefs;
    out.push(...briefs.map((b) => briefItem(deps, b)));
  }
  return out;
}
