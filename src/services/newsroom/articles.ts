/**
 * The newsroom's article operations: each checks the actor's role, does its
 * work in one transaction with a revision and a line in the workflow log,
 * and announces its changes only after the commit.
 */
import type { Article } from '../../domain/content/model.js';
import type { Actor } from '../../domain/newsroom/roles.js';
import { can } from '../../domain/newsroom/roles.js';
import type { WorkflowAction } from '../../domain/newsroom/workflow.js';
import { RESULT, canMove } from '../../domain/newsroom/workflow.js';
import { MastheadError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import type { Db } from '../../storage/db.js';
import { findArticleById } from '../../storage/repositories/articles.js';
import { cancelJobsByKey, enqueueJob } from '../../storage/repositories/jobs.js';
import { articleOwnership, insertComment, insertEvent, setArticleOwnership } from '../../storage/repositories/newsroom.js';
import { withTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../auth/accounts.js';
import { addCorrection } from '../content/add-correction.js';
import type { ArticleChanges } from '../content/update-article.js';
import { updateArticle } from '../content/update-article.js';
import type { ArticleInput } from '../content/create-article.js';
import { createArticle } from '../content/create-article.js';
import { instantOrThrow } from '../content/instants.js';
import { deferredEvents } from '../deferred-events.js';
import type { ServiceDeps } from '../deps.js';
import { announceArticle } from '../distribution/announce-article.js';
import { recordRevision } from './revisions.js';

export const PUBLISH_JOB = 'publish-article';
export const publishJobKey = (articleId: string): string => `publish:${articleId}`;

const STEP_WORDS: Record<WorkflowAction, string> = {
  submit: 'submitted for review',
  approve: 'approved',
  request_changes: 'sent back for changes',
  schedule: 'scheduled',
  publish: 'published',
  unpublish: 'unpublished',
};

/** Runs `work` in one transaction with events held until it commits. */
async function inNewsroomTransaction<T>(deps: ServiceDeps, work: (tx: ServiceDeps) => Promise<T>): Promise<T> {
  const deferred = deferredEvents(deps.events);
  const result = await withTransaction(deps.db, (trx) => work({ ...deps, db: trx, events: deferred.events }));
  deferred.flush();
  return result;
}

async function loadForActor(db: Db, id: string): Promise<{ article: Article; ownerId: string | null }> {
  const [article, ownership] = await Promise.all([findArticleById(db, id), articleOwnership(db, id)]);
  if (!article || !ownership) throw new MastheadError('NOT_FOUND');
  return { article, ownerId: ownership.createdBy };
}

async function logEvent(db: Db, articleId: string, actor: Actor | null, action: string, at: string, detail = ''): Promise<void> {
  await insertEvent(db, { id: newId(), articleId, userId: actor?.id ?? null, action, detail, at });
}

/** A new piece always starts as a draft, owned by whoever started it. */
export async function draftArticle(deps: ServiceDeps, actor: Actor, input: Omit<ArticleInput, 'status' | 'publishedAt'>): Promise<Article> {
  requirePermission(actor, can(actor, 'article.create'), 'write articles');
  return inNewsroomTransaction(deps, async (tx) => {
    const { id } = await createArticle(tx, { ...input, status: 'draft', publishedAt: null });
    await setArticleOwnership(tx.db, id, { createdBy: actor.id });
    const article = await findArticleById(tx.db, id);
    if (!article) throw new MastheadError('NOT_FOUND');
    const at = tx.clock().toISOString();
    await recordRevision(tx.db, article, actor.id, at);
    await logEvent(tx.db, id, actor, 'created', at);
    return article;
  });
}

/** Saves an edit made at `version`; a save in between is a conflict, never silently overwritten. */
export async function saveArticle(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  version: number,
  changes: Omit<ArticleChanges, 'status' | 'publishedAt'>,
): Promise<Article> {
  return inNewsroomTransaction(deps, async (tx) => {
    const { article, ownerId } = await loadForActor(tx.db, id);
    requirePermission(actor, can(actor, 'article.edit', { ownerId, status: article.status }), 'edit this article');
    // Status and time move only through the workflow steps.
    const { status: _status, publishedAt: _publishedAt, ...allowed } = changes as ArticleChanges;
    await updateArticle(tx, { id, expectedVersion: version, changes: allowed });
    const saved = await findArticleById(tx.db, id);
    if (!saved) throw new MastheadError('NOT_FOUND');
    const at = tx.clock().toISOString();
    await recordRevision(tx.db, saved, actor.id, at);
    await logEvent(tx.db, id, actor, 'saved', at, `version ${saved.version}`);
    if (saved.status === 'published') await announceArticle(tx, 'article.updated', saved);
    return saved;
  });
}

function permissionFor(action: WorkflowAction): 'article.submit' | 'article.review' | 'article.publish' {
  if (action === 'submit') return 'article.submit';
  if (action === 'approve' || action === 'request_changes') return 'article.review';
  return 'article.publish';
}

/**
 * Moves a piece along the workflow. Scheduling queues a durable job that
 * publishes it at the set time, also after a restart or downtime.
 */
export async function moveArticle(
  deps: ServiceDeps,
  actor: Actor | null,
  id: string,
  action: WorkflowAction,
  options: { at?: string; note?: string; assignTo?: string } = {},
): Promise<Article> {
  return inNewsroomTransaction(deps, async (tx) => {
    const { article, ownerId } = await loadForActor(tx.db, id);
    if (actor)
      requirePermission(
        actor,
        can(actor, permissionFor(action), { ownerId, status: article.status }),
        `move this article: ${action.replace('_', ' ')}`,
      );
    if (!canMove(action, article.status))
      throw new MastheadError('WORKFLOW_STEP', { status: article.status.replace('_', ' '), step: STEP_WORDS[action] });
    const now = tx.clock();
    const changes: ArticleChanges = {};
    if (action === 'schedule') {
      if (!options.at) throw new MastheadError('VALIDATION_FAILED', { detail: 'scheduling needs a time (at)' }, 'at');
      const at = instantOrThrow(options.at, 'at');
      if (Date.parse(at) <= now.getTime())
        throw new MastheadError('VALIDATION_FAILED', { detail: 'the scheduled time must be in the future' }, 'at');
      changes.publishedAt = at;
      await enqueueJob(tx.db, { kind: PUBLISH_JOB, payload: { articleId: id }, runAt: new Date(at), dedupeKey: publishJobKey(id) }, now);
    } else if (action === 'publish') {
      // A piece published before keeps its first publication time.
      changes.publishedAt = article.publishedAt && article.status === 'unpublished' ? article.publishedAt : now.toISOString();
      await cancelJobsByKey(tx.db, publishJobKey(id));
    } else if (action === 'unpublish' || action === 'request_changes') {
      await cancelJobsByKey(tx.db, publishJobKey(id));
      if (article.status === 'scheduled') changes.publishedAt = null;
    }
    changes.status = RESULT[action];
    await updateArticle(tx, { id, expectedVersion: article.version, changes });
    if (options.assignTo !== undefined) await setArticleOwnership(tx.db, id, { assignedTo: options.assignTo });
    const moved = await findArticleById(tx.db, id);
    if (!moved) throw new MastheadError('NOT_FOUND');
    const at = now.toISOString();
    await recordRevision(tx.db, moved, actor?.id ?? null, at);
    await logEvent(
      tx.db,
      id,
      actor,
      action,
      at,
      [options.note, action === 'schedule' ? `for ${changes.publishedAt}` : ''].filter(Boolean).join(' · '),
    );
    if (options.note && actor && action !== 'approve')
      await insertComment(tx.db, { id: newId(), articleId: id, userId: actor.id, body: options.note, createdAt: at });
    if (action === 'publish') await announceArticle(tx, 'article.published', moved);
    if (action === 'unpublish') await announceArticle(tx, 'article.unpublished', moved);
    return moved;
  });
}

/** The scheduled-publish job: publishes a piece whose time has come, keeping the time it was scheduled for. */
export async function publishDue(deps: ServiceDeps, articleId: string): Promise<'published' | 'not-due' | 'gone'> {
  return inNewsroomTransaction(deps, async (tx) => {
    const article = await findArticleById(tx.db, articleId);
    if (!article || article.status !== 'scheduled' || !article.publishedAt) return 'gone';
    if (Date.parse(article.publishedAt) > tx.clock().getTime()) return 'not-due';
    await updateArticle(tx, { id: articleId, expectedVersion: article.version, changes: { status: 'published' } });
    const published = await findArticleById(tx.db, articleId);
    if (published) await recordRevision(tx.db, published, null, tx.clock().toISOString());
    await logEvent(tx.db, articleId, null, 'published', tx.clock().toISOString(), `as scheduled for ${article.publishedAt}`);
    if (published) await announceArticle(tx, 'article.published', published);
    return 'published';
  });
}

export async function commentOn(deps: ServiceDeps, actor: Actor, id: string, body: string): Promise<void> {
  const text = body.trim();
  if (text === '' || text.length > 5000)
    throw new MastheadError('VALIDATION_FAILED', { detail: 'a comment needs between 1 and 5000 characters' }, 'body');
  requirePermission(actor, can(actor, 'article.comment'), 'comment');
  await inNewsroomTransaction(deps, async (tx) => {
    await loadForActor(tx.db, id);
    const at = tx.clock().toISOString();
    await insertComment(tx.db, { id: newId(), articleId: id, userId: actor.id, body: text, createdAt: at });
    await logEvent(tx.db, id, actor, 'commented', at);
  });
}

export async function correctArticle(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: { kind: 'correction' | 'update'; text: string },
): Promise<Article> {
  return inNewsroomTransaction(deps, async (tx) => {
    const { article, ownerId } = await loadForActor(tx.db, id);
    requirePermission(actor, can(actor, 'article.correct', { ownerId, status: article.status }), 'correct this article');
    if (article.status !== 'published')
      throw new MastheadError('WORKFLOW_STEP', {
        status: article.status.replace('_', ' '),
        step: 'corrected (only published pieces carry corrections)',
      });
    await addCorrection(tx, { articleId: id, kind: input.kind, text: input.text });
    const corrected = await findArticleById(tx.db, id);
    if (!corrected) throw new MastheadError('NOT_FOUND');
    await logEvent(
      tx.db,
      id,
      actor,
      input.kind === 'correction' ? 'corrected' : 'updated',
      tx.clock().toISOString(),
      input.text.slice(0, 200),
    );
    await announceArticle(tx, input.kind === 'correction' ? 'article.corrected' : 'article.updated', corrected);
    return corrected;
  });
}
