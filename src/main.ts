/**
 * The composition root: config -> database -> migrations -> services -> HTTP.
 * Everything stateful is built here and passed down; nothing is global.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { mailEnvironmentOf } from './config/config.js';
import type { Config } from './config/config.js';
import { buildApp } from './http/app.js';
import { jobHandlers } from './jobs/handlers/index.js';
import { createJobRunner } from './jobs/runner.js';
import type { JobRunner } from './jobs/runner.js';
import { systemClock } from './lib/clock.js';
import type { Clock } from './lib/clock.js';
import { demoPublication } from './services/demo/demo-content.js';
import { seedDemo } from './services/demo/seed-demo.js';
import { configuredMailer } from './services/mail/configured-mailer.js';
import { consoleMailer } from './services/mail/mailer.js';
import { armWeeklyCompose } from './services/newsletter/schedule-issue.js';
import type { ServiceDeps } from './services/deps.js';
import { createContentEvents } from './services/events.js';
import { bridgeChangesOverPostgres } from './storage/change-bridge.js';
import type { ChangeBridge } from './storage/change-bridge.js';
import { createDb } from './storage/db.js';
import type { Db } from './storage/db.js';
import { localMediaStore } from './storage/media/local-media-store.js';
import { migrateToLatest } from './storage/migrate.js';
import { backfillSearchIndex } from './storage/search/search-index.js';

export interface Runtime {
  deps: ServiceDeps;
  config: Config;
  close(): Promise<void>;
}

/**
 * Opens the database and media store, and (unless told not to) brings the
 * schema up to date. The search index is brought up to date by the server,
 * in the background, and by `masthead migrate`.
 */
export async function openRuntime(config: Config, options: { clock?: Clock; db?: Db; migrate?: boolean } = {}): Promise<Runtime> {
  const db = options.db ?? createDb(config);
  try {
    if (options.migrate !== false) await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const media = localMediaStore(path.join(config.dataDir, 'media'));
  const deps: ServiceDeps = { db, clock: options.clock ?? systemClock, events: createContentEvents(), media };
  return { deps, config, close: () => db.destroy() };
}

export interface RunningServer {
  app: FastifyInstance;
  runtime: Runtime;
  url: string;
  /** The start-up search backfill: how many pieces it indexed (it runs while the site serves). */
  indexing: Promise<number>;
  stop(): Promise<void>;
}

/**
 * Pieces the search index lacks (published before search existed, restored
 * from a backup) or holds in an older format (after an upgrade) are indexed
 * while the site serves: on a big archive that takes minutes, which must not
 * be minutes of downtime. Until it ends, search can miss some of them.
 */
function indexInBackground(db: Db, log: FastifyInstance['log'], signal: AbortSignal): Promise<number> {
  const started = Date.now();
  let reported = started;
  const onProgress = (indexed: number) => {
    // A long reindex says how far it is, every ten seconds or so.
    if (Date.now() - reported < 10_000) return;
    reported = Date.now();
    log.info({ indexed }, `Search index: ${indexed} pieces indexed so far; the site is serving meanwhile.`);
  };
  // Small batches: on SQLite each one holds the process for its duration (about 50 ms for 100 pieces).
  return backfillSearchIndex(db, { batchSize: 100, signal, onProgress }).then(
    (indexed) => {
      if (indexed > 0) log.info({ indexed, ms: Date.now() - started }, `Search index brought up to date: ${indexed} pieces indexed.`);
      return indexed;
    },
    (error: unknown) => {
      log.error({ err: error }, 'The search index could not be brought up to date; it is tried again at the next start.');
      return 0;
    },
  );
}

/** Starts the whole publication: migrate, seed the demo when asked and empty, serve. */
export async function startServer(config: Config): Promise<RunningServer> {
  const runtime = await openRuntime(config);
  const logger = { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'] };
  const mailEnvironment = mailEnvironmentOf(config);
  const mailer = configuredMailer(runtime.deps, mailEnvironment, { defaultFrom: config.mailFrom, development: consoleMailer() });
  const webhookPolicy = { allowPrivate: config.webhooksAllowPrivate };
  const { app } = await buildApp({
    deps: runtime.deps,
    config,
    logger,
    mediaRoot: path.join(config.dataDir, 'media'),
    mailer,
    webhookPolicy,
    mailEnvironment,
  });
  let bridge: ChangeBridge | null = null;
  let jobs: JobRunner | null = null;
  const stopIndexing = new AbortController();
  let indexing: Promise<number> = Promise.resolve(0);
  try {
    // On PostgreSQL several nodes may serve one publication: tell each other what changed.
    if (config.databaseUrl)
      bridge = await bridgeChangesOverPostgres({ connectionString: config.databaseUrl, events: runtime.deps.events, log: app.log });
    if (config.seedDemo) {
      const result = await seedDemo(runtime.deps, demoPublication);
      if (result.seeded) app.log.info(`Seeded the demo publication: ${result.articles} articles, ${result.briefs} briefs.`);
    }
    await app.listen({ port: config.port, host: config.host });
    indexing = indexInBackground(runtime.deps.db, app.log, stopIndexing.signal);
    // Scheduled pieces whose time passed while we were down publish now, with their scheduled time.
    jobs = createJobRunner({
      db: runtime.deps.db,
      clock: runtime.deps.clock,
      handlers: jobHandlers({ ...runtime.deps, webhookPolicy }, { ...runtime.deps, mailer, config }),
      log: app.log,
    });
    await armWeeklyCompose(runtime.deps);
    jobs.start();
  } catch (error) {
    stopIndexing.abort();
    await indexing;
    await bridge?.close();
    await app.close();
    await runtime.close();
    throw error;
  }
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      stopIndexing.abort();
      await indexing;
      await jobs?.stop();
      await app.close();
      await bridge?.close();
      await mailer.close();
      await runtime.close();
    })());
  return { app, runtime, url: config.publicUrl, indexing, stop };
}
