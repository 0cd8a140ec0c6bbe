/** Webhooks in the Admin API: register (the signing secret is shown once), list, delete, and read the delivery log. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { WEBHOOK_EVENTS, registerWebhook, removeWebhook, webhookLog, webhooksFor } from '../../services/distribution/webhooks.js';
import type { SiteDeps } from '../app.js';
import { actorOf } from './auth.js';

const webhookBody = z
  .object({
    url: z.string().min(1).max(2000),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
    description: z.string().max(300).optional(),
  })
  .strict();

/** Targets are checked against `deps.webhookPolicy`, built from the config in main.ts (or by a test). */
export function registerWebhookRoutes(api: FastifyInstance, deps: SiteDeps): void {
  api.get('/webhooks', async (request) => ({ webhooks: await webhooksFor(deps, actorOf(request)), events: WEBHOOK_EVENTS }));
  api.post('/webhooks', async (request, reply) => {
    const input = webhookBody.parse(request.body);
    const webhook = await registerWebhook(deps, actorOf(request), input, deps.webhookPolicy);
    return reply.code(201).send({ webhook });
  });
  api.delete<{ Params: { id: string } }>('/webhooks/:id', async (request, reply) => {
    await removeWebhook(deps, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
  api.get<{ Params: { id: string } }>('/webhooks/:id/deliveries', async (request) => ({
    deliveries: await webhookLog(deps, actorOf(request), request.params.id),
  }));
}
