/**
 * The durable job queue: the only SQL for the `jobs` table. A job is pending
 * until it is done or failed; a pending job is leased by one worker at a time.
 * A dedupe key belongs to a pending job only: it is cleared when the job ends.
 */
import type { ExpressionBuilder, Selectable } from 'kysely';
import { newId } from '../../lib/ids.js';
import { dialectOf } from '../db.js';
import type { Db } from '../db.js';
import type { Database, JobTable } from '../schema.js';
import { withTransaction } from '../transaction.js';

export interface NewJob {
  kind: string;
  payload: unknown;
  runAt: Date;
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface LeasedJob {
  id: string;
  kind: string;
  payload: unknown;
  runAt: string;
  /** Counts the attempt now running: 1 on the first run. */
  attempts: number;
  maxAttempts: number;
  dedupeKey: string | null;
}

export type JobState = 'pending' | 'done' | 'failed';

export interface Job extends LeasedJob {
  state: JobState;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  doneAt: string | null;
  failedAt: string | null;
  createdAt: string;
}

/** The column's default, repeated so a reschedule without a value gets it too. */
const DEFAULT_MAX_ATTEMPTS = 10;

/** Enqueues a job, or reschedules the pending job holding the same dedupe key; returns its id. */
export async function enqueueJob(db: Db, job: NewJob, now: Date): Promise<string> {
  const row = {
    id: newId(),
    kind: job.kind,
    payload: JSON.stringify(job.payload ?? null),
    dedupe_key: job.dedupeKey ?? null,
    run_at: job.runAt.toISOString(),
    attempts: 0,
    max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    created_at: now.toISOString(),
  };
  const nowIso = now.toISOString();
  // Three rounds are plenty: each one that misses has detached a running job.
  for (let round = 0; round < 3; round += 1) {
    const result = await db
      .insertInto('jobs')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('dedupe_key')
          // A reschedule is a fresh intent: its attempts start again.
          .doUpdateSet({
            kind: row.kind,
            payload: row.payload,
            run_at: row.run_at,
            max_attempts: row.max_attempts,
            attempts: 0,
            last_error: null,
          })
          .where((eb) => eb.or([eb('jobs.locked_until', 'is', null), eb('jobs.locked_until', '<', nowIso)])),
      )
      .returning('id')
      .executeTakeFirst();
    if (result) return result.id;
    // The job holding the key is running right now. Changing it under its
    // handler would be lost when it completes, so it finishes under no key
    // and the new schedule becomes a job of its own on the next round.
    await db
      .updateTable('jobs')
      .set({ dedupe_key: null })
      .where('dedupe_key', '=', row.dedupe_key)
      .where('locked_until', '>=', nowIso)
      .execute();
  }
  throw new Error(`Could not enqueue job "${job.kind}" with dedupe key "${job.dedupeKey ?? ''}": it kept being leased`);
}

/**
 * Deletes the pending job with this key, if any (a running handler is not
 * interrupted). With `unlessTakenAt`, a job a runner holds at that moment is
 * left alone (and not counted).
 */
export async function cancelJobsByKey(db: Db, dedupeKey: string, options: { unlessTakenAt?: Date } = {}): Promise<number> {
  let q = db.deleteFrom('jobs').where('dedupe_key', '=', dedupeKey).where(isPending);
  const at = options.unlessTakenAt?.toISOString();
  if (at) q = q.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]));
  const result = await q.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Whether a job with this key is still to run or running (neither done nor failed). */
export async function hasPendingJob(db: Db, dedupeKey: string): Promise<boolean> {
  return (await db.selectFrom('jobs').select('id').where('dedupe_key', '=', dedupeKey).where(isPending).executeTakeFirst()) !== undefined;
}

/**
 * Claims up to `limit` due jobs for one worker until now + leaseMs. On
 * PostgreSQL, SKIP LOCKED lets other nodes claim other rows at the same
 * time instead of waiting; SQLite serialises write transactions anyway.
 * Only jobs of the given kinds: during a rolling deploy an older node leaves
 * a newer node's kinds to the nodes that know them.
 */
export async function leaseDueJobs(
  db: Db,
  options: { now: Date; workerId: string; limit: number; leaseMs: number; kinds: readonly string[] },
): Promise<LeasedJob[]> {
  if (options.limit <= 0 || options.kinds.length === 0) return [];
  const nowIso = options.now.toISOString();
  const lockedUntil = new Date(options.now.getTime() + options.leaseMs).toISOString();
  return withTransaction(db, async (trx) => {
    let due = trx
      .selectFrom('jobs')
      .select('id')
      .where(isPending)
      .where('kind', 'in', options.kinds)
      .where('run_at', '<=', nowIso)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
      .orderBy('run_at')
      .orderBy('id')
      .limit(options.limit);
    if (dialectOf(trx) === 'postgres') due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    const rows = await trx
      .updateTable('jobs')
      .set((eb) => ({ locked_by: options.workerId, locked_until: lockedUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .returningAll()
      .execute();
    return rows
      .map(toJob)
      .sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id.localeCompare(b.id))
      .map(toLeasedJob);
  });
}

/** Marks the job done and frees its dedupe key; false when the worker no longer holds it. */
export async function completeJob(db: Db, id: string, workerId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ done_at: now.toISOString(), locked_by: null, locked_until: null, dedupe_key: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records a failed attempt: with `retryAt` the job runs again then, without
 * it the job has failed for good and frees its dedupe key. False when the
 * worker no longer holds the job.
 */
export async function failJob(db: Db, id: string, workerId: string, error: string, now: Date, retryAt: Date | null): Promise<boolean> {
  const unlocked = { locked_by: null, locked_until: null, last_error: error };
  const result = await db
    .updateTable('jobs')
    .set(retryAt ? { ...unlocked, run_at: retryAt.toISOString() } : { ...unlocked, failed_at: now.toISOString(), dedupe_key: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findJob(db: Db, id: string): Promise<Job | null> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : null;
}

/** Jobs by kind and state, newest run first. */
export async function listJobs(db: Db, filter: { kind?: string; state?: JobState; limit?: number } = {}): Promise<Job[]> {
  let query = db.selectFrom('jobs').selectAll();
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.state === 'pending') query = query.where(isPending);
  if (filter.state === 'done') query = query.where('done_at', 'is not', null);
  if (filter.state === 'failed') query = query.where('failed_at', 'is not', null);
  const rows = await query
    .orderBy('run_at', 'desc')
    .orderBy('id')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(toJob);
}

function isPending(eb: ExpressionBuilder<Database, 'jobs'>) {
  return eb.and([eb('done_at', 'is', null), eb('failed_at', 'is', null)]);
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A damaged row must not stop the queue: the handler's validation rejects it and the job fails.
    return text;
  }
}

function toJob(row: Selectable<JobTable>): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: parsePayload(row.payload),
    runAt: row.run_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    dedupeKey: row.dedupe_key,
    state: row.done_at ? 'done' : row.failed_at ? 'failed' : 'pending',
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    doneAt: row.done_at,
    failedAt: row.failed_at,
    createdAt: row.created_at,
  };
}

function toLeasedJob(job: Job): LeasedJob {
  return {
    id: job.id,
    kind: job.kind,
    payload: job.payload,
    runAt: job.runAt,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    dedupeKey: job.dedupeKey,
  };
}
