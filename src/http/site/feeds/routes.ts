/** `/feed.xml`, `/atom.xml`, `/feed.json`, and the same three under every listing and the briefs. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FEED_FORMATS, FEED_FORMAT_NAMES } from '../../../domain/content/feeds.js';
import type { FeedFormat } from '../../../domain/content/feeds.js';
import { readFeed } from '../../../services/site/read-feed.js';
import type { FeedSubject, FeedView } from '../../../services/site/read-feed.js';
import { absolute } from '../../../themes/default/context.js';
import type { ThemeContext } from '../../../themes/default/context.js';
import type { SiteDeps } from '../../app.js';
import { notFound } from '../routes.js';
import { servePage } from '../serve-page.js';
import { writeAtom } from './atom.js';
import { buildFeedDocument } from './feed-document.js';
import type { FeedDocument } from './feed-document.js';
import { writeJsonFeed } from './json-feed.js';
import { writeRss } from './rss.js';

const WRITERS: Record<FeedFormat, (doc: FeedDocument) => string> = { rss: writeRss, atom: writeAtom, json: writeJsonFeed };

const LISTINGS = [
  ['sections', 'section'],
  ['topics', 'topic'],
  ['authors', 'author'],
  ['types', 'type'],
] as const;

/** Feed readers show content far from the site: every URL in it is absolute. */
function feedContext(deps: SiteDeps, view: FeedView): ThemeContext {
  const baseUrl = deps.config.publicUrl;
  return {
    baseUrl,
    path: view.path,
    mediaUrl: (key) => absolute({ baseUrl }, deps.media.url(key)),
    stylesheet: '',
    script: '',
    settings: view.settings,
  };
}

async function serveFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: SiteDeps,
  path: string,
  subject: FeedSubject,
  format: FeedFormat,
): Promise<FastifyReply> {
  const sent = await servePage(
    request,
    reply,
    deps.cache,
    path,
    async () => {
      const keyed = await readFeed(deps, subject);
      if (!keyed) return null;
      const doc = buildFeedDocument(feedContext(deps, keyed.view), keyed.view, (what) =>
        request.log.warn({ what, path }, 'dropped unknown body content'),
      );
      return { status: 200, html: WRITERS[format](doc), keys: keyed.keys, lastModified: doc.updated ?? undefined };
    },
    `${FEED_FORMATS[format].mediaType}; charset=utf-8`,
  );
  return sent ? reply : notFound(request, reply, deps);
}

export function registerFeedRoutes(app: FastifyInstance, deps: SiteDeps): void {
  for (const format of FEED_FORMAT_NAMES) {
    const file = FEED_FORMATS[format].file;
    app.get(`/${file}`, (req, reply) => serveFeed(req, reply, deps, `/${file}`, { kind: 'site' }, format));
    app.get(`/briefs/${file}`, (req, reply) => serveFeed(req, reply, deps, `/briefs/${file}`, { kind: 'briefs' }, format));
    for (const [prefix, kind] of LISTINGS) {
      app.get<{ Params: { slug: string } }>(`/${prefix}/:slug/${file}`, (req, reply) => {
        const { slug } = req.params;
        return serveFeed(req, reply, deps, `/${prefix}/${slug}/${file}`, { kind, slug }, format);
      });
    }
  }
}
