/**
 * SIGKILL during a save or a scheduled publish leaves no half-written
 * article: after a restart each piece is as it was before the step or after
 * it, and its revisions, log and jobs agree with it.
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/auth/accounts.js';
import { draftArticle } from '../../src/services/newsroom/articles.js';
import { createContentEvents } from '../../src/services/events.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { createArticleType, createSection } from '../../src/services/taxonomy/create-taxonomy.js';
import type { Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { localMediaStore } from '../../src/storage/media/local-media-store.js';
import { findArticleById } from '../../src/storage/repositories/articles.js';
import { listRevisions } from '../../src/storage/repositories/newsroom.js';
import { listJobs } from '../../src/storage/repositories/jobs.js';
import { jobHandlers } from '../../src/jobs/handlers/index.js';
import { createJobRunner } from '../../src/jobs/runner.js';
import { sharedTargets } from '../helpers/crash-targets.js';

const WORKER = path.resolve('test/fixtures/crash-worker.ts');

async function prepare(db: Db, count: number): Promise<{ ids: string[]; actorId: string }> {
  await migrateToLatest(db);
  const deps: ServiceDeps = { db, clock: () => new Date(), events: createContentEvents(), media: localMediaStore(tmpdir()) };
  const user = await createUser(deps, {
    actor: null,
    email: `ed-${randomBytes(3).toString('hex')}@example.org`,
    name: 'Ed',
    role: 'editor',
    password: 'editor-password',
  });
  const section = await createSection(deps, { name: 'Europe' });
  const type = await createArticleType(deps, { name: 'News' });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const article = await draftArticle(
      deps,
      { id: user.id, role: 'editor' },
      { sectionId: section.id, typeId: type.id, headline: `Piece ${i}`, body: { type: 'doc', content: [] } },
    );
    ids.push(article.id);
  }
  return { ids, actorId: user.id };
}

/** Runs the worker until it has printed `until` lines, plus a random moment, then SIGKILL. */
function runAndKill(args: string[], until: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.split('\n').length > until) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 40));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(out) : reject(new Error(`worker ended on its own (${code}): ${err}`)),
    );
  });
}

const targets = sharedTargets('crash', 'the crash test');

describe('SIGKILL in the middle of work', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  for (const make of targets) {
    it('leaves a saved article whole: its row, its body and its latest revision agree', async () => {
      const target = await make();
      cleanups.push(target.cleanup);
      const db = target.open();
      const { ids, actorId } = await prepare(db, 1);
      for (let round = 0; round < 4; round++) {
        const out = await runAndKill(['save', target.url, target.schema, ids.join(','), actorId], 3 + round * 2);
        const lastPrinted = Math.max(...[...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1])));
        const article = await findArticleById(db, ids[0]!);
        const [latest] = await listRevisions(db, ids[0]!);
        expect(article!.version, target.label).toBe(latest!.version);
        const snapshot = latest!.snapshot as { headline: string; dek: string };
        expect(article!.headline).toBe(snapshot.headline);
        expect(article!.dek).toBe(snapshot.dek);
        const save = Number(/Headline of save (\d+)/.exec(article!.headline)?.[1]);
        // Every printed save committed; at most the one in flight may have too.
        expect(save === lastPrinted || save === lastPrinted + 1, `${target.label}: save ${save} after printed ${lastPrinted}`).toBe(true);
        expect(article!.dek).toBe(`Dek of save ${save}`);
        expect(article!.body.content).toHaveLength(40);
        expect(article!.wordCount).toBe(40 * 4);
      }
      await db.destroy();
    });

    it('leaves scheduled pieces scheduled or published, and a restart publishes the rest with their scheduled time', async () => {
      const target = await make();
      cleanups.push(target.cleanup);
      const db = target.open();
      const { ids, actorId } = await prepare(db, 12);
      const out = await runAndKill(['publish', target.url, target.schema, ids.join(','), actorId], 13);
      const scheduledAt = new Map([...out.matchAll(/scheduled (\S+) (\S+)/g)].map((m) => [m[1]!, m[2]!]));
      expect(scheduledAt.size).toBe(ids.length);
      for (const id of ids) {
        const article = await findArticleById(db, id);
        // Never anything in between: the status and the time move together.
        expect(['scheduled', 'published'], target.label).toContain(article!.status);
        expect(article!.publishedAt).toBe(scheduledAt.get(id));
      }
      // The restart: a new runner, after the dead one's leases ran out, finishes what it started.
      const deps: ServiceDeps = {
        db,
        clock: () => new Date(Date.now() + 5 * 60_000),
        events: createContentEvents(),
        media: localMediaStore(tmpdir()),
      };
      const runner = createJobRunner({ db, clock: deps.clock, handlers: jobHandlers(deps) });
      while ((await runner.runDue()) > 0);
      const jobs = await listJobs(db, { limit: 1000 });
      for (const id of ids) {
        const article = await findArticleById(db, id);
        expect(article!.status, target.label).toBe('published');
        expect(article!.publishedAt).toBe(scheduledAt.get(id));
        expect(jobs.find((j) => (j.payload as { articleId: string }).articleId === id)?.state).toBe('done');
      }
      await db.destroy();
    });
  }
});
