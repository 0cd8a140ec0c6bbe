import { Migrator, PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { migrations } from './migrations/index.js';

async function migrator<T>(db: Kysely<T>): Promise<Migrator> {
  // On PostgreSQL the bookkeeping tables live in the schema we work in (the
  // search_path's first), not wherever another deployment's happen to be.
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = result.rows[0]?.schema;
  }
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

/**
 * PostgreSQL errors of a catalog read that another session changed under
 * it. Kysely's migrator looks for its bookkeeping table by listing the tables
 * of every schema in the database; one dropped at that moment (another
 * deployment's, or a test's) fails the listing with one of these, before
 * anything was applied.
 */
const CATALOG_RACES = new Set(['3F000', '42703', '42P01']);

/**
 * Tries before giving up (about 3.5 s in all): under constant DDL elsewhere a
 * listing fails one time in three on a quiet machine, and more often than not
 * on a busy one (CI measured a run that lost ten in a row).
 */
const ATTEMPTS = 40;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 10 * Math.min(attempt, 10)));

function catalogRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CATALOG_RACES.has(code);
}

/** Runs `step` again (a few times, briefly) when it lost a race with someone else's DDL. */
async function throughCatalogRaces<R>(step: () => Promise<R>, lost: (result: R) => boolean): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    let result: R;
    try {
      result = await step();
    } catch (error) {
      if (attempt < ATTEMPTS && catalogRace(error)) {
        await pause(attempt);
        continue;
      }
      throw error;
    }
    if (attempt < ATTEMPTS && lost(result)) {
      await pause(attempt);
      continue;
    }
    return result;
  }
}

/** Brings the schema up to date; several nodes may call this at once (Kysely takes a lock). */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const { error, results } = await throughCatalogRaces(
    async () => (await migrator(db)).migrateToLatest(),
    // Nothing applied yet (no results): the listing failed, not a migration.
    (outcome) => outcome.results === undefined && catalogRace(outcome.error),
  );
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations this build knows but the database has not applied. */
export async function pendingMigrations<T>(db: Kysely<T>): Promise<string[]> {
  const all = await throughCatalogRaces(
    async () => (await migrator(db)).getMigrations(),
    () => false,
  );
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** True when the database answers a trivial query. */
export async function databaseAnswers<T>(db: Kysely<T>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
