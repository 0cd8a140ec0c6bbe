import type { FastifyInstance } from 'fastify';
import { readPreview } from '../../services/site/read-preview.js';
import { loadChrome } from '../../services/site/read-site.js';
import { renderView } from '../../themes/default/render.js';
import type { SiteDeps } from '../app.js';
import { notFound, themeContext } from './routes.js';

/**
 * /preview/{token}: a draft for whoever holds the link. Never cached by us or
 * anyone else, never indexed, and the token never reaches another site.
 */
export function registerPreviewRoute(app: FastifyInstance, deps: SiteDeps): void {
  app.get<{ Params: { token: string } }>('/preview/:token', async (request, reply) => {
    const view = await readPreview(deps, request.params.token);
    if (!view) return notFound(request, reply, deps);
    const chrome = await loadChrome(deps);
    const html = renderView(themeContext(deps, chrome, `/${view.article.section.slug}/${view.article.slug}`), chrome, view, {
      noindex: true,
    });
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('referrer-policy', 'no-referrer')
      .send(html);
  });
}
