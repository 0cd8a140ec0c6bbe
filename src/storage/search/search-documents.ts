/** Reads what the index holds of an article: its words by field, from the rows the newsroom writes. */
import { sql } from 'kysely';
import { bodyText, parseBody } from '../../domain/content/body.js';
import { withoutSentinels } from '../../domain/search/snippet.js';
import type { Db } from '../db.js';
import type { SearchDocument } from './search-types.js';

/** A very long piece is indexed up to here (tsvector positions end at 16,383 anyway). */
const MAX_BODY_CHARS = 100_000;

function group(rows: readonly { article_id: string; text: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const list = out.get(row.article_id) ?? [];
    list.push(row.text);
    out.set(row.article_id, list);
  }
  return out;
}

/**
 * Documents for those of the given articles that are published (whenever:
 * the search filters by time). The others have nothing to index.
 */
export async function loadSearchDocuments(db: Db, articleIds: readonly string[]): Promise<SearchDocument[]> {
  if (articleIds.length === 0) return [];
  const ids = [...articleIds];
  const [articles, bylines, topics, corrections] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['id', 'section_id', 'type_id', 'published_at', 'headline', 'kicker', 'dek', 'body'])
      .where('id', 'in', ids)
      .where('status', '=', 'published')
      .where('published_at', 'is not', null)
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
  const names = group(bylines);
  const topicNames = group(topics);
  const notices = group(corrections);
  return articles.map((a) => ({
    articleId: a.id,
    sectionId: a.section_id,
    typeId: a.type_id,
    publishedAt: a.published_at as string,
    headline: withoutSentinels(a.headline),
    kicker: withoutSentinels(a.kicker),
    dek: withoutSentinels(a.dek),
    bylines: withoutSentinels((names.get(a.id) ?? []).join(' ')),
    authorIds: bylines.filter((b) => b.article_id === a.id).map((b) => b.author_id),
    topics: withoutSentinels((topicNames.get(a.id) ?? []).join(' ')),
    body: withoutSentinels([bodyText(parseBody(a.body)), ...(notices.get(a.id) ?? [])].join('\n').slice(0, MAX_BODY_CHARS)),
  }));
}

export interface BackfillCursor {
  publishedAt: string;
  id: string;
}

/**
 * Published articles the index does not hold yet (after the migration, or a
 * restore from backup), oldest first after `after`: a long backfill never
 * reads the same rows twice, and writes the index in publication order, as
 * publishing does (PostgreSQL then finds a month's pieces close together).
 */
export async function publishedArticlesMissingFromIndex(
  db: Db,
  limit: number,
  after: BackfillCursor | null,
): Promise<{ id: string; published_at: string }[]> {
  const result = await sql<{ id: string; published_at: string }>`
    select a.id, a.published_at from articles a
    where a.status = 'published' and a.published_at is not null
      ${after ? sql`and (a.published_at > ${after.publishedAt} or (a.published_at = ${after.publishedAt} and a.id > ${after.id}))` : sql``}
      and not exists (select 1 from article_search s where s.article_id = a.id)
    order by a.published_at, a.id
    limit ${limit}`.execute(db);
  return result.rows;
}

/** Index rows whose article is no longer published (should never happen: every write keeps the index). */
export async function indexedArticlesNoLongerPublished(db: Db, limit: number): Promise<string[]> {
  const result = await sql<{ id: string }>`
    select s.article_id as id from article_search s
    join articles a on a.id = s.article_id
    where a.status <> 'published' or a.published_at is null
    limit ${limit}`.execute(db);
  return result.rows.map((r) => r.id);
}
