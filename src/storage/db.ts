import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
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

/**
 * The name this process's PostgreSQL sessions carry (`application_name`):
 * unique to the process, so that another process can tell from
 * `pg_stat_activity` when every session of this one has ended (the mail
 * courier waits for that before it trusts what a dead sender committed).
 */
export const SESSION_NAME = `masthead:${process.pid}:${randomBytes(4).toString('hex')}`;

export function postgresDialect(
  connectionString: string,
  options: { searchPath?: string; max?: number; applicationName?: string } = {},
): Dialect {
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
  // A connection that dies (a server restart, a terminated session) leaves the pool, and the next query opens
  // another; its query in flight, if any, fails on its own. Unheard, the error event would take the process down.
  const lost = (error: Error) => process.emitWarning(`a PostgreSQL connection was lost: ${error.message}`);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  // Named on each new connection rather than by a connection option, which a URL's own application_name would
  // override: the mail courier tells by this name when a dead process's sessions are gone. A connection that
  // cannot be named is not used.
  const name = options.applicationName ?? SESSION_NAME;
  const naming = CompiledQuery.raw(`set application_name = '${name.replace(/'/g, "''")}'`);
  return new PostgresDialect({
    pool,
    onCreateConnection: async (connection) => {
      await connection.executeQuery(naming);
    },
  });
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

/** Where a database lives, as another process would open it. */
export type StoreLocation = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; searchPath?: string };

const locations = new WeakMap<Db, { location: StoreLocation; sessionName: string }>();

/** Opens a database by its location, remembering it (see `storeLocation`). */
export function openDb(given: StoreLocation, options: { max?: number; applicationName?: string } = {}): Db {
  // An absolute path: a helper process may not share this one's working directory.
  const location: StoreLocation =
    given.dialect === 'sqlite' && given.file !== ':memory:' ? { dialect: 'sqlite', file: path.resolve(given.file) } : given;
  const dialect =
    location.dialect === 'postgres'
      ? postgresDialect(location.url, { ...options, ...(location.searchPath ? { searchPath: location.searchPath } : {}) })
      : sqliteDialect(location.file);
  const db = new Kysely<Database>({ dialect });
  locations.set(db, { location, sessionName: options.applicationName ?? SESSION_NAME });
  return db;
}

/**
 * Where a database opened by `openDb` lives, for a helper process to open
 * it too, and the name its PostgreSQL sessions carry; null for one opened
 * otherwise, or that no other process can open (SQLite in memory).
 */
export function storeLocation(db: Db): { location: StoreLocation; sessionName: string } | null {
  const known = locations.get(db);
  if (!known || (known.location.dialect === 'sqlite' && known.location.file === ':memory:')) return null;
  return known;
}

/** Opens the database the configuration names: PostgreSQL by URL, or SQLite in the data dir. */
export function createDb(options: { databaseUrl: string | undefined; dataDir: string }): Db {
  return openDb(
    options.databaseUrl
      ? { dialect: 'postgres', url: options.databaseUrl }
      : { dialect: 'sqlite', file: path.join(options.dataDir, 'masthead.sqlite') },
  );
}

export function dialectOf<T>(db: Kysely<T>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** How many PostgreSQL sessions carry this `application_name` (see `SESSION_NAME`) right now. */
export async function sessionsNamed(db: Db, name: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name = ${name}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Ends every PostgreSQL session with this `application_name` (those of a process known to be dead). */
export async function endSessionsNamed(db: Db, name: string): Promise<void> {
  await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${name} and pid <> pg_backend_pid()`.execute(
    db,
  );
}
