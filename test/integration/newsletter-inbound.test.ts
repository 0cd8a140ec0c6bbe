/**
 * The mailto: half of List-Unsubscribe: a reader's mail saying
 * "unsubscribe <token>" unsubscribes the subscriber the token names, on both
 * dialects; anything else (replies, forged or expired tokens, garbage,
 * header tricks) is answered and changes nothing.
 */
import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { linkSecret, signLink } from '../../src/services/newsletter/signed-links.js';
import { unsubscribeByMail } from '../../src/services/newsletter/unsubscribe-by-mail.js';
import { unsubscribeContext, unsubscribeLinks } from '../../src/services/newsletter/unsubscribe-headers.js';
import { findSubscriberById } from '../../src/storage/repositories/subscribers.js';
import { DIALECTS, createTestDb, dialectLabel } from '../helpers/databases.js';
import type { TestDb } from '../helpers/databases.js';
import { insertSubscribers } from '../helpers/subscribers.js';

const SENT = new Date('2026-11-20T08:00:00Z');
const YEAR = 365 * 24 * 3_600_000;

/** What a mail client does with the mailto link: the decoded `subject` parameter. */
function subjectOfMailto(mailto: string): string {
  const subject = new URL(mailto).searchParams.get('subject');
  if (!subject) throw new Error(`no subject in ${mailto}`);
  return subject;
}

async function compose(subject: string, from = 'reader@inbox.example.test'): Promise<Buffer> {
  return new MailComposer({ from, to: 'news@example.test', subject, text: 'Sent from my phone' }).compile().build();
}

const plain = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'));

for (const dialect of DIALECTS) {
  describe(`unsubscribe by mail on ${dialectLabel(dialect)}`, () => {
    let testDb: TestDb;
    let now = new Date('2026-11-26T10:00:00Z');
    const deps = () => ({ db: testDb.db, clock: () => now });
    let readers: { id: string; email: string }[] = [];
    let n = 0;

    /** A fresh confirmed reader and the subject their mail client would send. */
    async function reader(status = 'confirmed'): Promise<{ id: string; email: string; token: string; subject: string }> {
      const [one] = await insertSubscribers(testDb.db, 1, { prefix: `inbound-${++n}`, status, now: SENT });
      readers.push(one!);
      const ctx = await unsubscribeContext(
        { db: testDb.db, config: { publicUrl: 'https://example.test' } },
        'The Review <news@example.test>',
      );
      const subject = subjectOfMailto(unsubscribeLinks(ctx, one!.id, SENT).mailto);
      return { ...one!, token: subject.replace(/^unsubscribe /, ''), subject };
    }

    async function snapshot(): Promise<unknown[]> {
      return testDb.db.selectFrom('subscribers').selectAll().orderBy('id').execute();
    }

    beforeAll(async () => {
      testDb = await createTestDb(dialect);
    });
    afterAll(async () => {
      await testDb?.destroy();
    });
    beforeEach(() => {
      now = new Date('2026-11-26T10:00:00Z');
      readers = [];
    });

    it('unsubscribes the reader the token names, recorded as by mail, and answers "already" the second time', async () => {
      const leaver = await reader();
      const bystander = await reader();
      // The From is someone else entirely: the token decides, not the sender.
      const mail = await compose(leaver.subject, bystander.email);
      expect(await unsubscribeByMail(deps(), mail)).toEqual({ kind: 'unsubscribed', subscriberId: leaver.id, email: leaver.email });
      expect(await findSubscriberById(testDb.db, leaver.id)).toMatchObject({
        status: 'unsubscribed',
        unsubscribedAt: now.toISOString(),
        unsubscribedVia: 'mail',
      });
      expect((await findSubscriberById(testDb.db, bystander.id))!.status).toBe('confirmed');

      const before = await snapshot();
      now = new Date('2026-11-27T10:00:00Z');
      expect(await unsubscribeByMail(deps(), mail)).toEqual({
        kind: 'already-unsubscribed',
        subscriberId: leaver.id,
        email: leaver.email,
        status: 'unsubscribed',
      });
      expect(await snapshot()).toEqual(before);
    });

    it('reads "Re:" prefixes, any case, folded and padded subjects, an mbox From line and a percent-encoded subject', async () => {
      const a = await reader();
      expect(await unsubscribeByMail(deps(), await compose(`Re: RE: Fwd: [External]  UNSUBSCRIBE \t ${a.token}`))).toMatchObject({
        kind: 'unsubscribed',
        subscriberId: a.id,
      });

      const b = await reader();
      const folded = plain([
        'From reader@inbox.example.test Thu Nov 26 10:00:00 2026',
        'From: reader@inbox.example.test',
        'To: news@example.test',
        'Subject: Re:',
        ' Unsubscribe',
        `\t${b.token}`,
        '',
        'please',
      ]);
      expect(await unsubscribeByMail(deps(), folded)).toMatchObject({ kind: 'unsubscribed', subscriberId: b.id });

      const c = await reader();
      const encoded = plain(['From: x@example.org', `Subject: unsubscribe%20${encodeURIComponent(c.token)}`, '', '']);
      expect(await unsubscribeByMail(deps(), encoded)).toMatchObject({ kind: 'unsubscribed', subscriberId: c.id });
    });

    it('decodes RFC 2047 subjects, including a token split over two encoded words, and non-ASCII ones from MailComposer', async () => {
      const a = await reader();
      const half = Math.floor(a.subject.length / 2);
      const b64 = (s: string) => Buffer.from(s).toString('base64');
      const split = plain([
        'From: reader@inbox.example.test',
        `Subject: =?UTF-8?B?${b64(a.subject.slice(0, half))}?=`,
        ` =?utf-8?Q?${a.subject.slice(half).replace(/_/g, '=5F').replace(/-/g, '=2D')}?=`,
        '',
        '',
      ]);
      expect(await unsubscribeByMail(deps(), split)).toMatchObject({ kind: 'unsubscribed', subscriberId: a.id });

      const b = await reader();
      const accented = await compose(`Réf : désabonnement — unsubscribe ${b.token}`);
      expect(accented.toString('latin1')).toMatch(/Subject: =\?UTF-8\?/);
      expect(await unsubscribeByMail(deps(), accented)).toMatchObject({ kind: 'unsubscribed', subscriberId: b.id });
    });

    it('refuses tampered, foreign and expired tokens, and changes nothing', async () => {
      const a = await reader();
      const b = await reader();
      const [id, expires, signature] = a.token.split('.') as [string, string, string];
      const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
      const otherSecret = signLink(randomBytes(32), 'unsubscribe', a.id, SENT);
      const later = (parseInt(expires, 36) + YEAR).toString(36);
      const secret = await linkSecret(testDb.db);
      const confirmLink = signLink(secret, 'confirm', a.id, SENT);
      const expired = signLink(secret, 'unsubscribe', a.id, new Date(now.getTime() - 5 * YEAR - 3_600_000));
      const before = await snapshot();
      for (const token of [
        `${id}.${expires}.${flipped}`,
        `${b.id}.${expires}.${signature}`,
        `${id}.${later}.${signature}`,
        otherSecret,
        confirmLink,
        expired,
        `${id}.${expires}.${signature}.extra`,
        `nobody.${expires}.${signature}`,
      ])
        expect(await unsubscribeByMail(deps(), await compose(`unsubscribe ${token}`)), token).toEqual({ kind: 'token-invalid' });
      expect(await snapshot()).toEqual(before);

      // The mailto keeps working as long as the HTTPS link: four years after the send it still unsubscribes.
      now = new Date(SENT.getTime() + 4 * YEAR);
      expect(await unsubscribeByMail(deps(), await compose(a.subject))).toMatchObject({ kind: 'unsubscribed', subscriberId: a.id });
    });

    it('ignores mail that is not an unsubscribe request, or no mail at all, and changes nothing', async () => {
      const a = await reader();
      const before = await snapshot();
      const cases: [string, Buffer][] = [
        ['a reply', await compose('Re: The weekly round-up, 20 November', a.email)],
        ['unsubscribe with no token', await compose('unsubscribe', a.email)],
        ['unsubscribe in words', await compose('Please unsubscribe me from this list', a.email)],
        ['no subject', plain([`From: ${a.email}`, '', 'unsubscribe ' + a.token])],
        ['empty', Buffer.alloc(0)],
        ['not a mail', Buffer.from('\u0000\u0001\u0002 hello \uFFFD\r\n\r\n\r\n:::: ::')],
        ['10 MB of garbage', randomBytes(10 * 1024 * 1024)],
        ['10 MB of one header', Buffer.from(`Subject: ${'x'.repeat(10 * 1024 * 1024)} unsubscribe ${a.token}\r\n\r\n`)],
      ];
      for (const [label, mail] of cases) {
        const outcome = await unsubscribeByMail(deps(), mail);
        expect(outcome.kind, label).toBe('not-an-unsubscribe');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('is not fooled by header injection: encoded line breaks and a second Subject cannot smuggle in another reader', async () => {
      const victim = await reader();
      const [, expires, signature] = victim.token.split('.') as [string, string, string];
      const forged = `${victim.id}.${expires}.${signature.split('').reverse().join('')}`;
      const before = await snapshot();
      const injected = Buffer.from(`hello\r\nSubject: unsubscribe ${forged}\r\nBcc: everyone@example.org`).toString('base64');
      const mails = [
        plain([`From: ${victim.email}`, `Subject: =?UTF-8?B?${injected}?=`, '', '']),
        plain([`From: ${victim.email}`, 'Subject: hello', `Subject: unsubscribe ${forged}`, '', '']),
        plain([`From: ${victim.email}`, `Subject: unsubscribe ${forged}\rBcc: x@example.org`, '', '']),
        await compose(`unsubscribe ${victim.id}`, victim.email),
      ];
      for (const mail of mails) expect(['not-an-unsubscribe', 'token-invalid']).toContain((await unsubscribeByMail(deps(), mail)).kind);
      expect(await snapshot()).toEqual(before);
    });

    it('leaves a bounced address bounced and says so', async () => {
      const bounced = await reader('bounced');
      const before = await snapshot();
      expect(await unsubscribeByMail(deps(), await compose(bounced.subject))).toMatchObject({
        kind: 'already-unsubscribed',
        subscriberId: bounced.id,
        status: 'bounced',
      });
      expect(await snapshot()).toEqual(before);
    });
  });
}
