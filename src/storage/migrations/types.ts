import { PostgresAdapter, sql } from 'kysely';
import type { ColumnDataType, Expression, Kysely } from 'kysely';

/** TIMESTAMPTZ on PostgreSQL; ISO 8601 TEXT on SQLite, which has no time type. */
export function timestampType(db: Kysely<unknown>): ColumnDataType | Expression<unknown> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : sql`text`;
}
