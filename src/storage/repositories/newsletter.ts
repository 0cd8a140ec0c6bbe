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
  /** The lease's end as written on the row: which lease a later mark was made under. */
  leasedUntil: string;
}

export async function insertIssue(db: Db, row: IssueRow): Promise<void> {
  await db.insertInto('newsletter_issues').values(row).execute();
}

export async function updateIssue(db: Db, id: string, patch: Partial<Omit<IssueRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('newsletter_issues').set(patch).where('id', '=', id).execute();
}

/** Deletes the issue if it is still a draft; false when it is not (or is gone). */
export async function deleteDraftIssue(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('newsletter_issues').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
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

export async function countIssues(db: Db, options: { status?: string } = {}): Promise<number> {
  let q = db.selectFrom('newsletter_issues').select((eb) => eb.fn.countAll<number>().as('count'));
  if (options.status) q = q.where('status', '=', options.status);
  return Number((await q.executeTakeFirstOrThrow()).count);
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
      .map((r) => ({ subscriberId: r.id, email: r.email, attempts: r.attempts, leasedUntil: until }));
  });
}

/** The UPDATE that marks an issue's deliveries sent, with the Message-ID each message carries: `<issue.subscriber@host>`. */
function markSent(db: Db, issueId: string, options: { host: string; now: Date }) {
  return db
    .updateTable('newsletter_deliveries')
    .set((eb) => ({
      status: 'sent',
      message_id: sql<string>`'<' || issue_id || '.' || subscriber_id || ${`@${options.host}>`}`,
      sent_at: options.now.toISOString(),
      attempts: eb('attempts', '+', 1),
      last_error: null,
    }))
    .where('issue_id', '=', issueId);
}

/** A delivery and the lease a sender holds it under (see `leaseDueDeliveries`). */
export interface DeliveryLease {
  subscriberId: string;
  leasedUntil: string;
}

/** Deliveries grouped by their lease's end: rows under one lease are matched by one statement. */
function byLeaseEnd(leases: readonly DeliveryLease[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const l of leases) {
    const group = groups.get(l.leasedUntil);
    if (group) group.push(l.subscriberId);
    else groups.set(l.leasedUntil, [l.subscriberId]);
  }
  return groups;
}

/**
 * Marks deliveries sent, all in one transaction (the sender commits the marks
 * of every connection waiting at that moment together). The Message-ID is
 * the one the message carries: `<issue.subscriber@host>`.
 *
 * `dispatched` runs the moment the COMMIT has been handed to the database,
 * before its answer. From then on a crash of this process cannot undo the
 * marks: SQLite has committed in this very call (better-sqlite3 is
 * synchronous), and a PostgreSQL server finishes a COMMIT it has read whether
 * or not the client is still there. This leans on Kysely (pinned) issuing
 * the COMMIT without a pause when nothing else holds the connection, and on
 * pg writing a query to its socket as it is called; the newsletter crash
 * test is what notices if either changes. If the commit then fails, the
 * marks are written again on their own.
 */
export async function markDeliveriesSent(
  db: Db,
  issueId: string,
  subscriberIds: string[],
  options: { host: string; now: Date; dispatched?: () => void },
): Promise<void> {
  if (subscriberIds.length === 0) {
    options.dispatched?.();
    return;
  }
  const mark = (q: Db) => markSent(q, issueId, options).where('subscriber_id', 'in', subscriberIds).execute();
  if (!options.dispatched || db.isTransaction) {
    await mark(db);
    options.dispatched?.();
    return;
  }
  const trx = await db.startTransaction().execute();
  try {
    await mark(trx);
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
  const committing = trx.commit().execute();
  options.dispatched();
  try {
    await committing;
  } catch {
    // The messages are on their way: the marks must land. Once more, alone; a second failure is the caller's.
    await mark(db);
  }
}

/**
 * Of these deliveries, the ones marked sent under the given lease (the row
 * still carries that lease's end: a later lease by another sender rewrites
 * it). The mail courier asks this for the messages a dead sender left held.
 */
export async function deliveriesMarkedUnder(db: Db, issueId: string, leases: readonly DeliveryLease[]): Promise<Set<string>> {
  const marked = new Set<string>();
  for (const [leasedUntil, subscriberIds] of byLeaseEnd(leases)) {
    const rows = await db
      .selectFrom('newsletter_deliveries')
      .select('subscriber_id')
      .where('issue_id', '=', issueId)
      .where('status', '=', 'sent')
      .where('next_attempt_at', '=', leasedUntil)
      .where('subscriber_id', 'in', subscriberIds)
      .execute();
    for (const r of rows) marked.add(r.subscriber_id);
  }
  return marked;
}

/**
 * Marks deliveries sent, each only if it is still pending under the lease it
 * was sent under (its `next_attempt_at` is that lease's end): one that
 * outlived its lease may have been taken by another sender since, and then
 * it is that sender's. Returns the deliveries it marked; all in one
 * transaction.
 */
export async function markLeasedDeliveriesSent(
  db: Db,
  issueId: string,
  leases: readonly DeliveryLease[],
  options: { host: string; now: Date },
): Promise<Set<string>> {
  return withTransaction(db, async (trx) => {
    const marked = new Set<string>();
    for (const [leasedUntil, subscriberIds] of byLeaseEnd(leases)) {
      const rows = await markSent(trx, issueId, options)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '=', leasedUntil)
        .where('subscriber_id', 'in', subscriberIds)
        .returning('subscriber_id')
        .execute();
      for (const r of rows) marked.add(r.subscriber_id);
    }
    return marked;
  });
}

/** Keeps a note on a delivery without changing where it stands. */
export async function noteDeliveryError(db: Db, issueId: string, subscriberId: string, error: string): Promise<void> {
  await db
    .updateTable('newsletter_deliveries')
    .set({ last_error: error.slice(0, 1000) })
    .where('issue_id', '=', issueId)
    .where('subscriber_id', '=', subscriberId)
    .execute();
}

/** `sending` becomes `sent`, once: the row when this call made the change, null when another did. */
export async function markIssueSent(db: Db, id: string, at: string): Promise<IssueRow | null> {
  const result = await db
    .updateTable('newsletter_issues')
    .set({ status: 'sent', sent_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '!=', 'sent')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return null;
  return findIssue(db, id);
}

/** A temporary failure: try again at `retryAt`, or give up (`failed`) when that is null. */
export async function markDeliveryRetry(
  db: Db,
  issueId: string,
  subscriberId: string,
  failure: { error: string; attempts: number; retryAt: Date | null },
): Promise<void> {
  const { error, attempts, retryAt } = failure;
  await db
    .updateTable('newsletter_deliveries')
    .set({
      status: retryAt ? 'pending' : 'failed',
      next_attempt_at: retryAt ? retryAt.toISOString() : null,
      attempts,
      last_error: error.slice(0, 1000),
      message_id: null,
      sent_at: null,
    })
    .where('issue_id', '=', issueId)
    .where('subscriber_id', '=', subscriberId)
    .execute();
}

/** A permanent refusal: this delivery is bounced, and so is the address, for every later issue. */
export async function markDeliveryBounced(
  db: Db,
  issueId: string,
  subscriberId: string,
  failure: { error: string; attempts: number; now: Date },
): Promise<void> {
  const { error, attempts, now } = failure;
  await withTransaction(db, async (trx) => {
    await trx
      .updateTable('newsletter_deliveries')
      .set({ status: 'bounced', attempts, last_error: error.slice(0, 1000), next_attempt_at: null, message_id: null, sent_at: null })
      .where('issue_id', '=', issueId)
      .where('subscriber_id', '=', subscriberId)
      .execute();
    await markSubscriberBounced(trx, subscriberId, error, now.toISOString());
  });
}

export async function deliveryCounts(db: Db, issueId: string): Promise<DeliveryCounts> {
  return (await deliveryCountsByIssue(db, [issueId])).get(issueId)!;
}

/** The counts of several issues in one query (a page of the issue list), each issue's zeros included. */
export async function deliveryCountsByIssue(db: Db, issueIds: readonly string[]): Promise<Map<string, DeliveryCounts>> {
  const out = new Map<string, DeliveryCounts>(
    issueIds.map((id) => [id, { sent: 0, pending: 0, failed: 0, bounced: 0, skipped: 0, total: 0 }]),
  );
  if (issueIds.length === 0) return out;
  const rows = await db
    .selectFrom('newsletter_deliveries')
    .select(['issue_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('issue_id', 'in', [...issueIds])
    .groupBy(['issue_id', 'status'])
    .execute();
  for (const row of rows) {
    const counts = out.get(row.issue_id)!;
    const n = Number(row.n);
    if (row.status in counts) counts[row.status as keyof DeliveryCounts] = n;
    counts.total += n;
  }
  return out;
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
