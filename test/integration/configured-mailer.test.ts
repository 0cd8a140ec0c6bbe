/**
 * The running publication's mailer: SMTP as the administrators set it in
 * Settings → Mail, unless MASTHEAD_SMTP_URL / MASTHEAD_MAIL_FROM are set,
 * which win; with neither, the development mailer. A change in the settings
 * takes effect with the next message. Real SMTP servers in this process.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredMailer } from '../../src/services/mail/configured-mailer.js';
import { consoleMailer } from '../../src/services/mail/mailer.js';
import { composeRoundUp } from '../../src/services/newsletter/compose.js';
import { sendIssue } from '../../src/services/newsletter/send-issue.js';
import { updateMailSettings } from '../../src/services/settings/mail-settings.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite, TEST_BASE_URL } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';
import { insertSubscribers } from '../helpers/subscribers.js';

const message = { to: 'editor@example.test', subject: 'Sign in', text: 'Your link.' };

for (const dialect of DIALECTS) {
  describe(`the configured mailer (${dialectLabel(dialect)})`, () => {
    let site: TestSite;
    let fromSettings: SmtpSink;
    let fromEnvironment: SmtpSink;

    beforeAll(async () => {
      site = await createTestSite(dialect);
      fromSettings = await startSmtpSink({ keep: true });
      fromEnvironment = await startSmtpSink({ keep: true });
    }, 60_000);
    afterAll(async () => {
      await fromSettings.close();
      await fromEnvironment.close();
      await site.close();
    });

    it('prints to the development mailer until an SMTP server is set, then sends through the one in the settings', async () => {
      const development = consoleMailer(() => undefined);
      const mailer = configuredMailer(site.deps, {}, { defaultFrom: 'Masthead <no-reply@example.test>', development });
      try {
        await mailer.send(message);
        expect(development.sent.map((m) => m.subject)).toEqual(['Sign in']);
        expect(await mailer.bulk!()).toBeNull();

        await updateMailSettings(site.deps, { smtpUrl: fromSettings.url, mailFrom: '"The Settings Review" <news@settings.example.test>' });
        await mailer.send(message);
        expect(development.sent).toHaveLength(1);
        expect(fromSettings.messages).toHaveLength(1);
        const parsed = await simpleParser(fromSettings.messages[0]!.raw);
        expect(parsed.from?.value[0]?.address).toBe('news@settings.example.test');
        expect(await mailer.defaultFrom!()).toBe('"The Settings Review" <news@settings.example.test>');
      } finally {
        await mailer.close();
      }
    });

    it('lets MASTHEAD_SMTP_URL and MASTHEAD_MAIL_FROM win over the settings', async () => {
      await updateMailSettings(site.deps, { smtpUrl: fromSettings.url, mailFrom: 'news@settings.example.test' });
      const before = fromSettings.total();
      const mailer = configuredMailer(
        site.deps,
        { smtpUrl: fromEnvironment.url, mailFrom: 'news@env.example.test' },
        { defaultFrom: 'Masthead <no-reply@example.test>', development: consoleMailer(() => undefined) },
      );
      try {
        await mailer.send(message);
        expect(fromSettings.total()).toBe(before);
        expect(fromEnvironment.total()).toBe(1);
        const parsed = await simpleParser(fromEnvironment.messages[0]!.raw);
        expect(parsed.from?.value[0]?.address).toBe('news@env.example.test');
        const channel = await mailer.bulk!();
        expect(channel?.from).toBe('news@env.example.test');
        await channel?.sender.close();
      } finally {
        await mailer.close();
      }
    });

    it('sends the round-up with the pool and From of the settings, changed without a restart', async () => {
      await updateMailSettings(site.deps, {
        smtpUrl: fromSettings.url,
        mailFrom: 'news@settings.example.test',
        maxConnections: 2,
        rateLimit: null,
      });
      const mailer = configuredMailer(
        site.deps,
        {},
        { defaultFrom: 'Masthead <no-reply@example.test>', development: consoleMailer(() => undefined) },
      );
      try {
        const channel = await mailer.bulk!();
        expect(channel?.sender.maxConnections).toBe(2);
        await channel?.sender.close();
        await updateMailSettings(site.deps, { maxConnections: 3, rateLimit: 500 });
        const next = await mailer.bulk!();
        expect(next?.sender.maxConnections).toBe(3);
        await next?.sender.close();

        const readers = await insertSubscribers(site.deps.db, 40, { prefix: 'configured' });
        const issue = await composeRoundUp({ ...site.deps, config: { publicUrl: TEST_BASE_URL } }, { intro: 'Through the settings.' });
        const before = fromSettings.total();
        const outcome = await sendIssue({ ...site.deps, mailer, config: { publicUrl: TEST_BASE_URL } }, { issueId: issue.id });
        const notes = await site.deps.db
          .selectFrom('newsletter_deliveries')
          .select(['status', 'last_error'])
          .where('issue_id', '=', issue.id)
          .where('status', '!=', 'sent')
          .execute();
        expect(outcome, JSON.stringify([outcome, notes])).toMatchObject({ done: true });
        expect(fromSettings.total() - before).toBe(readers.length);
        const last = await simpleParser(fromSettings.messages.at(-1)!.raw);
        expect(last.from?.value[0]?.address).toBe('news@settings.example.test');
      } finally {
        await mailer.close();
      }
    });
  });
}
