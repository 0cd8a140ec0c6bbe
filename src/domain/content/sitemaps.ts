/** Sitemap rules from sitemaps.org and Google News, as the URL contract places them. */

/** sitemaps.org: at most 50,000 URLs in one sitemap. */
export const SITEMAP_MAX_URLS = 50_000;

/** Google News reads articles published in the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_HOURS = 48;
export const NEWS_MAX_URLS = 1_000;

export const SITEMAP_INDEX_PATH = '/sitemap.xml';
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';
export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml';

export function articleSitemapPath(page: number): string {
  return `/sitemaps/articles-${page}.xml`;
}

/**
 * Google News wants an ISO 639 code (2 or 3 letters), except zh-cn and zh-tw
 * for Chinese: `en-GB` gives `en`, `zh-TW` gives `zh-tw`.
 */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower === 'zh-cn' || lower === 'zh-tw') return lower;
  return lower.split('-')[0] || 'en';
}
