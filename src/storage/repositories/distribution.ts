/** Content API keys, webhook subscriptions and the webhook delivery log. */
import type { Selectable } from 'kysely';
import type { Db } from '../db.js';
import type { ContentApiKeyTable, WebhookDeliveryTable, WebhookTable } from '../schema.js';

export interface ContentApiKey {
  id: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  description: string;
  createdBy: string | null;
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  event: string;
  jobId: string | null;
  attempt: number;
  status: number | null;
  error: string | null;
  responseSnippet: string;
  durationMs: number;
  at: string;
}

const toKey = (r: Selectable<ContentApiKeyTable>): ContentApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.key_prefix,
  createdBy: r.created_by,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

function parseEvents(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

const toWebhook = (r: Selectable<WebhookTable>): Webhook => ({
  id: r.id,
  url: r.url,
  events: parseEvents(r.events),
  description: r.description,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const toDelivery = (r: Selectable<WebhookDeliveryTable>): WebhookDelivery => ({
  id: r.id,
  webhookId: r.webhook_id,
  event: r.event,
  jobId: r.job_id,
  attempt: r.attempt,
  status: r.status,
  error: r.error,
  responseSnippet: r.response_snippet,
  durationMs: r.duration_ms,
  at: r.at,
});

export async function insertContentApiKey(
  db: Db,
  k: { id: string; name: string; hash: string; prefix: string; createdBy: string | null; createdAt: string },
): Promise<void> {
  await db
    .insertInto('content_api_keys')
    .values({ id: k.id, name: k.name, key_hash: k.hash, key_prefix: k.prefix, created_by: k.createdBy, created_at: k.createdAt })
    .execute();
}

export async function listContentApiKeys(db: Db): Promise<ContentApiKey[]> {
  const rows = await db.selectFrom('content_api_keys').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toKey);
}

/** The live (not revoked) key with this hash. */
export async function findLiveContentApiKey(db: Db, hash: string): Promise<ContentApiKey | null> {
  const row = await db
    .selectFrom('content_api_keys')
    .selectAll()
    .where('key_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toKey(row) : null;
}

export async function revokeContentApiKey(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('content_api_keys')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertWebhook(
  db: Db,
  w: {
    id: string;
    url: string;
    events: readonly string[];
    secret: string;
    description: string;
    createdBy: string | null;
    createdAt: string;
  },
): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({
      id: w.id,
      url: w.url,
      events: JSON.stringify(w.events),
      secret: w.secret,
      description: w.description,
      created_by: w.createdBy,
      created_at: w.createdAt,
    })
    .execute();
}

export async function listWebhooks(db: Db): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toWebhook);
}

/** The hook with its signing secret, for a delivery. */
export async function findWebhookWithSecret(db: Db, id: string): Promise<(Webhook & { secret: string }) | null> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...toWebhook(row), secret: row.secret } : null;
}

export async function deleteWebhook(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function insertWebhookDelivery(db: Db, d: WebhookDelivery): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({
      id: d.id,
      webhook_id: d.webhookId,
      event: d.event,
      job_id: d.jobId,
      attempt: d.attempt,
      status: d.status,
      error: d.error,
      response_snippet: d.responseSnippet,
      duration_ms: d.durationMs,
      at: d.at,
    })
    .execute();
}

/** A logged attempt, and when the job will try again if this was its latest failed attempt. */
export interface WebhookDeliveryLogEntry extends WebhookDelivery {
  nextRetryAt: string | null;
}

/** Newest first. */
export async function listWebhookDeliveries(db: Db, webhookId: string, limit = 100): Promise<WebhookDeliveryLogEntry[]> {
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .leftJoin('jobs as j', (join) =>
      join.onRef('j.id', '=', 'd.job_id').onRef('j.attempts', '=', 'd.attempt').on('j.done_at', 'is', null).on('j.failed_at', 'is', null),
    )
    .selectAll('d')
    .select('j.run_at as next_retry_at')
    .where('d.webhook_id', '=', webhookId)
    .orderBy('d.at', 'desc')
    .orderBy('d.attempt', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toDelivery(r), nextRetryAt: r.status !== null && r.status < 300 ? null : (r.next_retry_at ?? null) }));
}
