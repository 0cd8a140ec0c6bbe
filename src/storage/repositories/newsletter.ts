/**
 * The round-up's issues and their deliveries: one row per issue × subscriber,
 * the durable record that makes sending resumable and idempotent.
 */
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import { dialectOf } from '../db.js';
import type { Db } from '../db.js';
import type { NewsletterIssueTable } from '../schema.js';
import { withTransaction } from '../transaction.js';
import { markSubscriberBounced } from './subscribers.js';

export type IssueRow = Selectable<NewsletterIssueTable>;

export interface DeliveryCounts {
  sent: number;
  pending: number;
  failed: number;
  bounced: number;
  skipped: number;
  total: number;
}

export interface LeasedDelivery {
  subscriberId: string;
  email: string;
  attempts: number;
}

export async function insertIssue(db: Db, row: IssueRow): Promise<void> {
  await db.insertInto('newsletter_issues').values(row).execute();
}

export async function updateIssue(db: Db, id: string, patch: Partial<Omit<IssueRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('newsletter_issues').set(patch).where('id', '=', id).execute();
}

export async function findIssue(db: Db, id: string): Promise<IssueRow | null> {
  return (await db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function findIssueBySlug(db: Db, slug: string): Promise<IssueRow | null> {
  return (await db.selectFrom('newsletter_issues').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
}

export async function isIssueSlugTaken(db: Db, slug: string): Promise<boolean> {
  return (await db.selectFrom('newsletter_issues').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function listIssues(db: Db, options: { status?: string; limit: number; offset?: number }): Promise<IssueRow[]> {
  let q = db.selectFrom('newsletter_issues').selectAll();
  if (options.status) q = q.where('status', '=', options.status);
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
}

/** When the newest issue that went out did; the start of the next round-up's window. */
export async function lastSentAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('newsletter_issues')
    .select('sent_at')
    .where('status', '=', 'sent')
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.sent_at ?? null;
}

/** The newest issue not yet sent completely (draft, scheduled or part-sent). */
export async function newestUnsentIssue(db: Db): Promise<IssueRow | null> {
  return (
    (await db
      .selectFrom('newsletter_issues')
      .selectAll()
      .where('status', '!=', 'sent')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

/**
 * One pending delivery for every confirmed subscriber, in one statement.
 * Running it again (a restart, a second node) adds only subscribers who are
 * missing: the primary key (issue, subscriber) keeps each to one row.
 */
export async function createPendingDeliveries(db: Db, issueId: string, now: Date): Promise<number> {
  const result = await db
    .insertInto('newsletter_deliveries')
    .columns(['issue_id', 'subscriber_id', 'status', 'attempts', 'next_attempt_at'])
    .expression(
      db
        .selectFrom('subscribers')
        .select([
          sql.val(issueId).as('issue_id'),
          'id',
          sql.val('pending').as('status'),
          sql.val(0).as('attempts'),
          sql.val(now.toISOString()).as('next_attempt_at'),
        ])
        .where('status', '=', 'confirmed'),
    )
    .onConflict((oc) => oc.columns(['issue_id', 'subscriber_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Claims up to `limit` due pending deliveries for `leaseMs`: their
 * next_attempt_at moves past the lease, so no other sender takes them while
 * this one works; if this one dies, they come due again when the lease ends.
 * On PostgreSQL, `FOR UPDATE SKIP LOCKED` lets several nodes claim side by side.
 */
export async function leaseDueDeliveries(
  db: Db,
  issueId: string,
  options: { now: Date; limit: number; leaseMs: number },
): Promise<LeasedDelivery[]> {
  const nowIso = options.now.toISOString();
  const until = new Date(options.now.getTime() + options.leaseMs).toISOString();
  return withTransaction(db, async (trx) => {
    let pick = trx
      .selectFrom('newsletter_deliveries')
      .select('subscriber_id')
      .where('issue_id', '=', issueId)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .orderBy('next_attempt_at')
      .limit(options.limit);
    if (dialectOf(db) === 'postgres') pick = pick.forUpdate().skipLocked();
    const ids = (await pick.execute()).map((r) => r.subscriber_id);
    if (ids.length === 0) return [];
    await trx
      .updateTable('newsletter_deliveries')
      .set({ next_attempt_at: until })
      .where('issue_id', '=', issueId)
      .where('subscriber_id', 'in', ids)
      .execute();
    const rows = await trx
      .selectFrom('newsletter_deliveries')
      .innerJoin('subscribers', 'subscribers.id', 'newsletter_deliveries.subscriber_id')
      .select(['subscribers.id', 'subscribers.email', 'subscribers.status as subscriberStatus', 'newsletter_deliveries.attempts'])
      .where('newsletter_deliveries.issue_id', '=', issueId)
      .where('newsletter_deliveries.subscriber_id', 'in', ids)
      .execute();
    // Someone who left or bounced since the rows were made gets nothing.
    const gone = rows.filter((r) => r.subscriberStatus !== 'confirmed').map((r) => r.id);
    if (gone.length > 0) {
      await trx
        .updateTable('newsletter_deliveries')
        .set({ status: 'skipped' })
        .where('issue_id', '=', issueId)
        .where('subscriber_id', 'in', gone)
        .execute();
    }
    return rows
      .filter((r) => r.subscriberStatus === 'confirmed')
      .map((r) => ({ subscriberId: r.id, email: r.email, attempts: r.attempts }));
  });
}

export async function markDeliverySent(db: Db, issueId: string, subscriberId: string, messageId: string, now: Date): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set((eb) => ({
      status: 'sent',
      message_id: messageId,
      sent_at: now.toISOString(),
      attempts: eb('attempts', '+', 1),
      last_error: null,
    }))
    .where('issue_id', '=', issueId)
    .where('subscriber_id', '=', subscriberId)
    .execute();
}

/** A temporary failure: try again at `retryAt`, or give up (`failed`) when that is null. */
export async function markDeliveryRetry(db: Db, issueId: string, subscriberId: string, error: string, retryAt: Date | null): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set((eb) => ({
      status: retryAt ? 'pending' : 'failed',
      next_attempt_at: retryAt ? retryAt.toISOString() : null,
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 1000),
    }))
    .where('issue_id', '=', issueId)
    .where('subscriber_id', '=', subscriberId)
    .execute();
}

/** A permanent refusal: this delivery is bounced, and so is the address, for every later issue. */
export async function markDeliveryBounced(db: Db, issueId: string, subscriberId: string, error: string, now: Date): Promise<void> {
  await withTransaction(db, async (trx) => {
    await trx
      .updateTable('newsletter_deliveries')
      .set((eb) => ({ status: 'bounced', attempts: eb('attempts', '+', 1), last_error: error.slice(0, 1000), next_attempt_at: null }))
      .where('issue_id', '=', issueId)
      .where('subscriber_id', '=', subscriberId)
      .execute();
    await markSubscriberBounced(trx, subscriberId, error, now.toISOString());
  });
}

export async function deliveryCounts(db: Db, issueId: string): Promise<DeliveryCounts> {
  const rows = await db
    .selectFrom('newsletter_deliveries')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('issue_id', '=', issueId)
    .groupBy('status')
    .execute();
  const counts: DeliveryCounts = { sent: 0, pending: 0, failed: 0, bounced: 0, skipped: 0, total: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    if (row.status in counts) counts[row.status as keyof DeliveryCounts] = n;
    counts.total += n;
  }
  return counts;
}

/** When the earliest pending delivery of an issue comes due (null when none is left). */
export async function nextDeliveryDue(db: Db, issueId: string): Promise<string | null> {
  const row = await db
    .selectFrom('newsletter_deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('issue_id', '=', issueId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

export interface IssuedCorrection {
  id: string;
  text: string;
  kind: string;
  issuedAt: string;
  articleId: string;
  headline: string;
  slug: string;
  sectionSlug: string;
}

/** Corrections and updates issued in [start, end) on articles readers can see. */
export async function listCorrectionsIssued(db: Db, start: Date, end: Date): Promise<IssuedCorrection[]> {
  return db
    .selectFrom('corrections')
    .innerJoin('articles', 'articles.id', 'corrections.article_id')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'corrections.id',
      'corrections.text',
      'corrections.kind',
      'corrections.issued_at as issuedAt',
      'articles.id as articleId',
      'articles.headline',
      'articles.slug',
      'sections.slug as sectionSlug',
    ])
    .where('corrections.issued_at', '>=', start.toISOString())
    .where('corrections.issued_at', '<', end.toISOString())
    .where('articles.status', '=', 'published')
    .orderBy('corrections.issued_at')
    .execute();
}
