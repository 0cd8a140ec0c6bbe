import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/newsroom/roles.js';
import { MastheadError } from '../../errors.js';
import { sameSecret } from '../../lib/tokens.js';
import { resolveSession } from '../../services/auth/sessions.js';
import type { StaffUser } from '../../storage/repositories/users.js';
import type { SiteDeps } from '../app.js';

export const SESSION_COOKIE = 'masthead_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    staff: { user: StaffUser; csrfToken: string; token: string } | null;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.staff) throw new MastheadError('NOT_SIGNED_IN');
  return { id: request.staff.user.id, role: request.staff.user.role };
}

/**
 * Reads the session cookie into `request.staff`, and refuses a state-changing
 * request whose x-csrf-token header does not match the session's token.
 */
export function sessionHook(deps: SiteDeps, options: { open: (request: FastifyRequest) => boolean }) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.staff = null;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(deps, token);
      if (session) request.staff = { ...session, token };
    }
    if (options.open(request)) return;
    if (!request.staff) throw new MastheadError('NOT_SIGNED_IN');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameSecret(header, request.staff.csrfToken)) throw new MastheadError('CSRF_FAILED');
    }
  };
}
