/**
 * The desk's reference data for the editor: sections, topics, types, authors,
 * and the media library (the site settings are in settings-routes.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can } from '../../domain/newsroom/roles.js';
import { requirePermission } from '../../services/auth/accounts.js';
import { createAuthor, createSection, createTopic } from '../../services/taxonomy/create-taxonomy.js';
import { listAuthors } from '../../storage/repositories/authors.js';
import { listImages } from '../../storage/repositories/images.js';
import { listArticleTypes, listSections, listTopics } from '../../storage/repositories/taxonomy.js';
import type { SiteDeps } from '../app.js';
import { actorOf } from './auth.js';

const named = z
  .object({ name: z.string().trim().min(1).max(120), slug: z.string().max(120).optional(), description: z.string().max(1000).optional() })
  .strict();

export function registerDeskRoutes(api: FastifyInstance, deps: SiteDeps): void {
  api.get('/desk', async (request) => {
    actorOf(request);
    const [sections, topics, types, authors] = await Promise.all([
      listSections(deps.db),
      listTopics(deps.db),
      listArticleTypes(deps.db),
      listAuthors(deps.db),
    ]);
    return { sections, topics, types, authors: authors.map(({ photo: _photo, ...a }) => a) };
  });

  api.post('/sections', async (request, reply) => {
    const actor = actorOf(request);
    requirePermission(actor, can(actor, 'taxonomy.manage'), 'manage sections');
    return reply.code(201).send({ section: await createSection(deps, named.parse(request.body)) });
  });
  api.post('/topics', async (request, reply) => {
    const actor = actorOf(request);
    requirePermission(actor, can(actor, 'taxonomy.manage'), 'manage topics');
    return reply.code(201).send({ topic: await createTopic(deps, named.parse(request.body)) });
  });
  api.post('/authors', async (request, reply) => {
    const actor = actorOf(request);
    requirePermission(actor, can(actor, 'authors.manage'), 'manage authors');
    const input = z
      .object({
        name: z.string().trim().min(1).max(120),
        slug: z.string().max(120).optional(),
        title: z.string().max(200).optional(),
        bio: z.string().max(2000).optional(),
        links: z
          .array(z.object({ label: z.string().min(1).max(60), url: z.url({ protocol: /^https?$/ }) }))
          .max(10)
          .optional(),
      })
      .strict()
      .parse(request.body);
    return reply.code(201).send({ author: await createAuthor(deps, input) });
  });

  api.get('/media', async (request) => {
    actorOf(request);
    const { page } = z.object({ page: z.coerce.number().int().min(1).max(100000).default(1) }).parse(request.query);
    const { images, total } = await listImages(deps.db, { limit: 48, offset: (page - 1) * 48 });
    const now = deps.clock().getTime();
    return {
      images: images.map((image) => ({
        ...image,
        url: deps.media.url(image.storageKey),
        // Flagged for the desk: a picture whose licence has run out must not be used.
        rightsExpired: image.rightsExpireAt !== null && Date.parse(image.rightsExpireAt) < now,
      })),
      meta: { page, limit: 48, total, pages: Math.max(1, Math.ceil(total / 48)) },
    };
  });
}
