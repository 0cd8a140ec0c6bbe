/**
 * Sending an issue: one durable delivery row per confirmed subscriber, leased
 * in batches and sent over a pool of SMTP connections.
 *
 * Exactly once. A delivery is marked sent *before* its message is released:
 * the bulk sender (../mail/bulk-sender.ts) hands each message to the server
 * whole but for the end-of-data mark, the mark waits until the row's UPDATE
 * has committed, and an SMTP server discards a message whose connection dies
 * before that mark. So a crash at any point leaves every row either pending
 * (the server dropped its text; it is sent again) or sent (released, never
 * sent again). Marks from all connections commit together (one UPDATE for
 * whatever is waiting), which keeps the database out of the way of the
 * throughput. A crash in the microseconds between that commit leaving the
 * process and the marks being written (the same synchronous step) is the
 * mail courier's to settle: the connections live in that child process,
 * which writes the marks it finds committed and drops the rest
 * (../mail/courier.ts). Without a courier (a database only this process can
 * open) such a crash loses that reader's copy rather than doubling it. A
 * refusal after the mark (4xx, 5xx) puts the row back to retry
 * or bounced; a connection lost after it counts as delivered, for the same
 * reason. Mailers without a bulk channel (the development console) mark
 * after sending.
 */
import { hostname } from 'node:os';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { MAX_DELIVERY_ATTEMPTS, deliveryRetryDelayMs, smtpFailureKind } from '../../domain/newsletter/round-up.js';
import { MastheadError } from '../../errors.js';
import {
  createPendingDeliveries,
  deliveryCounts,
  findIssue,
  leaseDueDeliveries,
  markDeliveriesSent,
  markLeasedDeliveriesSent,
  markDeliveryBounced,
  markDeliveryRetry,
  markIssueSent,
  nextDeliveryDue,
  noteDeliveryError,
  updateIssue,
} from '../../storage/repositories/newsletter.js';
import type { DeliveryCounts, LeasedDelivery } from '../../storage/repositories/newsletter.js';
import { withCheckpointsHeld } from '../../storage/checkpoints.js';
import { storeLocation } from '../../storage/db.js';
import { withTransaction } from '../../storage/transaction.js';
import { announce } from '../distribution/webhooks.js';
import { BulkSendError, replyCode } from '../mail/bulk-sender.js';
import type { BulkSender, DeliveryTicket } from '../mail/bulk-sender.js';
import type { Mailer } from '../mail/mailer.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { ARCHIVE_KEY } from './archive.js';
import { toIssue } from './compose.js';
import type { Issue, NewsletterDeps } from './compose.js';
import { archiveUrl, personalize, renderIssue } from './render-issue.js';
import type { RenderedIssue } from './render-issue.js';
import { bulkMessage, bulkTemplate } from './bulk-message.js';
import type { BulkTemplate, MessageScratch } from './bulk-message.js';
import { listUnsubscribeHeaders, unsubscribeContext, unsubscribeLinks } from './unsubscribe-headers.js';
import type { UnsubscribeContext } from './unsubscribe-headers.js';

export interface SendDeps extends NewsletterDeps {
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
  /** Deliveries leased at a time. */
  batchSize?: number;
  /** How long a leased delivery stays with this sender before another may take it. */
  leaseMs?: number;
  /** Stop leasing new batches after this long (a job hands the rest to its next run). */
  maxMs?: number;
  /** Called every `batchSize` results, and at the end. */
  onProgress?: (counts: DeliveryCounts) => void;
}

interface Envelope {
  issue: Issue;
  rendered: RenderedIssue;
  /** The prebuilt MIME message every reader's copy is made from. */
  bulk: BulkTemplate;
  /** The bare sender address for the SMTP envelope. */
  returnPath: string;
  ctx: UnsubscribeContext;
  from: string;
  host: string;
}

/** `"Title" <address>` when the sender is a bare address; as given otherwise. */
function fromHeader(mailFrom: string, title: string): string {
  if (mailFrom.includes('<')) return mailFrom;
  return `"${title.replace(/["\\\r\n]/g, '')}" <${mailFrom}>`;
}

async function envelopeFor(deps: SendDeps, issue: Issue, channelFrom?: string): Promise<Envelope> {
  const settings = await getSiteSettings(deps);
  const host = new URL(deps.config.publicUrl).hostname || hostname();
  const from = fromHeader(channelFrom ?? deps.config.mailFrom ?? `newsletter@${host}`, settings.title);
  const ctx = await unsubscribeContext(deps, from, settings.title);
  const rendered = await renderIssue({ issue, settings, publicUrl: deps.config.publicUrl });
  const returnPath = /<([^<>\s]+)>/.exec(from)?.[1] ?? from;
  const bulk = bulkTemplate(rendered, { from, subject: issue.subject });
  return { issue, rendered, bulk, returnPath, ctx, from, host };
}

export function messageIdFor(issueId: string, subscriberId: string, host: string): string {
  return `<${issueId}.${subscriberId}@${host}>`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const PLAIN_ADDRESS = /^[\x21-\x3b\x3d\x3f-\x7e]{1,200}@[a-zA-Z0-9.-]{1,200}$/;

type Result = 'sent' | 'pending' | 'failed' | 'bounced';

/** What differs from one reader's copy to the next: the signed links (footer and headers) and the Message-ID. */
function readerParts(env: Envelope, d: LeasedDelivery, now: Date) {
  const links = unsubscribeLinks(env.ctx, d.subscriberId, now);
  return {
    readerLinks: { unsubscribe: links.https, preferences: links.preferences },
    messageId: messageIdFor(env.issue.id, d.subscriberId, env.host),
    headers: listUnsubscribeHeaders(env.ctx, d.subscriberId, now, links),
  };
}

/** One reader's copy as mail fields, personalized whole (for nodemailer to compose). */
function readerMail(env: Envelope, d: LeasedDelivery, now: Date) {
  const { readerLinks, messageId, headers } = readerParts(env, d, now);
  const copy = personalize(env.rendered, readerLinks);
  return { from: env.from, to: d.email, subject: env.issue.subject, html: copy.html, text: copy.text, headers, messageId, date: now };
}

/** One reader's copy: the prebuilt template for plain addresses; nodemailer's composer (its checks and encoding) for anything else. */
async function readerMessage(env: Envelope, d: LeasedDelivery, now: Date, scratch: MessageScratch): Promise<Buffer> {
  if (!PLAIN_ADDRESS.test(d.email)) return new MailComposer(readerMail(env, d, now)).compile().build();
  const { readerLinks, messageId, headers } = readerParts(env, d, now);
  return bulkMessage(env.bulk, { to: d.email, messageId, date: now, headers, links: readerLinks }, scratch);
}

/** A refusal or a lost connection: what it means for this delivery. */
async function afterFailure(deps: SendDeps, env: Envelope, d: LeasedDelivery, error: unknown, handedOver: boolean): Promise<Result> {
  const message = errorText(error);
  const code = replyCode(error);
  if (handedOver && code === undefined) {
    // Released, then the connection died before the reply: the server may hold it. Counted as sent, never doubled.
    await noteDeliveryError(deps.db, env.issue.id, d.subscriberId, `no reply after the message was handed over: ${message}`);
    return 'sent';
  }
  const attempts = d.attempts + 1;
  if (smtpFailureKind(code) === 'permanent') {
    await markDeliveryBounced(deps.db, env.issue.id, d.subscriberId, { error: message, attempts, now: deps.clock() });
    return 'bounced';
  }
  // 4xx, or no answer at all before the message was released: try again later.
  const retryAt = attempts < MAX_DELIVERY_ATTEMPTS ? new Date(deps.clock().getTime() + deliveryRetryDelayMs(attempts)) : null;
  await markDeliveryRetry(deps.db, env.issue.id, d.subscriberId, { error: message, attempts, retryAt });
  return retryAt ? 'pending' : 'failed';
}

/**
 * Marks waiting for the same commit: whatever queued while one commit was in
 * flight goes in the next. The moment a commit is dispatched (see
 * `markDeliveriesSent`), each of its marks' `release` runs, right there,
 * writing its message's end-of-data mark: nothing else runs between the
 * commit leaving the process and the marks leaving it. Then each mark's
 * promise resolves. A failure before that rejects them, and the messages are
 * dropped.
 */
function groupCommit(write: (batch: DeliveryTicket[], dispatched: (marked?: ReadonlySet<string>) => void) => Promise<void>): {
  mark: (ticket: DeliveryTicket, release: () => void) => Promise<void>;
  /** Resolves once every mark so far has committed (a mark's promise resolves before that). */
  settled: () => Promise<void>;
} {
  let queued: { ticket: DeliveryTicket; release: () => void; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let draining: Promise<void> | null = null;
  // Marks that could not be written after their messages left: stop releasing anything more.
  let broken: unknown = null;
  async function drain(): Promise<void> {
    for (;;) {
      // Cleared in the same step that finds the queue empty: a mark queued a moment later starts a new drain.
      if (queued.length === 0) {
        draining = null;
        return;
      }
      const batch = queued;
      queued = [];
      let released = false;
      try {
        await write(
          batch.map((m) => m.ticket),
          // `marked`: the ones the commit marked, when it could leave some out (a lease lost); all otherwise.
          (marked) => {
            released = true;
            const kept = marked ? batch.filter((m) => marked.has(m.ticket.subscriberId)) : batch;
            for (const m of kept) m.release();
            for (const m of batch) {
              if (kept === batch || marked!.has(m.ticket.subscriberId)) m.resolve();
              else m.reject(new LeaseLostError(m.ticket.subscriberId));
            }
          },
        );
      } catch (error) {
        if (released) broken = error;
        else for (const m of batch) m.reject(error);
      }
    }
  }
  return {
    mark: (ticket, release) =>
      new Promise<void>((resolve, reject) => {
        if (broken) return reject(broken);
        queued.push({ ticket, release, resolve, reject });
        draining ??= drain();
      }),
    async settled() {
      while (draining) await draining;
      if (broken) throw broken;
    },
  };
}

/** A delivery whose lease ran out before its mark: another sender may hold it now, and it is left to that one. */
class LeaseLostError extends Error {
  constructor(subscriberId: string) {
    super(`the lease on delivery ${subscriberId} ran out before it was marked; it is left to whoever holds it now`);
    this.name = 'LeaseLostError';
  }
}

/** Deliveries leased ahead of the connections, so none waits for the database. */
function deliveryQueue(
  deps: SendDeps,
  issueId: string,
  options: SendOptions,
  ahead: number,
  checkpoint: () => Promise<void> = async () => undefined,
): () => Promise<LeasedDelivery | null> {
  const queue: LeasedDelivery[] = [];
  const started = Date.now();
  const batchSize = options.batchSize ?? 200;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  let exhausted = false;
  let leasing: Promise<void> | null = null;
  const lease = (): Promise<void> =>
    (leasing ??= (async () => {
      if (options.maxMs !== undefined && Date.now() - started >= options.maxMs) exhausted = true;
      if (exhausted) return;
      await checkpoint();
      const batch = await leaseDueDeliveries(deps.db, issueId, { now: deps.clock(), limit: batchSize, leaseMs });
      if (batch.length === 0) exhausted = true;
      queue.push(...batch);
    })().finally(() => (leasing = null)));
  return async () => {
    while (queue.length === 0 && !exhausted) await lease();
    if (queue.length < ahead && !exhausted) void lease().catch(() => undefined);
    return queue.shift() ?? null;
  };
}

async function sendInBulk(deps: SendDeps, env: Envelope, sender: BulkSender, options: SendOptions, counts: DeliveryCounts): Promise<void> {
  // No checkpoint inside a mark's commit (see withCheckpointsHeld): one at each lease instead.
  return withCheckpointsHeld(deps.db, (checkpoint) => sendMarked(deps, env, sender, options, counts, checkpoint));
}

async function sendMarked(
  deps: SendDeps,
  env: Envelope,
  sender: BulkSender,
  options: SendOptions,
  counts: DeliveryCounts,
  checkpoint: () => Promise<void>,
): Promise<void> {
  const issueId = env.issue.id;
  const next = deliveryQueue(deps, issueId, options, sender.maxConnections * 2, checkpoint);
  const marks = groupCommit(async (batch, dispatched) => {
    const mark = { host: env.host, now: deps.clock() };
    const ids = batch.map((t) => t.subscriberId);
    if (!sender.guarded) return markDeliveriesSent(deps.db, issueId, ids, { ...mark, dispatched: () => dispatched() });
    // A courier covers a crash after the commit: the marks wait for its answer, a failed commit releases none,
    // and a delivery whose lease ran out (another sender may have it now) is not marked or released.
    dispatched(await markLeasedDeliveriesSent(deps.db, issueId, batch, mark));
  });
  const every = options.batchSize ?? 200;
  let since = 0;
  const tally = (result: Result) => {
    counts.pending -= 1;
    counts[result] += 1;
    if (++since >= every) {
      since = 0;
      options.onProgress?.({ ...counts });
    }
  };
  const work = async (): Promise<void> => {
    // One message at a time per connection: the server has answered (or the connection is gone) before the next is built.
    const scratch: MessageScratch = { buffer: Buffer.alloc(0) };
    for (let d = await next(); d; d = await next()) {
      const raw = await readerMessage(env, d, deps.clock(), scratch);
      // Its mark, once the bulk sender has handed the message over (at most once).
      let marked: Promise<void> | undefined;
      try {
        const ticket = { subscriberId: d.subscriberId, leasedUntil: d.leasedUntil };
        await sender.send({ from: env.returnPath, to: d.email, ticket }, raw, (release) => {
          marked = marks.mark(ticket, release);
          return marked;
        });
        tally('sent');
      } catch (error) {
        // Not ours any more (see markLeasedDeliveriesSent): nothing was released, and its new holder records it.
        if (error instanceof LeaseLostError) {
          counts.pending -= 1;
          continue;
        }
        // Whether the message left is the sender's to say: a mark can commit after the server has already answered
        // (or the connection died), and then its release wrote nothing.
        const released = error instanceof BulkSendError && error.handedOver;
        // Such a mark lands before what follows overrides it (retry or bounce), not after.
        if (!released) await marked?.catch(() => undefined);
        tally(await afterFailure(deps, env, d, error, released));
      }
    }
  };
  await Promise.all(Array.from({ length: sender.maxConnections }, work));
  // A message's 250 can come back before its mark's COMMIT does: counting now could still see it pending.
  await marks.settled();
  if (since > 0) options.onProgress?.({ ...counts });
}

/** Without a bulk channel (the development console): send, then mark. */
async function sendOneByOne(deps: SendDeps, env: Envelope, options: SendOptions, counts: DeliveryCounts): Promise<void> {
  const next = deliveryQueue(deps, env.issue.id, options, 0);
  for (let d = await next(); d; d = await next()) {
    let result: Result = 'sent';
    try {
      await deps.mailer.send(readerMail(env, d, deps.clock()));
      await markDeliveriesSent(deps.db, env.issue.id, [d.subscriberId], { host: env.host, now: deps.clock() });
    } catch (error) {
      result = await afterFailure(deps, env, d, error, false);
    }
    counts.pending -= 1;
    counts[result] += 1;
    options.onProgress?.({ ...counts });
  }
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
    // Where another process can open the database, the connections live in a courier that outlives a crash here.
    const store = storeLocation(deps.db);
    const channel =
      (await deps.mailer.bulk?.(store ? { store: store.location, issueId, sessionName: store.sessionName } : undefined)) ?? null;
    try {
      const env = await envelopeFor(deps, toIssue(row), channel?.from ?? (await deps.mailer.defaultFrom?.()));
      const counts = await deliveryCounts(deps.db, issueId);
      options.onProgress?.({ ...counts });
      if (channel) await sendInBulk(deps, env, channel.sender, options, counts);
      else await sendOneByOne(deps, env, options, counts);
    } finally {
      await channel?.sender.close();
    }
  }
  const counts = await deliveryCounts(deps.db, issueId);
  const done = counts.pending === 0;
  if (done && row.status !== 'sent') await finishIssue(deps, issueId, counts);
  return { issueId, counts, done, nextAttemptAt: done ? null : await nextDeliveryDue(deps.db, issueId) };
}

/** The issue becomes `sent` once, on whichever node gets there first, and webhooks hear of it in the same transaction. */
async function finishIssue(deps: SendDeps, issueId: string, counts: DeliveryCounts): Promise<void> {
  const at = deps.clock().toISOString();
  const finished = await withTransaction(deps.db, async (trx) => {
    const issue = await markIssueSent(trx, issueId, at);
    if (!issue) return false;
    await announce({ db: trx, clock: deps.clock }, 'newsletter.sent', {
      issue: {
        id: issue.id,
        slug: issue.slug,
        subject: issue.subject,
        sentAt: at,
        url: archiveUrl(deps.config.publicUrl, issue.slug),
        deliveries: { sent: counts.sent, failed: counts.failed, bounced: counts.bounced, skipped: counts.skipped },
      },
    });
    return true;
  });
  if (finished) deps.events.changed([ARCHIVE_KEY]);
}

/** The issue as a subscriber would get it, to one address (the editor's own), marked as a test. */
export async function sendTestMail(deps: SendDeps, input: { issueId: string; to: string }): Promise<void> {
  const row = await findIssue(deps.db, input.issueId);
  if (!row) throw new MastheadError('NOT_FOUND');
  const env = await envelopeFor(deps, toIssue(row), await deps.mailer.defaultFrom?.());
  const sample = `${deps.config.publicUrl.replace(/\/+$/, '')}/newsletter`;
  const copy = personalize(env.rendered, { unsubscribe: sample, preferences: sample });
  await deps.mailer.send({ to: input.to, from: env.from, subject: `[Test] ${env.issue.subject}`, html: copy.html, text: copy.text });
}
