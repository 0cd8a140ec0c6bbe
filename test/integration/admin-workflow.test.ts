/**
 * The newsroom over the Admin API, on SQLite and on PostgreSQL: signing in and
 * out, the lockout, a piece's whole life from draft to a scheduled
 * publication and a correction, body cleaning, revisions and the error
 * answers. Time is an injected clock the tests move; scheduled pieces are
 * published by the real job runner over the real jobs table.
 */
import * as cheerio from 'cheerio';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../src/domain/content/body.js';
import type { Role } from '../../src/domain/newsroom/roles.js';
import { jobHandlers } from '../../src/jobs/handlers/index.js';
import { createJobRunner } from '../../src/jobs/runner.js';
import { createUser } from '../../src/services/auth/accounts.js';
import { countArticles, findArticleById } from '../../src/storage/repositories/articles.js';
import { findAuthorBySlug } from '../../src/storage/repositories/authors.js';
import { listJobs } from '../../src/storage/repositories/jobs.js';
import { findArticleTypeBySlug, findSectionBySlug } from '../../src/storage/repositories/taxonomy.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const API = '/api/admin/v1';
const PASSWORD = 'correct horse battery staple';
const T0 = new Date('2026-03-02T09:00:00.000Z');
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

interface Session {
  cookie: string;
  csrfToken: string;
}

interface ApiError {
  code: string;
  message: string;
  property?: string;
}

/** The Admin API's view of an article, as far as these tests read it. */
interface AdminArticle {
  id: string;
  version: number;
  status: string;
  slug: string;
  headline: string;
  dek: string;
  body: BodyDoc;
  publishedAt: string | null;
  corrections: { kind: string; text: string; issuedAt: string }[];
  path: string;
}

const errorsOf = (res: LightMyRequestResponse): ApiError[] => (res.json() as { errors: ApiError[] }).errors;
const articleOf = (res: LightMyRequestResponse): AdminArticle => (res.json() as { article: AdminArticle }).article;
const paragraphs = (...lines: string[]): BodyDoc => ({
  type: 'doc',
  content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

for (const dialect of DIALECTS) {
  describe(`Admin API newsroom on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    let now: Date;
    const clock = () => now;
    let ids: { section: string; type: string; author: string };

    beforeEach(async () => {
      now = T0;
      site = await createTestSite(dialect, { clock });
      const db = site.deps.db;
      const [section, type, author] = await Promise.all([
        findSectionBySlug(db, 'europe'),
        findArticleTypeBySlug(db, 'news'),
        findAuthorBySlug(db, 'anna-berg'),
      ]);
      ids = { section: section!.id, type: type!.id, author: author!.id };
    });
    afterEach(async () => {
      await site?.close();
    });

    const staff = (role: Role, email = `${role}@masthead.test`, name = `The ${role}`) =>
      createUser(site.deps, { actor: null, email, name, role, password: PASSWORD });

    const postSession = (email: string, password: string) =>
      site.app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password } });

    async function signIn(email: string): Promise<Session> {
      const res = await postSession(email, PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'masthead_session');
      return { cookie: `masthead_session=${cookie!.value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
    }

    async function staffSession(role: Role, email = `${role}@masthead.test`, name = `The ${role}`): Promise<Session> {
      await staff(role, email, name);
      return signIn(email);
    }

    const api = (session: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
      site.app.inject({
        method,
        url: `${API}${url}`,
        headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });

    const page = (url: string) => site.app.inject({ method: 'GET', url });
    const linksTo = async (listing: string, path: string): Promise<boolean> => {
      const res = await page(listing);
      expect(res.statusCode, listing).toBe(200);
      return cheerio.load(res.body)(`a[href="${path}"]`).length > 0;
    };

    async function create(session: Session, fields: Record<string, unknown> = {}): Promise<AdminArticle> {
      const res = await api(session, 'POST', '/articles', {
        sectionId: ids.section,
        typeId: ids.type,
        headline: 'Harbour fees rise',
        authorIds: [ids.author],
        body: paragraphs('First line.', 'Second line.'),
        ...fields,
      });
      expect(res.statusCode, res.body).toBe(201);
      return articleOf(res);
    }

    const move = async (session: Session, id: string, action: string, extra: Record<string, unknown> = {}): Promise<AdminArticle> => {
      const res = await api(session, 'POST', `/articles/${id}/workflow`, { action, ...extra });
      expect(res.statusCode, res.body).toBe(200);
      return articleOf(res);
    };

    const stored = async (id: string) => (await findArticleById(site.deps.db, id))!;
    const runner = () => createJobRunner({ db: site.deps.db, clock, handlers: jobHandlers(site.deps) });

    describe('signing in', () => {
      it('answers SIGN_IN_FAILED (401) for a wrong password and for an unknown address alike', async () => {
        await staff('editor');
        const wrong = await postSession('editor@masthead.test', 'not the password at all');
        const unknown = await postSession('nobody@masthead.test', PASSWORD);
        for (const res of [wrong, unknown]) {
          expect(res.statusCode).toBe(401);
          expect(errorsOf(res).map((e) => e.code)).toEqual(['SIGN_IN_FAILED']);
          expect(res.cookies.find((c) => c.name === 'masthead_session')).toBeUndefined();
        }
        expect(unknown.json()).toEqual(wrong.json());
      });

      it('locks the account after ten wrong passwords, even for the right one, until fifteen minutes have passed', async () => {
        await staff('author');
        for (let attempt = 1; attempt <= 9; attempt += 1) {
          const res = await postSession('author@masthead.test', `wrong password number ${attempt}`);
          expect(res.statusCode, `attempt ${attempt}`).toBe(401);
          expect(errorsOf(res)[0]?.code).toBe('SIGN_IN_FAILED');
        }
        const tenth = await postSession('author@masthead.test', 'wrong password number 10');
        expect(tenth.statusCode).toBe(423);
        expect(errorsOf(tenth)[0]?.code).toBe('ACCOUNT_LOCKED');

        const right = await postSession('author@masthead.test', PASSWORD);
        expect(right.statusCode).toBe(423);
        const [locked] = errorsOf(right);
        expect(locked?.code).toBe('ACCOUNT_LOCKED');
        expect(locked?.message).toMatch(/locked/i);
        expect(right.cookies.find((c) => c.name === 'masthead_session')).toBeUndefined();

        now = new Date(T0.getTime() + 15 * MINUTE - SECOND);
        expect((await postSession('author@masthead.test', PASSWORD)).statusCode).toBe(423);

        now = new Date(T0.getTime() + 15 * MINUTE + SECOND);
        const session = await signIn('author@masthead.test');
        expect((await api(session, 'GET', '/session')).statusCode).toBe(200);
      });

      it('sets the session cookie HttpOnly and SameSite=Lax, and answers GET /session with the user', async () => {
        await staff('editor', 'editor@masthead.test', 'Eda Editor');
        const res = await postSession('editor@masthead.test', PASSWORD);
        expect(res.statusCode).toBe(200);
        const cookie = res.cookies.find((c) => c.name === 'masthead_session');
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
        const header = [res.headers['set-cookie']].flat().find((h) => h?.startsWith('masthead_session='));
        expect(header).toMatch(/;\s*HttpOnly/i);
        expect(header).toMatch(/;\s*SameSite=Lax/i);
        const body = res.json() as { user: { email: string; role: string; name: string }; csrfToken: string };
        expect(body.user).toMatchObject({ email: 'editor@masthead.test', role: 'editor', name: 'Eda Editor' });
        expect(body.user).not.toHaveProperty('passwordHash');
        expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);

        const session = { cookie: `masthead_session=${cookie!.value}`, csrfToken: body.csrfToken };
        const current = await api(session, 'GET', '/session');
        expect(current.statusCode).toBe(200);
        expect((current.json() as { user: { email: string } }).user.email).toBe('editor@masthead.test');
        expect((await api(null, 'GET', '/session')).statusCode).toBe(401);
      });

      it('ends the session on sign-out: the same cookie then answers 401 NOT_SIGNED_IN', async () => {
        const session = await staffSession('contributor');
        expect((await api(session, 'GET', '/session')).statusCode).toBe(200);
        const out = await api(session, 'DELETE', '/session');
        expect(out.statusCode).toBe(204);
        const after = await api(session, 'GET', '/session');
        expect(after.statusCode).toBe(401);
        expect(errorsOf(after).map((e) => e.code)).toEqual(['NOT_SIGNED_IN']);
        expect((await api(session, 'GET', '/articles')).statusCode).toBe(401);
      });
    });

    describe('workflow', () => {
      it('takes a piece from a contributor’s draft through review, a scheduled publication and a correction', async () => {
        const contributor = await staffSession('contributor', 'cora@masthead.test', 'Cora Contributor');
        const editor = await staffSession('editor', 'ed@masthead.test', 'Ed Editor');
        // A second passes between steps, as it would in a newsroom, so the log has one order.
        const tick = () => {
          now = new Date(now.getTime() + SECOND);
        };

        const draft = await create(contributor, { headline: 'Harbour fees rise', slug: 'harbour-fees-rise' });
        expect(draft).toMatchObject({ status: 'draft', version: 1, path: '/europe/harbour-fees-rise', publishedAt: null });

        tick();
        const submitted = await move(contributor, draft.id, 'submit');
        expect(submitted.status).toBe('in_review');

        tick();
        const comment = await api(editor, 'POST', `/articles/${draft.id}/comments`, { body: 'Which port authority said this?' });
        expect(comment.statusCode).toBe(201);

        // The contributor answers with an edit at the version they have open.
        tick();
        const edited = await api(contributor, 'PATCH', `/articles/${draft.id}`, {
          version: submitted.version,
          dek: 'The Rotterdam authority confirms.',
        });
        expect(edited.statusCode, edited.body).toBe(200);
        expect(articleOf(edited)).toMatchObject({
          version: submitted.version + 1,
          dek: 'The Rotterdam authority confirms.',
          status: 'in_review',
        });

        // The editor saves on top; the contributor's next save still carries the older version.
        tick();
        const editorsSave = await api(editor, 'PATCH', `/articles/${draft.id}`, {
          version: articleOf(edited).version,
          headline: 'Harbour fees rise by a fifth',
        });
        expect(editorsSave.statusCode, editorsSave.body).toBe(200);
        const stale = await api(contributor, 'PATCH', `/articles/${draft.id}`, {
          version: articleOf(edited).version,
          headline: 'Harbour fees rise sharply',
        });
        expect(stale.statusCode).toBe(409);
        expect(errorsOf(stale).map((e) => e.code)).toEqual(['VERSION_CONFLICT']);
        const intact = articleOf(await api(contributor, 'GET', `/articles/${draft.id}`));
        expect(intact).toMatchObject({
          headline: 'Harbour fees rise by a fifth',
          version: articleOf(editorsSave).version,
          dek: 'The Rotterdam authority confirms.',
        });

        tick();
        const approved = await move(editor, draft.id, 'approve', { note: 'Good to go.' });
        expect(approved.status).toBe('in_review');

        tick();
        const scheduledAt = now.getTime();
        const at = new Date(scheduledAt + MINUTE).toISOString();
        const scheduled = await move(editor, draft.id, 'schedule', { at });
        expect(scheduled).toMatchObject({ status: 'scheduled', publishedAt: at });
        expect((await page(scheduled.path)).statusCode).toBe(404);
        expect(await linksTo('/', scheduled.path)).toBe(false);
        expect(await linksTo('/latest', scheduled.path)).toBe(false);

        // Not yet due: the runner leaves it alone.
        now = new Date(scheduledAt + 30 * SECOND);
        expect(await runner().runDue()).toBe(0);
        expect((await stored(draft.id)).status).toBe('scheduled');

        now = new Date(scheduledAt + 61 * SECOND);
        expect(await runner().runDue()).toBe(1);
        const published = articleOf(await api(editor, 'GET', `/articles/${draft.id}`));
        expect(published.status).toBe('published');
        expect(published.publishedAt).toBe(at);
        expect(published.publishedAt).not.toBe(now.toISOString());

        const article = await page(published.path);
        expect(article.statusCode).toBe(200);
        expect(cheerio.load(article.body)('h1').text()).toBe('Harbour fees rise by a fifth');
        for (const listing of ['/', '/sections/europe', '/latest']) expect(await linksTo(listing, published.path), listing).toBe(true);

        tick();
        const correction = await api(editor, 'POST', `/articles/${draft.id}/corrections`, {
          kind: 'correction',
          text: 'An earlier version gave the wrong port.',
        });
        expect(correction.statusCode, correction.body).toBe(201);
        expect(articleOf(correction).corrections).toEqual([
          { id: expect.any(String), kind: 'correction', text: 'An earlier version gave the wrong port.', issuedAt: now.toISOString() },
        ]);
        const $ = cheerio.load((await page(published.path)).body);
        expect($('.corrections li').text()).toContain('An earlier version gave the wrong port.');

        const history = (await api(editor, 'GET', `/articles/${draft.id}/history`)).json() as {
          comments: { body: string; author: { name: string } | null }[];
          events: { action: string; by: { name: string } | null }[];
        };
        expect(history.comments.map((c) => [c.author?.name, c.body])).toEqual([['Ed Editor', 'Which port authority said this?']]);
        expect(history.events.map((e) => e.action)).toEqual([
          'created',
          'submit',
          'commented',
          'saved',
          'saved',
          'approve',
          'schedule',
          'published',
          'corrected',
        ]);
        expect(history.events.find((e) => e.action === 'published')?.by).toBeNull();
      });

      it('publishes at the scheduled time a piece whose time passed while the process was down', async () => {
        const editor = await staffSession('editor');
        const piece = await create(editor, { slug: 'while-we-were-down' });
        const at = new Date(now.getTime() + MINUTE).toISOString();
        await move(editor, piece.id, 'schedule', { at });
        const [job] = await listJobs(site.deps.db, { kind: 'publish-article', state: 'pending' });
        expect(job).toMatchObject({ payload: { articleId: piece.id }, runAt: at });

        // The process stops here; an hour later a new one starts with a new runner.
        now = new Date(T0.getTime() + HOUR);
        expect(await runner().runDue()).toBe(1);
        const published = articleOf(await api(editor, 'GET', `/articles/${piece.id}`));
        expect(published).toMatchObject({ status: 'published', publishedAt: at });
        expect((await page(published.path)).statusCode).toBe(200);
        expect(await listJobs(site.deps.db, { kind: 'publish-article', state: 'pending' })).toEqual([]);
      });

      it('cancels a pending schedule when the piece is unpublished', async () => {
        const editor = await staffSession('editor');
        const piece = await create(editor, { slug: 'changed-our-minds' });
        await move(editor, piece.id, 'schedule', { at: new Date(now.getTime() + MINUTE).toISOString() });
        expect(await listJobs(site.deps.db, { kind: 'publish-article', state: 'pending' })).toHaveLength(1);

        const unpublished = await move(editor, piece.id, 'unpublish');
        expect(unpublished).toMatchObject({ status: 'unpublished', publishedAt: null });
        expect(await listJobs(site.deps.db, { kind: 'publish-article', state: 'pending' })).toEqual([]);

        now = new Date(T0.getTime() + HOUR);
        expect(await runner().runDue()).toBe(0);
        expect((await stored(piece.id)).status).toBe('unpublished');
        expect((await page(piece.path)).statusCode).toBe(404);
        expect(await linksTo('/latest', piece.path)).toBe(false);
      });
    });

    it('stores a cleaned body: unknown nodes, unsafe links and unknown marks go, the text stays', async () => {
      const author = await staffSession('author');
      const dirty = {
        type: 'doc',
        content: [
          { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Click here', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'blink' }] },
              { type: 'text', text: ' and read on.', marks: [{ type: 'bold' }] },
            ],
          },
        ],
      };
      const created = await create(author, { body: dirty, slug: 'cleaned-up' });
      const clean: BodyDoc = {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Click here' },
              { type: 'text', text: ' and read on.', marks: [{ type: 'bold' }] },
            ],
          },
        ],
      };
      expect(created.body).toEqual(clean);
      expect((await stored(created.id)).body).toEqual(clean);
      const serialised = JSON.stringify((await stored(created.id)).body);
      expect(serialised).not.toContain('script');
      expect(serialised).not.toContain('javascript:');
      expect(serialised).not.toContain('blink');
    });

    describe('revisions', () => {
      async function threeSaves() {
        const contributor = await staffSession('contributor', 'cora@masthead.test', 'Cora Contributor');
        const editor = await staffSession('editor', 'ed@masthead.test', 'Ed Editor');
        const v1 = await create(contributor, { headline: 'Harbour fees rise', slug: 'harbour-fees' });
        const save = async (session: Session, version: number, changes: Record<string, unknown>) => {
          now = new Date(now.getTime() + MINUTE);
          const res = await api(session, 'PATCH', `/articles/${v1.id}`, { version, ...changes });
          expect(res.statusCode, res.body).toBe(200);
          return articleOf(res);
        };
        await save(contributor, 1, { headline: 'Harbour fees rise again' });
        await save(editor, 2, { body: paragraphs('First line.', 'Second line, revised.', 'Third line.') });
        const v4 = await save(contributor, 3, { dek: 'A dek at last.' });
        expect(v4.version).toBe(4);
        return { id: v1.id, editor, contributor };
      }

      it('lists revisions newest first, with who saved each', async () => {
        const { id, editor } = await threeSaves();
        const res = await api(editor, 'GET', `/articles/${id}/history`);
        expect(res.statusCode).toBe(200);
        const { revisions } = res.json() as { revisions: { version: number; savedBy: { name: string } | null; savedAt: string }[] };
        expect(revisions.map((r) => [r.version, r.savedBy?.name])).toEqual([
          [4, 'Cora Contributor'],
          [3, 'Ed Editor'],
          [2, 'Cora Contributor'],
          [1, 'Cora Contributor'],
        ]);
        expect(revisions.map((r) => r.savedAt)).toEqual([3, 2, 1, 0].map((m) => new Date(T0.getTime() + m * MINUTE).toISOString()));
      });

      it('compares two revisions: the changed fields and the body line by line', async () => {
        const { id, editor } = await threeSaves();
        const res = await api(editor, 'GET', `/articles/${id}/revisions/1/compare/3`);
        expect(res.statusCode, res.body).toBe(200);
        const comparison = res.json() as {
          fields: { field: string; before: unknown; after: unknown }[];
          body: { op: string; text: string }[];
        };
        expect(comparison.fields).toEqual([{ field: 'headline', before: 'Harbour fees rise', after: 'Harbour fees rise again' }]);
        expect(comparison.body).toEqual([
          { op: 'same', text: 'First line.' },
          { op: 'removed', text: 'Second line.' },
          { op: 'added', text: 'Second line, revised.' },
          { op: 'added', text: 'Third line.' },
        ]);
        const missing = await api(editor, 'GET', `/articles/${id}/revisions/1/compare/9`);
        expect(missing.statusCode).toBe(404);
        expect(errorsOf(missing)[0]?.code).toBe('NOT_FOUND');
      });

      it('restores an old revision as a new version, and refuses a restore from a stale version', async () => {
        const { id, contributor } = await threeSaves();
        const stale = await api(contributor, 'POST', `/articles/${id}/revisions/1/restore`, { currentVersion: 3 });
        expect(stale.statusCode).toBe(409);
        expect(errorsOf(stale)[0]?.code).toBe('VERSION_CONFLICT');

        const res = await api(contributor, 'POST', `/articles/${id}/revisions/1/restore`, { currentVersion: 4 });
        expect(res.statusCode, res.body).toBe(200);
        expect(articleOf(res)).toMatchObject({
          version: 5,
          headline: 'Harbour fees rise',
          dek: '',
          body: paragraphs('First line.', 'Second line.'),
        });
        const { revisions } = (await api(contributor, 'GET', `/articles/${id}/history`)).json() as { revisions: { version: number }[] };
        expect(revisions.map((r) => r.version)).toEqual([5, 4, 3, 2, 1]);
        const back = await api(contributor, 'GET', `/articles/${id}/revisions/1/compare/5`);
        expect((back.json() as { fields: unknown[] }).fields).toEqual([]);
      });
    });

    describe('answers', () => {
      it('refuses bad fields with 400 VALIDATION_FAILED naming the property, and stores nothing', async () => {
        const editor = await staffSession('editor');
        const piece = await create(editor, { slug: 'validated' });
        const articles = await countArticles(site.deps.db);
        const cases: [string, 'POST' | 'PATCH', string, Record<string, unknown>][] = [
          ['headline', 'POST', '/articles', { sectionId: ids.section, typeId: ids.type, headline: '' }],
          ['headline', 'POST', '/articles', { sectionId: ids.section, typeId: ids.type, headline: 42 }],
          ['sectionId', 'POST', '/articles', { typeId: ids.type, headline: 'No section' }],
          ['body', 'POST', '/articles', { sectionId: ids.section, typeId: ids.type, headline: 'Bad body', body: '<p>html</p>' }],
          ['version', 'PATCH', `/articles/${piece.id}`, { headline: 'No version' }],
          ['version', 'PATCH', `/articles/${piece.id}`, { version: 'one', headline: 'Text version' }],
          ['action', 'POST', `/articles/${piece.id}/workflow`, { action: 'print' }],
          ['at', 'POST', `/articles/${piece.id}/workflow`, { action: 'schedule' }],
          ['at', 'POST', `/articles/${piece.id}/workflow`, { action: 'schedule', at: 'next tuesday-ish' }],
          ['at', 'POST', `/articles/${piece.id}/workflow`, { action: 'schedule', at: new Date(now.getTime() - MINUTE).toISOString() }],
          ['text', 'POST', `/articles/${piece.id}/corrections`, { kind: 'correction', text: '' }],
          ['kind', 'POST', `/articles/${piece.id}/corrections`, { kind: 'retraction', text: 'Gone.' }],
        ];
        for (const [property, method, url, payload] of cases) {
          const res = await api(editor, method, url, payload);
          const label = `${method} ${url} ${JSON.stringify(payload)}`;
          expect(res.statusCode, label).toBe(400);
          expect(res.headers['content-type'], label).toMatch(/^application\/json/);
          const errors = errorsOf(res);
          expect(
            errors.every((e) => e.code === 'VALIDATION_FAILED' && e.message.length > 0),
            label,
          ).toBe(true);
          expect(
            errors.map((e) => e.property),
            label,
          ).toContain(property);
        }
        expect(await stored(piece.id)).toMatchObject({ version: 1, status: 'draft', headline: 'Harbour fees rise', publishedAt: '' });
        expect(await countArticles(site.deps.db)).toBe(articles);
      });

      it('answers malformed JSON with 400 in the one error shape', async () => {
        const editor = await staffSession('editor');
        const res = await site.app.inject({
          method: 'POST',
          url: `${API}/articles`,
          headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken, 'content-type': 'application/json' },
          payload: '{"headline": ',
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(errorsOf(res)).toHaveLength(1);
      });

      it('answers an unknown article id with 404 NOT_FOUND as JSON, for reads and writes', async () => {
        const editor = await staffSession('editor');
        const requests: ['GET' | 'POST' | 'PATCH', string, Record<string, unknown>?][] = [
          ['GET', '/articles/no-such-article'],
          ['GET', '/articles/no-such-article/history'],
          ['PATCH', '/articles/no-such-article', { version: 1, headline: 'Nothing here' }],
          ['POST', '/articles/no-such-article/workflow', { action: 'publish' }],
          ['POST', '/articles/no-such-article/comments', { body: 'Hello?' }],
          ['POST', '/articles/no-such-article/corrections', { kind: 'update', text: 'Nothing.' }],
        ];
        for (const [method, url, payload] of requests) {
          const res = await api(editor, method, url, payload);
          expect(res.statusCode, `${method} ${url}`).toBe(404);
          expect(res.headers['content-type'], `${method} ${url}`).toMatch(/^application\/json/);
          expect(
            errorsOf(res).map((e) => e.code),
            `${method} ${url}`,
          ).toEqual(['NOT_FOUND']);
        }
      });
    });
  });
}
