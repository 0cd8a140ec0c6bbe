/**
 * Every storage and HTTP test runs on each of these. PostgreSQL is the real
 * server named by MASTHEAD_TEST_PG_URL (each test database gets its own
 * schema), or in-process PGlite when that is unset. Nothing is mocked. On
 * the server, bulk sends go through the mail courier process (as in
 * production); on SQLite in memory and PGlite, no other process can open the
 * database, so the connections stay in the sending process.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, sql } from 'kysely';
import type { Database } from '../../src/storage/schema.js';
import { openDb, pgParsers, postgresDialect, sqliteDialect } from '../../src/storage/db.js';
import type { Db, DialectName } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { pgliteDialect } from './pglite-dialect.js';

export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

export const PG_URL = process.env.MASTHEAD_TEST_PG_URL;

export interface TestDb {
  db: Db;
  dialect: DialectName;
  /** Human-readable name for test titles: "sqlite", "postgres (server)", "postgres (PGlite)". */
  label: string;
  destroy(): Promise<void>;
}

export function dialectLabel(dialect: DialectName): string {
  return dialect === 'sqlite' ? 'sqlite' : PG_URL ? 'postgres (server)' : 'postgres (PGlite)';
}

export async function createTestDb(dialect: DialectName, options: { migrate?: boolean } = {}): Promise<TestDb> {
  let db: Db;
  let cleanup = async (): Promise<void> => {};
  if (dialect === 'sqlite') {
    db = new Kysely<Database>({ dialect: sqliteDialect(':memory:') });
  } else if (PG_URL) {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = new Kysely<Database>({ dialect: postgresDialect(PG_URL, { max: 1 }) });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    // By location, as the product opens it: a bulk send then goes through the mail courier, as in production.
    db = openDb({ dialect: 'postgres', url: PG_URL, searchPath: schema }, { max: 5 });
    cleanup = async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    };
  } else {
    db = new Kysely<Database>({ dialect: await pgliteDialect(pgParsers) });
  }
  if (options.migrate !== false) await migrateToLatest(db);
  return {
    db,
    dialect,
    label: dialectLabel(dialect),
    async destroy() {
      await db.destroy();
      await cleanup();
    },
  };
}
