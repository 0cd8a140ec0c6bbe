/**
 * Sitemaps list every published article, so these queries read only what a
 * sitemap shows (slug, section, dates, lead image) and page through the
 * articles oldest first: earlier sitemap pages stay the same as the site grows.
 */
import { sql } from 'kysely';
import type { ImageVariant } from '../../domain/content/model.js';
import type { Db } from '../db.js';
import { publicOnly } from './articles.js';
import { parseJsonArray } from './mappers.js';

export interface SitemapPageSummary {
  /** 1-based */
  number: number;
  urls: number;
  /** Newest published or updated time among its articles. */
  lastmod: string;
}

export interface SitemapArticle {
  slug: string;
  sectionSlug: string;
  publishedAt: string;
  updatedAt: string | null;
  /** Sizes of the lead image; empty when there is none. */
  imageVariants: ImageVariant[];
}

export interface NewsSitemapArticle {
  slug: string;
  sectionSlug: string;
  headline: string;
  publishedAt: string;
}

export interface ListingLastmod {
  slug: string;
  lastmod: string;
}

/** How the articles fall into sitemap pages of `pageSize`, in one pass over the published articles. */
export async function sitemapPageSummaries(db: Db, options: { now: Date; pageSize: number }): Promise<SitemapPageSummary[]> {
  const size = Math.max(1, Math.floor(options.pageSize));
  const ranked = db
    .selectFrom('articles')
    .where(publicOnly(options.now))
    .select((eb) => [
      eb.fn.coalesce('articles.updated_at', 'articles.published_at').as('modified'),
      eb.fn
        .agg<number>('row_number')
        .over((ob) => ob.orderBy('articles.published_at').orderBy('articles.id'))
        .as('position'),
    ]);
  // A literal divisor, so PostgreSQL sees the same expression in SELECT and GROUP BY.
  const page = sql<number>`(${sql.ref('ranked.position')} - 1) / ${sql.lit(size)}`;
  const rows = await db
    .selectFrom(ranked.as('ranked'))
    .select((eb) => [page.as('page'), eb.fn.countAll<number>().as('urls'), eb.fn.max('ranked.modified').as('lastmod')])
    .groupBy(page)
    .orderBy(page)
    .execute();
  return rows.map((r) => ({ number: Number(r.page) + 1, urls: Number(r.urls), lastmod: String(r.lastmod) }));
}

/** One sitemap page of articles, oldest first. */
export async function sitemapArticles(db: Db, options: { now: Date; limit: number; offset: number }): Promise<SitemapArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('images', 'images.id', 'articles.lead_image_id')
    .select(['articles.slug', 'sections.slug as section_slug', 'articles.published_at', 'articles.updated_at', 'images.variants'])
    .where(publicOnly(options.now))
    .orderBy('articles.published_at')
    .orderBy('articles.id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    sectionSlug: r.section_slug,
    publishedAt: r.published_at ?? '',
    updatedAt: r.updated_at,
    imageVariants: r.variants ? parseJsonArray<ImageVariant>(r.variants) : [],
  }));
}

/** Articles published since `since`, newest first (Google News reads the last two days). */
export async function newsSitemapArticles(db: Db, options: { now: Date; since: Date; limit: number }): Promise<NewsSitemapArticle[]> {
  const rows = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(['articles.slug', 'sections.slug as section_slug', 'articles.headline', 'articles.published_at'])
    .where(publicOnly(options.now))
    .where('articles.published_at', '>=', options.since.toISOString())
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({ slug: r.slug, sectionSlug: r.section_slug, headline: r.headline, publishedAt: r.published_at ?? '' }));
}

/** Sections, topics, authors and types that have published work, each with its newest change. */
export async function listingsWithArticles(
  db: Db,
  now: Date,
): Promise<Record<'sections' | 'topics' | 'authors' | 'types', ListingLastmod[]>> {
  const published = db.selectFrom('articles').where(publicOnly(now));
  const modified = sql<string>`max(coalesce(${sql.ref('articles.updated_at')}, ${sql.ref('articles.published_at')}))`;
  const [sections, topics, authors, types] = await Promise.all([
    published
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .select(['sections.slug', modified.as('lastmod')])
      .groupBy('sections.slug')
      .orderBy('sections.slug')
      .execute(),
    published
      .innerJoin('article_topics', 'article_topics.article_id', 'articles.id')
      .innerJoin('topics', 'topics.id', 'article_topics.topic_id')
      .select(['topics.slug', modified.as('lastmod')])
      .groupBy('topics.slug')
      .orderBy('topics.slug')
      .execute(),
    published
      .innerJoin('article_bylines', 'article_bylines.article_id', 'articles.id')
      .innerJoin('authors', 'authors.id', 'article_bylines.author_id')
      .select(['authors.slug', modified.as('lastmod')])
      .groupBy('authors.slug')
      .orderBy('authors.slug')
      .execute(),
    published
      .innerJoin('article_types', 'article_types.id', 'articles.type_id')
      .select(['article_types.slug', modified.as('lastmod')])
      .groupBy('article_types.slug')
      .orderBy('article_types.slug')
      .execute(),
  ]);
  const clean = (rows: { slug: string; lastmod: string }[]): ListingLastmod[] =>
    rows.map((r) => ({ slug: r.slug, lastmod: String(r.lastmod) }));
  return { sections: clean(sections), topics: clean(topics), authors: clean(authors), types: clean(types) };
}

/** When the newest published brief appeared, for the briefs listing's lastmod. */
export async function newestBriefTime(db: Db, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('briefs')
    .select((eb) => eb.fn.max('briefs.published_at').as('newest'))
    .where('briefs.status', '=', 'published')
    .where('briefs.published_at', '<=', now.toISOString())
    .executeTakeFirst();
  return row?.newest ? String(row.newest) : null;
}
