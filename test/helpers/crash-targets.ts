/**
 * Databases a child process can open too, for tests that SIGKILL a worker:
 * an SQLite file, or a fresh schema on the PostgreSQL server (PGlite lives in
 * one process, so it cannot take part).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import { postgresDialect, sqliteDialect } from '../../src/storage/db.js';
import type { Db } from '../../src/storage/db.js';
import type { Database } from '../../src/storage/schema.js';
import { PG_URL } from './databases.js';
import { REQUIRE_ALL } from './requirements.js';

export interface CrashTarget {
  label: string;
  /** What the worker is given: the SQLite file, or the server URL. */
  url: string;
  /** The PostgreSQL schema to use ('' for SQLite). */
  schema: string;
  /** What `masthead start` is given to serve this database (its data folder, and the database URL). */
  env: Record<string, string>;
  open(): Db;
  cleanup(): Promise<void>;
}

export async function sqliteTarget(prefix: string): Promise<CrashTarget> {
  const dir = await mkdtemp(path.join(tmpdir(), `masthead-${prefix}-`));
  // The name `masthead start` gives it in its data folder.
  const file = path.join(dir, 'masthead.sqlite');
  return {
    label: 'sqlite',
    url: file,
    schema: '',
    env: { MASTHEAD_DATA_DIR: dir },
    open: () => new Kysely<Database>({ dialect: sqliteDialect(file) }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function postgresTarget(url: string, prefix: string): Promise<CrashTarget> {
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new Kysely<Database>({ dialect: postgresDialect(url, { max: 1 }) });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const dataDir = await mkdtemp(path.join(tmpdir(), `masthead-${prefix}-`));
  // The server takes a plain URL: the schema goes in as a connection option.
  const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    label: 'postgres (server)',
    url,
    schema,
    env: { MASTHEAD_DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    open: () => new Kysely<Database>({ dialect: postgresDialect(url, { searchPath: schema, max: 2 }) }),
    cleanup: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * SQLite, and the PostgreSQL server when MASTHEAD_TEST_PG_URL names one.
 * Without it the PostgreSQL half is skipped, loudly; under
 * MASTHEAD_TEST_REQUIRE_ALL=1 that is an error. `what` names the test in the
 * messages.
 */
export function sharedTargets(prefix: string, what: string): (() => Promise<CrashTarget>)[] {
  const targets: (() => Promise<CrashTarget>)[] = [() => sqliteTarget(prefix)];
  const url = PG_URL;
  if (url) targets.push(() => postgresTarget(url, prefix));
  else if (REQUIRE_ALL)
    throw new Error(`MASTHEAD_TEST_REQUIRE_ALL=1: ${what} needs a PostgreSQL server (MASTHEAD_TEST_PG_URL); PGlite lives in one process.`);
  else
    console.warn(
      `\n${'!'.repeat(78)}\nSKIPPED: the PostgreSQL half of ${what} needs a server: set MASTHEAD_TEST_PG_URL to run it.\n${'!'.repeat(78)}\n`,
    );
  return targets;
}
