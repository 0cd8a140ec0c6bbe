/** The Content API's article listing: filters by slug, both sort orders, offset or keyset pages. */
import type { Db } from '../db.js';
import { publicOnly } from './articles.js';

export interface ArticleListFilter {
  section?: string | undefined;
  topic?: string | undefined;
  author?: string | undefined;
  type?: string | undefined;
  /** Published strictly after / before these instants (ISO). */
  after?: string | undefined;
  before?: string | undefined;
}

/** The last row of a page: where the next one starts. */
export interface ArticleCursor {
  publishedAt: string;
  id: string;
}

export async function listPublicArticleIds(
  db: Db,
  options: {
    now: Date;
    filter: ArticleListFilter;
    order: 'asc' | 'desc';
    limit: number;
    offset?: number;
    cursor?: ArticleCursor | undefined;
  },
): Promise<{ rows: ArticleCursor[]; total: number }> {
  const { filter } = options;
  let base = db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .innerJoin('article_types', 'article_types.id', 'articles.type_id')
    .where(publicOnly(options.now));
  if (filter.section) base = base.where('sections.slug', '=', filter.section);
  if (filter.type) base = base.where('article_types.slug', '=', filter.type);
  if (filter.after) base = base.where('articles.published_at', '>', filter.after);
  if (filter.before) base = base.where('articles.published_at', '<', filter.before);
  const topic = filter.topic;
  if (topic)
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_topics')
          .innerJoin('topics', 'topics.id', 'article_topics.topic_id')
          .select('article_topics.article_id')
          .whereRef('article_topics.article_id', '=', 'articles.id')
          .where('topics.slug', '=', topic),
      ),
    );
  const author = filter.author;
  if (author)
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_bylines')
          .innerJoin('authors', 'authors.id', 'article_bylines.author_id')
          .select('article_bylines.article_id')
          .whereRef('article_bylines.article_id', '=', 'articles.id')
          .where('authors.slug', '=', author),
      ),
    );

  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let page = base.select(['articles.id', 'articles.published_at']);
  const cursor = options.cursor;
  if (cursor) {
    const op = options.order === 'desc' ? '<' : '>';
    page = page.where((eb) =>
      eb.or([
        eb('articles.published_at', op, cursor.publishedAt),
        eb.and([eb('articles.published_at', '=', cursor.publishedAt), eb('articles.id', op, cursor.id)]),
      ]),
    );
  }
  const rows = await page
    .orderBy('articles.published_at', options.order)
    .orderBy('articles.id', options.order)
    .limit(options.limit)
    .offset(cursor ? 0 : (options.offset ?? 0))
    .execute();
  return {
    rows: rows.map((r) => ({ id: r.id, publishedAt: new Date(r.published_at ?? 0).toISOString() })),
    total: Number(count.n),
  };
}
