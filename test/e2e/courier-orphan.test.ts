/**
 * The mail courier settles what a dead sender left held, one case at a
 * time, deterministically (the newsletter crash test does the same at random
 * moments). A worker leases a delivery, gets its message to the server whole
 * but for the end-of-data mark, and dies by SIGKILL in the hand-over:
 *
 * - after its COMMIT has left the process: the courier finds the delivery
 *   recorded and the reader gets the message, once;
 * - having recorded nothing, or under a lease that is no longer its own: the
 *   courier drops the message and the server discards it;
 * - and, for contrast, without a courier: the commit lands and the message
 *   dies with the process (the gap the courier closes).
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createContentEvents } from '../../src/services/events.js';
import { composeRoundUp } from '../../src/services/newsletter/compose.js';
import { localMediaStore } from '../../src/storage/media/local-media-store.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { createPendingDeliveries } from '../../src/storage/repositories/newsletter.js';
import { sharedTargets } from '../helpers/crash-targets.js';
import type { CrashTarget } from '../helpers/crash-targets.js';
import { processGone } from '../helpers/processes.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { insertSubscribers } from '../helpers/subscribers.js';

const WORKER = path.resolve('test/fixtures/courier-orphan-worker.ts');

/** Runs the worker to its SIGKILL, then waits for its courier (if any) to finish and exit. */
async function runWorker(args: string[]): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
  if (signal !== 'SIGKILL') throw new Error(`the worker was to die by SIGKILL, it ended otherwise: ${err}`);
  const courier = Number(/^courier (\d+)$/m.exec(out)?.[1] ?? 0);
  if (courier > 0) await processGone(courier);
}

const targets = sharedTargets('courier', 'the mail courier test');

describe('the mail courier, when its sender dies holding a message', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  const cases = [
    { mode: 'committed', via: 'courier', copies: 1, status: 'sent', what: 'sends the message its sender recorded just before dying' },
    {
      mode: 'closing',
      via: 'courier',
      copies: 1,
      status: 'sent',
      what: 'settles what it holds even when its sender had asked it to close',
    },
    { mode: 'unrecorded', via: 'courier', copies: 0, status: 'pending', what: 'drops a message its sender never recorded' },
    { mode: 'other-lease', via: 'courier', copies: 0, status: 'sent', what: 'drops a message recorded under another lease' },
    {
      mode: 'committed',
      via: 'in-process',
      copies: 0,
      status: 'sent',
      what: 'without a courier: the recorded message dies with its sender',
    },
  ] as const;

  for (const make of targets) {
    let target: CrashTarget | null = null;
    const ready = async (): Promise<CrashTarget> => {
      if (!target) {
        target = await make();
        cleanups.push(target.cleanup);
        const db = target.open();
        await migrateToLatest(db);
        await db.destroy();
      }
      return target;
    };

    for (const c of cases) {
      it(`${c.what}`, async () => {
        const t = await ready();
        const db = t.open();
        const sink = await startSmtpSink({ keep: true });
        try {
          const [reader] = await insertSubscribers(db, 1, { prefix: `${c.mode}-${c.via}` });
          // Each case its own issue: only this reader's delivery is pending in it.
          const issue = await composeRoundUp(
            {
              db,
              clock: () => new Date(),
              events: createContentEvents(),
              media: localMediaStore(tmpdir()),
              config: { publicUrl: 'https://news.example.test' },
            },
            { intro: `${c.mode} ${c.via}` },
          );
          await db.deleteFrom('newsletter_deliveries').where('issue_id', '=', issue.id).execute();
          await createPendingDeliveries(db, issue.id, new Date());
          await db.deleteFrom('newsletter_deliveries').where('issue_id', '=', issue.id).where('subscriber_id', '!=', reader!.id).execute();

          await runWorker([t.url, t.schema, sink.url, issue.id, c.mode, c.via]);
          // The sink is in this process: let it take whatever is still on its sockets.
          await sleep(200);

          expect(sink.counts.get(reader!.email) ?? 0, `${t.label}: copies`).toBe(c.copies);
          if (c.copies > 0) expect(sink.messages[0]!.raw.toString()).toContain(`<${issue.id}.${reader!.id}@news.example.test>`);
          const row = await db
            .selectFrom('newsletter_deliveries')
            .select('status')
            .where('issue_id', '=', issue.id)
            .where('subscriber_id', '=', reader!.id)
            .executeTakeFirstOrThrow();
          expect(row.status).toBe(c.status);
        } finally {
          await sink.close();
          await db.destroy();
        }
      }, 60_000);
    }
  }
});
