/**
 * The round-up through a real SMTP server in this process: 1,000 confirmed
 * readers get it exactly once, with the RFC 8058 headers, a plain-text part
 * and absolute links; the unsubscribed and the bounced get nothing; 451s
 * arrive after a retry, 550s bounce the address and touch nothing else.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/services/mail/mailer.js';
import type { Mailer } from '../../src/services/mail/mailer.js';
import { composeRoundUp } from '../../src/services/newsletter/compose.js';
import { sendIssue, sendTestMail } from '../../src/services/newsletter/send-issue.js';
import type { SendDeps } from '../../src/services/newsletter/send-issue.js';
import { deliveryCounts } from '../../src/storage/repositories/newsletter.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite, TEST_BASE_URL } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { insertSubscribers } from '../helpers/subscribers.js';

const READERS = 1000;

for (const dialect of DIALECTS) {
  describe(`newsletter sending (${dialectLabel(dialect)})`, () => {
    let site: TestSite;
    let sink: SmtpSink;
    let mailer: Mailer;
    let deps: SendDeps;
    let offset = 0;
    const clock = () => new Date(Date.now() + offset);

    beforeAll(async () => {
      site = await createTestSite(dialect, { clock });
      sink = await startSmtpSink({ keep: true });
      mailer = smtpMailer(sink.url, 'news@news.example.test', { maxConnections: 5 });
      deps = { ...site.deps, mailer, config: { publicUrl: TEST_BASE_URL, mailFrom: 'news@news.example.test' } };
    }, 60_000);
    afterAll(async () => {
      await mailer.close();
      await sink.close();
      await site.close();
    });

    it('reaches every confirmed reader once, retries 451s, bounces 550s, and skips the rest', async () => {
      const readers = await insertSubscribers(site.deps.db, READERS);
      const [gone] = await insertSubscribers(site.deps.db, 1, { prefix: 'gone', status: 'unsubscribed' });
      const [bouncedBefore] = await insertSubscribers(site.deps.db, 1, { prefix: 'bounced', status: 'bounced' });
      const [pending] = await insertSubscribers(site.deps.db, 1, { prefix: 'unconfirmed', status: 'pending' });
      const busy = readers.slice(0, 7).map((r) => r.email);
      const refused = readers.slice(7, 12).map((r) => r.email);
      for (const e of busy) sink.refuse.set(e, 451);
      for (const e of refused) sink.refuse.set(e, 550);

      const issue = await composeRoundUp(deps, { intro: 'Dear reader,\n\nThe week <in> review & more.' });
      const progress: number[] = [];
      const first = await sendIssue(deps, { issueId: issue.id, onProgress: (c) => progress.push(c.sent) });
      expect(first.done).toBe(false);
      expect(first.counts).toMatchObject({ sent: READERS - 12, pending: 7, bounced: 5, failed: 0, total: READERS });
      expect(progress.at(-1)).toBe(READERS - 12);

      // The 451s wait for their retry time: running again now sends nothing.
      for (const e of busy) sink.refuse.delete(e);
      const early = await sendIssue(deps, { issueId: issue.id });
      expect(early.counts.pending).toBe(7);
      offset += 10 * 60_000;
      const second = await sendIssue(deps, { issueId: issue.id });
      expect(second).toMatchObject({ done: true, counts: { sent: READERS - 5, pending: 0, bounced: 5 } });

      // Exactly once each, nobody else.
      for (const r of readers) expect(sink.counts.get(r.email) ?? 0, r.email).toBe(refused.includes(r.email) ? 0 : 1);
      for (const other of [gone, bouncedBefore, pending]) expect(sink.counts.get(other!.email)).toBeUndefined();
      expect(sink.total()).toBe(READERS - 5);

      // The 550s are bounced for good; nobody else changed.
      const statuses = await site.deps.db.selectFrom('subscribers').select(['email', 'status']).execute();
      const byEmail = new Map(statuses.map((s) => [s.email, s.status]));
      for (const r of readers) expect(byEmail.get(r.email)).toBe(refused.includes(r.email) ? 'bounced' : 'confirmed');
      const issueRow = await site.deps.db.selectFrom('newsletter_issues').selectAll().where('id', '=', issue.id).executeTakeFirstOrThrow();
      expect(issueRow.status).toBe('sent');

      // A second run, or a later one, sends nothing more.
      await sendIssue(deps, { issueId: issue.id });
      expect(sink.total()).toBe(READERS - 5);

      // What one reader received.
      const raw = sink.messages.find((m) => m.to[0] === readers[500]!.email)!.raw;
      const mail = await simpleParser(raw);
      expect(mail.messageId).toBe(`<${issue.id}.${readers[500]!.id}@news.example.test>`);
      expect(mail.date).toBeInstanceOf(Date);
      expect(mail.from?.text).toContain('news@news.example.test');
      const header = (name: string) =>
        String(raw.toString('utf8').match(new RegExp(`^${name}:[ \t]*(.*(?:\r\n[ \t].+)*)`, 'mi'))?.[1] ?? '')
          .replace(/\r\n[ \t]+/g, ' ')
          .trim();
      expect(header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      const listUnsubscribe = header('List-Unsubscribe');
      expect(listUnsubscribe).toMatch(
        /^<https:\/\/news\.example\.test\/newsletter\/unsubscribe\?token=[^>]+>, <mailto:news@news\.example\.test\?subject=[^>]+>$/,
      );
      expect(header('List-Id')).toMatch(/<round-up\.news\.example\.test>$/);
      expect(mail.text).toContain('Why the <harbour> matters');
      expect(mail.text).toContain('https://news.example.test/asia/the-lead-story');
      const html = String(mail.html);
      expect(html).toContain('Why the &lt;harbour&gt; matters');
      expect(html).not.toContain('<harbour>');
      expect(html).toContain('The week &lt;in&gt; review &amp; more.');
      const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
      expect(hrefs.length).toBeGreaterThan(5);
      for (const href of hrefs) expect(href).toMatch(/^(https:\/\/|mailto:)/);
      for (const img of html.matchAll(/<img [^>]*>/g)) expect(img[0]).toMatch(/alt="[^"]+"/);
      for (const img of html.matchAll(/<img [^>]*src="([^"]*)"/g)) expect(img[1]).toMatch(/^https:\/\//);
      // The footer's unsubscribe link is this reader's own.
      expect(html).toContain(`/newsletter/unsubscribe?token=${encodeURIComponent(readers[500]!.id)}.`);
      expect(mail.html).not.toContain('__MASTHEAD_');
    }, 120_000);

    it('the next issue skips the readers who bounced, and a test mail goes to one address', async () => {
      const before = sink.total();
      const issue = await composeRoundUp(deps);
      const outcome = await sendIssue(deps, { issueId: issue.id });
      expect(outcome.counts).toMatchObject({ sent: READERS - 5, bounced: 0, pending: 0 });
      expect(sink.total() - before).toBe(READERS - 5);
      expect(await deliveryCounts(site.deps.db, issue.id)).toMatchObject({ total: READERS - 5 });

      await sendTestMail(deps, { issueId: issue.id, to: 'editor@news.example.test' });
      const test = await simpleParser(sink.messages.at(-1)!.raw);
      expect(test.subject).toMatch(/^\[Test\] /);
      expect(sink.counts.get('editor@news.example.test')).toBe(1);
    }, 120_000);
  });
}
