/** Password resets, invitations and preview links: what reaches people by link. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../domain/newsroom/roles.js';
import type { LinkDeps } from '../../services/auth/links.js';
import {
  acceptInvitation,
  completePasswordReset,
  createPreviewLink,
  inviteStaff,
  requestPasswordReset,
} from '../../services/auth/links.js';
import { getSiteSettings } from '../../services/settings/site-settings.js';
import type { SiteDeps } from '../app.js';
import { actorOf } from './auth.js';

/** Routes anyone may call, signed in or not (they carry their own secret or reveal nothing). */
export const OPEN_ACCOUNT_ROUTES = ['/password-reset', '/password-reset/complete', '/invitations/accept'];

export function registerAccountRoutes(api: FastifyInstance, deps: SiteDeps): void {
  const linkDeps = async (): Promise<LinkDeps> => ({
    db: deps.db,
    clock: deps.clock,
    mailer: deps.mailer,
    publicUrl: deps.config.publicUrl,
    publicationTitle: (await getSiteSettings(deps)).title,
  });
  const limited = { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } };

  api.post('/password-reset', limited, async (request, reply) => {
    const { email } = z.object({ email: z.string().max(320) }).parse(request.body);
    await requestPasswordReset(await linkDeps(), email);
    // The same answer whether or not the address has an account.
    return reply.code(202).send({ message: 'If that address has an account, a link to reset its password is on its way.' });
  });
  api.post('/password-reset/complete', limited, async (request, reply) => {
    const { token, password } = z.object({ token: z.string().min(20).max(100), password: z.string().max(1024) }).parse(request.body);
    await completePasswordReset(deps, token, password);
    return reply.code(204).send();
  });
  api.post('/invitations', async (request, reply) => {
    const input = z.object({ email: z.string().max(320), role: z.enum(ROLES) }).parse(request.body);
    return reply.code(201).send(await inviteStaff(await linkDeps(), actorOf(request), input));
  });
  api.post('/invitations/accept', limited, async (request, reply) => {
    const { token, name, password } = z
      .object({ token: z.string().min(20).max(100), name: z.string().trim().min(1).max(200), password: z.string().max(1024) })
      .parse(request.body);
    const user = await acceptInvitation(deps, token, { name, password });
    return reply.code(201).send({ user });
  });
  api.post<{ Params: { id: string } }>('/articles/:id/preview-link', async (request, reply) => {
    return reply.code(201).send(await createPreviewLink(await linkDeps(), actorOf(request), request.params.id));
  });
}
