/** Reading an article's history: revisions, their differences, comments and the workflow log. */
import type { Article } from '../../domain/content/model.js';
import type { Actor } from '../../domain/newsroom/roles.js';
import { can } from '../../domain/newsroom/roles.js';
import { MastheadError } from '../../errors.js';
import { findArticleById } from '../../storage/repositories/articles.js';
import { articleOwnership, findRevision, listComments, listEvents, listRevisions } from '../../storage/repositories/newsroom.js';
import type { Comment, Revision, WorkflowEvent } from '../../storage/repositories/newsroom.js';
import { requirePermission } from '../auth/accounts.js';
import type { ServiceDeps } from '../deps.js';
import { saveArticle } from './articles.js';
import type { ArticleSnapshot, Comparison } from './revisions.js';
import { compareSnapshots } from './revisions.js';

export async function articleHistory(
  deps: Pick<ServiceDeps, 'db'>,
  actor: Actor,
  id: string,
): Promise<{ revisions: Omit<Revision, 'snapshot'>[]; comments: Comment[]; events: WorkflowEvent[] }> {
  requirePermission(actor, can(actor, 'article.read'), 'read articles');
  if (!(await articleOwnership(deps.db, id))) throw new MastheadError('NOT_FOUND');
  const [revisions, comments, events] = await Promise.all([listRevisions(deps.db, id), listComments(deps.db, id), listEvents(deps.db, id)]);
  return { revisions: revisions.map(({ snapshot: _s, ...r }) => r), comments, events };
}

export async function compareRevisions(
  deps: Pick<ServiceDeps, 'db'>,
  actor: Actor,
  id: string,
  from: number,
  to: number,
): Promise<Comparison> {
  requirePermission(actor, can(actor, 'article.read'), 'read articles');
  const [a, b] = await Promise.all([findRevision(deps.db, id, from), findRevision(deps.db, id, to)]);
  if (!a || !b) throw new MastheadError('NOT_FOUND');
  return compareSnapshots(a.snapshot as ArticleSnapshot, b.snapshot as ArticleSnapshot);
}

/** Restoring is a new save of an old revision's content: history only grows. */
export async function restoreRevision(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  version: number,
  currentVersion: number,
): Promise<Article> {
  const revision = await findRevision(deps.db, id, version);
  if (!revision) throw new MastheadError('NOT_FOUND');
  const s = revision.snapshot as ArticleSnapshot;
  const current = await findArticleById(deps.db, id);
  if (!current) throw new MastheadError('NOT_FOUND');
  return saveArticle(deps, actor, id, currentVersion, {
    ...(s.slug !== current.slug ? { slug: s.slug } : {}),
    sectionId: s.sectionId,
    typeId: s.typeId,
    kicker: s.kicker,
    headline: s.headline,
    dek: s.dek,
    body: s.body,
    leadImage: s.leadImage,
    topicIds: s.topicIds,
    authorIds: s.authorIds,
    relatedIds: s.relatedIds,
  });
}
