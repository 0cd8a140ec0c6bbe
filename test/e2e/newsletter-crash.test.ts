/**
 * SIGKILL in the middle of sending an issue, several times, then a run to
 * the end: every confirmed subscriber has the issue exactly once, nobody
 * else has it, and the delivery rows agree with what the SMTP sink (in this
 * process) received.
 *
 * How (src/services/mail/courier.ts): a delivery is marked sent before its
 * message's end-of-data mark is released, and the SMTP connections live in
 * a courier process. When a kill falls between a mark's commit and its
 * release, the courier finds the mark in the database and releases the
 * message itself; when it falls before the commit, the courier drops the
 * message and the server discards it. Set MASTHEAD_CRASH_KILLS and
 * MASTHEAD_CRASH_READERS to stress it (30 and 3,000 cut nothing, on either
 * database).
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContentEvents } from '../../src/services/events.js';
import { composeRoundUp } from '../../src/services/newsletter/compose.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { localMediaStore } from '../../src/storage/media/local-media-store.js';
import { deliveryCounts } from '../../src/storage/repositories/newsletter.js';
import { sharedTargets } from '../helpers/crash-targets.js';
import { processGone } from '../helpers/processes.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { insertSubscribers } from '../helpers/subscribers.js';

const WORKER = path.resolve('test/fixtures/newsletter-crash-worker.ts');
const READERS = Number(process.env.MASTHEAD_CRASH_READERS ?? 300);
const KILLS = Number(process.env.MASTHEAD_CRASH_KILLS ?? 5);
/** Runs the worker; kills it (SIGKILL) a random moment after it printed `killAfter` lines, or lets it finish. */
function runWorker(args: string[], killAfter: number | null): Promise<{ out: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killAfter !== null && !armed && out.split('\n').length > killAfter) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 60));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ out, killed: true });
      else if (code === 0) resolve({ out, killed: false });
      else reject(new Error(`worker failed (${code}): ${err}`));
    });
  });
}

/** The mail couriers a worker's output names (see the worker). */
function couriersIn(out: string): number[] {
  return [...out.matchAll(/^courier (\d+)$/gm)].map((m) => Number(m[1]));
}

const targets = sharedTargets('nlcrash', 'the newsletter crash test');

describe('SIGKILL in the middle of sending a round-up', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  for (const make of targets) {
    it('ends with every confirmed subscriber holding the issue, and nobody else', async () => {
      const target = await make();
      cleanups.push(target.cleanup);
      const db = target.open();
      const sink = await startSmtpSink({ keep: true });
      try {
        await migrateToLatest(db);
        const readers = await insertSubscribers(db, READERS);
        const [left] = await insertSubscribers(db, 1, { prefix: 'left', status: 'unsubscribed' });
        const deps = {
          db,
          clock: () => new Date(),
          events: createContentEvents(),
          media: localMediaStore(tmpdir()),
          config: { publicUrl: 'https://news.example.test' },
        };
        const issue = await composeRoundUp(deps, { intro: 'Crash week.' });
        const args = (round: number) => [target.url, target.schema, sink.url, issue.id, String(round)];

        let kills = 0;
        const outputs: string[] = [];
        for (let round = 0; round < KILLS; round++) {
          const run = await runWorker(args(round), 2 + Math.floor(Math.random() * 5));
          outputs.push(run.out);
          if (run.killed) kills += 1;
          else break;
        }
        const last = await runWorker(args(KILLS), null);
        // A killed run's courier settles what it held on its own: let every one finish before counting.
        for (const run of [...outputs, last.out]) for (const pid of couriersIn(run)) await processGone(pid);
        // The last line, whole: "not done: {...}" contains "done" too.
        expect(last.out.trim().split('\n').at(-1)).toBe('done');

        // What arrived, by recipient and Message-ID.
        const ids = new Map<string, Set<string>>();
        for (const m of sink.messages) {
          const id = /^Message-ID:\s*(<[^>]+>)/im.exec(m.raw.toString('utf8'))?.[1] ?? '';
          for (const to of m.to) ids.set(to, (ids.get(to) ?? new Set()).add(id));
        }
        // Never twice: no reader has two copies, whatever the kills did.
        for (const r of readers) {
          expect(sink.counts.get(r.email) ?? 0, `${target.label}: copies for ${r.email}`).toBeLessThanOrEqual(1);
          for (const id of ids.get(r.email) ?? []) expect(id).toBe(`<${issue.id}.${r.id}@news.example.test>`);
        }
        // Never lost: a kill between a mark's commit and its release is the courier's to finish.
        const lost = readers.filter((r) => !sink.counts.get(r.email)).map((r) => r.email);
        console.info(`${target.label}: ${kills} kills, ${sink.total()} messages for ${READERS} readers, ${lost.length} cut by a kill`);
        expect(lost, `${target.label}: readers without the issue`).toEqual([]);
        expect(sink.counts.get(left!.email)).toBeUndefined();
        expect(kills, 'the worker was killed at least once').toBeGreaterThan(0);
        expect(await deliveryCounts(db, issue.id)).toMatchObject({ sent: READERS, pending: 0, failed: 0, total: READERS });
        const row = await db.selectFrom('newsletter_issues').select('status').where('id', '=', issue.id).executeTakeFirstOrThrow();
        expect(row.status).toBe('sent');
      } finally {
        await sink.close();
        await db.destroy();
      }
    }, 180_000);
  }
});
