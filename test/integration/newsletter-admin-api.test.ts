/**
 * What the newsletter screens need from the Admin API, on SQLite and
 * PostgreSQL: published pieces to add to a round-up, the issue with the number
 * of confirmed readers "Send now" would reach, progress in the list, a
 * sandboxed preview, calling off a scheduled send and deleting a draft, and
 * refusals (bad input, no CSRF token, a role below Administrator) in the one
 * error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/auth/accounts.js';
import { NEWSLETTER_SEND_JOB } from '../../src/services/newsletter/schedule-issue.js';
import { failJob, leaseDueJobs, listJobs } from '../../src/storage/repositories/jobs.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';
import { insertSubscribers } from '../helpers/subscribers.js';

const API = '/api/admin/v1';
const PASSWORD = 'correct horse battery staple';

interface Item {
  kind: string;
  id: string;
  headline: string;
  url: string;
}
interface ErrorBody {
  errors: { code: string; message: string; property?: string }[];
}

for (const dialect of DIALECTS) {
  describe(`newsletter screens' Admin API (${dialectLabel(dialect)})`, () => {
    let site: TestSite;
    type Role = 'admin' | 'editor' | 'author' | 'contributor';
    const headers: Record<Role, Record<string, string>> = { admin: {}, editor: {}, author: {}, contributor: {} };

    beforeAll(async () => {
      site = await createTestSite(dialect);
      for (const role of ['admin', 'editor', 'author', 'contributor'] as const) {
        const email = `${role}@masthead.test`;
        await createUser(site.deps, { actor: null, email, name: role, role, password: PASSWORD });
        const res = await site.app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password: PASSWORD } });
        const cookie = res.cookies.find((c) => c.name === 'masthead_session')!;
        headers[role] = { cookie: `masthead_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
      }
      await insertSubscribers(site.deps.db, 3);
      await insertSubscribers(site.deps.db, 2, { prefix: 'waiting', status: 'pending' });
    }, 60_000);
    afterAll(async () => site?.close());

    const get = (url: string, as: Role | null = 'admin') =>
      site.app.inject({ method: 'GET', url: API + url, headers: as ? headers[as] : {} });

    it('finds published articles and briefs to add, by search or newest first', async () => {
      const newest = await get('/newsletter/candidates?limit=3');
      expect(newest.statusCode).toBe(200);
      const items = (newest.json() as { items: Item[] }).items;
      expect(items.filter((i) => i.kind === 'article')).toHaveLength(3);
      expect(items.filter((i) => i.kind === 'brief').length).toBeGreaterThan(0);
      expect(items.every((i) => i.url.startsWith('https://'))).toBe(true);

      const harbour = (await get('/newsletter/candidates?q=harbour&kind=article')).json() as { items: Item[] };
      expect(harbour.items.map((i) => i.headline)).toContain('Why the <harbour> matters');
      expect(harbour.items.every((i) => i.kind === 'article')).toBe(true);

      const briefs = (await get('/newsletter/candidates?q=SECOND&kind=brief')).json() as { items: Item[] };
      expect(briefs.items.map((i) => i.headline)).toEqual(['Second brief']);
      // LIKE wildcards are literal.
      expect(((await get('/newsletter/candidates?q=%25&kind=brief')).json() as { items: Item[] }).items).toEqual([]);
    });

    it('refuses bad queries, the unsigned and roles below Administrator', async () => {
      for (const query of ['limit=0', 'limit=51', 'kind=correction', `q=${'x'.repeat(201)}`]) {
        const res = await get(`/newsletter/candidates?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect((res.json() as ErrorBody).errors[0]).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
      const editor = await get('/newsletter/candidates', 'editor');
      expect(editor.statusCode).toBe(403);
      expect((editor.json() as ErrorBody).errors[0]).toMatchObject({ code: 'FORBIDDEN' });
      expect((await get('/newsletter/candidates', null)).statusCode).toBe(401);
      expect((await get('/subscribers/stats', 'editor')).statusCode).toBe(403);
    });

    it('refuses every newsletter and subscriber request to every role below Administrator, changing nothing', async () => {
      const created = await site.app.inject({ method: 'POST', url: `${API}/newsletter/issues`, headers: headers.admin, payload: {} });
      const id = (created.json() as { issue: { id: string } }).issue.id;
      const issuesBefore = await site.deps.db.selectFrom('newsletter_issues').selectAll().orderBy('id').execute();
      const subscribersBefore = await site.deps.db.selectFrom('subscribers').selectAll().orderBy('id').execute();
      const mailBefore = site.mail.length;
      const requests: { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object; type?: string }[] = [
        { method: 'GET', url: '/newsletter/issues' },
        { method: 'GET', url: `/newsletter/issues/${id}` },
        { method: 'GET', url: `/newsletter/issues/${id}/preview` },
        { method: 'GET', url: '/newsletter/candidates' },
        { method: 'POST', url: '/newsletter/issues', payload: {} },
        { method: 'PATCH', url: `/newsletter/issues/${id}`, payload: { intro: 'Not yours' } },
        { method: 'POST', url: `/newsletter/issues/${id}/test` },
        { method: 'POST', url: `/newsletter/issues/${id}/send` },
        { method: 'POST', url: `/newsletter/issues/${id}/schedule`, payload: { at: '2030-01-01T07:00:00Z' } },
        { method: 'GET', url: '/subscribers' },
        { method: 'GET', url: '/subscribers/stats' },
        { method: 'GET', url: '/subscribers/export.csv' },
        { method: 'POST', url: '/subscribers/import', payload: { csv: 'email\nsneaky@example.org\n' } },
      ];
      for (const role of ['editor', 'author', 'contributor'] as const) {
        for (const r of requests) {
          const res = await site.app.inject({
            method: r.method,
            url: API + r.url,
            headers: headers[role],
            ...(r.payload ? { payload: r.payload } : {}),
          });
          expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
          expect((res.json() as ErrorBody).errors[0], `${role} ${r.method} ${r.url}`).toMatchObject({ code: 'FORBIDDEN' });
        }
      }
      expect(await site.deps.db.selectFrom('newsletter_issues').selectAll().orderBy('id').execute()).toEqual(issuesBefore);
      expect(await site.deps.db.selectFrom('subscribers').selectAll().orderBy('id').execute()).toEqual(subscribersBefore);
      expect(site.mail.length).toBe(mailBefore);
    });

    it('shows an issue with the number of confirmed readers, progress in the list, and a sandboxed preview', async () => {
      const created = await site.app.inject({ method: 'POST', url: `${API}/newsletter/issues`, headers: headers.admin, payload: {} });
      expect(created.statusCode).toBe(201);
      const id = (created.json() as { issue: { id: string } }).issue.id;

      const one = await get(`/newsletter/issues/${id}`);
      expect(one.json()).toMatchObject({ issue: { id, status: 'draft' }, confirmedSubscribers: 3, progress: { total: 0 } });
      expect((await get(`/newsletter/issues/${id}`, 'editor')).statusCode).toBe(403);

      const preview = await get(`/newsletter/issues/${id}/preview`);
      expect(preview.statusCode).toBe(200);
      const csp = String(preview.headers['content-security-policy']);
      expect(csp).toContain('sandbox');
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('script-src');

      const sent = await site.app.inject({ method: 'POST', url: `${API}/newsletter/issues/${id}/send`, headers: headers.admin });
      expect(sent.statusCode).toBe(202);
      const list = (await get('/newsletter/issues')).json() as { issues: { id: string; status: string; progress: unknown }[] };
      expect(list.issues.find((i) => i.id === id)).toMatchObject({ status: 'scheduled', progress: { sent: 0 } });
    });

    it('calls off a scheduled send (the issue is a draft again, its job withdrawn) and deletes drafts only', async () => {
      const post = (url: string, h = headers.admin, payload?: object) =>
        site.app.inject({ method: 'POST', url: API + url, headers: h, ...(payload ? { payload } : {}) });
      const remove = (id: string, h = headers.admin) =>
        site.app.inject({ method: 'DELETE', url: `${API}/newsletter/issues/${id}`, headers: h });
      const sendJobs = async (id: string) =>
        (await listJobs(site.deps.db, { kind: NEWSLETTER_SEND_JOB, state: 'pending' })).filter(
          (j) => (j.payload as { issueId: string }).issueId === id,
        );
      const id = ((await post('/newsletter/issues', headers.admin, {})).json() as { issue: { id: string } }).issue.id;

      const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
      expect((await post(`/newsletter/issues/${id}/schedule`, headers.admin, { at })).statusCode).toBe(202);
      expect(await sendJobs(id)).toHaveLength(1);
      // Below Administrator, or without the CSRF token: refused, still scheduled.
      expect((await post(`/newsletter/issues/${id}/unschedule`, headers.editor)).statusCode).toBe(403);
      const noToken = await post(`/newsletter/issues/${id}/unschedule`, { cookie: headers.admin.cookie! });
      expect((noToken.json() as ErrorBody).errors[0]).toMatchObject({ code: 'CSRF_FAILED' });
      expect((await get(`/newsletter/issues/${id}`)).json()).toMatchObject({ issue: { status: 'scheduled' } });

      const off = await post(`/newsletter/issues/${id}/unschedule`);
      expect(off.statusCode).toBe(200);
      expect(off.json()).toMatchObject({ issue: { id, status: 'draft', scheduledAt: null } });
      expect(await sendJobs(id)).toHaveLength(0);
      const again = await post(`/newsletter/issues/${id}/unschedule`);
      expect(again.statusCode).toBe(409);
      expect((again.json() as ErrorBody).errors[0]).toMatchObject({ code: 'ISSUE_NOT_SCHEDULED' });

      // Scheduled again, and a runner has taken the job: the send has begun, so it stays.
      expect((await post(`/newsletter/issues/${id}/send`)).statusCode).toBe(202);
      const taken = await leaseDueJobs(site.deps.db, {
        workerId: 'test-runner',
        kinds: [NEWSLETTER_SEND_JOB],
        limit: 10,
        leaseMs: 60_000,
        now: new Date(),
      });
      expect(taken.map((j) => (j.payload as { issueId: string }).issueId)).toContain(id);
      const late = await post(`/newsletter/issues/${id}/unschedule`);
      expect(late.statusCode).toBe(409);
      expect((late.json() as ErrorBody).errors[0]).toMatchObject({ code: 'ISSUE_NOT_EDITABLE' });
      expect((await get(`/newsletter/issues/${id}`)).json()).toMatchObject({ issue: { status: 'scheduled' } });
      // The job failed for good before it began sending: nothing is left to call off, and the issue is a draft again.
      const job = taken.find((j) => (j.payload as { issueId: string }).issueId === id)!;
      expect(await failJob(site.deps.db, job.id, 'test-runner', 'the SMTP server was unreachable', new Date(), null)).toBe(true);
      const afterFailure = await post(`/newsletter/issues/${id}/unschedule`);
      expect(afterFailure.statusCode).toBe(200);
      expect(afterFailure.json()).toMatchObject({ issue: { id, status: 'draft' } });
      // Scheduled once more: not a draft, so it cannot be deleted.
      expect((await post(`/newsletter/issues/${id}/schedule`, headers.admin, { at })).statusCode).toBe(202);
      const notDraft = await remove(id);
      expect(notDraft.statusCode).toBe(409);
      expect((notDraft.json() as ErrorBody).errors[0]).toMatchObject({ code: 'ISSUE_NOT_DRAFT' });

      const draft = ((await post('/newsletter/issues', headers.admin, {})).json() as { issue: { id: string } }).issue.id;
      expect((await remove(draft, headers.editor)).statusCode).toBe(403);
      expect((await remove(draft)).statusCode).toBe(204);
      expect((await get(`/newsletter/issues/${draft}`)).statusCode).toBe(404);
      expect((await remove(draft)).statusCode).toBe(404);
    });

    it('pages the list of issues, newest first, with the totals', async () => {
      for (let i = 0; i < 3; i++)
        expect(
          (await site.app.inject({ method: 'POST', url: `${API}/newsletter/issues`, headers: headers.admin, payload: {} })).statusCode,
        ).toBe(201);
      type List = { issues: { id: string }[]; meta: { page: number; limit: number; total: number; pages: number } };
      const all = (await get('/newsletter/issues?limit=100')).json() as List;
      const total = all.meta.total;
      expect(total).toBe(all.issues.length);
      expect(total).toBeGreaterThanOrEqual(3);
      const pages = Math.ceil(total / 2);
      const seen: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const one = (await get(`/newsletter/issues?limit=2&page=${page}`)).json() as List;
        expect(one.meta).toEqual({ page, limit: 2, total, pages });
        seen.push(...one.issues.map((i) => i.id));
      }
      expect(seen).toEqual(all.issues.map((i) => i.id));
      const drafts = (await get('/newsletter/issues?status=draft&limit=100')).json() as List;
      expect(drafts.meta.total).toBe(drafts.issues.length);
      expect((await get('/newsletter/issues?page=0')).statusCode).toBe(400);
    });

    it('refuses broken edits, missing CSRF tokens and bad schedule times in the error shape', async () => {
      const created = await site.app.inject({ method: 'POST', url: `${API}/newsletter/issues`, headers: headers.admin, payload: {} });
      const id = (created.json() as { issue: { id: string } }).issue.id;
      const patch = (payload: unknown, h = headers.admin) =>
        site.app.inject({ method: 'PATCH', url: `${API}/newsletter/issues/${id}`, headers: h, payload: payload as object });

      const badItem = await patch({ items: [{ kind: 'article', id: 'x', headline: 'No URL' }] });
      expect(badItem.statusCode).toBe(400);
      expect((badItem.json() as ErrorBody).errors[0]).toMatchObject({
        code: 'VALIDATION_FAILED',
        property: expect.stringContaining('items'),
      });
      expect((await patch({ subject: 'Two\r\nlines' })).statusCode).toBe(400);
      expect((await patch({ intro: 'x'.repeat(5001) })).statusCode).toBe(400);

      const { cookie } = headers.admin;
      const noToken = await patch({ intro: 'Hello' }, { cookie: cookie! });
      expect(noToken.statusCode).toBe(403);
      expect((noToken.json() as ErrorBody).errors[0]).toMatchObject({ code: 'CSRF_FAILED' });
      expect((await patch({ intro: 'Hello' }, headers.editor)).statusCode).toBe(403);

      const schedule = (at: string) =>
        site.app.inject({ method: 'POST', url: `${API}/newsletter/issues/${id}/schedule`, headers: headers.admin, payload: { at } });
      expect((await schedule('next tuesday')).statusCode).toBe(400);
      expect((await patch({ intro: 'Hello' })).json()).toMatchObject({ issue: { intro: 'Hello' } });
    });
  });
}
