/** The URL contract (DESIGN.md): where each kind of content lives on the site. */
import type { Brief, Teaser } from './model.js';

/** First path segments the site uses itself; no section may take one. */
export const RESERVED_SLUGS = new Set([
  'sections',
  'topics',
  'authors',
  'types',
  'latest',
  'briefs',
  'search',
  'newsletter',
  'api',
  'admin',
  'media',
  'assets',
  'healthz',
  'readyz',
  'feed',
  'preview',
  'sitemaps',
]);

export function articlePath(a: Pick<Teaser, 'slug'> & { section: { slug: string } }): string {
  return `/${a.section.slug}/${a.slug}`;
}

export const sectionPath = (slug: string): string => `/sections/${slug}`;
export const topicPath = (slug: string): string => `/topics/${slug}`;
export const authorPath = (slug: string): string => `/authors/${slug}`;
export const typePath = (slug: string): string => `/types/${slug}`;
export const briefPath = (b: Pick<Brief, 'slug'>): string => `/briefs/${b.slug}`;

/** `?page=N` for every page but the first, which keeps the bare path. */
export function pagedPath(path: string, page: number): string {
  return page <= 1 ? path : `${path}?page=${page}`;
}
