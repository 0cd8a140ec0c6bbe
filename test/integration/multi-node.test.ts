/**
 * Two app nodes on one PostgreSQL database: a change made through one drops
 * the cached pages of the other, through LISTEN/NOTIFY. Needs a PostgreSQL
 * server (PGlite is one process), so it runs when MASTHEAD_TEST_PG_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateArticle } from '../../src/services/content/update-article.js';
import { createContentEvents } from '../../src/services/events.js';
import { bridgeChangesOverPostgres } from '../../src/storage/change-bridge.js';
import type { ChangeBridge } from '../../src/storage/change-bridge.js';
import { findArticleBySlug } from '../../src/storage/repositories/articles.js';
import { buildApp } from '../../src/http/app.js';
import type { PageCache } from '../../src/http/middleware/page-cache.js';
import type { FastifyInstance } from 'fastify';
import { PG_URL } from '../helpers/databases.js';
import { REQUIRE_ALL } from '../helpers/requirements.js';
import { TEST_BASE_URL, createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

if (!PG_URL) {
  const message =
    'The multi-node cache test needs a PostgreSQL server: set MASTHEAD_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/test to run it.';
  if (REQUIRE_ALL) throw new Error(`MASTHEAD_TEST_REQUIRE_ALL=1: ${message}`);
  console.warn(`\n${'!'.repeat(78)}\nSKIPPED: ${message}\n${'!'.repeat(78)}\n`);
}

describe.skipIf(!PG_URL)('two nodes on one PostgreSQL database', () => {
  let nodeA: TestSite;
  let nodeB: { app: FastifyInstance; cache: PageCache };
  const bridges: ChangeBridge[] = [];
  const channel = `masthead_test_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    nodeA = await createTestSite('postgres');
    // Node B: its own process state (events, cache) over node A's database.
    const eventsB = createContentEvents();
    nodeB = await buildApp({
      deps: { ...nodeA.deps, events: eventsB },
      config: { publicUrl: TEST_BASE_URL, dataDir: nodeA.mediaRoot },
      mediaRoot: nodeA.mediaRoot,
    });
    bridges.push(await bridgeChangesOverPostgres({ connectionString: PG_URL!, events: nodeA.deps.events, channel }));
    bridges.push(await bridgeChangesOverPostgres({ connectionString: PG_URL!, events: eventsB, channel }));
  });
  afterAll(async () => {
    for (const bridge of bridges) await bridge.close();
    await nodeB?.app.close();
    await nodeA?.close();
  });

  it('drops a page on node B when the article is edited through node A', async () => {
    const url = '/europe/europe-story-4';
    expect((await nodeB.app.inject({ url })).body).toContain('Europe story number 4');
    expect(nodeB.cache.get(url)).toBeDefined();

    const article = await findArticleBySlug(nodeA.deps.db, 'europe-story-4');
    await updateArticle(nodeA.deps, {
      id: article!.id,
      expectedVersion: article!.version,
      changes: { headline: 'Edited on another node' },
    });

    // The notification crosses the database asynchronously; wait for it, bounded.
    for (let i = 0; i < 100 && nodeB.cache.get(url); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(nodeB.cache.get(url)).toBeUndefined();
    expect((await nodeB.app.inject({ url })).body).toContain('Edited on another node');
  });
});
