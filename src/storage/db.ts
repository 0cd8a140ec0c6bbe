import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import type { Dialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

/** PostgreSQL type OIDs we read differently from pg's defaults. */
const PG_INT8 = 20;
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;

/** Times come back as ISO strings and counts as numbers, as they do from SQLite. */
export const pgParsers: Record<number, (value: string) => unknown> = {
  [PG_INT8]: (value) => Number(value),
  [PG_TIMESTAMPTZ]: (value) => new Date(value).toISOString(),
  [PG_TIMESTAMP]: (value) => new Date(`${value}Z`).toISOString(),
};

export function postgresDialect(connectionString: string, options: { searchPath?: string; max?: number } = {}): Dialect {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        const parser = pgParsers[oid];
        if (parser && format !== 'binary') return parser;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  return new PostgresDialect({ pool });
}

export function sqliteDialect(file: string): Dialect {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // A big archive's search index is read all over: reads come straight from the memory-mapped file instead of
  // being copied in, so the page cache (mostly pages being written) can stay small.
  database.pragma('cache_size = -16384');
  database.pragma('mmap_size = 268435456');
  return new SqliteDialect({ database });
}

/** Opens the database the configuration names: PostgreSQL by URL, or SQLite in the data dir. */
export function createDb(options: { databaseUrl: string | undefined; dataDir: string }): Db {
  const dialect = options.databaseUrl ? postgresDialect(options.databaseUrl) : sqliteDialect(path.join(options.dataDir, 'masthead.sqlite'));
  return new Kysely<Database>({ dialect });
}

export function dialectOf<T>(db: Kysely<T>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
