/**
 * Checkpoints held back for a while (src/storage/checkpoints.ts): on SQLite
 * automatic checkpoints are off while the work runs, a checkpoint can still
 * be asked for, and the setting comes back afterwards, even when the work
 * fails; on PostgreSQL the work simply runs.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckpointsHeld } from '../../src/storage/checkpoints.js';
import type { Db } from '../../src/storage/db.js';
import { DIALECTS, createTestDb, dialectLabel } from '../helpers/databases.js';
import type { TestDb } from '../helpers/databases.js';

const autoCheckpoint = async (db: Db): Promise<number> => {
  const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
  return Number(rows[0]?.wal_autocheckpoint);
};

for (const dialect of DIALECTS) {
  describe(`checkpoints held back on ${dialectLabel(dialect)}`, () => {
    let target: TestDb;
    beforeAll(async () => {
      target = await createTestDb(dialect);
    });
    afterAll(async () => {
      await target.destroy();
    });

    it('runs the work, with a checkpoint on demand, and leaves the database as it was', async () => {
      const before = dialect === 'sqlite' ? await autoCheckpoint(target.db) : null;
      const during = await withCheckpointsHeld(target.db, async (checkpoint) => {
        await checkpoint();
        return dialect === 'sqlite' ? autoCheckpoint(target.db) : 'ran';
      });
      if (dialect === 'sqlite') {
        expect(before).toBe(1000);
        expect(during).toBe(0);
        expect(await autoCheckpoint(target.db)).toBe(1000);
      } else expect(during).toBe('ran');
    });

    it('gives the setting back when the last of two overlapping holders ends', async () => {
      let endFirst: () => void = () => undefined;
      const first = withCheckpointsHeld(target.db, () => new Promise<void>((resolve) => (endFirst = resolve)));
      const during = await withCheckpointsHeld(target.db, async () => (dialect === 'sqlite' ? autoCheckpoint(target.db) : null));
      // The second ended while the first still runs: still held.
      if (dialect === 'sqlite') expect([during, await autoCheckpoint(target.db)]).toEqual([0, 0]);
      endFirst();
      await first;
      if (dialect === 'sqlite') expect(await autoCheckpoint(target.db)).toBe(1000);
    });

    it('gives the setting back when the work fails', async () => {
      const failure = new Error('the send stopped');
      await expect(withCheckpointsHeld(target.db, () => Promise.reject(failure))).rejects.toBe(failure);
      if (dialect === 'sqlite') expect(await autoCheckpoint(target.db)).toBe(1000);
    });
  });
}
