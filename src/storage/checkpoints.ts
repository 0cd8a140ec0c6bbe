import { sql } from 'kysely';
import { dialectOf } from './db.js';
import type { Db } from './db.js';

/** SQLite's own default: a checkpoint once the write-ahead log holds this many pages. */
const AUTO_CHECKPOINT_PAGES = 1000;

/** How many callers hold checkpoints back, per database handle. */
const held = new WeakMap<Db, number>();

/**
 * Runs `work` with SQLite's automatic checkpoints held back; `checkpoint`
 * runs one when the caller chooses. An automatic checkpoint runs inside the
 * COMMIT that crosses the threshold, after the commit is already durable,
 * and takes milliseconds: a step that must follow its commit at once (the
 * newsletter's release of a message) would wait that long behind it. Held
 * back, the log is checkpointed between such steps instead. PostgreSQL has
 * nothing of the kind: both are no-ops there.
 */
export async function withCheckpointsHeld<T>(db: Db, work: (checkpoint: () => Promise<void>) => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'sqlite' || db.isTransaction) return work(async () => undefined);
  // Two sends at once on one database: the setting comes back when the last one ends.
  const holders = (held.get(db) ?? 0) + 1;
  held.set(db, holders);
  if (holders === 1) await sql`pragma wal_autocheckpoint = 0`.execute(db);
  try {
    return await work(async () => {
      await sql`pragma wal_checkpoint(passive)`.execute(db);
    });
  } finally {
    const left = (held.get(db) ?? 1) - 1;
    held.set(db, left);
    if (left === 0) await sql.raw(`pragma wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`).execute(db);
  }
}
