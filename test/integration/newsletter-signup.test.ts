import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/services/mail/mailer.js';
import { listUnsubscribeHeaders, unsubscribeContext, unsubscribeLinks } from '../../src/services/newsletter/unsubscribe-headers.js';
import { findSubscriberByEmail } from '../../src/storage/repositories/subscribers.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { TEST_BASE_URL, createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

interface Received {
  to: string;
  mail: ParsedMail;
}

/** A real SMTP server in this process: what the site sends arrives here over TCP. */
async function startSmtp(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused')) {
        const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, mail });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

for (const dialect of DIALECTS) {
  describe(`newsletter signup and unsubscribe on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let now = new Date('2026-11-26T10:00:00Z');
    let ip = 1;
    beforeAll(async () => {
      smtp = await startSmtp();
      site = await createTestSite(dialect, { clock: () => now, mailer: smtpMailer(smtp.url, 'The Test Review <news@example.test>') });
    });
    afterAll(async () => {
      await site?.close();
      await smtp?.close();
    });

    // Each test signs up from its own address, so the per-IP limit is only met where a test means it.
    const signup = (fields: Record<string, string>, remoteAddress = `10.0.0.${ip++}`) =>
      site.app.inject({ method: 'POST', url: '/newsletter', headers: FORM, payload: form(fields), remoteAddress });
    const mailTo = (address: string): Received[] => smtp.received.filter((r) => r.to === address);
    const linkIn = (mail: ParsedMail, path: string): string => {
      const found = new RegExp(`${TEST_BASE_URL}(${path}\\?token=[\\w.~%-]+)`).exec(mail.text ?? '');
      if (!found?.[1]) throw new Error(`no ${path} link in: ${mail.text}`);
      return found[1];
    };
    const count = async (email: string): Promise<number> =>
      Number(
        (
          await site.deps.db
            .selectFrom('subscribers')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('email', '=', email)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('keeps the signup form on /newsletter and in the box on every page, with a honeypot', async () => {
      const page = await site.app.inject({ url: '/newsletter' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('action="/newsletter"');
      expect(page.body).toContain('name="email"');
      expect(page.body).toContain('name="website"');
    });

    it('signs up by double opt-in over real SMTP, recording consent', async () => {
      const res = await signup({ email: ' Reader@Example.org ', source: '/asia/asia-second' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('Check your inbox');
      const pending = await findSubscriberByEmail(site.deps.db, 'reader@example.org');
      expect(pending).toMatchObject({ status: 'pending', consentSource: '/asia/asia-second', consentAt: now.toISOString() });
      expect(pending!.consentText).toContain('One email a week. Unsubscribe with one click.');

      expect(mailTo('reader@example.org')).toHaveLength(1);
      const { mail } = mailTo('reader@example.org')[0]!;
      expect(mail.subject).toContain('Confirm your subscription');
      expect(mail.from?.text).toContain('news@example.test');
      const confirmed = await site.app.inject({ url: linkIn(mail, '/newsletter/confirm') });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.headers['cache-control']).toBe('no-store');
      expect(confirmed.body).toContain('You are subscribed');
      expect(await findSubscriberByEmail(site.deps.db, 'reader@example.org')).toMatchObject({
        status: 'confirmed',
        confirmedAt: now.toISOString(),
      });
    });

    it('answers an address already subscribed exactly like a new one, without a second row', async () => {
      const fresh = await signup({ email: 'someone.new@example.org', source: '/newsletter' });
      const again = await signup({ email: 'reader@example.org', source: '/newsletter' });
      expect(again.statusCode).toBe(fresh.statusCode);
      expect(again.body).toBe(fresh.body);
      expect(await count('reader@example.org')).toBe(1);
      expect((await findSubscriberByEmail(site.deps.db, 'reader@example.org'))!.status).toBe('confirmed');
      const notes = mailTo('reader@example.org').map((r) => r.mail.subject);
      expect(notes.at(-1)).toContain('already subscribed');
    });

    it('answers the signup script in JSON: the same answer for any address, errors in the API shape', async () => {
      const json = (fields: Record<string, string>) =>
        site.app.inject({
          method: 'POST',
          url: '/newsletter',
          headers: { ...FORM, accept: 'application/json' },
          payload: form(fields),
          remoteAddress: `10.0.1.${ip++}`,
        });
      const fresh = await json({ email: 'script.reader@example.org', source: '/europe/europe-story-1' });
      expect(fresh.statusCode).toBe(200);
      expect(fresh.headers['content-type']).toContain('application/json');
      expect(fresh.headers['cache-control']).toBe('no-store');
      expect(fresh.json()).toEqual({ message: expect.stringContaining('Check your inbox') });
      expect(await findSubscriberByEmail(site.deps.db, 'script.reader@example.org')).toMatchObject({
        status: 'pending',
        consentSource: '/europe/europe-story-1',
      });
      const known = await json({ email: 'script.reader@example.org' });
      expect(known.body).toBe(fresh.body);
      const bad = await json({ email: 'not an address' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toEqual({
        errors: [{ code: 'VALIDATION_FAILED', message: expect.stringContaining('That did not work'), property: 'email' }],
      });
      expect((await json({})).statusCode).toBe(400);
    });

    it('accepts a filled honeypot silently and stores and sends nothing', async () => {
      const res = await signup({ email: 'bot@example.org', website: 'http://spam.example' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Check your inbox');
      expect(await count('bot@example.org')).toBe(0);
      expect(mailTo('bot@example.org')).toEqual([]);
    });

    it('refuses malformed, oversized and header-injecting addresses with a clear 400 and stores nothing', async () => {
      const before = smtp.received.length;
      const cases: [string, RegExp][] = [
        ['not-an-email', /not an email address/],
        ['a@b', /not an email address/],
        ['', /enter your email address/],
        [`${'x'.repeat(10 * 1024)}@example.org`, /at most 254 characters/],
        ['x@example.org\r\nBcc: victim@example.org', /line breaks/],
        ['victim@example.org\nSubject: hi', /line breaks/],
        ['"Eve\r\n" <eve@example.org>', /line breaks/],
        ['eve@example.org\u0000', /control characters/],
      ];
      for (const [email, message] of cases) {
        const res = await signup({ email });
        expect(res.statusCode, email.slice(0, 40)).toBe(400);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.body).toMatch(message);
      }
      expect((await signup({})).statusCode).toBe(400);
      const rows = await site.deps.db.selectFrom('subscribers').select('email').execute();
      expect(rows.some((r) => /victim|eve|x{20}|not-an-email/.test(r.email))).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(smtp.received.length).toBe(before);
    });

    it('stores nothing when the confirmation mail cannot be sent, and says to try again', async () => {
      const res = await signup({ email: 'refused@example.org' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('try again');
      expect(await count('refused@example.org')).toBe(0);
    });

    it('refuses an expired and a tampered confirmation link with a 400 page', async () => {
      await signup({ email: 'late@example.org' });
      const link = linkIn(mailTo('late@example.org')[0]!.mail, '/newsletter/confirm');
      const tampered = link.replace(/.(?=$)/, (c) => (c === 'A' ? 'B' : 'A'));
      const bad = await site.app.inject({ url: tampered });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('This link does not work');
      expect((await site.app.inject({ url: '/newsletter/confirm' })).statusCode).toBe(400);
      expect((await site.app.inject({ url: '/newsletter/confirm?token=x.y.z' })).statusCode).toBe(400);
      const saved = now;
      now = new Date(now.getTime() + 8 * 24 * 3_600_000);
      try {
        const expired = await site.app.inject({ url: link });
        expect(expired.statusCode).toBe(400);
        expect(expired.body).toContain('expired');
      } finally {
        now = saved;
      }
      expect((await findSubscriberByEmail(site.deps.db, 'late@example.org'))!.status).toBe('pending');
    });

    it('unsubscribes by RFC 8058 one-click POST with no cookie, and shows a button on GET', async () => {
      const reader = (await findSubscriberByEmail(site.deps.db, 'reader@example.org'))!;
      const ctx = await unsubscribeContext(
        { db: site.deps.db, config: { publicUrl: TEST_BASE_URL } },
        'The Test Review <news@example.test>',
      );
      const links = unsubscribeLinks(ctx, reader.id, now);
      const headers = listUnsubscribeHeaders(ctx, reader.id, now);
      expect(headers['List-Unsubscribe']).toBe(`<${links.https}>, <${links.mailto}>`);
      expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(headers['List-Id']).toMatch(/^".+" <round-up\.news\.example\.test>$/);
      expect(links.mailto).toMatch(/^mailto:news@example\.test\?subject=unsubscribe%20/);
      const path = links.oneClickUrl.slice(TEST_BASE_URL.length);

      const page = await site.app.inject({ url: path });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toMatch(
        /<form method="post" action="\/newsletter\/unsubscribe\?token=[^"]+"><input type="hidden" name="List-Unsubscribe" value="One-Click"\/><button type="submit">Unsubscribe<\/button>/,
      );
      expect((await findSubscriberByEmail(site.deps.db, 'reader@example.org'))!.status).toBe('confirmed');

      const oneClick = await site.app.inject({ method: 'POST', url: path, headers: FORM, payload: 'List-Unsubscribe=One-Click' });
      expect(oneClick.statusCode).toBe(200);
      expect(oneClick.body).toContain('You are unsubscribed');
      expect((await findSubscriberByEmail(site.deps.db, 'reader@example.org'))!).toMatchObject({
        status: 'unsubscribed',
        unsubscribedAt: now.toISOString(),
      });
      // Idempotent, and the multipart form RFC 8058 also allows.
      const again = await site.app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
      });
      expect(again.statusCode).toBe(200);

      expect(
        (
          await site.app.inject({
            method: 'POST',
            url: path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
            headers: FORM,
            payload: 'List-Unsubscribe=One-Click',
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (await site.app.inject({ method: 'POST', url: '/newsletter/unsubscribe', headers: FORM, payload: 'List-Unsubscribe=One-Click' }))
          .statusCode,
      ).toBe(400);
    });

    it('an old confirm link does not subscribe again an address that left', async () => {
      await signup({ email: 'leaver@example.org' });
      const confirm = linkIn(mailTo('leaver@example.org')[0]!.mail, '/newsletter/confirm');
      await site.app.inject({ url: confirm });
      const leaver = (await findSubscriberByEmail(site.deps.db, 'leaver@example.org'))!;
      const ctx = await unsubscribeContext({ db: site.deps.db, config: { publicUrl: TEST_BASE_URL } }, 'news@example.test');
      await site.app.inject({
        method: 'POST',
        url: unsubscribeLinks(ctx, leaver.id, now).https.slice(TEST_BASE_URL.length),
        headers: FORM,
        payload: 'List-Unsubscribe=One-Click',
      });
      const replay = await site.app.inject({ url: confirm });
      expect(replay.statusCode).toBe(200);
      expect((await findSubscriberByEmail(site.deps.db, 'leaver@example.org'))!.status).toBe('unsubscribed');
    });

    it('changes address from the preferences page, confirmed by the new address only', async () => {
      await signup({ email: 'mover@example.org' });
      const first = linkIn(mailTo('mover@example.org')[0]!.mail, '/newsletter/confirm');
      await site.app.inject({ url: first });
      const mover = (await findSubscriberByEmail(site.deps.db, 'mover@example.org'))!;
      const ctx = await unsubscribeContext({ db: site.deps.db, config: { publicUrl: TEST_BASE_URL } }, 'news@example.test');
      const prefs = unsubscribeLinks(ctx, mover.id, now).preferences.slice(TEST_BASE_URL.length);
      const page = await site.app.inject({ url: prefs });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('mover@example.org');

      const bad = await site.app.inject({
        method: 'POST',
        url: prefs,
        headers: FORM,
        payload: form({ action: 'change', email: 'moved@example.org\r\nBcc: x@example.org' }),
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('line breaks');

      const changed = await site.app.inject({
        method: 'POST',
        url: prefs,
        headers: FORM,
        payload: form({ action: 'change', email: 'moved@example.org' }),
      });
      expect(changed.statusCode).toBe(200);
      expect(await findSubscriberByEmail(site.deps.db, 'moved@example.org')).toMatchObject({ id: mover.id, status: 'pending' });
      // The first address's confirm link cannot confirm the new one.
      expect((await site.app.inject({ url: first })).statusCode).toBe(400);
      const second = linkIn(mailTo('moved@example.org')[0]!.mail, '/newsletter/confirm');
      expect((await site.app.inject({ url: second })).statusCode).toBe(200);
      expect(await findSubscriberByEmail(site.deps.db, 'moved@example.org')).toMatchObject({ id: mover.id, status: 'confirmed' });

      const left = await site.app.inject({ method: 'POST', url: prefs, headers: FORM, payload: form({ action: 'leave' }) });
      expect(left.statusCode).toBe(200);
      expect((await findSubscriberByEmail(site.deps.db, 'moved@example.org'))!.status).toBe('unsubscribed');
    });

    it('limits signups per address of origin', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await signup({ email: `burst${i}@example.org` }, '10.9.9.9')).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 200)).toBe(true);
      expect(codes.at(-1)).toBe(429);
      expect(await count('burst11@example.org')).toBe(0);
    });
  });
}
