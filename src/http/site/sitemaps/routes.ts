/** `/sitemap.xml` (an index), its pages under `/sitemaps/`, `/news-sitemap.xml` and `/robots.txt`. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config/config.js';
import type { ImageVariant } from '../../../domain/content/model.js';
import { articlePath } from '../../../domain/content/paths.js';
import {
  NEWS_SITEMAP_PATH,
  PAGES_SITEMAP_PATH,
  SITEMAP_INDEX_PATH,
  SITEMAP_MAX_URLS,
  articleSitemapPath,
} from '../../../domain/content/sitemaps.js';
import { readArticleSitemap, readNewsSitemap, readPagesSitemap, readSitemapIndex } from '../../../services/site/read-sitemaps.js';
import { absolute } from '../../../themes/default/context.js';
import type { SiteDeps } from '../../app.js';
import type { RenderedPage } from '../../middleware/page-cache.js';
import { notFound } from '../routes.js';
import { servePage } from '../serve-page.js';
import { robotsTxt } from './robots.js';
import { writeSitemapIndex, writeUrlset } from './sitemap-xml.js';

export interface SitemapOptions {
  robots: Config['robots'];
  /** URLs per article sitemap: 50,000 (the protocol's limit) unless a test wants a small one. */
  pageSize?: number | undefined;
}

const XML = 'application/xml; charset=utf-8';

/** The news sitemap's window moves with the clock, not with content: its cached copy lasts five minutes at most. */
const NEWS_CACHE_WINDOW_MS = 5 * 60_000;

/** The picture a page shares (see shareImage): the JPEG, else the first size. */
const sharedVariant = (variants: readonly ImageVariant[]): ImageVariant | undefined =>
  variants.find((v) => v.format === 'jpeg') ?? variants[0];

export function registerSitemapRoutes(app: FastifyInstance, deps: SiteDeps, options: SitemapOptions): void {
  const pageSize = Math.min(SITEMAP_MAX_URLS, Math.max(1, Math.floor(options.pageSize ?? SITEMAP_MAX_URLS)));
  const abs = (path: string): string => `${deps.config.publicUrl}${path}`;

  async function serve(
    request: FastifyRequest,
    reply: FastifyReply,
    cacheKey: string,
    render: () => Promise<RenderedPage | null>,
    contentType = XML,
  ): Promise<FastifyReply> {
    return (await servePage(request, reply, deps.cache, cacheKey, render, contentType)) ? reply : notFound(request, reply, deps);
  }

  app.get(SITEMAP_INDEX_PATH, (req, reply) =>
    serve(req, reply, SITEMAP_INDEX_PATH, async () => {
      const { view, keys } = await readSitemapIndex(deps, pageSize);
      const html = writeSitemapIndex([
        { loc: abs(PAGES_SITEMAP_PATH), lastmod: view.pagesLastmod },
        ...view.articlePages.map((p) => ({ loc: abs(articleSitemapPath(p.number)), lastmod: p.lastmod })),
      ]);
      return { status: 200, html, keys };
    }),
  );

  app.get(PAGES_SITEMAP_PATH, (req, reply) =>
    serve(req, reply, PAGES_SITEMAP_PATH, async () => {
      const { view, keys } = await readPagesSitemap(deps);
      return { status: 200, html: writeUrlset(view.entries.map((e) => ({ loc: abs(e.path), lastmod: e.lastmod }))), keys };
    }),
  );

  app.get<{ Params: { n: string } }>('/sitemaps/articles-:n.xml', (req, reply) => {
    const { n } = req.params;
    if (!/^[1-9]\d{0,8}$/.test(n)) return notFound(req, reply, deps);
    return serve(req, reply, articleSitemapPath(Number(n)), async () => {
      const keyed = await readArticleSitemap(deps, Number(n), pageSize);
      if (!keyed) return null;
      const urls = keyed.view.articles.map((a) => {
        const picture = sharedVariant(a.imageVariants);
        return {
          loc: abs(articlePath({ slug: a.slug, section: { slug: a.sectionSlug } })),
          lastmod: a.updatedAt && a.updatedAt > a.publishedAt ? a.updatedAt : a.publishedAt,
          images: picture ? [absolute({ baseUrl: deps.config.publicUrl }, deps.media.url(picture.key))] : [],
        };
      });
      return { status: 200, html: writeUrlset(urls, { image: true }), keys: keyed.keys };
    });
  });

  app.get(NEWS_SITEMAP_PATH, (req, reply) => {
    const window = Math.floor(deps.clock().getTime() / NEWS_CACHE_WINDOW_MS);
    return serve(req, reply, `${NEWS_SITEMAP_PATH}@${window}`, async () => {
      const { view, keys } = await readNewsSitemap(deps);
      const urls = view.articles.map((a) => ({
        loc: abs(articlePath({ slug: a.slug, section: { slug: a.sectionSlug } })),
        news: { ...view.publication, publicationDate: a.publishedAt, title: a.headline },
      }));
      return { status: 200, html: writeUrlset(urls, { news: true }), keys };
    });
  });

  app.get('/robots.txt', (req, reply) =>
    serve(
      req,
      reply,
      '/robots.txt',
      () => Promise.resolve({ status: 200, html: robotsTxt(deps.config.publicUrl, options.robots), keys: [] }),
      'text/plain; charset=utf-8',
    ),
  );
}
