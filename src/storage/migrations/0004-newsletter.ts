/**
 * The weekly round-up: subscribers with their consent, issues, and one
 * delivery row per recipient per issue (what makes sending resumable and
 * exactly-once per subscriber).
 */
import type { Kysely } from 'kysely';
import { timestampType } from './types.js';

// Migrations see the database as it was, not as schema.ts says it is now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    // pending (awaiting confirmation), confirmed, unsubscribed, bounced
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consent_at', ts, (c) => c.notNull())
    .addColumn('consent_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('confirmed_at', ts)
    .addColumn('unsubscribed_at', ts)
    .addColumn('bounced_at', ts)
    .addColumn('bounce_reason', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subscribers_status').on('subscribers').columns(['status', 'id']).execute();

  await db.schema
    .createTable('newsletter_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    // JSON: the ordered items of the issue
    .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
    // draft, scheduled, sending, sent
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('window_start', ts, (c) => c.notNull())
    .addColumn('window_end', ts, (c) => c.notNull())
    .addColumn('scheduled_at', ts)
    .addColumn('sent_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('newsletter_deliveries')
    .addColumn('issue_id', 'text', (c) => c.notNull().references('newsletter_issues.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
    // pending, sent, failed (gave up after retries), bounced (permanent refusal), skipped
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts)
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('sent_at', ts)
    .addPrimaryKeyConstraint('newsletter_deliveries_pk', ['issue_id', 'subscriber_id'])
    .execute();
  await db.schema
    .createIndex('newsletter_deliveries_pending')
    .on('newsletter_deliveries')
    .columns(['issue_id', 'status', 'next_attempt_at'])
    .execute();
}
