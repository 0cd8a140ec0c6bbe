/** /newsletter/archive and /newsletter/archive/{slug}: sent issues on the web, cached like every page. */
import type { FastifyInstance } from 'fastify';
import { keys } from '../../services/events.js';
import { ARCHIVE_KEY, readArchive, readArchivedIssue } from '../../services/newsletter/archive.js';
import { loadChrome } from '../../services/site/read-site.js';
import { renderArchivedIssue, renderArchiveList } from '../../themes/default/pages/newsletter-archive.js';
import type { SiteDeps } from '../app.js';
import { notFound, pageNumber, themeContext } from './routes.js';
import { servePage } from './serve-page.js';

export function registerNewsletterArchiveRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/newsletter/archive', async (request, reply) => {
    const n = pageNumber(request);
    const path = n > 1 ? `/newsletter/archive?page=${n}` : '/newsletter/archive';
    const sent = await servePage(request, reply, deps.cache, path, async () => {
      const [view, chrome] = await Promise.all([readArchive(deps, n), loadChrome(deps)]);
      if (n > 1 && view.issues.length === 0) return null;
      return { status: 200, html: renderArchiveList(themeContext(deps, chrome, path), chrome, view), keys: [ARCHIVE_KEY, keys.settings] };
    });
    return sent ? reply : notFound(request, reply, deps);
  });

  app.get<{ Params: { slug: string } }>('/newsletter/archive/:slug', async (request, reply) => {
    const path = `/newsletter/archive/${request.params.slug}`;
    const sent = await servePage(request, reply, deps.cache, path, async () => {
      const [view, chrome] = await Promise.all([readArchivedIssue(deps, request.params.slug), loadChrome(deps)]);
      if (!view) return null;
      return { status: 200, html: renderArchivedIssue(themeContext(deps, chrome, path), chrome, view), keys: [ARCHIVE_KEY, keys.settings] };
    });
    return sent ? reply : notFound(request, reply, deps);
  });
}
