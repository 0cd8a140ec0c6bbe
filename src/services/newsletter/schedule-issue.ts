/**
 * Sending later and sending in the background: both go through the durable
 * job queue, so a restart (or another node) picks them up. The weekly draft
 * is a job too, re-armed for the next week each time it runs.
 */
import type { SiteSettings } from '../../domain/content/model.js';
import { isSendTime, nextSendTime } from '../../domain/newsletter/round-up.js';
import { MastheadError } from '../../errors.js';
import { cancelJobsByKey, enqueueJob, hasPendingJob, listJobs } from '../../storage/repositories/jobs.js';
import { deleteDraftIssue, findIssue, updateIssue } from '../../storage/repositories/newsletter.js';
import { withTransaction } from '../../storage/transaction.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { composeRoundUp, toIssue } from './compose.js';
import type { Issue, NewsletterDeps } from './compose.js';
import { sendIssue } from './send-issue.js';
import type { SendDeps } from './send-issue.js';

export const NEWSLETTER_SEND_JOB = 'newsletter.send';
export const NEWSLETTER_COMPOSE_JOB = 'newsletter.compose';
const WEEKLY_KEY = 'newsletter:weekly-compose';
/** One job run sends for at most this long, then hands over to a fresh run (job leases are a minute). */
const SLICE_MS = 30_000;

const sendKey = (issueId: string) => `newsletter:send:${issueId}`;

/** Sends the issue at `at` (now when omitted) through the job queue. */
export async function scheduleIssue(deps: NewsletterDeps, issueId: string, at?: Date): Promise<Issue> {
  const row = await findIssue(deps.db, issueId);
  if (!row) throw new MastheadError('NOT_FOUND');
  if (row.status === 'sent' || row.status === 'sending') throw new MastheadError('ISSUE_NOT_EDITABLE', { status: row.status });
  const now = deps.clock();
  const runAt = at && at > now ? at : now;
  await updateIssue(deps.db, issueId, { status: 'scheduled', scheduled_at: runAt.toISOString(), updated_at: now.toISOString() });
  await enqueueJob(deps.db, { kind: NEWSLETTER_SEND_JOB, payload: { issueId }, runAt, dedupeKey: sendKey(issueId) }, now);
  return toIssue((await findIssue(deps.db, issueId)) ?? row);
}

/**
 * A scheduled issue goes back to being a draft: its send job is withdrawn in
 * the same transaction. Once a runner has taken the job the send has begun,
 * and it is refused.
 */
export async function unscheduleIssue(deps: NewsletterDeps, issueId: string): Promise<Issue> {
  return withTransaction(deps.db, async (trx) => {
    const row = await findIssue(trx, issueId);
    if (!row) throw new MastheadError('NOT_FOUND');
    if (row.status !== 'scheduled') throw new MastheadError('ISSUE_NOT_SCHEDULED', { status: row.status });
    const now = deps.clock();
    // Nothing withdrawn but a job still there: a runner holds it, and the send has begun. (No job at all, after it
    // failed for good: there is nothing to call off, and the issue goes back to being a draft.)
    const withdrawn = await cancelJobsByKey(trx, sendKey(issueId), { unlessTakenAt: now });
    if (withdrawn === 0 && (await hasPendingJob(trx, sendKey(issueId))))
      throw new MastheadError('ISSUE_NOT_EDITABLE', { status: 'sending' });
    const changed = { status: 'draft', scheduled_at: null, updated_at: now.toISOString() } as const;
    await updateIssue(trx, issueId, changed);
    return toIssue({ ...row, ...changed });
  });
}

/** Deletes a draft issue (a scheduled one is unscheduled first; a sent one stays in the archive). */
export async function deleteDraft(deps: NewsletterDeps, issueId: string): Promise<void> {
  if (await deleteDraftIssue(deps.db, issueId)) return;
  const row = await findIssue(deps.db, issueId);
  if (!row) throw new MastheadError('NOT_FOUND');
  throw new MastheadError('ISSUE_NOT_DRAFT', { status: row.status });
}

/** The job: send a slice, then queue the rest (now if more is due, at the next retry otherwise). */
export async function runSendJob(deps: SendDeps, issueId: string): Promise<void> {
  const outcome = await sendIssue(deps, { issueId, maxMs: SLICE_MS });
  if (outcome.done) return;
  const now = deps.clock();
  const next = outcome.nextAttemptAt ? new Date(outcome.nextAttemptAt) : now;
  await enqueueJob(
    deps.db,
    { kind: NEWSLETTER_SEND_JOB, payload: { issueId }, runAt: next > now ? next : now, dedupeKey: sendKey(issueId) },
    now,
  );
}

/**
 * Arms the weekly draft for the next configured day and hour (idempotent: one
 * job under one key). `rearm` moves an armed job to the schedule now in the
 * settings; without it, an armed job stays unless the schedule has changed
 * since it was armed (and it has not run yet).
 */
export async function armWeeklyCompose(deps: Pick<NewsletterDeps, 'db' | 'clock'>, options: { rearm?: boolean } = {}): Promise<Date> {
  const settings = await getSiteSettings(deps);
  // At boot, a week already armed stays as it is (even when due while we were down: it runs now).
  const [armed] = await listJobs(deps.db, { kind: NEWSLETTER_COMPOSE_JOB, state: 'pending', limit: 1 });
  if (armed && !options.rearm && (armed.attempts > 0 || onSchedule(armed.runAt, settings))) return new Date(armed.runAt);
  const now = deps.clock();
  const at = nextSendTime(now, settings.newsletterDay, settings.newsletterHour, settings.timeZone);
  await enqueueJob(deps.db, { kind: NEWSLETTER_COMPOSE_JOB, payload: {}, runAt: at, dedupeKey: WEEKLY_KEY }, now);
  return at;
}

function onSchedule(runAt: string, settings: Pick<SiteSettings, 'newsletterDay' | 'newsletterHour' | 'timeZone'>): boolean {
  return isSendTime(new Date(runAt), settings.newsletterDay, settings.newsletterHour, settings.timeZone);
}

/**
 * The weekly job: assemble the draft for the editors, then arm next week's.
 * A first run at a slot the settings no longer name (the schedule changed
 * while this job was already leased, perhaps on another node) only re-arms.
 */
export async function runWeeklyCompose(deps: NewsletterDeps, job?: { runAt: string; attempts: number }): Promise<void> {
  if (job && job.attempts <= 1 && !onSchedule(job.runAt, await getSiteSettings(deps))) {
    await armWeeklyCompose(deps, { rearm: true });
    return;
  }
  await composeRoundUp(deps);
  await armWeeklyCompose(deps, { rearm: true });
}
