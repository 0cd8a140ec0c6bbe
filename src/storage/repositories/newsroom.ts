/** The newsroom's records about an article: revisions, comments and the workflow log. */
import type { ArticleStatus } from '../../domain/content/article.js';
import type { Snippet } from '../../domain/search/snippet.js';
import type { Db } from '../db.js';
import { indexArticle, searchNewsroom } from '../search/search-index.js';
import { bylinedTo } from './article-filters.js';

export interface Revision {
  version: number;
  savedBy: { id: string; name: string } | null;
  savedAt: string;
  snapshot: unknown;
}

export async function insertRevision(
  db: Db,
  r: { id: string; articleId: string; version: number; savedBy: string | null; savedAt: string; snapshot: unknown },
): Promise<void> {
  await db
    .insertInto('article_revisions')
    .values({
      id: r.id,
      article_id: r.articleId,
      version: r.version,
      saved_by: r.savedBy,
      saved_at: r.savedAt,
      snapshot: JSON.stringify(r.snapshot),
    })
    .execute();
}

export async function listRevisions(db: Db, articleId: string): Promise<Revision[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.saved_by')
    .select([
      'article_revisions.version',
      'article_revisions.saved_at',
      'article_revisions.snapshot',
      'users.id as user_id',
      'users.name as user_name',
    ])
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    savedAt: r.saved_at,
    savedBy: r.user_id && r.user_name ? { id: r.user_id, name: r.user_name } : null,
    snapshot: JSON.parse(r.snapshot) as unknown,
  }));
}

export async function findRevision(db: Db, articleId: string, version: number): Promise<Revision | null> {
  return (await listRevisions(db, articleId)).find((r) => r.version === version) ?? null;
}

export interface Comment {
  id: string;
  author: { id: string; name: string } | null;
  body: string;
  createdAt: string;
}

export async function insertComment(
  db: Db,
  c: { id: string; articleId: string; userId: string; body: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('article_comments')
    .values({ id: c.id, article_id: c.articleId, user_id: c.userId, body: c.body, created_at: c.createdAt })
    .execute();
}

export async function listComments(db: Db, articleId: string): Promise<Comment[]> {
  const rows = await db
    .selectFrom('article_comments')
    .leftJoin('users', 'users.id', 'article_comments.user_id')
    .select([
      'article_comments.id',
      'article_comments.body',
      'article_comments.created_at',
      'users.id as user_id',
      'users.name as user_name',
    ])
    .where('article_comments.article_id', '=', articleId)
    .orderBy('article_comments.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: r.created_at,
    author: r.user_id && r.user_name ? { id: r.user_id, name: r.user_name } : null,
  }));
}

export interface WorkflowEvent {
  action: string;
  detail: string;
  at: string;
  by: { id: string; name: string } | null;
}

export async function insertEvent(
  db: Db,
  e: { id: string; articleId: string; userId: string | null; action: string; detail?: string; at: string },
): Promise<void> {
  await db
    .insertInto('article_events')
    .values({ id: e.id, article_id: e.articleId, user_id: e.userId, action: e.action, detail: e.detail ?? '', at: e.at })
    .execute();
}

export async function listEvents(db: Db, articleId: string): Promise<WorkflowEvent[]> {
  const rows = await db
    .selectFrom('article_events')
    .leftJoin('users', 'users.id', 'article_events.user_id')
    .select(['article_events.action', 'article_events.detail', 'article_events.at', 'users.id as user_id', 'users.name as user_name'])
    .where('article_events.article_id', '=', articleId)
    .orderBy('article_events.at')
    .execute();
  return rows.map((r) => ({
    action: r.action,
    detail: r.detail,
    at: r.at,
    by: r.user_id && r.user_name ? { id: r.user_id, name: r.user_name } : null,
  }));
}

export async function articleOwnership(db: Db, articleId: string): Promise<{ createdBy: string | null; assignedTo: string | null } | null> {
  const row = await db.selectFrom('articles').select(['created_by', 'assigned_to']).where('id', '=', articleId).executeTakeFirst();
  return row ? { createdBy: row.created_by, assignedTo: row.assigned_to } : null;
}

export async function setArticleOwnership(
  db: Db,
  articleId: string,
  fields: { createdBy?: string | null; assignedTo?: string | null },
): Promise<void> {
  await db
    .updateTable('articles')
    .set({
      ...(fields.createdBy !== undefined ? { created_by: fields.createdBy } : {}),
      ...(fields.assignedTo !== undefined ? { assigned_to: fields.assignedTo } : {}),
    })
    .where('id', '=', articleId)
    .execute();
  // The search index knows who started a piece (the list's "only mine"): keep it in step.
  if (fields.createdBy !== undefined) await indexArticle(db, articleId);
}

export interface ArticleRow {
  id: string;
  slug: string;
  headline: string;
  status: string;
  section: { id: string; slug: string; name: string };
  type: { id: string; name: string };
  publishedAt: string | null;
  modifiedAt: string;
  version: number;
  createdBy: string | null;
  assignedTo: string | null;
  /** The lead picture's licence has run out: it must be replaced before (re)publishing. */
  leadImageRightsExpired: boolean;
  /** With a search: the headline with the matched words marked, and a passage that matched. */
  match?: { rank: number; headline: Snippet; snippet: Snippet };
}

interface NewsroomListFilter {
  status?: ArticleStatus;
  sectionId?: string;
  typeId?: string;
  authorId?: string;
  createdBy?: string;
  q?: string;
  limit: number;
  offset: number;
  now: Date;
}

/**
 * The newsroom's list of articles in every state, newest change first, with
 * filters; with words to look for, the full-text search over every state
 * instead, best match first (at most RANK_WINDOW are ranked and counted).
 */
export async function listArticlesForNewsroom(db: Db, filter: NewsroomListFilter): Promise<{ rows: ArticleRow[]; total: number }> {
  if (filter.q !== undefined && filter.q.trim() !== '') return searchForNewsroom(db, { ...filter, q: filter.q });
  return listByLastChange(db, filter);
}

/**
 * The list searches as staff type: a last word not yet followed by a space
 * (outside quotes) is taken as the start of a word, so "harb" finds "harbour".
 */
const asTyped = (q: string): string => (/[\p{L}\p{N}]$/u.test(q) && (q.match(/"/g) ?? []).length % 2 === 0 ? `${q}*` : q);

async function searchForNewsroom(db: Db, filter: NewsroomListFilter & { q: string }): Promise<{ rows: ArticleRow[]; total: number }> {
  const found = await searchNewsroom(db, {
    query: asTyped(filter.q),
    status: filter.status,
    sectionId: filter.sectionId,
    typeId: filter.typeId,
    authorId: filter.authorId,
    createdBy: filter.createdBy,
    limit: filter.limit,
    offset: filter.offset,
    now: filter.now,
  });
  if (found.hits.length === 0) return { rows: [], total: found.total };
  const { rows } = await listByLastChange(db, { ...filter, q: undefined, ids: found.hits.map((h) => h.id), offset: 0 });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total: found.total,
    rows: found.hits.flatMap((hit) => {
      const row = byId.get(hit.id);
      return row ? [{ ...row, match: { rank: hit.rank, headline: hit.headline, snippet: hit.snippet } }] : [];
    }),
  };
}

async function listByLastChange(
  db: Db,
  filter: Omit<NewsroomListFilter, 'q'> & { q?: string | undefined; ids?: string[] },
): Promise<{ rows: ArticleRow[]; total: number }> {
  let query = db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .innerJoin('article_types', 'article_types.id', 'articles.type_id')
    .leftJoin('images', 'images.id', 'articles.lead_image_id');
  if (filter.status) query = query.where('articles.status', '=', filter.status);
  if (filter.sectionId) query = query.where('articles.section_id', '=', filter.sectionId);
  if (filter.typeId) query = query.where('articles.type_id', '=', filter.typeId);
  if (filter.createdBy) query = query.where('articles.created_by', '=', filter.createdBy);
  if (filter.authorId) query = query.where(bylinedTo(filter.authorId));
  if (filter.ids) query = query.where('articles.id', 'in', filter.ids);
  const [rows, count] = await Promise.all([
    query
      .select([
        'articles.id',
        'articles.slug',
        'articles.headline',
        'articles.status',
        'articles.published_at',
        'articles.modified_at',
        'articles.version',
        'articles.created_by',
        'articles.assigned_to',
        'images.rights_expire_at',
        'sections.id as section_id',
        'sections.slug as section_slug',
        'sections.name as section_name',
        'article_types.id as type_id',
        'article_types.name as type_name',
      ])
      .orderBy('articles.modified_at', 'desc')
      .orderBy('articles.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      headline: r.headline,
      status: r.status,
      section: { id: r.section_id, slug: r.section_slug, name: r.section_name },
      type: { id: r.type_id, name: r.type_name },
      publishedAt: r.published_at,
      modifiedAt: r.modified_at,
      version: r.version,
      createdBy: r.created_by,
      assignedTo: r.assigned_to,
      leadImageRightsExpired: r.rights_expire_at !== null && r.rights_expire_at < filter.now.toISOString(),
    })),
  };
}
