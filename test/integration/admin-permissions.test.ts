/**
 * Who may do what over the Admin API, on SQLite and on PostgreSQL. The
 * expectations come from one table below that mirrors the publishers' rules,
 * not from `can`: if the code and the newsroom disagree, a case fails. Each
 * case starts from fresh articles, and a refused request must leave them
 * exactly as they were.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../src/domain/newsroom/roles.js';
import type { ErrorCode } from '../../src/errors.js';
import { createUser } from '../../src/services/auth/accounts.js';
import { draftArticle, moveArticle } from '../../src/services/newsroom/articles.js';
import { countArticles, findArticleById } from '../../src/storage/repositories/articles.js';
import { findAuthorBySlug } from '../../src/storage/repositories/authors.js';
import { listJobs } from '../../src/storage/repositories/jobs.js';
import { listComments } from '../../src/storage/repositories/newsroom.js';
import { findArticleTypeBySlug, findSectionBySlug } from '../../src/storage/repositories/taxonomy.js';
import { countUsers } from '../../src/storage/repositories/users.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const API = '/api/admin/v1';
const PASSWORD = 'correct horse battery staple';
const T0 = new Date('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;

const ROLES_IN_ORDER = ['contributor', 'author', 'editor', 'admin'] as const satisfies readonly Role[];
type Who = Role | 'anonymous';

type Operation =
  | 'list articles'
  | 'read one article'
  | 'create an article'
  | 'edit own draft'
  | "edit someone else's draft"
  | 'edit own published piece'
  | 'edit own scheduled piece'
  | 'submit own piece'
  | "submit someone else's piece"
  | 'approve'
  | 'request changes'
  | 'schedule own piece'
  | 'publish own piece'
  | "publish someone else's piece"
  | 'unpublish own piece'
  | "unpublish someone else's piece"
  | 'correct own published piece'
  | "correct someone else's published piece"
  | 'comment'
  | 'list users'
  | 'create a user';

/**
 * The publishers' rules. Contributors draft, edit their own work until it is
 * scheduled or published, submit it and comment, and never publish. Authors
 * also publish, schedule, unpublish and correct their own work, and nobody
 * else's. Editors edit, review and publish anyone's. Administrators do all
 * that and manage staff. Anybody signed in may read and comment.
 */
// prettier-ignore
const RULES: Record<Operation, readonly [contributor: boolean, author: boolean, editor: boolean, admin: boolean]> = {
  //                                          contributor author editor admin
  'list articles':                             [true,       true,  true,  true],
  'read one article':                          [true,       true,  true,  true],
  'create an article':                         [true,       true,  true,  true],
  'edit own draft':                            [true,       true,  true,  true],
  "edit someone else's draft":                 [false,      false, true,  true],
  'edit own published piece':                  [false,      true,  true,  true],
  'edit own scheduled piece':                  [false,      true,  true,  true],
  'submit own piece':                          [true,       true,  true,  true],
  "submit someone else's piece":               [false,      false, true,  true],
  'approve':                                   [false,      false, true,  true],
  'request changes':                           [false,      false, true,  true],
  'schedule own piece':                        [false,      true,  true,  true],
  'publish own piece':                         [false,      true,  true,  true],
  "publish someone else's piece":              [false,      false, true,  true],
  'unpublish own piece':                       [false,      true,  true,  true],
  "unpublish someone else's piece":            [false,      false, true,  true],
  'correct own published piece':               [false,      true,  true,  true],
  "correct someone else's published piece":    [false,      false, true,  true],
  'comment':                                   [true,       true,  true,  true],
  'list users':                                [false,      false, false, true],
  'create a user':                             [false,      false, false, true],
};

function allowed(operation: Operation, role: Role): boolean {
  return RULES[operation][ROLES_IN_ORDER.indexOf(role)]!;
}

interface Session {
  actor: Actor;
  cookie: string;
  csrfToken: string;
}

interface Request {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  payload?: Record<string, unknown>;
}

/** Who owns the "own" pieces of a case, and who owns "someone else's". */
interface Scene {
  owner: Actor;
  colleague: Actor;
}

interface Case {
  request: Request;
  /** Everything the request could change; a refusal must leave it equal. */
  state(): Promise<unknown>;
  /** False for reads: a granted read changes nothing either. */
  changes: boolean;
}

type Stage = 'draft' | 'in_review' | 'scheduled' | 'published';

interface Fixture {
  site: TestSite;
  sessions: Record<Role, Session>;
  colleague: Actor;
  ids: { section: string; type: string; author: string };
}

function errorCodes(res: LightMyRequestResponse): ErrorCode[] {
  return (res.json() as { errors: { code: ErrorCode }[] }).errors.map((e) => e.code);
}

async function signIn(site: TestSite, email: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await site.app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password: PASSWORD } });
  expect(res.statusCode, `signing in ${email}`).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'masthead_session');
  expect(cookie).toBeDefined();
  return { cookie: `masthead_session=${cookie!.value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}

async function buildFixture(dialect: (typeof DIALECTS)[number]): Promise<Fixture> {
  const site = await createTestSite(dialect, { clock: () => T0 });
  const db = site.deps.db;
  const [section, type, author] = await Promise.all([
    findSectionBySlug(db, 'europe'),
    findArticleTypeBySlug(db, 'news'),
    findAuthorBySlug(db, 'anna-berg'),
  ]);
  const sessions = {} as Record<Role, Session>;
  for (const role of ROLES_IN_ORDER) {
    const email = `${role}@masthead.test`;
    const user = await createUser(site.deps, { actor: null, email, name: `The ${role}`, role, password: PASSWORD });
    sessions[role] = { actor: { id: user.id, role }, ...(await signIn(site, email)) };
  }
  // Owns every "someone else's" piece: a colleague none of the four is.
  const other = await createUser(site.deps, {
    actor: null,
    email: 'colleague@masthead.test',
    name: 'A colleague',
    role: 'author',
    password: PASSWORD,
  });
  return {
    site,
    sessions,
    colleague: { id: other.id, role: other.role },
    ids: { section: section!.id, type: type!.id, author: author!.id },
  };
}

for (const dialect of DIALECTS) {
  describe(`Admin API permissions on ${dialectLabel(dialect)}`, () => {
    let fx: Fixture;
    let serial = 0;

    beforeAll(async () => {
      fx = await buildFixture(dialect);
    });
    afterAll(async () => {
      await fx?.site.close();
    });

    const send = (session: Session | null, request: Request, headers: Record<string, string> = {}) =>
      fx.site.app.inject({
        method: request.method,
        url: `${API}${request.url}`,
        ...(request.payload ? { payload: request.payload } : {}),
        headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...headers } : headers,
      });

    /** A fresh piece owned by `owner`, brought to `stage` by the system (no permission checks). */
    async function piece(owner: Actor, stage: Stage): Promise<string> {
      serial += 1;
      const article = await draftArticle(fx.site.deps, owner, {
        sectionId: fx.ids.section,
        typeId: fx.ids.type,
        headline: `Permission case ${serial}`,
        dek: 'The original dek.',
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Original words.' }] }] },
        authorIds: [fx.ids.author],
      });
      if (stage === 'in_review') await moveArticle(fx.site.deps, null, article.id, 'submit');
      if (stage === 'published') await moveArticle(fx.site.deps, null, article.id, 'publish');
      if (stage === 'scheduled')
        await moveArticle(fx.site.deps, null, article.id, 'schedule', { at: new Date(T0.getTime() + HOUR).toISOString() });
      return article.id;
    }

    /** The article as stored, with its comments and pending publish jobs. */
    async function articleState(id: string): Promise<unknown> {
      const db = fx.site.deps.db;
      const [article, comments, jobs] = await Promise.all([
        findArticleById(db, id),
        listComments(db, id),
        listJobs(db, { kind: 'publish-article', state: 'pending' }),
      ]);
      expect(article).not.toBeNull();
      return {
        version: article!.version,
        status: article!.status,
        headline: article!.headline,
        dek: article!.dek,
        publishedAt: article!.publishedAt,
        updatedAt: article!.updatedAt,
        modifiedAt: article!.modifiedAt,
        corrections: article!.corrections,
        comments: comments.map((c) => c.body),
        pendingJobs: jobs.filter((j) => (j.payload as { articleId?: string }).articleId === id).map((j) => j.runAt),
      };
    }

    const patch = (id: string): Request => ({
      method: 'PATCH',
      url: `/articles/${id}`,
      payload: { version: 1, headline: 'A headline someone changed' },
    });
    const step = (id: string, action: string, extra: Record<string, unknown> = {}): Request => ({
      method: 'POST',
      url: `/articles/${id}/workflow`,
      payload: { action, ...extra },
    });
    const onArticle = async (id: string, request: Request, changes = true): Promise<Case> => ({
      request,
      state: () => articleState(id),
      changes,
    });
    // Versions: a draft is at 1; each workflow step the system took in `piece` added one.
    const patchAt = (id: string, version: number): Request => ({
      ...patch(id),
      payload: { version, headline: 'A headline someone changed' },
    });

    const CASES: Record<Operation, (scene: Scene) => Promise<Case>> = {
      'list articles': async () => ({
        request: { method: 'GET', url: '/articles' },
        state: () => countArticles(fx.site.deps.db),
        changes: false,
      }),
      'read one article': async ({ colleague }) => {
        const id = await piece(colleague, 'draft');
        return onArticle(id, { method: 'GET', url: `/articles/${id}` }, false);
      },
      'create an article': async () => {
        serial += 1;
        return {
          request: {
            method: 'POST',
            url: '/articles',
            payload: { sectionId: fx.ids.section, typeId: fx.ids.type, headline: `Created in case ${serial}` },
          },
          state: () => countArticles(fx.site.deps.db),
          changes: true,
        };
      },
      'edit own draft': async ({ owner }) => {
        const id = await piece(owner, 'draft');
        return onArticle(id, patch(id));
      },
      "edit someone else's draft": async ({ colleague }) => {
        const id = await piece(colleague, 'draft');
        return onArticle(id, patch(id));
      },
      'edit own published piece': async ({ owner }) => {
        const id = await piece(owner, 'published');
        return onArticle(id, patchAt(id, 2));
      },
      'edit own scheduled piece': async ({ owner }) => {
        const id = await piece(owner, 'scheduled');
        return onArticle(id, patchAt(id, 2));
      },
      'submit own piece': async ({ owner }) => {
        const id = await piece(owner, 'draft');
        return onArticle(id, step(id, 'submit'));
      },
      "submit someone else's piece": async ({ colleague }) => {
        const id = await piece(colleague, 'draft');
        return onArticle(id, step(id, 'submit'));
      },
      approve: async ({ colleague }) => {
        const id = await piece(colleague, 'in_review');
        return onArticle(id, step(id, 'approve'));
      },
      'request changes': async ({ colleague }) => {
        const id = await piece(colleague, 'in_review');
        return onArticle(id, step(id, 'request_changes', { note: 'Needs a second source.' }));
      },
      'schedule own piece': async ({ owner }) => {
        const id = await piece(owner, 'draft');
        return onArticle(id, step(id, 'schedule', { at: new Date(T0.getTime() + 2 * HOUR).toISOString() }));
      },
      'publish own piece': async ({ owner }) => {
        const id = await piece(owner, 'draft');
        return onArticle(id, step(id, 'publish'));
      },
      "publish someone else's piece": async ({ colleague }) => {
        const id = await piece(colleague, 'draft');
        return onArticle(id, step(id, 'publish'));
      },
      'unpublish own piece': async ({ owner }) => {
        const id = await piece(owner, 'published');
        return onArticle(id, step(id, 'unpublish'));
      },
      "unpublish someone else's piece": async ({ colleague }) => {
        const id = await piece(colleague, 'published');
        return onArticle(id, step(id, 'unpublish'));
      },
      'correct own published piece': async ({ owner }) => {
        const id = await piece(owner, 'published');
        return onArticle(id, {
          method: 'POST',
          url: `/articles/${id}/corrections`,
          payload: { kind: 'correction', text: 'An earlier version got a name wrong.' },
        });
      },
      "correct someone else's published piece": async ({ colleague }) => {
        const id = await piece(colleague, 'published');
        return onArticle(id, {
          method: 'POST',
          url: `/articles/${id}/corrections`,
          payload: { kind: 'update', text: 'Updated with the minister’s reply.' },
        });
      },
      comment: async ({ colleague }) => {
        const id = await piece(colleague, 'in_review');
        return onArticle(id, { method: 'POST', url: `/articles/${id}/comments`, payload: { body: 'Is the second quote on the record?' } });
      },
      'list users': async () => ({ request: { method: 'GET', url: '/users' }, state: () => countUsers(fx.site.deps.db), changes: false }),
      'create a user': async () => {
        serial += 1;
        return {
          request: {
            method: 'POST',
            url: '/users',
            payload: { email: `new-${serial}@masthead.test`, name: 'New hire', role: 'contributor', password: PASSWORD },
          },
          state: () => countUsers(fx.site.deps.db),
          changes: true,
        };
      },
    };

    const SUCCESS: Partial<Record<Operation, number>> = {
      'create an article': 201,
      'correct own published piece': 201,
      "correct someone else's published piece": 201,
      comment: 201,
      'create a user': 201,
    };

    for (const operation of Object.keys(RULES) as Operation[]) {
      for (const who of [...ROLES_IN_ORDER, 'anonymous'] as const satisfies readonly Who[]) {
        const granted = who !== 'anonymous' && allowed(operation, who);
        const expected = who === 'anonymous' ? '401 NOT_SIGNED_IN' : granted ? String(SUCCESS[operation] ?? 200) : '403 FORBIDDEN';
        it(`${who}: ${operation} → ${expected}`, async () => {
          const session = who === 'anonymous' ? null : fx.sessions[who];
          // Anonymous has no pieces of its own: "own" falls to the contributor, who is not the one asking.
          const owner = session?.actor ?? fx.sessions.contributor.actor;
          const c = await CASES[operation]({ owner, colleague: fx.colleague });
          const before = await c.state();
          const res = await send(session, c.request);
          const after = await c.state();
          if (granted) {
            expect(res.statusCode, res.body).toBe(SUCCESS[operation] ?? 200);
            if (c.changes) expect(after, 'a granted change is made').not.toEqual(before);
            else expect(after).toEqual(before);
            return;
          }
          expect(res.statusCode, res.body).toBe(who === 'anonymous' ? 401 : 403);
          expect(res.headers['content-type']).toMatch(/^application\/json/);
          expect(errorCodes(res)).toEqual([who === 'anonymous' ? 'NOT_SIGNED_IN' : 'FORBIDDEN']);
          expect(after, 'a refused request changes nothing').toEqual(before);
        });
      }
    }

    it('refuses a contributor who publishes their own draft (403 FORBIDDEN naming the role), and the piece stays an unpublished draft', async () => {
      const contributor = fx.sessions.contributor;
      const id = await piece(contributor.actor, 'draft');
      const before = await articleState(id);
      const res = await send(contributor, step(id, 'publish'));
      expect(res.statusCode).toBe(403);
      const [error] = (res.json() as { errors: { code: string; message: string }[] }).errors;
      expect(error?.code).toBe('FORBIDDEN');
      expect(error?.message).toContain('contributor');
      expect(await articleState(id)).toEqual(before);
      const article = await findArticleById(fx.site.deps.db, id);
      expect(article).toMatchObject({ status: 'draft', publishedAt: '' });
      expect((await fx.site.app.inject({ method: 'GET', url: `/europe/${article!.slug}` })).statusCode).toBe(404);
    });

    it("refuses an author who edits a colleague's piece (403 FORBIDDEN), and the headline and version are unchanged", async () => {
      const id = await piece(fx.colleague, 'draft');
      const res = await send(fx.sessions.author, {
        method: 'PATCH',
        url: `/articles/${id}`,
        payload: { version: 1, headline: 'Rewritten by the wrong author' },
      });
      expect(res.statusCode).toBe(403);
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      const read = await send(fx.sessions.author, { method: 'GET', url: `/articles/${id}` });
      expect(read.statusCode).toBe(200);
      expect((read.json() as { article: { headline: string; version: number } }).article).toMatchObject({ version: 1 });
      expect((read.json() as { article: { headline: string } }).article.headline).toMatch(/^Permission case \d+$/);
    });
  });

  describe(`Admin API CSRF protection on ${dialectLabel(dialect)}`, () => {
    let fx: Fixture;
    let id: string;

    beforeAll(async () => {
      fx = await buildFixture(dialect);
    });
    // Each test gets its own draft, so none depends on what another did.
    beforeEach(async () => {
      const article = await draftArticle(fx.site.deps, fx.sessions.editor.actor, {
        sectionId: fx.ids.section,
        typeId: fx.ids.type,
        headline: 'Guarded by a token',
        slug: `guarded-${randomUUID()}`,
        body: { type: 'doc', content: [] },
      });
      id = article.id;
    });
    afterAll(async () => {
      await fx?.site.close();
    });

    const editor = () => fx.sessions.editor;
    const edit = (headers: Record<string, string>) =>
      fx.site.app.inject({
        method: 'PATCH',
        url: `${API}/articles/${id}`,
        headers: { cookie: editor().cookie, ...headers },
        payload: { version: 1, headline: 'Forged' },
      });
    const stored = async () => {
      const article = await findArticleById(fx.site.deps.db, id);
      return { headline: article!.headline, version: article!.version, status: article!.status };
    };
    const untouched = { headline: 'Guarded by a token', version: 1, status: 'draft' };

    it('refuses a signed-in edit without the x-csrf-token header: 403 CSRF_FAILED, nothing saved', async () => {
      const res = await edit({});
      expect(res.statusCode).toBe(403);
      expect(errorCodes(res)).toEqual(['CSRF_FAILED']);
      expect(await stored()).toEqual(untouched);
    });

    it('refuses a wrong token, an empty one, and the token of another session alike', async () => {
      const wrong = editor().csrfToken.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
      for (const token of [wrong, '', 'short', fx.sessions.admin.csrfToken]) {
        const res = await edit({ 'x-csrf-token': token });
        expect(res.statusCode, `token ${JSON.stringify(token)}`).toBe(403);
        expect(errorCodes(res)).toEqual(['CSRF_FAILED']);
      }
      expect(await stored()).toEqual(untouched);
    });

    it('refuses workflow steps, comments, new articles and signing out without the token', async () => {
      const articles = await countArticles(fx.site.deps.db);
      const requests = [
        { method: 'POST' as const, url: `${API}/articles/${id}/workflow`, payload: { action: 'publish' } },
        { method: 'POST' as const, url: `${API}/articles/${id}/comments`, payload: { body: 'Sneaky.' } },
        {
          method: 'POST' as const,
          url: `${API}/articles`,
          payload: { sectionId: fx.ids.section, typeId: fx.ids.type, headline: 'Forged piece' },
        },
        { method: 'DELETE' as const, url: `${API}/session` },
      ];
      for (const request of requests) {
        const res = await fx.site.app.inject({ ...request, headers: { cookie: editor().cookie } });
        expect(res.statusCode, `${request.method} ${request.url}`).toBe(403);
        expect(errorCodes(res)).toEqual(['CSRF_FAILED']);
      }
      expect(await stored()).toEqual(untouched);
      expect(await listComments(fx.site.deps.db, id)).toEqual([]);
      expect(await countArticles(fx.site.deps.db)).toBe(articles);
      // The refused sign-out left the session open.
      const session = await fx.site.app.inject({ method: 'GET', url: `${API}/session`, headers: { cookie: editor().cookie } });
      expect(session.statusCode).toBe(200);
    });

    it('answers a GET without the token', async () => {
      for (const url of [`${API}/articles/${id}`, `${API}/articles`, `${API}/session`, `${API}/articles/${id}/history`]) {
        const res = await fx.site.app.inject({ method: 'GET', url, headers: { cookie: editor().cookie } });
        expect(res.statusCode, url).toBe(200);
      }
    });

    it('accepts the same edit with the right token', async () => {
      const res = await edit({ 'x-csrf-token': editor().csrfToken });
      expect(res.statusCode, res.body).toBe(200);
      expect(await stored()).toEqual({ headline: 'Forged', version: 2, status: 'draft' });
    });

    // Sign-in and setup are exempt from CSRF by their route; a query string that looks like them is not.
    it('refuses a tokenless workflow step whose query string ends in /session (CSRF bypass)', async () => {
      for (const suffix of ['?/session', '?x=/setup']) {
        const res = await fx.site.app.inject({
          method: 'POST',
          url: `${API}/articles/${id}/workflow${suffix}`,
          headers: { cookie: editor().cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'action=publish',
        });
        expect(res.statusCode, suffix).toBe(403);
        expect(errorCodes(res)).toEqual(['CSRF_FAILED']);
      }
      expect(await stored()).toEqual(untouched);
    });
  });
}
