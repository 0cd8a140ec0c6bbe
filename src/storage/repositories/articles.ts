/** Articles: the rows, their bylines, topics, pinned related pieces, slug history and corrections. */
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { ArticleStatus, Correction, CorrectionKind } from '../../domain/content/article.js';
import { isPublic } from '../../domain/content/article.js';
import { parseBody } from '../../domain/content/body.js';
import type { Article, BylineAuthor, Image, PlacedImage, Teaser } from '../../domain/content/model.js';
import type { Db } from '../db.js';
import type { ArticleTable, Database } from '../schema.js';
import { bylinedTo, carriesTopic } from './article-filters.js';
import { authorsByIds } from './authors.js';
import { byArticle } from './by-article.js';
import { imagesByIds } from './images.js';
import { toArticleType, toTopic } from './mappers.js';

export interface ArticleRowInput {
  id: string;
  slug: string;
  sectionId: string;
  typeId: string;
  kicker: string;
  headline: string;
  dek: string;
  bodyJson: string;
  wordCount: number;
  leadImage: { id: string; caption: string; credit: string; alt: string } | null;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string | null;
  createdAt: string;
  modifiedAt: string;
  topicIds: string[];
  authorIds: string[];
  relatedIds: string[];
}

export interface TeaserFilter {
  sectionId?: string;
  topicId?: string;
  authorId?: string;
  typeId?: string;
  excludeIds?: string[];
}

export async function insertArticle(db: Db, a: ArticleRowInput): Promise<void> {
  await db
    .insertInto('articles')
    .values({
      id: a.id,
      slug: a.slug,
      section_id: a.sectionId,
      type_id: a.typeId,
      kicker: a.kicker,
      headline: a.headline,
      dek: a.dek,
      body: a.bodyJson,
      word_count: a.wordCount,
      lead_image_id: a.leadImage?.id ?? null,
      lead_image_caption: a.leadImage?.caption ?? '',
      lead_image_credit: a.leadImage?.credit ?? '',
      lead_image_alt: a.leadImage?.alt ?? '',
      status: a.status,
      published_at: a.publishedAt,
      updated_at: a.updatedAt,
      created_at: a.createdAt,
      modified_at: a.modifiedAt,
      version: 1,
    })
    .execute();
  await replaceArticleLinks(db, a.id, { topicIds: a.topicIds, authorIds: a.authorIds, relatedIds: a.relatedIds });
}

export async function replaceArticleLinks(
  db: Db,
  articleId: string,
  links: { topicIds: string[]; authorIds: string[]; relatedIds: string[] },
): Promise<void> {
  await db.deleteFrom('article_topics').where('article_id', '=', articleId).execute();
  await db.deleteFrom('article_bylines').where('article_id', '=', articleId).execute();
  await db.deleteFrom('article_related').where('article_id', '=', articleId).execute();
  if (links.topicIds.length > 0) {
    await db
      .insertInto('article_topics')
      .values(links.topicIds.map((topic_id, position) => ({ article_id: articleId, topic_id, position })))
      .execute();
  }
  if (links.authorIds.length > 0) {
    await db
      .insertInto('article_bylines')
      .values(links.authorIds.map((author_id, position) => ({ article_id: articleId, author_id, position })))
      .execute();
  }
  if (links.relatedIds.length > 0) {
    await db
      .insertInto('article_related')
      .values(links.relatedIds.map((related_id, position) => ({ article_id: articleId, related_id, position })))
      .execute();
  }
}

export type ArticlePatch = Partial<Omit<ArticleTable, 'id' | 'created_at' | 'version'>>;

/**
 * Writes a change if the article is still at `expectedVersion`; returns false
 * when someone else saved in between (the caller reports the conflict).
 */
export async function updateArticleRow(db: Db, id: string, patch: ArticlePatch, expectedVersion: number): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function retireSlug(db: Db, slug: string, articleId: string, retiredAt: string): Promise<void> {
  await db
    .insertInto('article_slug_history')
    .values({ slug, article_id: articleId, retired_at: retiredAt })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ article_id: articleId, retired_at: retiredAt }))
    .execute();
}

export async function forgetRetiredSlug(db: Db, slug: string): Promise<void> {
  await db.deleteFrom('article_slug_history').where('slug', '=', slug).execute();
}

export async function articleIdByRetiredSlug(db: Db, slug: string): Promise<string | null> {
  const row = await db.selectFrom('article_slug_history').select('article_id').where('slug', '=', slug).executeTakeFirst();
  return row?.article_id ?? null;
}

export async function isSlugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertCorrection(db: Db, articleId: string, c: Correction): Promise<void> {
  await db
    .insertInto('corrections')
    .values({ id: c.id, article_id: articleId, kind: c.kind, text: c.text, issued_at: c.issuedAt })
    .execute();
}

/** Published and due: what readers may see at `now`. */
export function publicOnly(now: Date) {
  const iso = now.toISOString();
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([eb('articles.status', '=', 'published'), eb('articles.published_at', '<=', iso)]);
}

function teaserQuery(db: Db) {
  return db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .innerJoin('article_types', 'article_types.id', 'articles.type_id')
    .select([
      'articles.id',
      'articles.slug',
      'articles.kicker',
      'articles.headline',
      'articles.dek',
      'articles.published_at',
      'articles.updated_at',
      'articles.lead_image_id',
      'articles.lead_image_caption',
      'articles.lead_image_credit',
      'articles.lead_image_alt',
      'sections.id as section_id',
      'sections.slug as section_slug',
      'sections.name as section_name',
      'article_types.id as type_id',
      'article_types.slug as type_slug',
      'article_types.name as type_name',
    ]);
}

type TeaserRow = Awaited<ReturnType<ReturnType<typeof teaserQuery>['execute']>>[number];

function placedImage(
  row: Pick<TeaserRow, 'lead_image_id' | 'lead_image_caption' | 'lead_image_credit' | 'lead_image_alt'>,
  images: Map<string, Image>,
): PlacedImage | null {
  const image = row.lead_image_id ? images.get(row.lead_image_id) : undefined;
  if (!image) return null;
  return {
    image,
    caption: row.lead_image_caption || image.caption,
    credit: row.lead_image_credit || image.credit,
    alt: row.lead_image_alt || image.alt,
  };
}

async function bylinesFor(db: Db, articleIds: readonly string[]): Promise<Map<string, BylineAuthor[]>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('article_bylines')
    .innerJoin('authors', 'authors.id', 'article_bylines.author_id')
    .select(['article_bylines.article_id', 'authors.id', 'authors.slug', 'authors.name'])
    .where('article_bylines.article_id', 'in', [...articleIds])
    .orderBy('article_bylines.article_id')
    .orderBy('article_bylines.position')
    .execute();
  return byArticle(rows, (r) => ({ id: r.id, slug: r.slug, name: r.name }));
}

async function hydrateTeasers(db: Db, rows: TeaserRow[]): Promise<Teaser[]> {
  const ids = rows.map((r) => r.id);
  const [bylines, images] = await Promise.all([
    bylinesFor(db, ids),
    imagesByIds(
      db,
      rows.map((r) => r.lead_image_id),
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    section: { id: row.section_id, slug: row.section_slug, name: row.section_name },
    type: { id: row.type_id, slug: row.type_slug, name: row.type_name },
    kicker: row.kicker,
    headline: row.headline,
    dek: row.dek,
    publishedAt: row.published_at ?? '',
    updatedAt: row.updated_at,
    leadImage: placedImage(row, images),
    bylines: bylines.get(row.id) ?? [],
  }));
}

function applyFilter<Q extends ReturnType<typeof teaserQuery>>(query: Q, filter: TeaserFilter): Q {
  let q = query;
  if (filter.sectionId) q = q.where('articles.section_id', '=', filter.sectionId) as Q;
  if (filter.typeId) q = q.where('articles.type_id', '=', filter.typeId) as Q;
  if (filter.topicId) q = q.where(carriesTopic(filter.topicId)) as Q;
  if (filter.authorId) q = q.where(bylinedTo(filter.authorId)) as Q;
  if (filter.excludeIds && filter.excludeIds.length > 0) q = q.where('articles.id', 'not in', filter.excludeIds) as Q;
  return q;
}

/** Published articles, newest first, with the total for pagination. */
export async function listPublishedTeasers(
  db: Db,
  options: { now: Date; filter?: TeaserFilter; limit: number; offset?: number; withTotal?: boolean },
): Promise<{ teasers: Teaser[]; total: number }> {
  const filter = options.filter ?? {};
  const base = applyFilter(teaserQuery(db).where(publicOnly(options.now)), filter);
  const rows = await base
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  let total = rows.length + (options.offset ?? 0);
  if (options.withTotal) {
    const count = await applyFilter(teaserQuery(db).where(publicOnly(options.now)), filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    total = Number(count.n);
  }
  return { teasers: await hydrateTeasers(db, rows), total };
}

/** Published teasers for the given ids, in the order given. */
export async function publishedTeasersByIds(db: Db, ids: readonly string[], now: Date): Promise<Teaser[]> {
  if (ids.length === 0) return [];
  // By primary key, then the public check here: with the check in SQL, SQLite's planner
  // prefers the (status, published_at) index and reads every published row to find ten.
  const rows = (
    await teaserQuery(db)
      .select('articles.status')
      .where('articles.id', 'in', [...ids])
      .execute()
  ).filter((row) => isPublic(row.status as ArticleStatus, row.published_at, now));
  const teasers = new Map((await hydrateTeasers(db, rows)).map((t) => [t.id, t]));
  return ids.map((id) => teasers.get(id)).filter((t): t is Teaser => t !== undefined);
}

/**
 * Ids of published articles closest to one: shared topics count double,
 * the same section once; newest first among equals. Pinned pieces are merged in by the caller.
 */
export async function rankRelatedIds(
  db: Db,
  options: {
    articleId: string;
    topicIds: string[];
    sectionId: string;
    now: Date;
    limit: number;
    weights: { sharedTopic: number; sameSection: number };
  },
): Promise<string[]> {
  const { articleId, topicIds, sectionId, weights } = options;
  const rows = await db
    .selectFrom('articles')
    .leftJoin('article_topics', (join) =>
      join
        .onRef('article_topics.article_id', '=', 'articles.id')
        .on('article_topics.topic_id', 'in', topicIds.length > 0 ? topicIds : ['']),
    )
    .select(['articles.id', 'articles.published_at'])
    .select((eb) =>
      eb(
        eb(eb.fn.count('article_topics.topic_id'), '*', weights.sharedTopic),
        '+',
        eb.case().when('articles.section_id', '=', sectionId).then(weights.sameSection).else(0).end(),
      ).as('score'),
    )
    .where(publicOnly(options.now))
    .where('articles.id', '!=', articleId)
    .groupBy(['articles.id', 'articles.published_at', 'articles.section_id'])
    .orderBy('score', 'desc')
    .orderBy('articles.published_at', 'desc')
    .limit(options.limit)
    .execute();
  return rows.filter((r) => Number(r.score) > 0).map((r) => r.id);
}

/**
 * Whole articles for their rows, in the same order: a fixed number of
 * queries however many rows (a page of the Content API costs what one
 * article does).
 */
async function hydrateArticles(db: Db, rows: readonly Selectable<ArticleTable>[]): Promise<Article[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const teaserRows = await teaserQuery(db).where('articles.id', 'in', ids).execute();
  const [teaserList, typeRows, topicRows, bylineRows, relatedRows, correctionRows] = await Promise.all([
    hydrateTeasers(db, teaserRows),
    db
      .selectFrom('article_types')
      .selectAll()
      .where('id', 'in', [...new Set(rows.map((r) => r.type_id))])
      .execute(),
    db
      .selectFrom('article_topics')
      .innerJoin('topics', 'topics.id', 'article_topics.topic_id')
      .selectAll('topics')
      .select('article_topics.article_id')
      .where('article_topics.article_id', 'in', ids)
      .orderBy('article_topics.article_id')
      .orderBy('article_topics.position')
      .execute(),
    db
      .selectFrom('article_bylines')
      .select(['article_id', 'author_id'])
      .where('article_id', 'in', ids)
      .orderBy('article_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('article_related')
      .select(['article_id', 'related_id'])
      .where('article_id', 'in', ids)
      .orderBy('article_id')
      .orderBy('position')
      .execute(),
    db.selectFrom('corrections').selectAll().where('article_id', 'in', ids).orderBy('issued_at').orderBy('id').execute(),
  ]);
  const authors = await authorsByIds(db, [...new Set(bylineRows.map((b) => b.author_id))]);
  const teasers = new Map(teaserList.map((t) => [t.id, t]));
  const types = new Map(typeRows.map((t) => [t.id, toArticleType(t)]));
  const topics = byArticle(topicRows, ({ article_id: _, ...topic }) => toTopic(topic));
  const bylines = byArticle(bylineRows, (b) => b.author_id);
  const related = byArticle(relatedRows, (r) => r.related_id);
  const corrections = byArticle(correctionRows, (c): Correction => ({
    id: c.id,
    kind: c.kind as CorrectionKind,
    text: c.text,
    issuedAt: c.issued_at,
  }));
  return rows.map((row) => {
    const teaser = teasers.get(row.id);
    const type = types.get(row.type_id);
    if (!teaser || !type) throw new Error(`Article ${row.id} lost its section or type`);
    return {
      ...teaser,
      type,
      status: row.status as ArticleStatus,
      body: parseBody(row.body),
      wordCount: row.word_count,
      topics: topics.get(row.id) ?? [],
      authors: (bylines.get(row.id) ?? []).map((id) => authors.get(id)).filter((a) => a !== undefined),
      corrections: corrections.get(row.id) ?? [],
      pinnedRelatedIds: related.get(row.id) ?? [],
      createdAt: row.created_at,
      modifiedAt: row.modified_at,
      version: row.version,
    };
  });
}

async function hydrateArticle(db: Db, row: Selectable<ArticleTable>): Promise<Article> {
  const [article] = await hydrateArticles(db, [row]);
  return article!;
}

export async function findArticleBySlug(db: Db, slug: string): Promise<Article | null> {
  const row = await db.selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? hydrateArticle(db, row) : null;
}

export async function findArticleById(db: Db, id: string): Promise<Article | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? hydrateArticle(db, row) : null;
}

/** Articles by id, whole, in the order given; ids with no article are left out. */
export async function findArticlesByIds(db: Db, ids: readonly string[]): Promise<Article[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const articles = new Map((await hydrateArticles(db, rows)).map((a) => [a.id, a]));
  return ids.map((id) => articles.get(id)).filter((a): a is Article => a !== undefined);
}

export async function countArticles(db: Db): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
