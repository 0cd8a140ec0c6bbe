/** robots.txt: where the sitemaps are, what crawlers may skip, or (on a staging site) stay away entirely. */
import type { Config } from '../../../config/config.js';
import { NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from '../../../domain/content/sitemaps.js';

export function robotsTxt(baseUrl: string, mode: Config['robots']): string {
  if (mode === 'disallow') {
    return ['# A staging site (MASTHEAD_ROBOTS=disallow): nothing here is for search engines.', 'User-agent: *', 'Disallow: /', ''].join(
      '\n',
    );
  }
  return [
    'User-agent: *',
    // The editor, the APIs and search results are not pages to index.
    'Disallow: /admin',
    'Disallow: /api/',
    'Disallow: /search',
    '',
    `Sitemap: ${baseUrl}${SITEMAP_INDEX_PATH}`,
    `Sitemap: ${baseUrl}${NEWS_SITEMAP_PATH}`,
    '',
  ].join('\n');
}
