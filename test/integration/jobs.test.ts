/**
 * The durable job queue on SQLite and on PostgreSQL: the runner over the real
 * jobs table, time moved by an injected clock. Concurrency is real (two
 * runners racing with Promise.all); on a PostgreSQL server it goes through
 * separate pooled connections, which is where SKIP LOCKED earns its place.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobRunner, retryDelayMs } from '../../src/jobs/runner.js';
import type { JobHandler, JobRunner, JobRunnerOptions } from '../../src/jobs/runner.js';
import type { Db } from '../../src/storage/db.js';
import { cancelJobsByKey, completeJob, enqueueJob, failJob, findJob, leaseDueJobs, listJobs } from '../../src/storage/repositories/jobs.js';
import { DIALECTS, createTestDb, dialectLabel } from '../helpers/databases.js';
import type { TestDb } from '../helpers/databases.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

/** Calls runDue until a call finds nothing to run; resolves to how many jobs this runner ran. */
async function drain(runner: JobRunner): Promise<number> {
  let total = 0;
  for (let ran = await runner.runDue(); ran > 0; ran = await runner.runDue()) total += ran;
  return total;
}

describe('retry backoff', () => {
  it('doubles from 5 s and stops at an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5 * SECOND, 10 * SECOND, 20 * SECOND, 40 * SECOND]);
    expect(retryDelayMs(10)).toBe(2_560 * SECOND);
    expect(retryDelayMs(11)).toBe(HOUR);
    expect(retryDelayMs(50)).toBe(HOUR);
  });
});

for (const dialect of DIALECTS) {
  describe(`job queue on ${dialectLabel(dialect)}`, () => {
    let testDb: TestDb;
    let db: Db;
    let now: Date;
    const clock = () => now;
    const runner = (handlers: Record<string, JobHandler>, options: Partial<JobRunnerOptions> = {}) =>
      createJobRunner({ db, clock, handlers, workerId: 'node-a', ...options });

    beforeEach(async () => {
      testDb = await createTestDb(dialect);
      db = testDb.db;
      now = T0;
    });
    afterEach(async () => {
      await testDb?.destroy();
    });

    it('runs a job when it is due and not before', async () => {
      const seen: unknown[] = [];
      const jobs = runner({ 'send-round-up': async (payload, job) => void seen.push({ payload, attempts: job.attempts }) });
      const id = await enqueueJob(db, { kind: 'send-round-up', payload: { issue: 7 }, runAt: at(10 * MINUTE) }, now);
      expect(await findJob(db, id)).toMatchObject({ state: 'pending', attempts: 0, maxAttempts: 10, runAt: at(10 * MINUTE).toISOString() });

      expect(await jobs.runDue()).toBe(0);
      now = at(10 * MINUTE - 1);
      expect(await jobs.runDue()).toBe(0);
      expect(seen).toEqual([]);

      now = at(10 * MINUTE);
      expect(await jobs.runDue()).toBe(1);
      expect(seen).toEqual([{ payload: { issue: 7 }, attempts: 1 }]);
      expect(await findJob(db, id)).toMatchObject({ state: 'done', doneAt: now.toISOString(), lockedBy: null, lockedUntil: null });
      expect(await jobs.runDue()).toBe(0);
      expect((await listJobs(db, { state: 'done' })).map((j) => j.id)).toEqual([id]);
      expect(await listJobs(db, { state: 'pending' })).toEqual([]);
    });

    it('reschedules the pending job with the same dedupe key, and frees the key when it is done', async () => {
      const seen: unknown[] = [];
      const jobs = runner({ publish: async (payload) => void seen.push(payload) });
      const key = 'publish:article-1';
      const first = await enqueueJob(db, { kind: 'publish', payload: { at: 1 }, runAt: at(HOUR), dedupeKey: key }, now);
      const again = await enqueueJob(db, { kind: 'publish', payload: { at: 2 }, runAt: at(2 * HOUR), dedupeKey: key, maxAttempts: 3 }, now);
      expect(again).toBe(first);
      expect(await listJobs(db, { kind: 'publish' })).toHaveLength(1);
      expect(await findJob(db, first)).toMatchObject({
        payload: { at: 2 },
        runAt: at(2 * HOUR).toISOString(),
        maxAttempts: 3,
        dedupeKey: key,
      });

      now = at(HOUR);
      expect(await jobs.runDue()).toBe(0);
      now = at(2 * HOUR);
      expect(await jobs.runDue()).toBe(1);
      expect(seen).toEqual([{ at: 2 }]);
      expect(await findJob(db, first)).toMatchObject({ state: 'done', dedupeKey: null });

      const next = await enqueueJob(db, { kind: 'publish', payload: { at: 3 }, runAt: at(3 * HOUR), dedupeKey: key }, now);
      expect(next).not.toBe(first);
      expect((await listJobs(db, { state: 'pending' })).map((j) => j.id)).toEqual([next]);

      // Without a key nothing is merged.
      await enqueueJob(db, { kind: 'ping', payload: null, runAt: now }, now);
      await enqueueJob(db, { kind: 'ping', payload: null, runAt: now }, now);
      expect(await listJobs(db, { kind: 'ping' })).toHaveLength(2);
    });

    it('keeps a reschedule made while the keyed job is running as a job of its own', async () => {
      const key = 'publish:article-2';
      const running = await enqueueJob(db, { kind: 'publish', payload: { at: 1 }, runAt: now, dedupeKey: key }, now);
      expect(await leaseDueJobs(db, { now, workerId: 'node-b', limit: 10, leaseMs: MINUTE, kinds: ['publish'] })).toHaveLength(1);

      const rescheduled = await enqueueJob(db, { kind: 'publish', payload: { at: 2 }, runAt: at(HOUR), dedupeKey: key }, now);
      expect(rescheduled).not.toBe(running);
      expect(await completeJob(db, running, 'node-b', now)).toBe(true);
      expect(await findJob(db, running)).toMatchObject({ state: 'done', payload: { at: 1 }, dedupeKey: null });
      expect(await findJob(db, rescheduled)).toMatchObject({ state: 'pending', payload: { at: 2 }, dedupeKey: key });
    });

    it('retries a failing handler with backoff until it succeeds', async () => {
      let calls = 0;
      const jobs = runner({
        'send-webhook': async () => {
          calls += 1;
          if (calls <= 2) throw new Error(`endpoint timed out (${calls})`);
        },
      });
      const id = await enqueueJob(
        db,
        { kind: 'send-webhook', payload: { url: 'https://example.org/hook' }, runAt: now, maxAttempts: 5 },
        now,
      );

      expect(await jobs.runDue()).toBe(1);
      expect(await findJob(db, id)).toMatchObject({
        state: 'pending',
        attempts: 1,
        runAt: at(5 * SECOND).toISOString(),
        lastError: 'endpoint timed out (1)',
        lockedBy: null,
      });
      expect(await jobs.runDue()).toBe(0);

      now = at(5 * SECOND);
      expect(await jobs.runDue()).toBe(1);
      expect(await findJob(db, id)).toMatchObject({
        state: 'pending',
        attempts: 2,
        runAt: at(15 * SECOND).toISOString(),
        lastError: 'endpoint timed out (2)',
      });

      now = at(15 * SECOND - 1);
      expect(await jobs.runDue()).toBe(0);
      now = at(15 * SECOND);
      expect(await jobs.runDue()).toBe(1);
      expect(calls).toBe(3);
      expect(await findJob(db, id)).toMatchObject({ state: 'done', attempts: 3, doneAt: now.toISOString() });
    });

    it('fails a job for good after maxAttempts, with the last error, and frees its key', async () => {
      let calls = 0;
      const jobs = runner({
        'send-round-up': async () => {
          calls += 1;
          throw new Error('SMTP server refused the connection');
        },
      });
      const id = await enqueueJob(db, { kind: 'send-round-up', payload: {}, runAt: now, maxAttempts: 3, dedupeKey: 'round-up:w10' }, now);
      for (const step of [0, 5 * SECOND, 15 * SECOND]) {
        now = at(step);
        expect(await jobs.runDue()).toBe(1);
      }
      expect(calls).toBe(3);
      expect(await findJob(db, id)).toMatchObject({
        state: 'failed',
        attempts: 3,
        failedAt: at(15 * SECOND).toISOString(),
        lastError: 'SMTP server refused the connection',
        dedupeKey: null,
        lockedBy: null,
      });
      now = at(10 * HOUR);
      expect(await jobs.runDue()).toBe(0);
      expect((await listJobs(db, { state: 'failed' })).map((j) => j.id)).toEqual([id]);
      expect(await enqueueJob(db, { kind: 'send-round-up', payload: {}, runAt: now, dedupeKey: 'round-up:w10' }, now)).not.toBe(id);
    });

    it('leaves a job of a kind it does not know to a node that knows it (a rolling deploy)', async () => {
      const older = runner({ publish: async () => undefined }, { workerId: 'node-old' });
      const id = await enqueueJob(db, { kind: 'newer-kind', payload: {}, runAt: now }, now);
      expect(await older.runDue()).toBe(0);
      expect(await findJob(db, id)).toMatchObject({ state: 'pending', attempts: 0, lockedBy: null });
      const ran: string[] = [];
      const newer = runner({ 'newer-kind': async (_payload, job) => void ran.push(job.id) }, { workerId: 'node-new' });
      expect(await newer.runDue()).toBe(1);
      expect(ran).toEqual([id]);
      expect(await findJob(db, id)).toMatchObject({ state: 'done', attempts: 1 });
    });

    it('never gives one job to two runners polling the same database at once', async () => {
      const calls = new Map<string, number>();
      const count: JobHandler = async (_payload, job) => {
        calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
        // Yield, so the other runner gets to lease while this batch is in hand.
        await new Promise((resolve) => setImmediate(resolve));
      };
      const ids: string[] = [];
      for (let i = 0; i < 20; i += 1) ids.push(await enqueueJob(db, { kind: 'count', payload: { i }, runAt: at(-i * SECOND) }, now));
      const a = runner({ count }, { workerId: 'node-a', batchSize: 3 });
      const b = runner({ count }, { workerId: 'node-b', batchSize: 3 });

      const [ranA, ranB] = await Promise.all([drain(a), drain(b)]);
      expect(ranA + ranB).toBe(20);
      expect([...calls.keys()].sort()).toEqual([...ids].sort());
      expect([...calls.values()].every((n) => n === 1)).toBe(true);
      const done = await listJobs(db, { state: 'done' });
      expect(done).toHaveLength(20);
      expect(done.every((j) => j.attempts === 1)).toBe(true);
    });

    it('hands a job to another worker once the lease of a dead one runs out', async () => {
      const attempts: number[] = [];
      const b = runner({ publish: async (_payload, job) => void attempts.push(job.attempts) }, { workerId: 'node-b' });
      const id = await enqueueJob(db, { kind: 'publish', payload: {}, runAt: now }, now);
      const [leased] = await leaseDueJobs(db, { now, workerId: 'node-dead', limit: 10, leaseMs: MINUTE, kinds: ['publish'] });
      expect(leased).toMatchObject({ id, attempts: 1 });
      expect(await findJob(db, id)).toMatchObject({ lockedBy: 'node-dead', lockedUntil: at(MINUTE).toISOString() });

      expect(await b.runDue()).toBe(0);
      now = at(MINUTE);
      expect(await b.runDue()).toBe(0);
      now = at(MINUTE + 1);
      expect(await b.runDue()).toBe(1);
      expect(attempts).toEqual([2]);
      expect(await findJob(db, id)).toMatchObject({ state: 'done' });

      // The dead worker coming back cannot overwrite the outcome.
      expect(await completeJob(db, id, 'node-dead', now)).toBe(false);
      expect(await failJob(db, id, 'node-dead', 'late', now, null)).toBe(false);
      expect(await findJob(db, id)).toMatchObject({ state: 'done', lastError: null });
    });

    it('stop() waits for the handler that is running', async () => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const handlerStarted = new Promise<void>((resolve) => (started = resolve));
      const jobs = runner(
        {
          'build-sitemap': async () => {
            started();
            await released;
          },
        },
        { pollMs: 5 },
      );
      const id = await enqueueJob(db, { kind: 'build-sitemap', payload: {}, runAt: now }, now);
      jobs.start();
      await handlerStarted;

      let stopped = false;
      const stopping = jobs.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stopped).toBe(false);
      expect(await findJob(db, id)).toMatchObject({ state: 'pending', lockedBy: 'node-a' });

      release();
      await stopping;
      expect(await findJob(db, id)).toMatchObject({ state: 'done' });

      // Stopped means stopped: a job due now waits for the next start().
      const later = await enqueueJob(db, { kind: 'build-sitemap', payload: {}, runAt: now }, now);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await findJob(db, later)).toMatchObject({ state: 'pending', attempts: 0 });
    });

    it('cancels the pending job with a key', async () => {
      const seen: unknown[] = [];
      const jobs = runner({ publish: async (payload) => void seen.push(payload) });
      await enqueueJob(db, { kind: 'publish', payload: { article: 2 }, runAt: at(HOUR), dedupeKey: 'publish:article-2' }, now);
      await enqueueJob(db, { kind: 'publish', payload: { article: 3 }, runAt: at(HOUR), dedupeKey: 'publish:article-3' }, now);
      expect(await cancelJobsByKey(db, 'publish:article-2')).toBe(1);
      expect(await cancelJobsByKey(db, 'publish:article-2')).toBe(0);

      now = at(HOUR);
      expect(await jobs.runDue()).toBe(1);
      expect(seen).toEqual([{ article: 3 }]);
      expect(await cancelJobsByKey(db, 'publish:article-3')).toBe(0);
      const id = await enqueueJob(
        db,
        { kind: 'publish', payload: { article: 2 }, runAt: at(2 * HOUR), dedupeKey: 'publish:article-2' },
        now,
      );
      expect(await findJob(db, id)).toMatchObject({ state: 'pending', dedupeKey: 'publish:article-2' });
    });
  });
}
