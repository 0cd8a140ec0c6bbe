import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache, RenderedPage } from '../middleware/page-cache.js';
import { encodedBody } from '../middleware/page-cache.js';
import { matchesEtag, pickEncoding } from '../middleware/negotiate.js';

/**
 * Browsers revalidate every time (a 304 is cheap); a CDN may keep a page five
 * minutes and serve it stale while it refetches, and is purged by surrogate key.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400';

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

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
  contentType: string = HTML_CONTENT_TYPE,
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
  await sendCached(request, reply, page, contentType);
  return true;
}

export async function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  page: CachedPage,
  contentType: string = HTML_CONTENT_TYPE,
): Promise<void> {
  const encoding = pickEncoding(request.headers['accept-encoding']);
  const etag = `"${page.hash}${encoding === 'br' ? '-br' : encoding === 'gzip' ? '-gz' : ''}"`;
  reply
    .header('content-type', contentType)
    .header('etag', etag)
    .header('vary', 'Accept-Encoding')
    .header('cache-control', page.status === 200 ? PUBLIC_CACHE_CONTROL : 'no-store')
    .header('surrogate-key', page.keys.join(' '));
  const lastModified = page.lastModified ? new Date(page.lastModified) : null;
  if (lastModified) reply.header('last-modified', lastModified.toUTCString());
  if (page.status === 200 && (matchesEtag(request.headers['if-none-match'], page.hash) || notModifiedSince(request, lastModified))) {
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

/** If-Modified-Since counts only without If-None-Match (RFC 9110 13.1.3), to the second. */
function notModifiedSince(request: FastifyRequest, lastModified: Date | null): boolean {
  const since = request.headers['if-modified-since'];
  if (!lastModified || !since || request.headers['if-none-match'] !== undefined) return false;
  const time = Date.parse(since);
  return Number.isFinite(time) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(time / 1000);
}
