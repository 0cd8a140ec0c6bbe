/**
 * The server serves at once and brings the search index up to date in the
 * background (after an upgrade to a new index format it can take minutes on
 * a big archive: never minutes of downtime), on SQLite and on a PostgreSQL
 * server (PGlite cannot be shared with a server started by URL).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { Config } from '../../src/config/config.js';
import { startServer } from '../../src/main.js';
import type { Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { insertArticlesInBulk, insertBulkTaxonomy } from '../helpers/bulk-articles.js';
import { sharedTargets } from '../helpers/crash-targets.js';
import type { CrashTarget } from '../helpers/crash-targets.js';
import { freePort } from '../helpers/ports.js';

const PIECES = 1200;

/** An archive written straight into the tables, as a restore or an older release leaves it: nothing in the search index. */
async function writeArchive(db: Db): Promise<void> {
  await migrateToLatest(db);
  await insertBulkTaxonomy(db);
  await insertArticlesInBulk(
    db,
    Array.from({ length: PIECES }, (_, i) => ({
      id: `piece-${i}`,
      slug: `piece-${i}`,
      sectionId: 's1',
      typeId: 't1',
      kicker: '',
      headline: `Harbour ledger ${i}`,
      dek: 'From the archive.',
      paragraphs: [`Entry ${i} of the harbour ledger.`],
      publishedAt: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      authorIds: ['a1'],
      topicIds: [],
    })),
  );
  await db.destroy();
}

const targets = sharedTargets('startidx', 'the start-up indexing test');

describe('start-up search indexing, in the background', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  /** A database holding the unindexed archive, and the configuration that serves it on a free port. */
  async function archiveServed(make: () => Promise<CrashTarget>): Promise<{ config: Config; port: number }> {
    const target = await make();
    cleanups.push(target.cleanup);
    await writeArchive(target.open());
    const port = await freePort();
    return { config: loadConfig({ ...target.env, PORT: String(port), HOST: '127.0.0.1', MASTHEAD_DEMO: '0', LOG_LEVEL: 'silent' }), port };
  }

  for (const make of targets) {
    it('serves at once, indexes the archive while it serves, and finds nothing left to do at the next start', async () => {
      const { config, port } = await archiveServed(make);

      const first = await startServer(config);
      try {
        // Started before the archive is indexed, and the indexing leaves the event loop free between batches
        // (SQLite answers synchronously: without that, it would run to the end before anything else).
        const settled = await Promise.race([
          first.indexing.then(() => 'indexed'),
          new Promise((resolve) => setImmediate(() => resolve('serving'))),
        ]);
        expect(settled).toBe('serving');
        expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
        expect(await first.indexing).toBe(PIECES);
        const page = await (await fetch(`http://127.0.0.1:${port}/search?q=%22harbour+ledger%22`)).text();
        expect(page).toContain('<mark>');
        expect(page).toMatch(/Harbour ledger \d+/);
      } finally {
        await first.stop();
      }

      const second = await startServer(config);
      try {
        expect(await second.indexing).toBe(0);
      } finally {
        await second.stop();
      }
    }, 120_000);

    it('stops indexing between batches when the server stops, and the next start does the rest', async () => {
      const { config } = await archiveServed(make);

      const stopped = await startServer(config);
      await stopped.stop();
      const before = await stopped.indexing;
      expect(before).toBeLessThan(PIECES);

      const next = await startServer(config);
      try {
        expect(await next.indexing).toBe(PIECES - before);
      } finally {
        await next.stop();
      }
    }, 120_000);
  }
});
