/** Signing in to the Admin API from a test: the session cookie and CSRF token its writes need. */
import type { FastifyInstance } from 'fastify';

export interface AdminSession {
  /** Ready for a `cookie` header. */
  cookie: string;
  csrfToken: string;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<AdminSession> {
  const res = await app.inject({ method: 'POST', url: '/api/admin/v1/session', payload: { email, password } });
  const session = res.cookies.find((c) => c.name === 'masthead_session');
  if (!session) throw new Error(`Signing in as ${email} failed: ${res.statusCode} ${res.body}`);
  return { cookie: `masthead_session=${session.value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}
