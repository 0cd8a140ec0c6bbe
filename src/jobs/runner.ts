/**
 * Runs due jobs from the durable queue: leases a batch, runs each with the
 * handler for its kind, then completes it, retries it with backoff or fails
 * it for good. Any number of runners (on any number of nodes) can share one
 * database; a lease keeps a job to one of them.
 */
import { hostname } from 'node:os';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import type { Db } from '../storage/db.js';
import { completeJob, failJob, leaseDueJobs } from '../storage/repositories/jobs.js';
import type { LeasedJob } from '../storage/repositories/jobs.js';

export type JobHandler = (payload: unknown, job: LeasedJob) => Promise<void>;

export interface JobLog {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
}

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  /** Names this runner in `locked_by`; unique per process by default. */
  workerId?: string;
  pollMs?: number;
  /** How long a job stays with this runner; a handler running longer may be run again elsewhere. */
  leaseMs?: number;
  batchSize?: number;
  log?: JobLog;
}

export interface JobRunner {
  /** Polls for due jobs until stopped. */
  start(): void;
  /** Stops polling and resolves once the runs in progress have ended. */
  stop(): Promise<void>;
  /** Leases and runs one batch of due jobs; resolves to how many ran. */
  runDue(): Promise<number>;
}

const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 3_600_000;
const MAX_ERROR_LENGTH = 2_000;

/** Delay before the next attempt after `attempts` failed ones: 5 s, 10 s, 20 s, ... up to an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0) * BACKOFF_BASE_MS, BACKOFF_MAX_MS);
}

const silentLog: JobLog = { info() {}, warn() {}, error() {} };

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, clock, handlers } = options;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 10;
  const log = options.log ?? silentLog;

  const inFlight = new Set<Promise<unknown>>();
  let polling = false;
  // Each start() begins a new chain; a chain left over from before a stop() ends itself.
  let chain = 0;
  let timer: NodeJS.Timeout | null = null;

  async function fail(job: LeasedJob, message: string, retryAt: Date | null): Promise<void> {
    const held = await failJob(db, job.id, workerId, message.slice(0, MAX_ERROR_LENGTH), clock(), retryAt);
    if (!held) log.warn({ jobId: job.id, kind: job.kind, workerId }, 'job lease was lost before its failure was recorded');
  }

  async function runOne(job: LeasedJob): Promise<void> {
    const context = { jobId: job.id, kind: job.kind, attempt: job.attempts, workerId };
    const handler = Object.hasOwn(handlers, job.kind) ? handlers[job.kind] : undefined;
    if (!handler) {
      log.error(context, 'job has no handler');
      await fail(job, `No handler for job kind "${job.kind}"`, null);
      return;
    }
    try {
      await handler(job.payload, job);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = job.attempts < job.maxAttempts ? new Date(clock().getTime() + retryDelayMs(job.attempts)) : null;
      log[retryAt ? 'warn' : 'error']({ ...context, err: error, retryAt }, retryAt ? 'job failed; will retry' : 'job failed for good');
      await fail(job, message, retryAt);
      return;
    }
    if (!(await completeJob(db, job.id, workerId, clock()))) {
      log.warn(context, 'job finished after its lease was lost; it may run again');
    }
  }

  async function runBatch(): Promise<number> {
    const jobs = await leaseDueJobs(db, { now: clock(), workerId, limit: batchSize, leaseMs, kinds: Object.keys(handlers) });
    // All at once: every job's lease started together, so none waits out its lease behind the others.
    await Promise.all(
      jobs.map((job) =>
        runOne(job).catch((error: unknown) => {
          // Recording the outcome failed (database away): the lease runs out and the job is run again.
          log.error({ jobId: job.id, kind: job.kind, workerId, err: error }, 'could not record job outcome');
        }),
      ),
    );
    return jobs.length;
  }

  function runDue(): Promise<number> {
    const run = runBatch();
    inFlight.add(run);
    const forget = () => inFlight.delete(run);
    run.then(forget, forget);
    return run;
  }

  async function poll(ownChain: number): Promise<void> {
    timer = null;
    let ran = 0;
    try {
      ran = await runDue();
    } catch (error) {
      log.error({ workerId, err: error }, 'could not lease jobs');
    }
    // A full batch suggests more are due: look again at once.
    if (polling && ownChain === chain) timer = setTimeout(() => void poll(ownChain), ran >= batchSize ? 0 : pollMs);
  }

  return {
    start() {
      if (polling) return;
      polling = true;
      chain += 1;
      const ownChain = chain;
      log.info({ workerId, pollMs, leaseMs, batchSize }, 'job runner started');
      timer = setTimeout(() => void poll(ownChain), 0);
    },
    async stop() {
      polling = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await Promise.allSettled([...inFlight]);
    },
    runDue,
  };
}
