import type { Db } from './db.js';

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is
 * one, so an operation can be used alone or as a step of a bigger one.
 */
export async function withTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
