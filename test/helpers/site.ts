import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { PageCache } from '../../src/http/middleware/page-cache.js';
import { systemClock } from '../../src/lib/clock.js';
import type { Clock } from '../../src/lib/clock.js';
import type { DemoPublication } from '../../src/services/demo/demo-content-types.js';
import { seedDemo } from '../../src/services/demo/seed-demo.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { createContentEvents } from '../../src/services/events.js';
import type { TargetPolicy } from '../../src/services/distribution/webhook-target.js';
import { consoleMailer } from '../../src/services/mail/mailer.js';
import type { MailMessage, Mailer } from '../../src/services/mail/mailer.js';
import type { MailEnvironment } from '../../src/services/settings/mail-settings-admin.js';
import type { DialectName } from '../../src/storage/db.js';
import { localMediaStore } from '../../src/storage/media/local-media-store.js';
import { testPublication } from '../fixtures/publication.js';
import { createTestDb } from './databases.js';
import type { TestDb } from './databases.js';

export const TEST_BASE_URL = 'https://news.example.test';

export interface TestSite {
  app: FastifyInstance;
  /** Every mail the site sent, newest last. */
  mail: MailMessage[];
  cache: PageCache;
  deps: ServiceDeps;
  testDb: TestDb;
  mediaRoot: string;
  close(): Promise<void>;
}

/** A complete site on a fresh database of the given dialect, seeded with a publication. */
export async function createTestSite(
  dialect: DialectName,
  options: {
    publication?: DemoPublication | null;
    clock?: Clock;
    baseUrl?: string;
    mailer?: Mailer;
    /** Where webhooks may point; public addresses only by default. */
    webhookPolicy?: TargetPolicy;
    /** What MASTHEAD_SMTP_URL and MASTHEAD_MAIL_FROM would set; neither by default. */
    mailEnvironment?: MailEnvironment;
    /** Content API requests per key per minute (the app's default otherwise). */
    contentApiRateLimit?: number;
  } = {},
): Promise<TestSite> {
  const testDb = await createTestDb(dialect);
  const mediaRoot = await mkdtemp(path.join(tmpdir(), 'masthead-media-'));
  const deps: ServiceDeps = {
    db: testDb.db,
    clock: options.clock ?? systemClock,
    events: createContentEvents(),
    media: localMediaStore(mediaRoot),
  };
  const publication = options.publication === undefined ? testPublication : options.publication;
  if (publication) await seedDemo(deps, publication);
  const mailer = consoleMailer(() => undefined);
  const { app, cache } = await buildApp({
    deps,
    config: { publicUrl: options.baseUrl ?? TEST_BASE_URL, dataDir: mediaRoot },
    mediaRoot,
    mailer: options.mailer ?? mailer,
    ...(options.webhookPolicy ? { webhookPolicy: options.webhookPolicy } : {}),
    ...(options.mailEnvironment ? { mailEnvironment: options.mailEnvironment } : {}),
    ...(options.contentApiRateLimit ? { contentApiRateLimit: options.contentApiRateLimit } : {}),
  });
  await app.ready();
  return {
    app,
    mail: mailer.sent,
    cache,
    deps,
    testDb,
    mediaRoot,
    async close() {
      await app.close();
      await testDb.destroy();
      await rm(mediaRoot, { recursive: true, force: true });
    },
  };
}
