/** Sitemaps' view models: the index, its pages of articles, the listings page and the Google News sitemap. */
import { NEWS_MAX_URLS, NEWS_WINDOW_HOURS, newsLanguage } from '../../domain/content/sitemaps.js';
import { authorPath, sectionPath, topicPath, typePath } from '../../domain/content/paths.js';
import { listSections } from '../../storage/repositories/taxonomy.js';
import {
  listingsWithArticles,
  newestBriefTime,
  newsSitemapArticles,
  sitemapArticles,
  sitemapPageSummaries,
} from '../../storage/repositories/sitemap.js';
import type { NewsSitemapArticle, SitemapArticle, SitemapPageSummary } from '../../storage/repositories/sitemap.js';
import type { ServiceDeps } from '../deps.js';
import { keys } from '../events.js';
import { getSiteSettings } from '../settings/site-settings.js';
import type { Keyed } from './view-models.js';

type ReadDeps = Pick<ServiceDeps, 'db' | 'clock'>;

/**
 * Sitemaps list every article, so instead of a key per article (thousands of
 * them) they carry `article:*`, which any article's change drops.
 */
const EVERY_ARTICLE = [keys.articleLists, keys.anyArticle];

export interface SitemapIndexView {
  articlePages: SitemapPageSummary[];
  /** Newest change shown on the listings sitemap. */
  pagesLastmod: string | null;
}

export interface PagesSitemapView {
  entries: { path: string; lastmod: string | null }[];
}

export interface NewsSitemapView {
  publication: { name: string; language: string };
  articles: NewsSitemapArticle[];
}

const newest = (times: readonly (string | null | undefined)[]): string | null =>
  times.reduce<string | null>((a, b) => (b && (!a || b > a) ? b : a), null);

export async function readSitemapIndex(deps: ReadDeps, pageSize: number): Promise<Keyed<SitemapIndexView>> {
  const now = deps.clock();
  const [articlePages, briefTime] = await Promise.all([sitemapPageSummaries(deps.db, { now, pageSize }), newestBriefTime(deps.db, now)]);
  return {
    view: { articlePages, pagesLastmod: newest([...articlePages.map((p) => p.lastmod), briefTime]) },
    keys: [...EVERY_ARTICLE, keys.briefLists],
  };
}

/** Page `number` of the articles sitemap; null past the last page. */
export async function readArticleSitemap(
  deps: ReadDeps,
  number: number,
  pageSize: number,
): Promise<Keyed<{ articles: SitemapArticle[] }> | null> {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const articles = await sitemapArticles(deps.db, { now: deps.clock(), limit: pageSize, offset: (number - 1) * pageSize });
  if (articles.length === 0) return null;
  return { view: { articles }, keys: EVERY_ARTICLE };
}

/** Home, the river, the briefs and every listing that has something in it. */
export async function readPagesSitemap(deps: ReadDeps): Promise<Keyed<PagesSitemapView>> {
  const now = deps.clock();
  const [sections, listings, briefTime] = await Promise.all([
    listSections(deps.db),
    listingsWithArticles(deps.db, now),
    newestBriefTime(deps.db, now),
  ]);
  const sectionTimes = new Map(listings.sections.map((s) => [s.slug, s.lastmod]));
  const articleTime = newest(listings.sections.map((s) => s.lastmod));
  return {
    view: {
      entries: [
        { path: '/', lastmod: newest([articleTime, briefTime]) },
        { path: '/latest', lastmod: articleTime },
        { path: '/briefs', lastmod: briefTime },
        // Every section is in the navigation, so every section is listed, even an empty one.
        ...sections.map((s) => ({ path: sectionPath(s.slug), lastmod: sectionTimes.get(s.slug) ?? null })),
        ...listings.topics.map((t) => ({ path: topicPath(t.slug), lastmod: t.lastmod })),
        ...listings.authors.map((a) => ({ path: authorPath(a.slug), lastmod: a.lastmod })),
        ...listings.types.map((t) => ({ path: typePath(t.slug), lastmod: t.lastmod })),
      ],
    },
    keys: [...EVERY_ARTICLE, keys.briefLists, keys.settings],
  };
}

/** What Google News may crawl: articles of the last 48 hours, newest first. */
export async function readNewsSitemap(deps: ReadDeps): Promise<Keyed<NewsSitemapView>> {
  const now = deps.clock();
  const since = new Date(now.getTime() - NEWS_WINDOW_HOURS * 3_600_000);
  const [settings, articles] = await Promise.all([
    getSiteSettings(deps),
    newsSitemapArticles(deps.db, { now, since, limit: NEWS_MAX_URLS }),
  ]);
  return {
    view: { publication: { name: settings.title, language: newsLanguage(settings.language) }, articles },
    keys: [...EVERY_ARTICLE, keys.settings],
  };
}
