/**
 * Webhooks: staff register a URL for some events; every event becomes one
 * durable job per hook, enqueued in the transaction that made the change (a
 * rolled-back change sends nothing), delivered signed and logged.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/newsroom/roles.js';
import { can } from '../../domain/newsroom/roles.js';
import { MastheadError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import type { Db } from '../../storage/db.js';
import {
  deleteWebhook,
  findWebhookWithSecret,
  insertWebhook,
  insertWebhookDelivery,
  listWebhookDeliveries,
  listWebhooks,
} from '../../storage/repositories/distribution.js';
import type { Webhook, WebhookDeliveryLogEntry } from '../../storage/repositories/distribution.js';
import { enqueueJob } from '../../storage/repositories/jobs.js';
import { requirePermission } from '../auth/accounts.js';
import type { ServiceDeps } from '../deps.js';
import { postWebhook } from './webhook-post.js';
import type { PostAnswer } from './webhook-post.js';
import { checkWebhookTarget } from './webhook-target.js';
import type { TargetPolicy } from './webhook-target.js';

export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.corrected',
  'brief.published',
  'newsletter.sent',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_JOB = 'deliver-webhook';
/** Attempts per delivery; the runner's backoff spaces them 5 s, 10 s, 20 s, ... apart. */
const WEBHOOK_MAX_ATTEMPTS = 8;
const WEBHOOK_TIMEOUT_MS = 10_000;
const SNIPPET_LENGTH = 500;

export interface WebhookJobPayload {
  webhookId: string;
  event: WebhookEvent;
  /** The JSON body, fixed at enqueue time so every retry sends the same bytes' meaning. */
  body: string;
}

/** `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: a receiver recomputes it with its secret. */
function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * Queues the event for every hook that listens to it. Call it with the
 * operation's transaction, so the jobs commit (or vanish) with the change.
 */
export async function announce(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  event: WebhookEvent,
  data: Record<string, unknown>,
): Promise<number> {
  const hooks = (await listWebhooks(deps.db)).filter((h) => h.events.includes(event));
  const now = deps.clock();
  for (const hook of hooks) {
    const deliveryId = newId();
    const body = JSON.stringify({ id: deliveryId, event, createdAt: now.toISOString(), data });
    const payload: WebhookJobPayload = { webhookId: hook.id, event, body };
    await enqueueJob(deps.db, { kind: WEBHOOK_JOB, payload, runAt: now, maxAttempts: WEBHOOK_MAX_ATTEMPTS }, now);
  }
  return hooks.length;
}

function requireAdmin(actor: Actor): void {
  requirePermission(actor, can(actor, 'settings.manage'), 'manage webhooks');
}

export async function registerWebhook(
  deps: ServiceDeps,
  actor: Actor,
  input: { url: string; events: readonly WebhookEvent[]; description?: string | undefined },
  policy: TargetPolicy,
): Promise<Webhook & { secret: string }> {
  requireAdmin(actor);
  const url = await checkWebhookTarget(input.url, policy);
  const hook = {
    id: newId(),
    url: url.toString(),
    events: [...new Set(input.events)],
    secret: `whsec_${randomBytes(24).toString('base64url')}`,
    description: input.description ?? '',
    createdBy: actor.id,
    createdAt: deps.clock().toISOString(),
  };
  await insertWebhook(deps.db, hook);
  return hook;
}

export async function webhooksFor(deps: ServiceDeps, actor: Actor): Promise<Webhook[]> {
  requireAdmin(actor);
  return listWebhooks(deps.db);
}

export async function removeWebhook(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  if (!(await deleteWebhook(deps.db, id))) throw new MastheadError('NOT_FOUND');
}

export async function webhookLog(deps: ServiceDeps, actor: Actor, id: string): Promise<WebhookDeliveryLogEntry[]> {
  requireAdmin(actor);
  if (!(await findWebhookWithSecret(deps.db, id))) throw new MastheadError('NOT_FOUND');
  return listWebhookDeliveries(deps.db, id);
}

/**
 * One attempt: checks the target again (and once more inside the
 * connection's DNS lookup), POSTs the signed body without following redirects, logs the answer, and throws on anything but a 2xx so
 * the job runner retries with backoff. A deleted hook ends the job quietly.
 */
export async function deliverWebhook(
  deps: { db: Db; clock: () => Date },
  job: { id: string; attempt: number },
  payload: WebhookJobPayload,
  policy: TargetPolicy & { timeoutMs?: number },
): Promise<void> {
  const hook = await findWebhookWithSecret(deps.db, payload.webhookId);
  if (!hook) return;
  const started = deps.clock();
  const record = async (status: number | null, error: string | null, snippet: string, durationMs: number) =>
    insertWebhookDelivery(deps.db, {
      id: newId(),
      webhookId: hook.id,
      event: payload.event,
      jobId: job.id,
      attempt: job.attempt,
      status,
      error,
      responseSnippet: snippet.slice(0, SNIPPET_LENGTH),
      durationMs,
      at: started.toISOString(),
    });
  const t0 = performance.now();
  let answer: PostAnswer;
  try {
    const url = await checkWebhookTarget(hook.url, policy);
    answer = await postWebhook(
      url,
      {
        'content-type': 'application/json',
        'user-agent': 'Masthead-Webhooks/1',
        'masthead-event': payload.event,
        'masthead-delivery': job.id,
        'masthead-signature': signWebhook(hook.secret, payload.body, Math.floor(started.getTime() / 1000)),
      },
      payload.body,
      { timeoutMs: policy.timeoutMs ?? WEBHOOK_TIMEOUT_MS, allowPrivate: policy.allowPrivate, maxBytes: SNIPPET_LENGTH },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await record(null, message, '', Math.round(performance.now() - t0));
    throw new Error(`Webhook ${hook.url} was not reached: ${message}`, { cause: error });
  }
  const ok = answer.status >= 200 && answer.status < 300;
  await record(answer.status, ok ? null : `HTTP ${answer.status}`, answer.text, Math.round(performance.now() - t0));
  if (!ok) throw new Error(`Webhook ${hook.url} answered ${answer.status}`);
}
