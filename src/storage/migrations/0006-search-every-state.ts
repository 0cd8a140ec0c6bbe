/**
 * The search index holds every article, not only published ones, so the
 * newsroom's list can search drafts, pieces in review and scheduled work with
 * the same index readers use. Each row says its article's workflow `status`
 * (readers' searches keep to published rows) and the `format` it was written
 * in: rows older than the application's format are rewritten by the backfill
 * that runs at every start. Schema only: existing rows keep format 1.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

// Migrations see the database as it was, not as schema.ts says it is now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('article_search')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
    .execute();
  await db.schema
    .alterTable('article_search')
    .addColumn('format', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // On PostgreSQL an unpublished row has no publication time, so a reader's search, which
  // asks for a time range, cannot find it even by mistake. (SQLite's rows are found by doc_id
  // ranges instead; its published_at column keeps the time the doc_id is made from.)
  // The headline is kept beside the dek and body for ts_headline to highlight (FTS5 keeps its own copy).
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      alter table article_search
        alter column published_at drop not null,
        add column headline text not null default ''`.execute(db);
  }
}
