import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache, RenderedPage } from '../middleware/page-cache.js';
import { encodedBody } from '../middleware/page-cache.js';
import { matchesEtag, pickEncoding } from '../middleware/negotiate.js';

/**
 * Browsers revalidate every time (a 304 is cheap); a CDN may keep a page five
 * minutes and serve it stale while it refetches, and is purged by surrogate key.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400';

/**
 * Serves a page from the cache, or renders and caches it. `cacheKey` must
 * name everything that changes the page (path and page number, never raw query strings).
 */
export async function servePage(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  cacheKey: string,
  render: () => Promise<RenderedPage | null>,
): Promise<boolean> {
  let page = cache.get(cacheKey);
  if (!page) {
    const ticket = cache.ticket();
    const rendered = await render();
    if (!rendered) return false;
    page = cache.prepare(rendered);
    if (rendered.status === 200) cache.set(cacheKey, page, ticket);
  }
  // Not `return sendCached(...)`: a FastifyReply is thenable, and awaiting it yields undefined.
  await sendCached(request, reply, page);
  return true;
}

export async function sendCached(request: FastifyRequest, reply: FastifyReply, page: CachedPage): Promise<void> {
  const encoding = pickEncoding(request.headers['accept-encoding']);
  const etag = `"${page.hash}${encoding === 'br' ? '-br' : encoding === 'gzip' ? '-gz' : ''}"`;
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('etag', etag)
    .header('vary', 'Accept-Encoding')
    .header('cache-control', page.status === 200 ? PUBLIC_CACHE_CONTROL : 'no-store')
    .header('surrogate-key', page.keys.join(' '));
  if (page.status === 200 && matchesEtag(request.headers['if-none-match'], page.hash)) {
    reply.code(304).send();
    return;
  }
  reply.code(page.status);
  if (!encoding) {
    reply.send(page.body);
    return;
  }
  const body = await encodedBody(page, encoding);
  reply.header('content-encoding', encoding).send(body);
}
