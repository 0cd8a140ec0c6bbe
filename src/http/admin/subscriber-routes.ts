/** Newsletter subscribers in the Admin API: list and search, CSV export and import, weekly counts. Administrators only. */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MastheadError } from '../../errors.js';
import {
  exportSubscribersCsv,
  importSubscribersCsv,
  searchSubscribers,
  subscriberStats,
} from '../../services/newsletter/subscriber-admin.js';
import { SUBSCRIBER_STATUSES } from '../../storage/repositories/subscribers.js';
import type { SiteDeps } from '../app.js';
import { actorOf } from './auth.js';

const MAX_CSV_BYTES = 20 * 1_048_576;

const listQuery = z.object({
  q: z.string().max(320).optional(),
  status: z.enum(SUBSCRIBER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const statsQuery = z.object({ weeks: z.coerce.number().int().min(1).max(260).default(12) });

export async function registerSubscriberRoutes(api: FastifyInstance, deps: SiteDeps): Promise<void> {
  await api.register(async (scope) => {
    // A CSV file may be posted as it is (text/csv); multipart comes through the API's multipart plugin.
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_request, body, done) => done(null, body));

    scope.get('/subscribers', async (request) => {
      const query = listQuery.parse(request.query);
      const { subscribers, total } = await searchSubscribers(deps, actorOf(request), query);
      return { subscribers, meta: { page: query.page, limit: query.limit, total, pages: Math.max(1, Math.ceil(total / query.limit)) } };
    });

    scope.get('/subscribers/export.csv', async (request, reply) => {
      const lines = exportSubscribersCsv(deps, actorOf(request));
      // The first line is produced before answering, so a refusal (403) is still a JSON error.
      const first = await lines.next();
      async function* all(): AsyncGenerator<string> {
        if (!first.done) yield first.value;
        yield* lines;
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="subscribers-${deps.clock().toISOString().slice(0, 10)}.csv"`)
        .send(Readable.from(all()));
    });

    scope.post('/subscribers/import', async (request) => {
      const actor = actorOf(request);
      let text: string | null = null;
      if (request.isMultipart()) {
        for await (const part of request.parts()) {
          if (part.type !== 'file' || text !== null) continue;
          try {
            text = (await part.toBuffer()).toString('utf8');
          } catch {
            throw new MastheadError('UPLOAD_TOO_LARGE', { megabytes: 20 }, 'file');
          }
        }
      } else if (typeof request.body === 'string') text = request.body;
      else if (request.body && typeof (request.body as { csv?: unknown }).csv === 'string') text = (request.body as { csv: string }).csv;
      if (text === null)
        throw new MastheadError(
          'VALIDATION_FAILED',
          { detail: 'send the CSV as a text/csv body, as JSON { "csv": "..." }, or as a multipart file' },
          'file',
        );
      return { report: await importSubscribersCsv(deps, actor, text) };
    });

    scope.get('/subscribers/stats', async (request) => {
      const { weeks } = statsQuery.parse(request.query);
      return subscriberStats(deps, actorOf(request), weeks);
    });
  });
}
