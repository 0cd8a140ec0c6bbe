/** Reads what the index holds of an article: its words by field, from the rows the newsroom writes. */
import { sql } from 'kysely';
import { bodyText, parseBody } from '../../domain/content/body.js';
import { withoutSentinels } from '../../domain/search/snippet.js';
import type { Db } from '../db.js';
import { byArticle } from '../repositories/by-article.js';
import type { ArticleStatus } from '../../domain/content/article.js';
import { INDEX_FORMAT } from './search-types.js';
import type { SearchDocument } from './search-types.js';

/** A very long piece is indexed up to here (tsvector positions end at 16,383 anyway). */
const MAX_BODY_CHARS = 100_000;

/**
 * Documents for the given articles, in whatever state: the newsroom searches
 * them all, readers only those that are public (the search filters by time).
 */
export async function loadSearchDocuments(db: Db, articleIds: readonly string[]): Promise<SearchDocument[]> {
  if (articleIds.length === 0) return [];
  const ids = [...articleIds];
  const [articles, bylines, topics, corrections] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['id', 'section_id', 'type_id', 'status', 'published_at', 'modified_at', 'created_by', 'headline', 'kicker', 'dek', 'body'])
      .where('id', 'in', ids)
      .orderBy('published_at')
      .execute(),
    db
      .selectFrom('article_bylines')
      .innerJoin('authors', 'authors.id', 'article_bylines.author_id')
      .select(['article_bylines.article_id', 'authors.name as text', 'authors.id as author_id'])
      .where('article_bylines.article_id', 'in', ids)
      .orderBy('article_bylines.article_id')
      .orderBy('article_bylines.position')
      .execute(),
    db
      .selectFrom('article_topics')
      .innerJoin('topics', 'topics.id', 'article_topics.topic_id')
      .select(['article_topics.article_id', 'topics.name as text'])
      .where('article_topics.article_id', 'in', ids)
      .orderBy('article_topics.article_id')
      .orderBy('article_topics.position')
      .execute(),
    db
      .selectFrom('corrections')
      .select(['article_id', 'text'])
      .where('article_id', 'in', ids)
      .orderBy('article_id')
      .orderBy('issued_at')
      .execute(),
  ]);
  const names = byArticle(bylines, (b) => b.text);
  const authorIds = byArticle(bylines, (b) => b.author_id);
  const topicNames = byArticle(topics, (t) => t.text);
  const notices = byArticle(corrections, (c) => c.text);
  return articles.map((a) => {
    const isPublic = a.status === 'published' && a.published_at !== null;
    return {
      articleId: a.id,
      sectionId: a.section_id,
      typeId: a.type_id,
      status: a.status as ArticleStatus,
      public: isPublic,
      publishedAt: isPublic ? (a.published_at as string) : a.modified_at,
      createdBy: a.created_by,
      headline: withoutSentinels(a.headline),
      kicker: withoutSentinels(a.kicker),
      dek: withoutSentinels(a.dek),
      bylines: withoutSentinels((names.get(a.id) ?? []).join(' ')),
      authorIds: authorIds.get(a.id) ?? [],
      topics: withoutSentinels((topicNames.get(a.id) ?? []).join(' ')),
      body: withoutSentinels([bodyText(parseBody(a.body)), ...(notices.get(a.id) ?? [])].join('\n').slice(0, MAX_BODY_CHARS)),
    };
  });
}

export interface BackfillCursor {
  at: string;
  id: string;
}

/**
 * Articles whose index row is missing, written in an older format, or in
 * another state than the article (after the migration, a restore from
 * backup, or an upgrade), oldest first after `after`: a long backfill never
 * reads the same rows twice, and writes the index in publication order, as
 * publishing does (PostgreSQL then finds a month's pieces close together).
 */
export async function articlesOutOfIndex(db: Db, limit: number, after: BackfillCursor | null): Promise<{ id: string; at: string }[]> {
  const at = sql`coalesce(a.published_at, a.modified_at)`;
  const result = await sql<{ id: string; at: string }>`
    select a.id, ${at} as at from articles a
    left join article_search s on s.article_id = a.id
    where (s.article_id is null or s.format < ${INDEX_FORMAT} or s.status <> a.status)
      ${after ? sql`and (${at} > ${after.at} or (${at} = ${after.at} and a.id > ${after.id}))` : sql``}
    order by ${at}, a.id
    limit ${limit}`.execute(db);
  return result.rows;
}
