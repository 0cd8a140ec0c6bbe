/**
 * Sending later and sending in the background: both go through the durable
 * job queue, so a restart (or another node) picks them up. The weekly draft
 * is a job too, re-armed for the next week each time it runs.
 */
import { nextSendTime } from '../../domain/newsletter/round-up.js';
import { MastheadError } from '../../errors.js';
import { enqueueJob, listJobs } from '../../storage/repositories/jobs.js';
import { findIssue, updateIssue } from '../../storage/repositories/newsletter.js';
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

/** Arms the weekly draft for the next configured day and hour (idempotent: one job under one key). */
export async function armWeeklyCompose(deps: NewsletterDeps, options: { rearm?: boolean } = {}): Promise<Date> {
  // At boot, a week already armed stays as it is (even when due while we were down: it runs now).
  const [armed] = await listJobs(deps.db, { kind: NEWSLETTER_COMPOSE_JOB, state: 'pending', limit: 1 });
  if (armed && !options.rearm) return new Date(armed.runAt);
  const settings = await getSiteSettings(deps);
  const now = deps.clock();
  const at = nextSendTime(now, settings.newsletterDay, settings.newsletterHour, settings.timeZone);
  await enqueueJob(deps.db, { kind: NEWSLETTER_COMPOSE_JOB, payload: {}, runAt: at, dedupeKey: WEEKLY_KEY }, now);
  return at;
}

/** The weekly job: assemble the draft for the editors, then arm next week's. */
export async function runWeeklyCompose(deps: NewsletterDeps): Promise<void> {
  await composeRoundUp(deps);
  await armWeeklyCompose(deps, { rearm: true });
}
