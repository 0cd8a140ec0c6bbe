/**
 * The Content API, /api/content/v1: read-only JSON of what the site
 * publishes, for apps and partners. Every request but the OpenAPI document
 * and CORS preflights needs a live key; each key has its own rate limit.
 */
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { MastheadError } from '../../errors.js';
import { hashSecret } from '../../lib/tokens.js';
import { authenticateContentKey } from '../../services/distribution/content-keys.js';
import { getSiteSettings } from '../../services/settings/site-settings.js';
import { findArticleById, findArticleBySlug, findArticlesByIds } from '../../storage/repositories/articles.js';
import { findAuthorBySlug, listAuthors } from '../../storage/repositories/authors.js';
import { findPublishedBrief, listPublishedBriefs } from '../../storage/repositories/briefs.js';
import { listPublicArticleIds } from '../../storage/repositories/content-api.js';
import {
  findArticleTypeBySlug,
  findSectionBySlug,
  listArticleTypes,
  listSections,
  listTopics,
} from '../../storage/repositories/taxonomy.js';
import { searchArticles } from '../../storage/search/search-index.js';
import { isPublic } from '../../domain/content/article.js';
import type { Article } from '../../domain/content/model.js';
import type { Db } from '../../storage/db.js';
import type { SiteDeps } from '../app.js';
import { apiErrorHandler } from '../admin/errors.js';
import { registerCors } from './cors.js';
import { openApiDocument } from './openapi.js';
import {
  articleListQuery,
  articleQuery,
  decodeCursor,
  encodeCursor,
  listQuery,
  pageMeta,
  plainQuery,
  searchQuery,
  SEARCH_HIT_FIELDS,
} from './params.js';
import { presentArticles, presentAuthor, presentBrief, presentSettings, presenter } from './present.js';

const CONTENT_API_PREFIX = '/api/content/v1';

export interface ContentApiOptions {
  corsOrigins: readonly string[];
  /** Requests per key per minute. */
  rateLimit: number;
}

/** The key as sent: `?key=` or `Authorization: Bearer`. */
function sentKey(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (match?.[1]) return match[1];
  }
  const key = (request.query as Record<string, unknown> | undefined)?.key;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

function page<T>(items: readonly T[], pageNo: number, limit: number): T[] {
  return items.slice((pageNo - 1) * limit, pageNo * limit);
}

export async function registerContentApi(app: FastifyInstance, deps: SiteDeps, options: ContentApiOptions): Promise<void> {
  const limited: RouteShorthandOptions = {
    config: {
      rateLimit: {
        max: options.rateLimit,
        timeWindow: '1 minute',
        // One budget per key (by its hash, never the key itself); requests without one share the caller's address.
        keyGenerator: (request: FastifyRequest) => {
          const key = sentKey(request);
          return key ? `content-key:${hashSecret(key)}` : `content-ip:${request.ip}`;
        },
      },
    },
  };

  await app.register(
    async (api) => {
      api.setErrorHandler(apiErrorHandler);
      api.setNotFoundHandler((_request, reply) =>
        reply.code(404).send({ errors: [{ code: 'NOT_FOUND', message: 'There is no such Content API resource.' }] }),
      );
      registerCors(api, options.corsOrigins);
      api.addHook('onRequest', async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        if (request.method === 'OPTIONS' || (request.routeOptions.url ?? '').endsWith('/openapi.json')) return;
        await authenticateContentKey(deps, sentKey(request));
      });

      const now = () => deps.clock();
      const present = async () => presenter(deps, await getSiteSettings(deps));
      const visible = (a: Article | null): a is Article => a !== null && isPublic(a.status, a.publishedAt, now());

      // The document depends only on configuration: build it once, not per request.
      const openApi = openApiDocument(deps.config.publicUrl);
      api.get('/openapi.json', async () => openApi);

      api.get('/articles', limited, async (request) => {
        const q = articleListQuery.parse(request.query);
        const order = q.sort === 'published_at:asc' ? 'asc' : 'desc';
        const cursor = q.cursor !== undefined ? decodeCursor(q.cursor, order) : undefined;
        const { rows, total } = await listPublicArticleIds(deps.db, {
          now: now(),
          filter: {
            section: q.section,
            topic: q.topic,
            author: q.author,
            type: q.type,
            after: q.published_after,
            before: q.published_before,
          },
          order,
          // One more than asked tells whether another page follows.
          limit: q.limit + 1,
          offset: (q.page - 1) * q.limit,
          cursor,
        });
        const shown = rows.slice(0, q.limit);
        const last = shown.at(-1);
        const nextCursor = rows.length > q.limit && last ? encodeCursor(last, order) : null;
        const articles = await presentArticles(
          deps.db,
          await present(),
          await findArticlesByIds(
            deps.db,
            shown.map((r) => r.id),
          ),
          q.fields,
        );
        return { articles, meta: pageMeta(cursor ? null : q.page, q.limit, total, nextCursor) };
      });
      const oneArticle = async (query: unknown, find: () => Promise<Article | null>) => {
        const q = articleQuery.parse(query);
        const article = await find();
        if (!visible(article)) throw new MastheadError('NOT_FOUND');
        return { articles: await presentArticles(deps.db, await present(), [article], q.fields) };
      };
      api.get<{ Params: { id: string } }>('/articles/:id', limited, (request) =>
        oneArticle(request.query, () => findArticleById(deps.db, request.params.id)),
      );
      api.get<{ Params: { slug: string } }>('/articles/slug/:slug', limited, (request) =>
        oneArticle(request.query, () => findArticleBySlug(deps.db, request.params.slug)),
      );

      api.get('/briefs', limited, async (request) => {
        const q = listQuery.parse(request.query);
        const { briefs, total } = await listPublishedBriefs(deps.db, { now: now(), limit: q.limit, offset: (q.page - 1) * q.limit });
        const p = await present();
        return { briefs: briefs.map((b) => presentBrief(p, b)), meta: pageMeta(q.page, q.limit, total) };
      });
      api.get<{ Params: { slug: string } }>('/briefs/:slug', limited, async (request) => {
        plainQuery.parse(request.query);
        const brief = await findPublishedBrief(deps.db, request.params.slug, now());
        if (!brief) throw new MastheadError('NOT_FOUND');
        return { briefs: [presentBrief(await present(), brief)] };
      });

      const taxonomy = <T extends { slug: string }>(name: string, load: () => Promise<T[]>, show: (item: T, base: string) => object) => {
        api.get(`/${name}`, limited, async (request) => {
          const q = listQuery.parse(request.query);
          const all = await load();
          const base = deps.config.publicUrl.replace(/\/$/, '');
          return { [name]: page(all, q.page, q.limit).map((item) => show(item, base)), meta: pageMeta(q.page, q.limit, all.length) };
        });
      };
      taxonomy(
        'sections',
        () => listSections(deps.db),
        (s, base) => ({ id: s.id, slug: s.slug, name: s.name, description: s.description, url: `${base}/sections/${s.slug}` }),
      );
      taxonomy(
        'topics',
        () => listTopics(deps.db),
        (t, base) => ({ id: t.id, slug: t.slug, name: t.name, description: t.description, url: `${base}/topics/${t.slug}` }),
      );
      taxonomy(
        'types',
        () => listArticleTypes(deps.db),
        (t, base) => ({ id: t.id, slug: t.slug, name: t.name, description: t.description, url: `${base}/types/${t.slug}` }),
      );
      api.get('/authors', limited, async (request) => {
        const q = listQuery.parse(request.query);
        const [all, p] = await Promise.all([listAuthors(deps.db), present()]);
        return { authors: page(all, q.page, q.limit).map((a) => presentAuthor(p, a)), meta: pageMeta(q.page, q.limit, all.length) };
      });

      api.get('/settings', limited, async (request) => {
        plainQuery.parse(request.query);
        return { settings: presentSettings(await present()) };
      });

      api.get('/search', limited, async (request) => {
        const q = searchQuery.parse(request.query);
        // Only the filters given are looked up, each by its slug; a filter naming nothing that exists matches nothing.
        const idOf = async (slug: string | undefined, find: (db: Db, slug: string) => Promise<{ id: string } | null>) =>
          slug === undefined ? undefined : ((await find(deps.db, slug))?.id ?? null);
        const [sectionId, typeId, authorId] = await Promise.all([
          idOf(q.section, findSectionBySlug),
          idOf(q.type, findArticleTypeBySlug),
          idOf(q.author, findAuthorBySlug),
        ]);
        if (sectionId === null || typeId === null || authorId === null)
          return { results: [], capped: false, meta: pageMeta(q.page, q.limit, 0) };
        const p = await present();
        const found = await searchArticles(deps.db, {
          query: q.q,
          sectionId,
          typeId,
          authorId,
          from: q.published_after ? new Date(q.published_after) : undefined,
          to: q.published_before ? new Date(q.published_before) : undefined,
          limit: q.limit,
          offset: (q.page - 1) * q.limit,
          now: now(),
        });
        const articles = await findArticlesByIds(
          deps.db,
          found.hits.map((h) => h.id),
        );
        const shown = await presentArticles(deps.db, p, articles, SEARCH_HIT_FIELDS);
        const byId = new Map(shown.map((a) => [a.id as string, a]));
        const results = found.hits.flatMap((hit) => {
          const article = byId.get(hit.id);
          return article ? [{ rank: hit.rank, snippet: hit.snippet, article }] : [];
        });
        // `capped`: more matched than were ranked, so the total is a floor.
        return { results, capped: found.capped, meta: pageMeta(q.page, q.limit, found.total) };
      });
    },
    { prefix: CONTENT_API_PREFIX },
  );
}
