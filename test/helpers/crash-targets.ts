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
import { it } from 'vitest';
import { openDb, postgresDialect } from '../../src/storage/db.js';
import type { Db, StoreLocation } from '../../src/storage/db.js';
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
  /** Opened by location, as the product opens it: a bulk send through it goes through the mail courier. */
  open(options?: { max?: number }): Db;
  cleanup(): Promise<void>;
}

/** The database a worker is given as its `url` and `schema` arguments. */
export function targetLocation(url: string, schema: string): StoreLocation {
  return url.startsWith('postgres') ? { dialect: 'postgres', url, searchPath: schema } : { dialect: 'sqlite', file: url };
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
    open: () => openDb(targetLocation(file, '')),
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
    open: (options) => openDb(targetLocation(url, schema), { max: options?.max ?? 2 }),
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
  const url = serverUrl(`the PostgreSQL half of ${what}`);
  if (url) targets.push(() => postgresTarget(url, prefix));
  return targets;
}

/**
 * A test only the PostgreSQL server can run (PGlite has one session and no
 * other process), on a fresh schema there; without a server it is skipped,
 * loudly, and under MASTHEAD_TEST_REQUIRE_ALL=1 that is an error.
 */
export function itOnServer(name: string, prefix: string, body: (target: CrashTarget) => Promise<void>, timeout?: number): void {
  const url = serverUrl(`"${name}"`);
  if (!url) return void it.skip(`${name} (needs the PostgreSQL server: MASTHEAD_TEST_PG_URL)`, () => undefined);
  it(
    name,
    async () => {
      const target = await postgresTarget(url, prefix);
      try {
        await body(target);
      } finally {
        await target.cleanup();
      }
    },
    timeout,
  );
}

/** MASTHEAD_TEST_PG_URL, or a loud skip of `what` without it (an error under MASTHEAD_TEST_REQUIRE_ALL=1). */
function serverUrl(what: string): string | null {
  if (PG_URL) return PG_URL;
  if (REQUIRE_ALL)
    throw new Error(`MASTHEAD_TEST_REQUIRE_ALL=1: ${what} needs a PostgreSQL server (MASTHEAD_TEST_PG_URL); PGlite lives in one process.`);
  console.warn(`\n${'!'.repeat(78)}\nSKIPPED: ${what} needs a server: set MASTHEAD_TEST_PG_URL to run it.\n${'!'.repeat(78)}\n`);
  return null;
}
