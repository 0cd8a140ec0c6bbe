/**
 * CORS for the Content API, from MASTHEAD_API_CORS_ORIGINS (none by
 * default). @fastify/cors is not a dependency; these two hooks are the whole
 * of what a read-only API needs: allow listed origins, answer preflights.
 */
import type { FastifyInstance } from 'fastify';

const ALLOWED_HEADERS = ['authorization', 'content-type'];

export function registerCors(api: FastifyInstance, origins: readonly string[]): void {
  const any = origins.includes('*');
  const allowed = (origin: string | undefined): origin is string => origin !== undefined && (any || origins.includes(origin));

  api.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    // The answer depends on Origin whenever any origin may be allowed: caches must keep them apart.
    if (origins.length > 0 && !any) reply.header('vary', 'Origin');
    if (allowed(origin)) {
      reply.header('access-control-allow-origin', any ? '*' : origin);
      // Helmet's same-origin resource policy would otherwise stop the browser from reading the answer.
      reply.header('cross-origin-resource-policy', 'cross-origin');
    }
    if (request.method !== 'OPTIONS') return;
    const method = request.headers['access-control-request-method'];
    if (allowed(origin) && typeof method === 'string') {
      const requested = String(request.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean);
      const headers = requested.filter((h) => ALLOWED_HEADERS.includes(h));
      reply
        .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
        .header('access-control-allow-headers', (headers.length > 0 ? headers : ALLOWED_HEADERS).join(', '))
        .header('access-control-max-age', '600');
    }
    // A preflight (allowed or not) ends here: without the headers above the browser refuses the real request.
    return reply.code(204).send();
  });
  // A route for every path, so a preflight is routed here rather than to the not-found handler.
  api.options('/*', async (_request, reply) => reply.code(204).send());
}
