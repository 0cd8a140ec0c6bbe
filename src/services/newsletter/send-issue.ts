/**
 * Sending an issue: one durable delivery row per confirmed subscriber, then
 * batches leased from those rows and handed to a pooled SMTP mailer.
 *
 * Exactly once, and the one window it cannot close. A delivery is marked
 * sent by a single-row UPDATE issued the moment the SMTP server answers 250
 * to that message's DATA, and a leased row that was never marked comes due
 * again when its lease ends. So a crash before the server's 250 resends (the
 * server never took the first copy: a dropped connection discards it), and a
 * crash after the UPDATE does not. Between the 250 and the UPDATE's commit
 * (one event-loop turn and one indexed write, well under a millisecond per
 * message) a crash leaves the row pending and the reader would get a second
 * copy. No SMTP client can close that gap (the server keeps no idempotency
 * key), so it is kept as short as it can be: marks are never batched or
 * deferred. The copy would carry the same Message-ID
 * (`<issue.subscriber@host>`), which lets mailbox providers that de-duplicate
 * on it drop it. The crash test measures how often this happens.
 */
import { hostname } from 'node:os';
import { MAX_DELIVERY_ATTEMPTS, deliveryRetryDelayMs, smtpFailureKind } from '../../domain/newsletter/round-up.js';
import { MastheadError } from '../../errors.js';
import {
  createPendingDeliveries,
  deliveryCounts,
  findIssue,
  leaseDueDeliveries,
  markDeliveryBounced,
  markDeliveryRetry,
  markDeliverySent,
  nextDeliveryDue,
  updateIssue,
} from '../../storage/repositories/newsletter.js';
import type { DeliveryCounts, LeasedDelivery } from '../../storage/repositories/newsletter.js';
import type { Mailer } from '../mail/mailer.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { ARCHIVE_KEY } from './archive.js';
import { toIssue } from './compose.js';
import type { Issue, NewsletterDeps } from './compose.js';
import { personalize, renderIssue } from './render-issue.js';
import type { RenderedIssue } from './render-issue.js';
import { bulkMessage, bulkTemplate } from './bulk-message.js';
import type { BulkTemplate } from './bulk-message.js';
import { listUnsubscribeHeaders, unsubscribeContext, unsubscribeLinks } from './unsubscribe-headers.js';
import type { UnsubscribeContext } from './unsubscribe-headers.js';

export interface SendDeps extends NewsletterDeps {
  /** Pooled for bulk sending (see `smtpMailer`'s pool options). */
  mailer: Mailer;
  config: { publicUrl: string; mailFrom?: string };
}

export interface SendOutcome {
  issueId: string;
  counts: DeliveryCounts;
  /** Nothing is pending any more: the issue is `sent`. */
  done: boolean;
  /** When the next retry comes due, if some deliveries wait for one. */
  nextAttemptAt: string | null;
}

export interface SendOptions {
  issueId: string;
  /** Deliveries leased and sent at a time. */
  batchSize?: number;
  /** How long a leased delivery stays with this sender before another may take it. */
  leaseMs?: number;
  /** Stop leasing new batches after this long (a job hands the rest to its next run). */
  maxMs?: number;
  onProgress?: (counts: DeliveryCounts) => void;
}

interface Envelope {
  issue: Issue;
  rendered: RenderedIssue;
  /** The prebuilt MIME message, when the mailer takes raw messages. */
  bulk: BulkTemplate | null;
  /** The bare sender address for the SMTP envelope. */
  returnPath: string;
  ctx: UnsubscribeContext;
  from: string | undefined;
  host: string;
}

/** `"Title" <address>` when MASTHEAD_MAIL_FROM is a bare address; as given otherwise. */
function fromHeader(mailFrom: string | undefined, title: string): string | undefined {
  if (!mailFrom || mailFrom.includes('<')) return mailFrom;
  return `"${title.replace(/["\\\r\n]/g, '')}" <${mailFrom}>`;
}

async function envelopeFor(deps: SendDeps, issue: Issue): Promise<Envelope> {
  const settings = await getSiteSettings(deps);
  const host = new URL(deps.config.publicUrl).hostname || hostname();
  const from = fromHeader(deps.config.mailFrom, settings.title);
  const ctx = await unsubscribeContext(deps, from ?? `newsletter@${host}`, settings.title);
  const rendered = await renderIssue({ issue, settings, publicUrl: deps.config.publicUrl });
  const sender = from ?? `newsletter@${host}`;
  const returnPath = /<([^<>\s]+)>/.exec(sender)?.[1] ?? sender;
  const bulk = deps.mailer.sendRaw && from ? bulkTemplate(rendered, { from, subject: issue.subject }) : null;
  return { issue, rendered, bulk, returnPath, ctx, from, host };
}

export function messageIdFor(issueId: string, subscriberId: string, host: string): string {
  return `<${issueId}.${subscriberId}@${host}>`;
}

function errorCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}

const PLAIN_ADDRESS = /^[\x21-\x3b\x3d\x3f-\x7e]{1,200}@[a-zA-Z0-9.-]{1,200}$/;

type Result = 'sent' | 'pending' | 'failed' | 'bounced';

async function deliverOne(deps: SendDeps, env: Envelope, d: LeasedDelivery): Promise<Result> {
  const now = deps.clock();
  const links = unsubscribeLinks(env.ctx, d.subscriberId, now);
  const readerLinks = { unsubscribe: links.https, preferences: links.preferences };
  const messageId = messageIdFor(env.issue.id, d.subscriberId, env.host);
  const headers = listUnsubscribeHeaders(env.ctx, d.subscriberId, now);
  try {
    // Plain addresses take the fast path; anything unusual goes through nodemailer's own checks and encoding.
    if (env.bulk && deps.mailer.sendRaw && PLAIN_ADDRESS.test(d.email)) {
      const raw = bulkMessage(env.bulk, { to: d.email, messageId, date: now, headers, links: readerLinks });
      await deps.mailer.sendRaw({ from: env.returnPath, to: d.email }, raw);
    } else {
      const copy = personalize(env.rendered, readerLinks);
      await deps.mailer.send({
        to: d.email,
        from: env.from,
        subject: env.issue.subject,
        html: copy.html,
        text: copy.text,
        headers,
        messageId,
        date: now,
      });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (smtpFailureKind(errorCode(error)) === 'permanent') {
      await markDeliveryBounced(deps.db, env.issue.id, d.subscriberId, message, deps.clock());
      return 'bounced';
    }
    // 4xx, or no answer at all (connection lost before DATA was accepted): try again later.
    const attempts = d.attempts + 1;
    const retryAt = attempts < MAX_DELIVERY_ATTEMPTS ? new Date(deps.clock().getTime() + deliveryRetryDelayMs(attempts)) : null;
    await markDeliveryRetry(deps.db, env.issue.id, d.subscriberId, message, retryAt);
    return retryAt ? 'pending' : 'failed';
  }
  // Right away, alone: see the note at the top of this file.
  await markDeliverySent(deps.db, env.issue.id, d.subscriberId, messageId, deps.clock());
  return 'sent';
}

/**
 * Sends an issue to every confirmed subscriber who has not had it, and
 * returns where it stands. Safe to run again, after a crash, or on several
 * nodes at once: each delivery is leased to one sender and marked once.
 */
export async function sendIssue(deps: SendDeps, options: SendOptions): Promise<SendOutcome> {
  const row = await findIssue(deps.db, options.issueId);
  if (!row) throw new MastheadError('NOT_FOUND');
  const issueId = row.id;
  if (row.status !== 'sent') {
    if (row.status !== 'sending') await updateIssue(deps.db, issueId, { status: 'sending', updated_at: deps.clock().toISOString() });
    await createPendingDeliveries(deps.db, issueId, deps.clock());
    const env = await envelopeFor(deps, toIssue(row));
    const counts = await deliveryCounts(deps.db, issueId);
    options.onProgress?.(counts);
    const started = Date.now();
    const batchSize = options.batchSize ?? 200;
    const leaseMs = options.leaseMs ?? 10 * 60_000;
    while (options.maxMs === undefined || Date.now() - started < options.maxMs) {
      const batch = await leaseDueDeliveries(deps.db, issueId, { now: deps.clock(), limit: batchSize, leaseMs });
      if (batch.length === 0) break;
      const results = await Promise.all(batch.map((d) => deliverOne(deps, env, d)));
      for (const result of results) {
        counts.pending -= 1;
        counts[result] += 1;
      }
      options.onProgress?.({ ...counts });
    }
  }
  const counts = await deliveryCounts(deps.db, issueId);
  const done = counts.pending === 0;
  if (done && row.status !== 'sent') {
    const at = deps.clock().toISOString();
    await updateIssue(deps.db, issueId, { status: 'sent', sent_at: at, updated_at: at });
    deps.events.changed([ARCHIVE_KEY]);
  }
  return { issueId, counts, done, nextAttemptAt: done ? null : await nextDeliveryDue(deps.db, issueId) };
}

/** The issue as a subscriber would get it, to one address (the editor's own), marked as a test. */
export async function sendTestMail(deps: SendDeps, input: { issueId: string; to: string }): Promise<void> {
  const row = await findIssue(deps.db, input.issueId);
  if (!row) throw new MastheadError('NOT_FOUND');
  const env = await envelopeFor(deps, toIssue(row));
  const sample = `${deps.config.publicUrl.replace(/\/+$/, '')}/newsletter`;
  const copy = personalize(env.rendered, { unsubscribe: sample, preferences: sample });
  await deps.mailer.send({ to: input.to, from: env.from, subject: `[Test] ${env.issue.subject}`, html: copy.html, text: copy.text });
}
