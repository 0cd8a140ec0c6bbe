/**
 * The Admin API, /api/admin/v1: thin adapters that parse with zod, call an
 * operation with the signed-in actor, and answer JSON.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isBodyDoc } from '../../domain/content/body.js';
import type { BodyDoc } from '../../domain/content/body.js';
import { ROLES, can } from '../../domain/newsroom/roles.js';
import { MastheadError } from '../../errors.js';
import { createFirstAdmin, createUser, listStaff, requirePermission } from '../../services/auth/accounts.js';
import { SESSION_DAYS, signIn, signOut } from '../../services/auth/sessions.js';
import { commentOn, correctArticle, draftArticle, moveArticle, saveArticle } from '../../services/newsroom/articles.js';
import { articleHistory, compareRevisions, restoreRevision } from '../../services/newsroom/history.js';
import { storeImage } from '../../services/media/store-image.js';
import { findArticleById } from '../../storage/repositories/articles.js';
import { articleOwnership, listArticlesForNewsroom } from '../../storage/repositories/newsroom.js';
import { countUsers } from '../../storage/repositories/users.js';
import type { SiteDeps } from '../app.js';
import { SESSION_COOKIE, actorOf, sessionHook } from './auth.js';
import { OPEN_ACCOUNT_ROUTES, registerAccountRoutes } from './account-routes.js';
import { registerDeskRoutes } from './desk-routes.js';
import { registerSubscriberRoutes } from './subscriber-routes.js';
import { registerContentKeyRoutes } from './content-key-routes.js';
import { registerWebhookRoutes } from './webhook-routes.js';
import { registerSettingsRoutes } from './settings-routes.js';
import { registerNewsletterRoutes } from './newsletter-routes.js';
import { apiErrorHandler } from './errors.js';
import { serializeArticle } from './serialize.js';

const id = z.string().min(1).max(100);
const body = z.custom<BodyDoc>((value) => isBodyDoc(value), {
  message: 'body must be a ProseMirror document ({ "type": "doc", "content": [...] })',
});
const leadImage = z
  .object({ id, caption: z.string().max(1000).optional(), credit: z.string().max(300).optional(), alt: z.string().max(1000).optional() })
  .nullable();

const articleFields = z.object({
  slug: z.string().max(120).optional(),
  sectionId: id,
  typeId: id,
  kicker: z.string().max(120).optional(),
  headline: z.string().min(1).max(300),
  dek: z.string().max(600).optional(),
  body: body.optional(),
  leadImage: leadImage.optional(),
  topicIds: z.array(id).max(50).optional(),
  authorIds: z.array(id).max(20).optional(),
  relatedIds: z.array(id).max(20).optional(),
});
const articlePatch = articleFields
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
const listQuery = z.object({
  status: z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']).optional(),
  section: id.optional(),
  type: id.optional(),
  author: id.optional(),
  mine: z.enum(['1', 'true']).optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
const MAX_UPLOAD_BYTES = 20 * 1_048_576;
const mediaFields = z.object({
  caption: z.string().max(1000).optional(),
  credit: z.string().max(300).optional(),
  alt: z.string().max(1000).optional(),
  licence: z.string().max(500).optional(),
  rightsExpireAt: z.iso.datetime({ offset: true }).optional(),
});
const workflowBody = z.object({
  action: z.enum(['submit', 'approve', 'request_changes', 'schedule', 'publish', 'unpublish']),
  at: z.string().max(40).optional(),
  note: z.string().max(5000).optional(),
  assignTo: id.optional(),
});

export async function registerAdminApi(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  const secure = deps.config.publicUrl.startsWith('https://');

  await app.register(
    async (api) => {
      api.setErrorHandler(apiErrorHandler);
      api.setNotFoundHandler((_request, reply) =>
        reply.code(404).send({ errors: [{ code: 'NOT_FOUND', message: 'There is no such Admin API resource.' }] }),
      );
      api.addHook('onRequest', async (_request, reply) => {
        reply.header('cache-control', 'no-store');
      });
      api.addHook(
        'preHandler',
        sessionHook(deps, {
          // Decided by the matched route's pattern, never the raw URL (which carries the query string).
          open: (request) => {
            const route = request.routeOptions.url ?? '';
            if (request.method === 'POST' && OPEN_ACCOUNT_ROUTES.some((path) => route.endsWith(path))) return true;
            return (
              (request.method === 'POST' && (route.endsWith('/session') || route.endsWith('/setup'))) ||
              (request.method === 'GET' && route.endsWith('/setup'))
            );
          },
        }),
      );

      // Signing in and out.
      api.post('/session', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
        const input = z.object({ email: z.string().max(320), password: z.string().max(1024) }).parse(request.body);
        const session = await signIn(deps, { ...input, userAgent: request.headers['user-agent'] ?? '' });
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure,
          maxAge: SESSION_DAYS * 86400,
        });
        return { user: session.user, csrfToken: session.csrfToken };
      });
      api.get('/session', async (request) => ({ user: request.staff!.user, csrfToken: request.staff!.csrfToken }));
      api.delete('/session', async (request, reply) => {
        await signOut(deps, request.staff!.token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send();
      });

      // The first administrator, only while the publication has no staff.
      api.get('/setup', async () => ({ needed: (await countUsers(deps.db)) === 0 }));
      api.post('/setup', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async (request, reply) => {
        const input = z
          .object({ email: z.string().max(320), name: z.string().max(200), password: z.string().max(1024) })
          .parse(request.body);
        const user = await createFirstAdmin(deps, input);
        return reply.code(201).send({ user });
      });

      registerDeskRoutes(api, deps);
      registerAccountRoutes(api, deps);
      registerContentKeyRoutes(api, deps);
      registerWebhookRoutes(api, deps);
      registerSettingsRoutes(api, deps);
      registerNewsletterRoutes(api, deps);

      // Staff.
      api.get('/users', async (request) => ({ users: await listStaff(deps, actorOf(request)) }));
      api.post('/users', async (request, reply) => {
        const input = z
          .object({ email: z.string().max(320), name: z.string().max(200), role: z.enum(ROLES), password: z.string().max(1024) })
          .parse(request.body);
        const user = await createUser(deps, { actor: actorOf(request), ...input });
        return reply.code(201).send({ user });
      });

      // The media library: pictures checked by their bytes, resized, stripped of metadata.
      await api.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 5000 } });
      api.post('/media', async (request, reply) => {
        const actor = actorOf(request);
        requirePermission(actor, can(actor, 'media.upload'), 'upload pictures');
        if (!request.isMultipart())
          throw new MastheadError(
            'VALIDATION_FAILED',
            { detail: 'send the picture as multipart/form-data in a field named "file"' },
            'file',
          );
        const fields: Record<string, string> = {};
        let bytes: Buffer | null = null;
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            try {
              bytes = await part.toBuffer();
            } catch {
              throw new MastheadError('UPLOAD_TOO_LARGE', { megabytes: MAX_UPLOAD_BYTES / 1_048_576 }, 'file');
            }
          } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        }
        if (!bytes) throw new MastheadError('VALIDATION_FAILED', { detail: 'no file was sent (field "file")' }, 'file');
        const meta = mediaFields.parse(fields);
        const image = await storeImage(deps, { bytes, ...meta });
        return reply.code(201).send({ image: { ...image, url: deps.media.url(image.storageKey) } });
      });

      await registerSubscriberRoutes(api, deps);

      // Articles.
      api.get('/articles', async (request) => {
        const actor = actorOf(request);
        requirePermission(actor, can(actor, 'article.read'), 'read articles');
        const q = listQuery.parse(request.query);
        const { rows, total } = await listArticlesForNewsroom(deps.db, {
          ...(q.status ? { status: q.status } : {}),
          ...(q.section ? { sectionId: q.section } : {}),
          ...(q.type ? { typeId: q.type } : {}),
          ...(q.author ? { authorId: q.author } : {}),
          ...(q.mine ? { createdBy: actor.id } : {}),
          ...(q.q ? { q: q.q } : {}),
          limit: q.limit,
          offset: (q.page - 1) * q.limit,
          now: deps.clock(),
        });
        return { articles: rows, meta: { page: q.page, limit: q.limit, total, pages: Math.max(1, Math.ceil(total / q.limit)) } };
      });
      api.post('/articles', async (request, reply) => {
        const input = articleFields.strict().parse(request.body);
        const article = await draftArticle(deps, actorOf(request), { ...input, body: input.body ?? { type: 'doc', content: [] } });
        return reply.code(201).send({ article: serializeArticle(article, await articleOwnership(deps.db, article.id), deps.media.url) });
      });
      api.get<{ Params: { id: string } }>('/articles/:id', async (request) => {
        actorOf(request);
        const article = await findArticleById(deps.db, request.params.id);
        if (!article) throw new MastheadError('NOT_FOUND');
        return { article: serializeArticle(article, await articleOwnership(deps.db, article.id), deps.media.url) };
      });
      api.patch<{ Params: { id: string } }>('/articles/:id', async (request) => {
        const { version, ...changes } = articlePatch.parse(request.body);
        const article = await saveArticle(deps, actorOf(request), request.params.id, version, changes);
        return { article: serializeArticle(article, await articleOwnership(deps.db, article.id), deps.media.url) };
      });
      api.post<{ Params: { id: string } }>('/articles/:id/workflow', async (request) => {
        const input = workflowBody.parse(request.body);
        const article = await moveArticle(deps, actorOf(request), request.params.id, input.action, {
          ...(input.at ? { at: input.at } : {}),
          ...(input.note ? { note: input.note } : {}),
          ...(input.assignTo ? { assignTo: input.assignTo } : {}),
        });
        return { article: serializeArticle(article, await articleOwnership(deps.db, article.id), deps.media.url) };
      });
      api.post<{ Params: { id: string } }>('/articles/:id/comments', async (request, reply) => {
        const input = z.object({ body: z.string().max(5000) }).parse(request.body);
        await commentOn(deps, actorOf(request), request.params.id, input.body);
        return reply.code(201).send({ ok: true });
      });
      api.post<{ Params: { id: string } }>('/articles/:id/corrections', async (request, reply) => {
        const input = z.object({ kind: z.enum(['correction', 'update']), text: z.string().min(1).max(5000) }).parse(request.body);
        const article = await correctArticle(deps, actorOf(request), request.params.id, input);
        return reply.code(201).send({ article: serializeArticle(article, await articleOwnership(deps.db, article.id), deps.media.url) });
      });
      api.get<{ Params: { id: string } }>('/articles/:id/history', async (request) =>
        articleHistory(deps, actorOf(request), request.params.id),
      );
      api.get<{ Params: { id: string; from: string; to: string } }>('/articles/:id/revisions/:from/compare/:to', async (request) => {
        const { from, to } = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }).parse(request.params);
        return compareRevisions(deps, actorOf(request), request.params.id, from, to);
      });
      api.post<{ Params: { id: string; version: string } }>('/articles/:id/revisions/:version/restore', async (request) => {
        const version = z.coerce.number().int().min(1).parse(request.params.version);
        const { currentVersion } = z.object({ currentVersion: z.number().int().min(1) }).parse(request.body);
        const article = await restoreRevision(deps, actorOf(request), request.params.id, version, currentVersion);
        return { article: serializeArticle(article, await articleOwnership(deps.db, article.id), deps.media.url) };
      });
    },
    { prefix: '/api/admin/v1' },
  );
}
