/** Content API keys in the Admin API: administrators create (key shown once), list and revoke them. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { contentKeys, createContentKey, revokeContentKey } from '../../services/distribution/content-keys.js';
import type { SiteDeps } from '../app.js';
import { actorOf } from './auth.js';

export function registerContentKeyRoutes(api: FastifyInstance, deps: SiteDeps): void {
  api.get('/content-keys', async (request) => ({ keys: await contentKeys(deps, actorOf(request)) }));
  api.post('/content-keys', async (request, reply) => {
    const input = z
      .object({ name: z.string().trim().min(1).max(120) })
      .strict()
      .parse(request.body);
    const key = await createContentKey(deps, actorOf(request), input.name);
    return reply.code(201).send({ key });
  });
  api.delete<{ Params: { id: string } }>('/content-keys/:id', async (request, reply) => {
    await revokeContentKey(deps, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
}
