/**
 * The Content API on SQLite and on PostgreSQL: keys from the Admin API, every
 * endpoint, filter, sort and field selection, both kinds of pagination, the
 * errors (401, 429, 400, 404), CORS, and an OpenAPI document that validates
 * and whose every path this suite calls.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { createUser } from '../../src/services/auth/accounts.js';
import { signIn } from '../helpers/admin-session.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { TEST_BASE_URL, createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const API = '/api/content/v1';
const ADMIN = '/api/admin/v1';
const PASSWORD = 'correct horse battery staple';
const ORIGIN = 'https://app.example.test';
const T0 = new Date('2026-03-02T09:00:00.000Z');

interface Pagination {
  page: number | null;
  limit: number;
  total: number;
  pages: number;
  next: number | null;
  prev: number | null;
  nextCursor: string | null;
}
interface ApiArticle {
  id: string;
  slug: string;
  url: string;
  headline: string;
  publishedAt: string;
  section: { slug: string };
  type: { slug: string };
  authors: { slug: string }[];
  topics: { slug: string }[];
  bodyHtml: string;
  body: { type: string };
  corrections: unknown[];
  leadImage: { url: string; credit: string } | null;
}
type Listing = { articles: ApiArticle[]; meta: { pagination: Pagination } };
interface ApiError {
  code: string;
  message: string;
  property?: string;
}

const errorsOf = (res: LightMyRequestResponse): ApiError[] => (res.json() as { errors: ApiError[] }).errors;

/** Every path pattern this suite called, to compare with the document's paths. */
const exercised = new Set<string>();

for (const dialect of DIALECTS) {
  describe(`Content API on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    let app: FastifyInstance;
    let cookie: string;
    let csrfToken: string;
    let key: string;

    beforeAll(async () => {
      site = await createTestSite(dialect, { clock: () => T0 });
      // A second app on the same database, with CORS on and a small rate limit.
      ({ app } = await buildApp({
        deps: site.deps,
        config: { publicUrl: TEST_BASE_URL, dataDir: site.mediaRoot, apiCorsOrigins: [ORIGIN] },
        mediaRoot: site.mediaRoot,
        contentApiRateLimit: 1000,
      }));
      await app.ready();
      await createUser(site.deps, { actor: null, email: 'admin@masthead.test', name: 'Admin', role: 'admin', password: PASSWORD });
      ({ cookie, csrfToken } = await signIn(app, 'admin@masthead.test', PASSWORD));
      key = (await createKey('Partner app')).key;
    });
    afterAll(async () => {
      await app?.close();
      await site?.close();
    });

    const admin = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
      app.inject({ method, url: `${ADMIN}${url}`, headers: { cookie, 'x-csrf-token': csrfToken }, ...(payload ? { payload } : {}) });

    async function createKey(name: string): Promise<{ id: string; key: string; prefix: string }> {
      const res = await admin('POST', '/content-keys', { name });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { key: { id: string; key: string; prefix: string } }).key;
    }

    /** A GET on the Content API with the suite's key; `pattern` is the documented path it exercises. */
    async function get(pattern: string, url: string, options: { key?: string | null; headers?: Record<string, string> } = {}) {
      exercised.add(pattern);
      const k = options.key === undefined ? key : options.key;
      const sep = url.includes('?') ? '&' : '?';
      return app.inject({
        method: 'GET',
        url: `${API}${url}${k ? `${sep}key=${encodeURIComponent(k)}` : ''}`,
        headers: options.headers ?? {},
      });
    }
    const list = async (url: string): Promise<Listing> => {
      const res = await get('/articles', url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Listing;
    };

    describe('keys', () => {
      it('are created, listed without the secret, and work as ?key= and as a bearer token', async () => {
        const res = await admin('GET', '/content-keys');
        expect(res.statusCode).toBe(200);
        const keys = (res.json() as { keys: Record<string, unknown>[] }).keys;
        expect(keys.map((k) => k.name)).toContain('Partner app');
        expect(JSON.stringify(keys)).not.toContain(key);
        exercised.add('/settings');
        const bearer = await app.inject({ method: 'GET', url: `${API}/settings`, headers: { authorization: `Bearer ${key}` } });
        expect(bearer.statusCode).toBe(200);
        expect((await get('/settings', '/settings')).statusCode).toBe(200);
      });

      it('answers 401 without a key, with a wrong key, and with a revoked key', async () => {
        const none = await get('/articles', '/articles', { key: null });
        expect(none.statusCode).toBe(401);
        expect(errorsOf(none)[0]!.code).toBe('API_KEY_MISSING');
        const wrong = await get('/articles', '/articles', { key: 'mh_not-a-key' });
        expect(wrong.statusCode).toBe(401);
        expect(errorsOf(wrong)[0]!.code).toBe('API_KEY_INVALID');
        const doomed = await createKey('Doomed');
        expect((await get('/articles', '/articles', { key: doomed.key })).statusCode).toBe(200);
        expect((await admin('DELETE', `/content-keys/${doomed.id}`)).statusCode).toBe(204);
        const revoked = await get('/articles', '/articles', { key: doomed.key });
        expect(revoked.statusCode).toBe(401);
        expect(errorsOf(revoked)[0]!.code).toBe('API_KEY_INVALID');
        expect((await admin('DELETE', `/content-keys/${doomed.id}`)).statusCode).toBe(404);
      });

      it('are managed by administrators only', async () => {
        await createUser(site.deps, { actor: null, email: 'editor@masthead.test', name: 'Ed', role: 'editor', password: PASSWORD });
        const { cookie: editorCookie, csrfToken: token } = await signIn(app, 'editor@masthead.test', PASSWORD);
        const create = await app.inject({
          method: 'POST',
          url: `${ADMIN}/content-keys`,
          headers: { cookie: editorCookie, 'x-csrf-token': token },
          payload: { name: 'Nope' },
        });
        expect(create.statusCode).toBe(403);
        expect(errorsOf(create)[0]!.code).toBe('FORBIDDEN');
      });

      it('answers 429 over the per-key limit, counting each key on its own', async () => {
        const small = await buildApp({
          deps: site.deps,
          config: { publicUrl: TEST_BASE_URL, dataDir: site.mediaRoot },
          mediaRoot: site.mediaRoot,
          contentApiRateLimit: 3,
        });
        try {
          const other = await createKey('Other');
          const hit = (k: string) => small.app.inject({ method: 'GET', url: `${API}/types?key=${k}` });
          for (let i = 0; i < 3; i += 1) expect((await hit(key)).statusCode).toBe(200);
          const over = await hit(key);
          expect(over.statusCode).toBe(429);
          expect(errorsOf(over)[0]!.code).toBe('RATE_LIMITED');
          expect((await hit(other.key)).statusCode).toBe(200);
        } finally {
          await small.app.close();
        }
      });
    });

    describe('articles', () => {
      it('lists published articles newest first with the fixed meta shape and page pagination', async () => {
        const first = await list('/articles?limit=5');
        expect(first.articles).toHaveLength(5);
        expect(first.articles[0]!.slug).toBe('the-lead-story');
        expect(first.meta.pagination).toEqual({
          page: 1,
          limit: 5,
          total: 15,
          pages: 3,
          next: 2,
          prev: null,
          nextCursor: expect.any(String),
        });
        const dates = first.articles.map((a) => a.publishedAt);
        expect([...dates].sort().reverse()).toEqual(dates);
        const third = await list('/articles?limit=5&page=3');
        expect(third.meta.pagination).toMatchObject({ page: 3, next: null, prev: 2, nextCursor: null });
        const all = await list('/articles?limit=100');
        expect(new Set(all.articles.map((a) => a.id)).size).toBe(15);
      });

      it('pages by cursor through every article exactly once, in both orders', async () => {
        for (const sort of ['published_at:desc', 'published_at:asc']) {
          const seen: string[] = [];
          let url = `/articles?limit=4&sort=${sort}`;
          for (let round = 0; round < 10; round += 1) {
            const page = await list(url);
            expect(page.meta.pagination.page === null || round === 0).toBe(true);
            seen.push(...page.articles.map((a) => a.publishedAt));
            if (!page.meta.pagination.nextCursor) break;
            url = `/articles?limit=4&sort=${sort}&cursor=${page.meta.pagination.nextCursor}`;
          }
          expect(seen).toHaveLength(15);
          const sorted = [...seen].sort();
          expect(seen).toEqual(sort.endsWith('asc') ? sorted : sorted.reverse());
        }
      });

      it('filters by section, topic, author, type and publication time', async () => {
        const asia = await list('/articles?section=asia');
        expect(asia.articles.map((a) => a.slug).sort()).toEqual(['asia-second', 'the-lead-story']);
        const water = await list('/articles?topic=water');
        expect(water.articles.every((a) => a.topics.some((t) => t.slug === 'water'))).toBe(true);
        expect(water.meta.pagination.total).toBe(2);
        const lee = await list('/articles?author=lee-chan');
        expect(lee.articles.map((a) => a.slug).sort()).toEqual(['asia-second', 'the-lead-story']);
        const news = await list('/articles?type=news&limit=100');
        expect(news.articles.length).toBeGreaterThan(0);
        expect(news.articles.every((a) => a.type.slug === 'news')).toBe(true);
        const since = new Date(T0.getTime() - 6 * 3_600_000).toISOString();
        const recent = await list(`/articles?published_after=${since}`);
        expect(recent.articles.map((a) => a.slug).sort()).toEqual(['asia-second', 'the-lead-story']);
        const older = await list(`/articles?published_before=${since}&limit=100`);
        expect(older.meta.pagination.total).toBe(13);
        expect((await list('/articles?section=nowhere')).meta.pagination).toMatchObject({ total: 0, pages: 1, next: null });
      });

      it('selects fields, and carries the body as HTML and as ProseMirror JSON', async () => {
        const slim = await list('/articles?fields=id,headline&limit=2');
        expect(Object.keys(slim.articles[0]!).sort()).toEqual(['headline', 'id']);
        const res = await get('/articles/slug/{slug}', '/articles/slug/the-lead-story');
        expect(res.statusCode).toBe(200);
        const article = (res.json() as { articles: ApiArticle[] }).articles[0]!;
        expect(article.url).toBe(`${TEST_BASE_URL}/asia/the-lead-story`);
        expect(article.body.type).toBe('doc');
        expect(article.bodyHtml).toContain('<blockquote');
        expect(article.bodyHtml).toContain('Closing &lt;script>');
        expect(article.bodyHtml).not.toContain('<script>');
        expect(article.bodyHtml).not.toMatch(/ href="\//);
        expect(article.corrections).toHaveLength(1);
        expect(article.leadImage?.credit).toBe('AGENCY/Photographer');
        expect(article.leadImage?.url.startsWith(TEST_BASE_URL)).toBe(true);
        const byId = await get('/articles/{id}', `/articles/${article.id}?fields=slug`);
        expect(byId.json()).toEqual({ articles: [{ slug: 'the-lead-story' }] });
      });

      it('answers 404 for an unknown id or slug, and 400 for bad parameters', async () => {
        expect((await get('/articles/{id}', '/articles/nope')).statusCode).toBe(404);
        const missing = await get('/articles/slug/{slug}', '/articles/slug/nope');
        expect(missing.statusCode).toBe(404);
        expect(errorsOf(missing)[0]!.code).toBe('NOT_FOUND');
        for (const query of [
          'limit=0',
          'limit=101',
          'page=0',
          'page=x',
          'sort=headline',
          'fields=secret',
          'published_after=yesterday',
          'colour=red',
        ]) {
          const res = await get('/articles', `/articles?${query}`);
          expect(res.statusCode, query).toBe(400);
          expect(errorsOf(res)[0]!.code, query).toBe('VALIDATION_FAILED');
        }
        const limit = errorsOf(await get('/articles', '/articles?limit=0'))[0]!;
        expect(limit.property).toBe('limit');
        const cursor = await get('/articles', '/articles?cursor=garbage');
        expect(cursor.statusCode).toBe(400);
        expect(errorsOf(cursor)[0]).toMatchObject({ code: 'BAD_CURSOR', property: 'cursor' });
        // A cursor for one order is refused for the other.
        const page = await list('/articles?limit=2');
        const flipped = await get('/articles', `/articles?sort=published_at:asc&cursor=${page.meta.pagination.nextCursor}`);
        expect(flipped.statusCode).toBe(400);
        expect((await get('/articles', '/nothing-here')).statusCode).toBe(404);
      });
    });

    describe('everything else', () => {
      it('lists briefs and finds one by slug', async () => {
        const res = await get('/briefs', '/briefs?limit=1');
        expect(res.statusCode).toBe(200);
        const body = res.json() as { briefs: { slug: string }[]; meta: { pagination: Pagination } };
        expect(body.briefs.map((b) => b.slug)).toEqual(['brief-one']);
        expect(body.meta.pagination).toMatchObject({ total: 2, pages: 2, next: 2 });
        const one = await get('/briefs/{slug}', '/briefs/brief-two');
        expect((one.json() as { briefs: { headline: string }[] }).briefs[0]!.headline).toBe('Second brief');
        expect((await get('/briefs/{slug}', '/briefs/nope')).statusCode).toBe(404);
      });

      it('lists sections, topics, types and authors', async () => {
        for (const [name, expected] of [
          ['sections', ['asia', 'europe']],
          ['topics', ['ports', 'trade', 'water']],
          ['types', ['analysis', 'news']],
          ['authors', ['anna-berg', 'joe-okafor', 'lee-chan']],
        ] as const) {
          const res = await get(`/${name}`, `/${name}`);
          expect(res.statusCode, name).toBe(200);
          const body = res.json() as Record<string, { slug: string }[]> & { meta: { pagination: Pagination } };
          expect(body[name]!.map((x) => x.slug).sort()).toEqual(expected);
          expect(body.meta.pagination.total).toBe(expected.length);
        }
        const paged = (await get('/topics', '/topics?limit=2&page=2')).json() as { topics: unknown[]; meta: { pagination: Pagination } };
        expect(paged.topics).toHaveLength(1);
        expect(paged.meta.pagination).toMatchObject({ page: 2, prev: 1, next: null });
      });

      it('shows the public settings only', async () => {
        const res = await get('/settings', '/settings');
        const settings = (res.json() as { settings: Record<string, unknown> }).settings;
        expect(settings.title).toBe('The Test Review');
        expect(settings.url).toBe(TEST_BASE_URL);
        expect(Object.keys(settings)).not.toContain('colors');
        expect((await get('/settings', '/settings?verbose=1')).statusCode).toBe(400);
      });

      it('searches through the site search, with filters and pagination', async () => {
        const res = await get('/search', '/search?q=harbour');
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as { results: { article: ApiArticle; snippet: unknown[] }[]; meta: { pagination: Pagination } };
        expect(body.results[0]!.article.slug).toBe('the-lead-story');
        expect(body.meta.pagination.total).toBeGreaterThan(0);
        const filtered = (await get('/search', '/search?q=story&section=asia')).json() as { results: { article: ApiArticle }[] };
        expect(filtered.results.every((r) => r.article.section.slug === 'asia')).toBe(true);
        const nowhere = (await get('/search', '/search?q=story&author=nobody')).json() as { results: unknown[] };
        expect(nowhere.results).toEqual([]);
        const odd = await get('/search', `/search?q=${encodeURIComponent('"harbour" OR -- ; DROP TABLE articles; 🌊')}`);
        expect(odd.statusCode).toBe(200);
        expect((await get('/search', '/search')).statusCode).toBe(400);
      });
    });

    describe('CORS', () => {
      it('answers a preflight from an allowed origin, and not from another', async () => {
        exercised.add('/articles');
        const pre = await app.inject({
          method: 'OPTIONS',
          url: `${API}/articles`,
          headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
        });
        expect(pre.statusCode).toBe(204);
        expect(pre.headers['access-control-allow-origin']).toBe(ORIGIN);
        expect(String(pre.headers['access-control-allow-methods'])).toContain('GET');
        expect(pre.headers['access-control-allow-headers']).toBe('authorization');
        const foreign = await app.inject({
          method: 'OPTIONS',
          url: `${API}/articles`,
          headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
        });
        expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
        const real = await get('/articles', '/articles?limit=1', { headers: { origin: ORIGIN } });
        expect(real.headers['access-control-allow-origin']).toBe(ORIGIN);
        expect(String(real.headers.vary)).toContain('Origin');
        // CORS is off unless configured: the default app names no origin.
        const plain = await site.app.inject({ method: 'GET', url: `${API}/types?key=${key}`, headers: { origin: ORIGIN } });
        expect(plain.statusCode).toBe(200);
        expect(plain.headers['access-control-allow-origin']).toBeUndefined();
      });
    });

    describe('OpenAPI', () => {
      it('is a valid OpenAPI 3.1 document, served without a key', async () => {
        const res = await get('/openapi.json', '/openapi.json', { key: null });
        expect(res.statusCode).toBe(200);
        const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
        expect(doc.openapi).toBe('3.1.0');
        await SwaggerParser.validate(structuredClone(doc) as never);
      });

      // Last: the other tests of this dialect have run, so `exercised` is complete.
      it('documents exactly the paths this suite exercises', async () => {
        const doc = (await get('/openapi.json', '/openapi.json', { key: null })).json() as { paths: Record<string, unknown> };
        expect([...exercised].filter((p) => p !== '/nothing-here').sort()).toEqual(Object.keys(doc.paths).sort());
      });
    });
  });
}
