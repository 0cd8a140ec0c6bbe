/**
 * The settings in the Admin API, on SQLite and PostgreSQL: the publication's
 * settings (and the round-up schedule following them), and the mail settings
 * with the SMTP password never shown or logged and the environment winning.
 */
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextSendTime } from '../../src/domain/newsletter/round-up.js';
import { buildApp } from '../../src/http/app.js';
import { createUser } from '../../src/services/auth/accounts.js';
import { armWeeklyCompose, NEWSLETTER_COMPOSE_JOB, runWeeklyCompose } from '../../src/services/newsletter/schedule-issue.js';
import { getMailSettings } from '../../src/services/settings/mail-settings.js';
import { listJobs } from '../../src/storage/repositories/jobs.js';
import { listIssues } from '../../src/storage/repositories/newsletter.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite, TEST_BASE_URL } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const ADMIN = '/api/admin/v1';
const PASSWORD = 'correct horse battery staple';
// A Friday, 09:00 UTC.
const T0 = new Date('2026-03-06T09:00:00.000Z');
const SMTP_PASSWORD = 's3cret-pa55word';

type Headers = Record<string, string>;
const errorsOf = (res: LightMyRequestResponse) => (res.json() as { errors: { code: string; message: string; property?: string }[] }).errors;

for (const dialect of DIALECTS) {
  describe(`settings in the Admin API (${dialectLabel(dialect)})`, () => {
    let site: TestSite;
    let now: Date;
    const clock = () => now;
    let admin: Headers;

    async function signIn(role: 'admin' | 'editor' | 'contributor', target = site): Promise<Headers> {
      const email = `${role}@masthead.test`;
      await createUser(target.deps, { actor: null, email, name: role, role, password: PASSWORD });
      const res = await target.app.inject({ method: 'POST', url: `${ADMIN}/session`, payload: { email, password: PASSWORD } });
      return {
        cookie: `masthead_session=${res.cookies.find((c) => c.name === 'masthead_session')!.value}`,
        'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
      };
    }
    const call = (headers: Headers, method: 'GET' | 'PATCH', url: string, payload?: unknown, target = site) =>
      target.app.inject({ method, url: `${ADMIN}${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

    beforeEach(async () => {
      now = T0;
      site = await createTestSite(dialect, { clock });
      admin = await signIn('admin');
    });
    afterEach(async () => {
      await site?.close();
    });

    it('reads and changes the publication’s settings; the reader site shows them', async () => {
      const got = await call(admin, 'GET', '/settings');
      expect(got.statusCode).toBe(200);
      expect((got.json() as { settings: { title: string } }).settings.title).toBeTruthy();
      expect((await site.app.inject({ url: '/' })).statusCode).toBe(200); // fills the page cache

      const res = await call(admin, 'PATCH', '/settings', {
        title: 'The Harbour Review',
        tagline: 'Ports and politics',
        navigation: [{ label: 'Europe', path: '/sections/europe' }],
        social: [{ network: 'Mastodon', handle: '@review', url: 'https://social.example/@review' }],
        colors: { accent: '#123456', accentDark: '#abcdef' },
        feedContent: 'excerpt',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { settings: Record<string, unknown> }).settings).toMatchObject({
        title: 'The Harbour Review',
        tagline: 'Ports and politics',
        feedContent: 'excerpt',
        colors: { accent: '#123456', accentDark: '#abcdef' },
      });
      const home = await site.app.inject({ url: '/' });
      expect(home.body).toContain('The Harbour Review');
    });

    it('refuses bad settings field by field, and stores none of a bad request', async () => {
      const before = (await call(admin, 'GET', '/settings')).json() as { settings: Record<string, unknown> };
      const res = await call(admin, 'PATCH', '/settings', {
        title: '   ',
        language: 'English',
        timeZone: 'Mars/Olympus',
        colors: { accent: 'red', accentDark: '#000000' },
        navigation: [{ label: 'Away', path: 'https://evil.example' }],
        newsletterHour: 24,
      });
      expect(res.statusCode).toBe(400);
      const properties = errorsOf(res).map((e) => e.property);
      expect(properties).toEqual(
        expect.arrayContaining(['title', 'language', 'timeZone', 'colors.accent', 'navigation.0.path', 'newsletterHour']),
      );
      expect(errorsOf(res).every((e) => e.code === 'VALIDATION_FAILED' && e.message.length > 0)).toBe(true);
      expect((await call(admin, 'PATCH', '/settings', { logoKey: '../../etc/passwd' })).statusCode).toBe(400);
      expect((await call(admin, 'PATCH', '/settings', { unknown: 1 })).statusCode).toBe(400);
      expect((await call(admin, 'PATCH', '/settings', ['a', 'list'])).statusCode).toBe(400);
      expect((await call(admin, 'PATCH', '/settings', 'not json')).statusCode).toBe(415);
      expect((await call(admin, 'GET', '/settings')).json()).toEqual(before);
    });

    it('lets administrators only read or change any settings, with a CSRF token', async () => {
      for (const role of ['editor', 'contributor'] as const) {
        const headers = await signIn(role);
        for (const url of ['/settings', '/settings/mail']) {
          const read = await call(headers, 'GET', url);
          expect(read.statusCode, `${role} GET ${url}`).toBe(403);
          expect(errorsOf(read)[0]!.code).toBe('FORBIDDEN');
          // Refused before the body is looked at: a bad body still answers 403.
          expect((await call(headers, 'PATCH', url, { title: '' })).statusCode, `${role} PATCH ${url}`).toBe(403);
        }
      }
      expect((await site.app.inject({ method: 'GET', url: `${ADMIN}/settings` })).statusCode).toBe(401);
      const noCsrf = await site.app.inject({
        method: 'PATCH',
        url: `${ADMIN}/settings`,
        headers: { cookie: admin.cookie! },
        payload: { title: 'Sneaky' },
      });
      expect(noCsrf.statusCode).toBe(403);
      expect(errorsOf(noCsrf)[0]!.code).toBe('CSRF_FAILED');
    });

    it('moves the armed round-up when its day, hour or time zone changes, and only then', async () => {
      const armedAt = await armWeeklyCompose(site.deps);
      const pending = async () => listJobs(site.deps.db, { kind: NEWSLETTER_COMPOSE_JOB, state: 'pending' });
      expect(await pending()).toHaveLength(1);

      expect((await call(admin, 'PATCH', '/settings', { title: 'Only the title' })).statusCode).toBe(200);
      expect((await pending())[0]!.runAt).toBe(armedAt.toISOString());

      expect((await call(admin, 'PATCH', '/settings', { newsletterDay: 'tuesday', newsletterHour: 7 })).statusCode).toBe(200);
      let jobs = await pending();
      expect(jobs).toHaveLength(1);
      // Tuesday 07:00 in the site's zone after Friday 6 March.
      expect(jobs[0]!.runAt).toBe(nextSendTime(T0, 'tuesday', 7, (await siteZone()) ?? 'UTC').toISOString());

      expect((await call(admin, 'PATCH', '/settings', { timeZone: 'Asia/Tokyo' })).statusCode).toBe(200);
      jobs = await pending();
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.runAt).toBe('2026-03-09T22:00:00.000Z'); // Tuesday 10 March, 07:00 in Tokyo

      // A failed save moves nothing.
      expect((await call(admin, 'PATCH', '/settings', { newsletterDay: 'someday' })).statusCode).toBe(400);
      expect((await pending())[0]!.runAt).toBe('2026-03-09T22:00:00.000Z');
    });

    it('a compose job for a slot the settings left behind only re-arms; at boot it is moved too', async () => {
      const deps = { ...site.deps, config: { publicUrl: TEST_BASE_URL } };
      const old = await armWeeklyCompose(deps);
      // The schedule changes behind the armed job's back (an older release, or another node mid-run).
      const { writeSetting } = await import('../../src/storage/repositories/settings.js');
      await writeSetting(site.deps.db, 'site.newsletterDay', 'wednesday');
      await runWeeklyCompose(deps, { runAt: old.toISOString(), attempts: 1 });
      expect(await listIssues(site.deps.db, { limit: 10 })).toHaveLength(0);
      const [job] = await listJobs(site.deps.db, { kind: NEWSLETTER_COMPOSE_JOB, state: 'pending' });
      const zone = (await siteZone()) ?? 'UTC';
      const hour = ((await call(admin, 'GET', '/settings')).json() as { settings: { newsletterHour: number } }).settings.newsletterHour;
      expect(job!.runAt).toBe(nextSendTime(T0, 'wednesday', hour, zone).toISOString());

      await writeSetting(site.deps.db, 'site.newsletterDay', 'thursday');
      expect((await armWeeklyCompose(deps)).toISOString()).toBe(nextSendTime(T0, 'thursday', hour, zone).toISOString());
      // A job at its slot composes.
      await runWeeklyCompose(deps, { runAt: nextSendTime(T0, 'thursday', hour, zone).toISOString(), attempts: 1 });
      expect(await listIssues(site.deps.db, { limit: 10 })).toHaveLength(1);
    });

    async function siteZone(): Promise<string | undefined> {
      return ((await call(admin, 'GET', '/settings')).json() as { settings: { timeZone?: string } }).settings.timeZone;
    }

    it('stores mail settings, never shows the SMTP password, and keeps it when the masked URL comes back', async () => {
      const empty = await call(admin, 'GET', '/settings/mail');
      expect(empty.statusCode).toBe(200);
      expect((empty.json() as { mail: unknown }).mail).toMatchObject({
        smtpUrl: null,
        mailFrom: null,
        maxConnections: 5,
        rateLimit: null,
        source: { smtpUrl: 'none', mailFrom: 'none' },
      });

      const saved = await call(admin, 'PATCH', '/settings/mail', {
        smtpUrl: `smtp://mailer:${SMTP_PASSWORD}@smtp.example.org:587`,
        mailFrom: '"The Review" <news@example.org>',
        maxConnections: 10,
        rateLimit: 200,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.body).not.toContain(SMTP_PASSWORD);
      const mail = (saved.json() as { mail: { smtpUrl: string; source: unknown } }).mail;
      expect(mail).toMatchObject({
        smtpUrl: 'smtp://mailer:••••@smtp.example.org:587',
        mailFrom: '"The Review" <news@example.org>',
        maxConnections: 10,
        rateLimit: 200,
        source: { smtpUrl: 'settings', mailFrom: 'settings' },
      });
      expect((await call(admin, 'GET', '/settings/mail')).body).not.toContain(SMTP_PASSWORD);

      // Saved back as shown: the password stays.
      expect((await call(admin, 'PATCH', '/settings/mail', { smtpUrl: mail.smtpUrl, rateLimit: null })).statusCode).toBe(200);
      expect(await getMailSettings(site.deps)).toEqual({
        smtpUrl: `smtp://mailer:${SMTP_PASSWORD}@smtp.example.org:587`,
        mailFrom: '"The Review" <news@example.org>',
        maxConnections: 10,
        rateLimit: null,
      });
      // The mask never goes to another server or user.
      const moved = await call(admin, 'PATCH', '/settings/mail', { smtpUrl: 'smtp://mailer:••••@evil.example:587' });
      expect(moved.statusCode).toBe(422);
      expect(errorsOf(moved)[0]).toMatchObject({ code: 'SMTP_PASSWORD_NEEDED', property: 'smtpUrl' });
      expect((await getMailSettings(site.deps)).smtpUrl).toContain(SMTP_PASSWORD);
      // And null clears it.
      expect((await call(admin, 'PATCH', '/settings/mail', { smtpUrl: null })).statusCode).toBe(200);
      expect((await getMailSettings(site.deps)).smtpUrl).toBeNull();
    });

    it('refuses bad mail settings field by field, without repeating a password', async () => {
      const bad: [Record<string, unknown>, string][] = [
        [{ smtpUrl: `http://mailer:${SMTP_PASSWORD}@smtp.example.org` }, 'smtpUrl'],
        [{ smtpUrl: `smtp://mailer:${SMTP_PASSWORD}@smtp.example.org\r\nX: y` }, 'smtpUrl'],
        [{ smtpUrl: 'smtp://' }, 'smtpUrl'],
        [{ mailFrom: 'news@example.org\r\nBcc: all@example.org' }, 'mailFrom'],
        [{ mailFrom: 'The Review <news@example.org>\n' }, 'mailFrom'],
        [{ mailFrom: 'not an address' }, 'mailFrom'],
        [{ mailFrom: `${'a'.repeat(10_000)}@example.org` }, 'mailFrom'],
        [{ maxConnections: 0 }, 'maxConnections'],
        [{ maxConnections: 51 }, 'maxConnections'],
        [{ maxConnections: 2.5 }, 'maxConnections'],
        [{ rateLimit: 0 }, 'rateLimit'],
        [{ rateLimit: 10_001 }, 'rateLimit'],
        [{ rateLimit: '100' }, 'rateLimit'],
      ];
      for (const [payload, property] of bad) {
        const res = await call(admin, 'PATCH', '/settings/mail', payload);
        expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
        expect(errorsOf(res)[0]).toMatchObject({ code: 'VALIDATION_FAILED', property });
        expect(res.body).not.toContain(SMTP_PASSWORD);
      }
      expect((await call(admin, 'PATCH', '/settings/mail', { password: 'x' })).statusCode).toBe(400);
      for (const ok of ['news@example.org', 'The Review <news@example.org>', '"Review, The" <news@example.org>'])
        expect((await call(admin, 'PATCH', '/settings/mail', { mailFrom: ok })).statusCode, ok).toBe(200);
      expect((await call(admin, 'PATCH', '/settings/mail', { smtpUrl: 'smtps://smtp.example.org' })).statusCode).toBe(200);
    });

    it('says when the environment wins, and will not change what it sets', async () => {
      const envSite = await createTestSite(dialect, {
        clock,
        publication: null,
        mailEnvironment: { smtpUrl: `smtps://ops:${SMTP_PASSWORD}@mail.example.org:465`, mailFrom: 'Ops <ops@example.org>' },
      });
      try {
        const headers = await signIn('admin', envSite);
        const res = await call(headers, 'GET', '/settings/mail', undefined, envSite);
        expect(res.body).not.toContain(SMTP_PASSWORD);
        expect((res.json() as { mail: unknown }).mail).toMatchObject({
          environment: { smtpUrl: 'smtps://ops:••••@mail.example.org:465', mailFrom: 'Ops <ops@example.org>' },
          source: { smtpUrl: 'environment', mailFrom: 'environment' },
        });
        const refused = await call(headers, 'PATCH', '/settings/mail', { smtpUrl: 'smtp://other.example.org' }, envSite);
        expect(refused.statusCode).toBe(409);
        expect(errorsOf(refused)[0]).toMatchObject({ code: 'SET_BY_ENVIRONMENT', property: 'smtpUrl' });
        expect(errorsOf(refused)[0]!.message).toContain('MASTHEAD_SMTP_URL');
        const from = await call(headers, 'PATCH', '/settings/mail', { mailFrom: 'x@example.org' }, envSite);
        expect(errorsOf(from)[0]).toMatchObject({ code: 'SET_BY_ENVIRONMENT', property: 'mailFrom' });
        // The pool and rate have no variable: they stay the admin's.
        expect((await call(headers, 'PATCH', '/settings/mail', { maxConnections: 3, rateLimit: 50 }, envSite)).statusCode).toBe(200);
      } finally {
        await envSite.close();
      }
    });

    it('Content API keys: administrators only, and bad names or unknown keys get a clear 4xx', async () => {
      const post = (headers: Headers, payload: unknown) =>
        site.app.inject({ method: 'POST', url: `${ADMIN}/content-keys`, headers, payload: payload as object });
      const created = await post(admin, { name: 'Partner app' });
      expect(created.statusCode).toBe(201);
      const key = (created.json() as { key: { id: string; key: string } }).key;
      for (const [payload, property] of [
        [{ name: '   ' }, 'name'],
        [{ name: 'x'.repeat(121) }, 'name'],
        [{}, 'name'],
        [{ name: 'Ok', scope: 'write' }, undefined],
      ] as const) {
        const res = await post(admin, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(errorsOf(res)[0]!.code).toBe('VALIDATION_FAILED');
        if (property) expect(errorsOf(res)[0]!.property).toBe(property);
      }
      expect((await site.app.inject({ method: 'DELETE', url: `${ADMIN}/content-keys/no-such-key`, headers: admin })).statusCode).toBe(404);
      const editor = await signIn('editor');
      for (const [method, url] of [
        ['GET', '/content-keys'],
        ['POST', '/content-keys'],
        ['DELETE', `/content-keys/${key.id}`],
      ] as const) {
        const res = await site.app.inject({
          method,
          url: `${ADMIN}${url}`,
          headers: editor,
          ...(method === 'POST' ? { payload: { name: 'Mine' } } : {}),
        });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
      const listed = await site.app.inject({ method: 'GET', url: `${ADMIN}/content-keys`, headers: admin });
      expect(listed.body).not.toContain(key.key);
      expect((listed.json() as { keys: { revokedAt: string | null }[] }).keys).toMatchObject([{ revokedAt: null }]);
    });

    it('never writes the SMTP password to the log, even at trace level', async () => {
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      });
      const { app } = await buildApp({
        deps: site.deps,
        config: { publicUrl: TEST_BASE_URL, dataDir: site.mediaRoot },
        mediaRoot: site.mediaRoot,
        logger: { level: 'trace', stream },
      });
      try {
        const target = { ...site, app };
        const url = `smtp://mailer:${SMTP_PASSWORD}@smtp.example.org:587`;
        expect((await call(admin, 'PATCH', '/settings/mail', { smtpUrl: url }, target)).statusCode).toBe(200);
        expect((await call(admin, 'PATCH', '/settings/mail', { smtpUrl: `${url}\n` }, target)).statusCode).toBe(400);
        expect((await call(admin, 'GET', '/settings/mail', undefined, target)).statusCode).toBe(200);
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.join('')).not.toContain(SMTP_PASSWORD);
      } finally {
        await app.close();
      }
    });
  });
}
