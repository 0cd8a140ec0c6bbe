/**
 * Two senders on one issue whose leases run out under them (a clock that
 * runs fast): deliveries get taken over by the other sender between their
 * lease and their mark. A
 * mark only lands while its sender still holds the lease it sent under
 * (`markLeasedDeliveriesSent`); the loser's message is dropped before its
 * end-of-data mark. So every reader still gets the issue exactly once.
 * Through the mail courier, on SQLite and on the PostgreSQL server.
 */
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { createContentEvents } from '../../src/services/events.js';
import { smtpMailer } from '../../src/services/mail/mailer.js';
import { composeRoundUp } from '../../src/services/newsletter/compose.js';
import { sendIssue } from '../../src/services/newsletter/send-issue.js';
import { localMediaStore } from '../../src/storage/media/local-media-store.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { deliveryCounts } from '../../src/storage/repositories/newsletter.js';
import { sharedTargets } from '../helpers/crash-targets.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { insertSubscribers } from '../helpers/subscribers.js';

const READERS = 300;
const targets = sharedTargets('leaserace', 'the lease race test');

describe('two senders taking deliveries over from each other', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  for (const make of targets) {
    it('give every reader the issue exactly once', async () => {
      const target = await make();
      cleanups.push(target.cleanup);
      const db = target.open({ max: 6 });
      const sink = await startSmtpSink();
      const mailer = smtpMailer(sink.url, 'news@news.example.test', { maxConnections: 3 });
      try {
        await migrateToLatest(db);
        const readers = await insertSubscribers(db, READERS);
        let tick = Date.now();
        // Every reading of the clock is a second later, and a lease lasts twenty: the tail of a batch outlives its
        // lease, and the other sender takes it over.
        const clock = () => new Date((tick += 1000));
        const deps = {
          db,
          clock,
          events: createContentEvents(),
          media: localMediaStore(tmpdir()),
          mailer,
          config: { publicUrl: 'https://news.example.test', mailFrom: 'news@news.example.test' },
        };
        const issue = await composeRoundUp(deps, { intro: 'Race week.' });
        const run = () => sendIssue(deps, { issueId: issue.id, batchSize: 10, leaseMs: 20_000, maxMs: 10_000 });
        await Promise.all([run(), run()]);
        // Whatever a lost lease left behind goes out in a last run.
        for (let i = 0; i < 5 && (await deliveryCounts(db, issue.id)).pending > 0; i++) await run();

        const copies = readers.map((r) => sink.counts.get(r.email) ?? 0);
        expect(copies.filter((n) => n > 1).length, `${target.label}: readers with two copies`).toBe(0);
        expect(copies.filter((n) => n === 0).length, `${target.label}: readers without the issue`).toBe(0);
        expect(await deliveryCounts(db, issue.id)).toMatchObject({ sent: READERS, pending: 0 });
      } finally {
        await mailer.close();
        await sink.close();
        await db.destroy();
      }
    }, 120_000);
  }
});
