/** The newsroom's records about an article: revisions, comments and the workflow log. */
import type { Db } from '../db.js';

export interface Revision {
  version: number;
  savedBy: { id: string; name: string } | null;
  savedAt: string;
  snapshot: unknown;
}

export async function insertRevision(db: Db, r: { id: string; articleId: string; version: number; savedBy: string | null; savedAt: string; snapshot: unknown }): Promise<void> {
  await db
    .insertInto('article_revisions')
    .values({ id: r.id, article_id: r.articleId, version: r.version, saved_by: r.savedBy, saved_at: r.savedAt, snapshot: JSON.stringify(r.snapshot) })
    .execute();
}

export async function listRevisions(db: Db, articleId: string): Promise<Revision[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.saved_by')
    .select(['article_revisions.version', 'article_revisions.saved_at', 'article_revisions.snapshot', 'users.id as user_id', 'users.name as user_name'])
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

export async function insertComment(db: Db, c: { id: string; articleId: string; userId: string; body: string; createdAt: string }): Promise<void> {
  await db.insertInto('article_comments').values({ id: c.id, article_id: c.articleId, user_id: c.userId, body: c.body, created_at: c.createdAt }).execute();
}

export async function listComments(db: Db, articleId: string): Promise<Comment[]> {
  const rows = await db
    .selectFrom('article_comments')
    .leftJoin('users', 'users.id', 'article_comments.user_id')
    .select(['article_comments.id', 'article_comments.body', 'article_comments.created_at', 'users.id as user_id', 'users.name as user_name'])
    .where('article_comments.article_id', '=', articleId)
    .orderBy('article_comments.created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, body: r.body, createdAt: r.created_at, author: r.user_id && r.user_name ? { id: r.user_id, name: r.user_name } : null }));
}

export interface WorkflowEvent {
  action: string;
  detail: string;
  at: string;
  by: { id: string; name: string } | null;
}

export async function insertEvent(db: Db, e: { id: string; articleId: string; userId: string | null; action: string; detail?: string; at: string }): Promise<void> {
  await db.insertInto('article_events').values({ id: e.id, article_id: e.articleId, user_id: e.userId, action: e.action, detail: e.detail ?? '', at: e.at }).execute();
}

export async function listEvents(db: Db, articleId: string): Promise<WorkflowEvent[]> {
  const rows = await db
    .selectFrom('article_events')
    .leftJoin('users', 'users.id', 'article_events.user_id')
    .select(['article_events.action', 'article_events.detail', 'article_events.at', 'users.id as user_id', 'users.name as user_name'])
    .where('article_events.article_id', '=', articleId)
    .orderBy('article_events.at')
    .execute();
  return rows.map((r) => ({ action: r.action, detail: r.detail, at: r.at, by: r.user_id && r.user_name ? { id: r.user_id, name: r.user_name } : null }));
}

export async function articleOwnership(db: Db, articleId: string): Promise<{ createdBy: string | null; assignedTo: string | null } | null> {
  const row = await db.selectFrom('articles').select(['created_by', 'assigned_to']).where('id', '=', articleId).executeTakeFirst();
  return row ? { createdBy: row.created_by, assignedTo: row.assigned_to } : null;
}

export async function setArticleOwnership(db: Db, articleId: string, fields: { createdBy?: string | null; assignedTo?: string | null }): Promise<void> {
  await db
    .updateTable('articles')
    .set({ ...(fields.createdBy !== undefined ? { created_by: fields.createdBy } : {}), ...(fields.assignedTo !== undefined ? { assigned_to: fields.assignedTo } : {}) })
    .where('id', '=', articleId)
    .execute();
}

