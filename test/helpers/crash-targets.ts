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

export interface CrashTarget {
  label: string;
  /** What the worker is given: the SQLite file, or the server URL. */
  url: string;
  /** The PostgreSQL schema to use ('' for SQLite). */
  schema: string;
  open(): Db;
  cleanup(): Promise<void>;
}

export async function sqliteTarget(prefix: string): Promise<CrashTarget> {
  const dir = await mkdtemp(path.join(tmpdir(), `masthead-${prefix}-`));
  const file = path.join(dir, 'crash.sqlite');
  return {
    label: 'sqlite',
    url: file,
    schema: '',
    open: () => new Kysely<Database>({ dialect: sqliteDialect(file) }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function postgresTarget(url: string, prefix: string): Promise<CrashTarget> {
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new Kysely<Database>({ dialect: postgresDialect(url, { max: 1 }) });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  return {
    label: 'postgres (server)',
    url,
    schema,
    open: () => new Kysely<Database>({ dialect: postgresDialect(url, { searchPath: schema, max: 2 }) }),
    cleanup: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}
