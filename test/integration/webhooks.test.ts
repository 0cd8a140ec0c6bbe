/**
 * Webhooks on SQLite and on PostgreSQL: registration through the Admin API
 * (SSRF refused by default), signed deliveries to a real local receiver,
 * retries with backoff driven by an injected clock, the delivery log, and
 * nothing sent for a change that was rolled back.
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/jobs/handlers/index.js';
import { createJobRunner } from '../../src/jobs/runner.js';
import { isPublicAddress } from '../../src/lib/network-address.js';
import { createUser } from '../../src/services/auth/accounts.js';
import { WEBHOOK_JOB } from '../../src/services/distribution/webhooks.js';
import { guardedLookup, postWebhook } from '../../src/services/distribution/webhook-post.js';
import { deliverWebhookHandler } from '../../src/jobs/handlers/deliver-webhook.js';
import { moveArticle } from '../../src/services/newsroom/articles.js';
import { findAuthorBySlug } from '../../src/storage/repositories/authors.js';
import { listJobs } from '../../src/storage/repositories/jobs.js';
import { findArticleTypeBySlug, findSectionBySlug } from '../../src/storage/repositories/taxonomy.js';
import { withTransaction } from '../../src/storage/transaction.js';
import { signIn } from '../helpers/admin-session.js';
import type { AdminSession } from '../helpers/admin-session.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const ADMIN = '/api/admin/v1';
const PASSWORD = 'correct horse battery staple';
const T0 = new Date('2026-03-02T09:00:00.000Z');
const SECOND = 1_000;
/** A planned status meaning: keep the connection open and never answer. */
const HANG = -1;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that answers each request with the next planned status (then 200). */
class Receiver {
  readonly received: Received[] = [];
  plan: number[] = [];
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = this.plan.shift() ?? 200;
      if (status === HANG) return; // never answers
      if (status === 302) return res.writeHead(302, { location: '/elsewhere' }).end();
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'thanks' : `not now (${status})`);
    });
  });
  url = '';
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/masthead`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** What a receiver does: recompute the HMAC over "<t>.<body>" with the secret shown at registration. */
function verify(received: Received, secret: string): boolean {
  const header = String(received.headers['masthead-signature'] ?? '');
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${received.body}`).digest('hex');
  return expected === match[2];
}

const errorsOf = (res: LightMyRequestResponse) => (res.json() as { errors: { code: string; message: string; property?: string }[] }).errors;

describe('public addresses', () => {
  it('tells public addresses from loopback, private, link-local, unspecified and multicast ones', () => {
    for (const ip of ['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPublicAddress(ip), ip).toBe(true);
    for (const ip of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '224.0.0.1',
      '100.64.0.1',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not-an-ip',
    ])
      expect(isPublicAddress(ip), ip).toBe(false);
    expect(isPublicAddress('172.32.0.1')).toBe(true);
  });
});

for (const dialect of DIALECTS) {
  describe(`webhooks on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    let now: Date;
    const clock = () => now;
    let receiver: Receiver;
    let session: AdminSession;
    let ids: { section: string; type: string; author: string };
    let adminId: string;
    /** The site's own policy object: a test allows the local receiver by flipping it. */
    const policy = { allowPrivate: false };

    beforeAll(async () => {
      receiver = new Receiver();
      await receiver.start();
    });
    afterAll(async () => {
      await receiver.stop();
    });
    beforeEach(async () => {
      now = T0;
      receiver.received.length = 0;
      receiver.plan = [];
      policy.allowPrivate = false;
      site = await createTestSite(dialect, { clock, webhookPolicy: policy });
      const admin = await createUser(site.deps, {
        actor: null,
        email: 'admin@masthead.test',
        name: 'Admin',
        role: 'admin',
        password: PASSWORD,
      });
      adminId = admin.id;
      session = await signIn(site.app, 'admin@masthead.test', PASSWORD);
      const [section, type, author] = await Promise.all([
        findSectionBySlug(site.deps.db, 'europe'),
        findArticleTypeBySlug(site.deps.db, 'news'),
        findAuthorBySlug(site.deps.db, 'anna-berg'),
      ]);
      ids = { section: section!.id, type: type!.id, author: author!.id };
    });
    afterEach(async () => {
      await site?.close();
    });

    const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
      site.app.inject({
        method,
        url: `${ADMIN}${url}`,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        ...(payload ? { payload } : {}),
      });

    async function register(events: string[], url = receiver.url): Promise<{ id: string; secret: string }> {
      policy.allowPrivate = true;
      const res = await api('POST', '/webhooks', { url, events, description: 'Partner' });
      policy.allowPrivate = false;
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { webhook: { id: string; secret: string } }).webhook;
    }

    async function draft(headline = 'Harbour fees rise'): Promise<{ id: string; version: number }> {
      const res = await api('POST', '/articles', {
        sectionId: ids.section,
        typeId: ids.type,
        headline,
        authorIds: [ids.author],
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A line.' }] }] },
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { article: { id: string; version: number } }).article;
    }

    const workflow = async (id: string, action: string) => {
      const res = await api('POST', `/articles/${id}/workflow`, { action });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { article: { id: string; version: number } }).article;
    };

    /** Runs due jobs with the delivery check allowing the local receiver. */
    async function runJobs(): Promise<number> {
      return createJobRunner({
        db: site.deps.db,
        clock,
        handlers: jobHandlers({ ...site.deps, webhookPolicy: { allowPrivate: true } }),
      }).runDue();
    }

    it('registers a hook (secret shown once), signs every delivery, and sends each event it listens to', async () => {
      const hook = await register(['article.published', 'article.updated', 'article.corrected', 'article.unpublished']);
      expect(hook.secret).toMatch(/^whsec_/);
      const listed = await api('GET', '/webhooks');
      expect(listed.statusCode).toBe(200);
      expect(listed.body).not.toContain(hook.secret);
      expect((listed.json() as { webhooks: { id: string; events: string[] }[] }).webhooks[0]).toMatchObject({
        id: hook.id,
        url: receiver.url,
      });

      const { id } = await draft();
      expect(await runJobs()).toBe(0); // a draft is nobody's business
      const published = await workflow(id, 'publish');
      const saved = await api('PATCH', `/articles/${id}`, { version: published.version, dek: 'Now with a dek.' });
      expect(saved.statusCode, saved.body).toBe(200);
      expect((await api('POST', `/articles/${id}/corrections`, { kind: 'correction', text: 'The fee was misstated.' })).statusCode).toBe(
        201,
      );
      await workflow(id, 'unpublish');
      expect(await runJobs()).toBe(4);

      const events = receiver.received.map((r) => r.headers['masthead-event']).sort();
      expect(events).toEqual(['article.corrected', 'article.published', 'article.unpublished', 'article.updated']);
      for (const r of receiver.received) {
        expect(verify(r, hook.secret)).toBe(true);
        expect(verify(r, 'whsec_wrong')).toBe(false);
        expect(r.headers['content-type']).toBe('application/json');
        const body = JSON.parse(r.body) as { event: string; data: { article: { id: string } } };
        expect(body.event).toBe(r.headers['masthead-event']);
        expect(body.data.article.id).toBe(id);
      }
      const t = /t=(\d+)/.exec(String(receiver.received[0]!.headers['masthead-signature']))![1];
      expect(Number(t)).toBe(Math.floor(T0.getTime() / 1000));
      // A hook that does not listen to an event gets nothing of it.
      const log = await api('GET', `/webhooks/${hook.id}/deliveries`);
      expect((log.json() as { deliveries: { status: number }[] }).deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200]);
    });

    it('retries a receiver that fails twice and delivers once it recovers, logging each answer', async () => {
      const hook = await register(['article.published']);
      receiver.plan = [500, 503];
      const { id } = await draft();
      await workflow(id, 'publish');

      expect(await runJobs()).toBe(1);
      expect(receiver.received).toHaveLength(1);
      // The log says when the next attempt is due.
      const first = (await api('GET', `/webhooks/${hook.id}/deliveries`)).json() as { deliveries: { nextRetryAt: string | null }[] };
      expect(first.deliveries[0]!.nextRetryAt).toBe(new Date(T0.getTime() + 5 * SECOND).toISOString());
      expect(await runJobs()).toBe(0); // backing off: not due yet
      now = new Date(T0.getTime() + 5 * SECOND);
      expect(await runJobs()).toBe(1);
      expect(receiver.received).toHaveLength(2);
      now = new Date(now.getTime() + 9 * SECOND);
      expect(await runJobs()).toBe(0); // the second wait is longer
      now = new Date(now.getTime() + 1 * SECOND);
      expect(await runJobs()).toBe(1);
      expect(receiver.received).toHaveLength(3);
      expect(receiver.received.every((r) => verify(r, hook.secret))).toBe(true);
      // Every attempt carries the same event.
      expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);

      const [job] = await listJobs(site.deps.db, { kind: WEBHOOK_JOB });
      expect(job).toMatchObject({ state: 'done', attempts: 3 });
      const log = (await api('GET', `/webhooks/${hook.id}/deliveries`)).json() as {
        deliveries: { attempt: number; status: number; responseSnippet: string; error: string | null; nextRetryAt: string | null }[];
      };
      expect(log.deliveries.map((d) => [d.attempt, d.status])).toEqual([
        [3, 200],
        [2, 503],
        [1, 500],
      ]);
      expect(log.deliveries[1]!.responseSnippet).toBe('not now (503)');
      expect(log.deliveries[0]).toMatchObject({ responseSnippet: 'thanks', error: null, nextRetryAt: null });
      expect(log.deliveries[1]!.nextRetryAt).toBeNull(); // retried already
    });

    it('lets administrators only manage hooks and read their log', async () => {
      const hook = await register(['article.published']);
      await createUser(site.deps, { actor: null, email: 'editor@masthead.test', name: 'Ed', role: 'editor', password: PASSWORD });
      const editor = await signIn(site.app, 'editor@masthead.test', PASSWORD);
      const headers = { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken };
      policy.allowPrivate = true;
      for (const [method, url, payload] of [
        ['GET', '/webhooks', undefined],
        ['POST', '/webhooks', { url: receiver.url, events: ['article.published'] }],
        ['DELETE', `/webhooks/${hook.id}`, undefined],
        ['GET', `/webhooks/${hook.id}/deliveries`, undefined],
      ] as const) {
        const answer = await site.app.inject({ method, url: `${ADMIN}${url}`, headers, ...(payload ? { payload } : {}) });
        expect(answer.statusCode, `${method} ${url}`).toBe(403);
        expect(errorsOf(answer)[0]!.code).toBe('FORBIDDEN');
      }
      expect((await api('GET', '/webhooks/no-such-hook/deliveries')).statusCode).toBe(404);
      const noEvents = await api('POST', '/webhooks', { url: receiver.url, events: [] });
      expect(noEvents.statusCode).toBe(400);
      expect(errorsOf(noEvents)[0]!.property).toBe('events');
      expect((await api('GET', '/webhooks')).json()).toMatchObject({ webhooks: [{ id: hook.id }] });
    });

    it('refuses loopback, private and non-http targets by default, with a clear 400', async () => {
      for (const url of [
        'http://127.0.0.1:8080/hook',
        'http://10.0.0.1/hook',
        'http://[::1]/hook',
        'http://169.254.169.254/latest',
        'http://localhost/hook',
        'ftp://example.com/x',
        'not a url',
      ]) {
        const res = await api('POST', '/webhooks', { url, events: ['article.published'] });
        expect(res.statusCode, url).toBe(400);
        const [error] = errorsOf(res);
        expect(error, url).toMatchObject({ code: 'WEBHOOK_TARGET_REFUSED', property: 'url' });
      }
      const error = errorsOf(await api('POST', '/webhooks', { url: 'http://10.0.0.1/hook', events: ['article.published'] }))[0]!;
      expect(error.message).toContain('10.0.0.1');
      const unknownEvent = await api('POST', '/webhooks', { url: 'https://example.com/hook', events: ['article.deleted'] });
      expect(unknownEvent.statusCode).toBe(400);
      expect((await api('GET', '/webhooks')).json()).toMatchObject({ webhooks: [] });
    });

    it('checks the target again at delivery time', async () => {
      const hook = await register(['article.published']);
      const { id } = await draft();
      await workflow(id, 'publish');
      // Under the default policy the local receiver is refused now, as a rebound name would be.
      expect(await createJobRunner({ db: site.deps.db, clock, handlers: jobHandlers(site.deps) }).runDue()).toBe(1);
      expect(receiver.received).toHaveLength(0);
      const log = (await api('GET', `/webhooks/${hook.id}/deliveries`)).json() as {
        deliveries: { status: number | null; error: string }[];
      };
      expect(log.deliveries[0]!.status).toBeNull();
      expect(log.deliveries[0]!.error).toContain('refused');
      const [job] = await listJobs(site.deps.db, { kind: WEBHOOK_JOB });
      expect(job!.state).toBe('pending');
    });

    it('sends nothing for a change that was rolled back or refused', async () => {
      await register(['article.published', 'article.corrected']);
      const { id } = await draft();
      await expect(
        withTransaction(site.deps.db, async (trx) => {
          await moveArticle({ ...site.deps, db: trx }, { id: adminId, role: 'admin' }, id, 'publish');
          throw new Error('something later in the same transaction failed');
        }),
      ).rejects.toThrow('something later');
      // Correcting a draft is refused: its transaction rolls back too.
      expect((await api('POST', `/articles/${id}/corrections`, { kind: 'correction', text: 'x' })).statusCode).toBe(409);
      expect(await listJobs(site.deps.db, { kind: WEBHOOK_JOB })).toEqual([]);
      expect(await runJobs()).toBe(0);
      expect(receiver.received).toHaveLength(0);
    });

    it('follows no redirect and gives up on a receiver that does not answer in time', async () => {
      const hook = await register(['article.published']);
      receiver.plan = [302, HANG];
      const { id } = await draft();
      await workflow(id, 'publish');
      const run = () =>
        createJobRunner({
          db: site.deps.db,
          clock,
          handlers: { [WEBHOOK_JOB]: deliverWebhookHandler(site.deps, { allowPrivate: true, timeoutMs: 300 }) },
        }).runDue();
      expect(await run()).toBe(1);
      now = new Date(T0.getTime() + 5 * SECOND);
      expect(await run()).toBe(1);
      // The redirect's target was never asked for.
      expect(receiver.received.map((r) => r.headers['masthead-event'])).toEqual(['article.published', 'article.published']);
      const log = (await api('GET', `/webhooks/${hook.id}/deliveries`)).json() as {
        deliveries: { status: number | null; error: string }[];
      };
      expect(log.deliveries.map((d) => d.status)).toEqual([null, 302]);
      expect(log.deliveries[0]!.error).toContain('no answer within 300 ms');
      const [job] = await listJobs(site.deps.db, { kind: WEBHOOK_JOB });
      expect(job).toMatchObject({ state: 'pending', attempts: 2 });
    });

    it('deletes a hook, which ends its pending deliveries quietly', async () => {
      const hook = await register(['article.published']);
      const { id } = await draft();
      await workflow(id, 'publish');
      expect((await api('DELETE', `/webhooks/${hook.id}`)).statusCode).toBe(204);
      expect((await api('DELETE', `/webhooks/${hook.id}`)).statusCode).toBe(404);
      expect((await api('GET', `/webhooks/${hook.id}/deliveries`)).statusCode).toBe(404);
      expect(await runJobs()).toBe(1);
      expect(receiver.received).toHaveLength(0);
      const [job] = await listJobs(site.deps.db, { kind: WEBHOOK_JOB });
      expect(job!.state).toBe('done');
    });
  });
}

describe('the connection-level address check', () => {
  it('refuses a name that resolves to loopback inside the lookup the connection itself makes', async () => {
    const refused = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guardedLookup('localhost', { all: true }, (error) => resolve(error)),
    );
    expect(refused?.code).toBe('EWEBHOOKTARGET');
    const single = await new Promise<NodeJS.ErrnoException | null>((resolve) => guardedLookup('localhost', {}, (error) => resolve(error)));
    expect(single?.code).toBe('EWEBHOOKTARGET');
    const receiver = new Receiver();
    await receiver.start();
    try {
      const local = new URL(receiver.url.replace('127.0.0.1', 'localhost'));
      await expect(postWebhook(local, {}, '{}', { timeoutMs: 2_000, allowPrivate: false, maxBytes: 100 })).rejects.toThrow(/may not reach/);
      expect(receiver.received).toHaveLength(0);
      const allowed = await postWebhook(local, {}, '{}', { timeoutMs: 2_000, allowPrivate: true, maxBytes: 3 });
      expect(allowed).toEqual({ status: 200, text: 'tha' });
    } finally {
      await receiver.stop();
    }
  });
});
