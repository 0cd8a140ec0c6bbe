import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MastheadError } from '../../errors.js';
import type { Chrome, Keyed, PageView } from '../../services/site/view-models.js';
import type { ListingKind } from '../../services/site/read-site.js';
import { loadChrome, readArticle, readBrief, readBriefs, readHome, readListing } from '../../services/site/read-site.js';
import { keys } from '../../services/events.js';
import { renderMessage, renderView } from '../../themes/default/render.js';
import type { ThemeContext } from '../../themes/default/context.js';
import type { SiteDeps } from '../app.js';
import { servePage } from './serve-page.js';

const pageQuery = z.object({ page: z.string().optional() }).loose();

/** `?page=N`, 1 when absent; anything else is the reader's mistake, answered with 400. */
export function pageNumber(request: FastifyRequest): number {
  const raw = pageQuery.parse(request.query ?? {}).page;
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new MastheadError('BAD_PAGE_NUMBER', {}, 'page');
  return Number(raw);
}

export function themeContext(deps: SiteDeps, chrome: Chrome, path: string): ThemeContext {
  return {
    baseUrl: deps.config.publicUrl,
    path,
    mediaUrl: (key) => deps.media.url(key),
    stylesheet: deps.stylesheet,
    script: deps.script,
    settings: chrome.settings,
  };
}

export function registerSiteRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const { cache } = deps;

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    path: string,
    load: () => Promise<Keyed<PageView> | { redirect: string } | null>,
  ): Promise<FastifyReply> {
    let redirect: string | null = null;
    const sent = await servePage(request, reply, cache, path, async () => {
      const [keyed, chrome] = await Promise.all([load(), loadChrome(deps)]);
      if (!keyed) return null;
      if ('redirect' in keyed) {
        redirect = keyed.redirect;
        return null;
      }
      const html = renderView(themeContext(deps, chrome, path), chrome, keyed.view, {
        onUnknown: (what) => request.log.warn({ what, path }, 'dropped unknown body content'),
      });
      return { status: 200, html, keys: [...new Set(keyed.keys)] };
    });
    if (sent) return reply;
    if (redirect !== null) return reply.redirect(redirect, 301);
    return notFound(request, reply, deps);
  }

  const paged = (base: string, n: number): string => (n > 1 ? `${base}?page=${n}` : base);

  app.get('/', (req, reply) => page(req, reply, '/', () => readHome(deps)));

  app.get('/latest', (req, reply) => {
    const n = pageNumber(req);
    return page(req, reply, paged('/latest', n), () => readListing(deps, 'latest', '', n));
  });

  for (const [prefix, kind] of [
    ['sections', 'section'],
    ['topics', 'topic'],
    ['authors', 'author'],
    ['types', 'type'],
  ] as const satisfies readonly (readonly [string, ListingKind])[]) {
    app.get<{ Params: { slug: string } }>(`/${prefix}/:slug`, (req, reply) => {
      const n = pageNumber(req);
      return page(req, reply, paged(`/${prefix}/${req.params.slug}`, n), () => readListing(deps, kind, req.params.slug, n));
    });
  }

  app.get('/briefs', (req, reply) => {
    const n = pageNumber(req);
    return page(req, reply, paged('/briefs', n), () => readBriefs(deps, n));
  });
  app.get<{ Params: { slug: string } }>('/briefs/:slug', (req, reply) =>
    page(req, reply, `/briefs/${req.params.slug}`, () => readBrief(deps, req.params.slug)),
  );

  app.get('/newsletter', (req, reply) =>
    page(req, reply, '/newsletter', () => Promise.resolve({ view: { kind: 'newsletter' }, keys: [keys.settings] })),
  );

  app.get<{ Params: { section: string; slug: string } }>('/:section/:slug', (req, reply) => {
    const { section, slug } = req.params;
    return page(req, reply, `/${section}/${slug}`, async () => {
      const found = await readArticle(deps, section, slug);
      return found && ('redirect' in found ? found : found.found);
    });
  });
}

export async function notFound(request: FastifyRequest, reply: FastifyReply, deps: SiteDeps): Promise<FastifyReply> {
  return sendMessage(request, reply, deps, 404, 'We could not find that page', [
    'The page may have moved, or the address may be mistyped.',
  ]);
}

export async function sendMessage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: SiteDeps,
  status: number,
  title: string,
  lines: string[],
): Promise<FastifyReply> {
  const path = request.url.split('?')[0] ?? '/';
  let html: string;
  try {
    const chrome = await loadChrome(deps);
    html = renderMessage(themeContext(deps, chrome, path), chrome, { status, title, lines });
  } catch (error) {
    // The database itself may be what failed: answer with a bare page.
    request.log.error({ err: error }, 'could not render the message page');
    html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status}</title></head><body><h1>${status === 404 ? 'Not found' : 'Error'}</h1></body></html>`;
  }
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}
