/**
 * The server serves at once and brings the search index up to date in the
 * background (after an upgrade to a new index format it can take minutes on
 * a big archive: never minutes of downtime), on SQLite and on a PostgreSQL
 * server (PGlite cannot be shared with a server started by URL).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startServer } from '../../src/main.js';
import { createDb } from '../../src/storage/db.js';
import type { Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { insertArticlesInBulk } from '../helpers/bulk-articles.js';
import { postgresTarget } from '../helpers/crash-targets.js';
import { PG_URL } from '../helpers/databases.js';
import { REQUIRE_ALL } from '../helpers/requirements.js';

const PIECES = 1200;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** An archive written straight into the tables, as a restore or an older release leaves it: nothing in the search index. */
async function writeArchive(db: Db): Promise<void> {
  await migrateToLatest(db);
  const at = new Date().toISOString();
  await db.insertInto('sections').values({ id: 's1', slug: 'world', name: 'World', description: '', position: 0 }).execute();
  await db
    .insertInto('article_types')
    .values({ id: 't1', slug: 'news', name: 'News', description: '', schema_type: 'NewsArticle', position: 0 })
    .execute();
  await db
    .insertInto('authors')
    .values({ id: 'a1', slug: 'ines', name: 'Ines Halvorsen', title: '', bio: '', links: '[]', created_at: at })
    .execute();
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

interface Target {
  label: string;
  env: Record<string, string>;
  prepare(): Promise<void>;
  cleanup(): Promise<void>;
}

async function sqlite(): Promise<Target> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'masthead-start-index-'));
  return {
    label: 'sqlite',
    env: { MASTHEAD_DATA_DIR: dataDir },
    prepare: () => writeArchive(createDb({ databaseUrl: undefined, dataDir })),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function postgres(url: string): Promise<Target> {
  const target = await postgresTarget(url, 'startidx');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'masthead-start-index-'));
  // The server takes a plain URL: the schema goes in as a connection option.
  const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${target.schema}`)}`;
  return {
    label: 'postgres (server)',
    env: { MASTHEAD_DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    prepare: () => writeArchive(target.open()),
    cleanup: async () => {
      await target.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const targets: (() => Promise<Target>)[] = [sqlite];
const pgUrl = PG_URL;
if (pgUrl) targets.push(() => postgres(pgUrl));
else if (REQUIRE_ALL)
  throw new Error('MASTHEAD_TEST_REQUIRE_ALL=1: the start-up indexing test needs a PostgreSQL server (MASTHEAD_TEST_PG_URL).');
else console.warn('\nSKIPPED: the PostgreSQL half of the start-up indexing test needs a server: set MASTHEAD_TEST_PG_URL.\n');

describe('start-up search indexing, in the background', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  for (const make of targets) {
    it('serves at once, indexes the archive while it serves, and finds nothing left to do at the next start', async () => {
      const target = await make();
      cleanups.push(target.cleanup);
      await target.prepare();
      const port = await freePort();
      const config = loadConfig({ ...target.env, PORT: String(port), HOST: '127.0.0.1', MASTHEAD_DEMO: '0', LOG_LEVEL: 'silent' });

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
      const target = await make();
      cleanups.push(target.cleanup);
      await target.prepare();
      const port = await freePort();
      const config = loadConfig({ ...target.env, PORT: String(port), HOST: '127.0.0.1', MASTHEAD_DEMO: '0', LOG_LEVEL: 'silent' });

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
