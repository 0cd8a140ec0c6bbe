/**
 * `newsletter.sent` on SQLite and on PostgreSQL: when an issue is finished,
 * every hook listening for it gets one job, with the issue's id, slug,
 * subject, archive URL and delivery counts; sending the issue again, or
 * several sends racing to finish it, announce nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/auth/accounts.js';
import { WEBHOOK_JOB, registerWebhook } from '../../src/services/distribution/webhooks.js';
import type { WebhookJobPayload } from '../../src/services/distribution/webhooks.js';
import { smtpMailer } from '../../src/services/mail/mailer.js';
import type { Mailer } from '../../src/services/mail/mailer.js';
import { composeRoundUp } from '../../src/services/newsletter/compose.js';
import { sendIssue } from '../../src/services/newsletter/send-issue.js';
import type { SendDeps } from '../../src/services/newsletter/send-issue.js';
import { listJobs } from '../../src/storage/repositories/jobs.js';
import { createPendingDeliveries, findIssue, markDeliveriesSent, updateIssue } from '../../src/storage/repositories/newsletter.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite, TEST_BASE_URL } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { insertSubscribers } from '../helpers/subscribers.js';

const READERS = 20;
const HOOK_URL = 'http://127.0.0.1:9/hooks/masthead';
/** The reader the first test's server refuses with 550, bounced from then on. */
const REFUSED = 3;

interface SentAnnouncement {
  webhookId: string;
  event: string;
  body: { event: string; data: { issue: Record<string, unknown> } };
}

for (const dialect of DIALECTS) {
  describe(`newsletter.sent webhook (${dialectLabel(dialect)})`, () => {
    let site: TestSite;
    let sink: SmtpSink;
    let mailer: Mailer;
    let deps: SendDeps;
    let readers: { id: string; email: string }[];
    let hook: { id: string };

    beforeAll(async () => {
      site = await createTestSite(dialect);
      sink = await startSmtpSink();
      mailer = smtpMailer(sink.url, 'news@news.example.test', { maxConnections: 3 });
      deps = { ...site.deps, mailer, config: { publicUrl: TEST_BASE_URL, mailFrom: 'news@news.example.test' } };
      const admin = await createUser(site.deps, {
        actor: null,
        email: 'admin@masthead.test',
        name: 'Admin',
        role: 'admin',
        password: 'correct horse battery staple',
      });
      // The local receiver is a private address: the policy is the caller's, as the Admin API passes the site's.
      const actor = { id: admin.id, role: admin.role };
      hook = await registerWebhook(site.deps, actor, { url: HOOK_URL, events: ['newsletter.sent'] }, { allowPrivate: true });
      await registerWebhook(site.deps, actor, { url: `${HOOK_URL}/articles`, events: ['article.published'] }, { allowPrivate: true });
      readers = await insertSubscribers(site.deps.db, READERS);
      await insertSubscribers(site.deps.db, 1, { prefix: 'left', status: 'unsubscribed' });
    }, 60_000);
    afterAll(async () => {
      await mailer.close();
      await sink.close();
      await site.close();
    });

    /** Readers still confirmed (the first test bounces one). */
    async function confirmedReaders(): Promise<{ id: string; email: string }[]> {
      const rows = await site.deps.db.selectFrom('subscribers').select('id').where('status', '=', 'confirmed').execute();
      const confirmed = new Set(rows.map((r) => r.id));
      return readers.filter((r) => confirmed.has(r.id));
    }

    /** The webhook jobs announcing that this issue was sent. */
    async function announcements(issueId: string): Promise<SentAnnouncement[]> {
      const jobs = await listJobs(site.deps.db, { kind: WEBHOOK_JOB, limit: 1000 });
      return jobs
        .map((job) => job.payload as WebhookJobPayload)
        .map((p) => ({ webhookId: p.webhookId, event: p.event, body: JSON.parse(p.body) as SentAnnouncement['body'] }))
        .filter((a) => a.event === 'newsletter.sent' && a.body.data.issue.id === issueId);
    }

    it('announces a finished issue once, to the hooks that listen for it, with its counts and archive URL', async () => {
      const refused = readers[REFUSED]!.email;
      sink.refuse.set(refused, 550);
      const issue = await composeRoundUp(deps, { intro: 'The week in review.' });
      expect(await announcements(issue.id)).toEqual([]);

      const first = await sendIssue(deps, { issueId: issue.id });
      expect(first).toMatchObject({ done: true, counts: { sent: READERS - 1, bounced: 1, pending: 0 } });
      const row = await findIssue(site.deps.db, issue.id);
      expect(row).toMatchObject({ status: 'sent' });

      const [announcement, ...more] = await announcements(issue.id);
      expect(more).toEqual([]);
      expect(announcement).toMatchObject({ webhookId: hook.id, event: 'newsletter.sent', body: { event: 'newsletter.sent' } });
      expect(announcement!.body.data.issue).toEqual({
        id: issue.id,
        slug: issue.slug,
        subject: issue.subject,
        sentAt: row!.sent_at,
        url: `${TEST_BASE_URL}/newsletter/archive/${issue.slug}`,
        deliveries: { sent: READERS - 1, failed: 0, bounced: 1, skipped: 0 },
      });
      // Only newsletter.sent jobs were made: the hook for articles heard nothing.
      const jobs = await listJobs(site.deps.db, { kind: WEBHOOK_JOB, limit: 1000 });
      expect(jobs.map((j) => (j.payload as WebhookJobPayload).webhookId)).toEqual([hook.id]);

      // Sending it again mails nobody and announces nothing.
      const mailed = sink.total();
      const again = await sendIssue(deps, { issueId: issue.id });
      expect(again).toMatchObject({ done: true, counts: { sent: READERS - 1, pending: 0 } });
      expect(sink.total()).toBe(mailed);
      expect(await announcements(issue.id)).toHaveLength(1);
      sink.refuse.delete(refused);
    }, 60_000);

    it('announces once when several sends race to finish the same issue', async () => {
      // Where a send that died after its last mark leaves an issue: every delivery sent, the issue still `sending`.
      const issue = await composeRoundUp(deps);
      await updateIssue(site.deps.db, issue.id, { status: 'sending' });
      await createPendingDeliveries(site.deps.db, issue.id, new Date());
      const confirmed = await confirmedReaders();
      const ids = confirmed.map((r) => r.id);
      await markDeliveriesSent(site.deps.db, issue.id, ids, { host: 'news.example.test', now: new Date() });
      const mailed = sink.total();

      const outcomes = await Promise.all([1, 2, 3].map(() => sendIssue(deps, { issueId: issue.id })));
      for (const outcome of outcomes) expect(outcome).toMatchObject({ done: true, counts: { sent: ids.length, pending: 0 } });
      expect(sink.total()).toBe(mailed);
      expect(await findIssue(site.deps.db, issue.id)).toMatchObject({ status: 'sent' });
      const found = await announcements(issue.id);
      expect(found).toHaveLength(1);
      expect(found[0]!.body.data.issue).toMatchObject({ deliveries: { sent: ids.length, failed: 0, bounced: 0, skipped: 0 } });
    }, 60_000);

    it('announces once when two sends of a fresh issue run side by side, and the one that ends last finishes it', async () => {
      const issue = await composeRoundUp(deps);
      const confirmed = new Set((await confirmedReaders()).map((r) => r.email));
      const before = new Map(readers.map((r) => [r.email, sink.counts.get(r.email) ?? 0]));
      const outcomes = await Promise.all([1, 2].map(() => sendIssue(deps, { issueId: issue.id, batchSize: 3 })));
      // Whichever counted last saw every mark committed, its own included.
      expect(outcomes.some((o) => o.done)).toBe(true);
      expect(await findIssue(site.deps.db, issue.id)).toMatchObject({ status: 'sent' });
      for (const r of readers) expect((sink.counts.get(r.email) ?? 0) - before.get(r.email)!, r.email).toBe(confirmed.has(r.email) ? 1 : 0);
      expect(await announcements(issue.id)).toHaveLength(1);
      await sendIssue(deps, { issueId: issue.id });
      expect(await announcements(issue.id)).toHaveLength(1);
    }, 60_000);
  });
}
