import type { FastifyInstance } from 'fastify';
import { databaseAnswers, pendingMigrations } from '../storage/migrate.js';
import type { SiteDeps } from './app.js';

/** Liveness: the process answers. Readiness: the database answers and its schema is current. */
export function registerHealthRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/healthz', (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const unavailable = { status: 'unavailable', reason: 'The database is not reachable.' };
    if (!(await databaseAnswers(deps.db))) return reply.code(503).send(unavailable);
    try {
      const pending = await pendingMigrations(deps.db);
      if (pending.length > 0) return reply.code(503).send({ status: 'migrating', pending });
      return reply.send({ status: 'ready' });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send(unavailable);
    }
  });
}
