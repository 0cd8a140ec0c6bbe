/** `/search?q=`: the reader's full-text search, with filters and pages. */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { searchPath } from '../../domain/search/search-path.js';
import { MastheadError } from '../../errors.js';
import { readSearch, readSearchForm } from '../../services/site/read-search.js';
import type { SearchInput } from '../../services/site/read-search.js';
import { loadChrome } from '../../services/site/read-site.js';
import type { SearchView } from '../../services/site/view-models.js';
import { renderView } from '../../themes/default/render.js';
import type { SiteDeps } from '../app.js';
import { matchesEtag, pickEncoding } from '../middleware/negotiate.js';
import { pageNumber, themeContext } from './routes.js';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Result pages are not kept in the page cache (every query string is a new
 * page: they would push out the pages everyone reads) and not by a CDN or
 * any shared cache: a publish or unpublish changes any number of searches,
 * and no surrogate key names "every search that finds this piece". A piece
 * taken down must vanish from results at once. The reader's browser may
 * keep a copy (back and forward) but asks again each time; the ETag turns an
 * unchanged answer into a 304.
 */
const SEARCH_CACHE_CONTROL = 'private, max-age=0, must-revalidate';

/** One value per parameter: a repeated one counts once, anything that is not text counts as absent. */
function text(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

function inputOf(request: FastifyRequest): SearchInput {
  const query = (request.query ?? {}) as Record<string, unknown>;
  return {
    q: text(query.q),
    section: text(query.section),
    type: text(query.type),
    author: text(query.author),
    from: text(query.from),
    to: text(query.to),
    page: pageNumber(request),
  };
}

async function send(request: FastifyRequest, reply: FastifyReply, status: number, html: string): Promise<FastifyReply> {
  const body = Buffer.from(html, 'utf8');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  const encoding = pickEncoding(request.headers['accept-encoding']);
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', status === 200 ? SEARCH_CACHE_CONTROL : 'no-store')
    .header('vary', 'Accept-Encoding')
    .header('etag', `"${hash}${encoding === 'br' ? '-br' : encoding === 'gzip' ? '-gz' : ''}"`);
  if (status === 200 && matchesEtag(request.headers['if-none-match'], hash)) return reply.code(304).send();
  reply.code(status);
  if (!encoding) return reply.send(body);
  // Rendered once and sent once: fast settings, not the cached pages' maximum.
  const compressed =
    encoding === 'br'
      ? await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : await gz(body, { level: 6 });
  return reply.header('content-encoding', encoding).send(compressed);
}

export function registerSearchRoute(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/search', async (request, reply) => {
    const input = inputOf(request);
    let view: SearchView;
    let status = 200;
    try {
      view = (await readSearch(deps, input)).view;
    } catch (error) {
      // A filter that names nothing: the form again, with what to fix, as a 400.
      if (!(error instanceof MastheadError) || error.status !== 400) throw error;
      view = await readSearchForm(deps, input, error.message);
      status = 400;
    }
    const chrome = await loadChrome(deps);
    const path = searchPath(view.params, view.results?.page.number ?? 1);
    return send(request, reply, status, renderView(themeContext(deps, chrome, path), chrome, view));
  });
}
