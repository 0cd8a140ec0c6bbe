/**
 * Full-text search over published articles: the one interface the rest of
 * the program uses. Each database does it its own way (sqlite-search.ts,
 * postgres-search.ts); which one is decided by the dialect of `db`.
 */
import { sql } from 'kysely';
import { isEmptyQuery, parseSearchQuery } from '../../domain/search/query.js';
import { hasMatch, splitHighlighted, tidySnippet } from '../../domain/search/snippet.js';
import type { Snippet } from '../../domain/search/snippet.js';
import { dialectOf } from '../db.js';
import type { Db } from '../db.js';
import { postgresSearch } from './postgres-search.js';
import { indexedArticlesNoLongerPublished, loadSearchDocuments, publishedArticlesMissingFromIndex } from './search-documents.js';
import type { BackfillCursor } from './search-documents.js';
import { RANK_WINDOW } from './search-types.js';
import type { EngineHit, SearchEngine, SearchResults } from './search-types.js';
import { sqliteSearch } from './sqlite-search.js';
import { withTransaction } from '../transaction.js';

export { RANK_WINDOW };
export type { SearchHit, SearchResults } from './search-types.js';

export interface SearchOptions {
  /** What the reader typed, as typed: it is parsed and made safe here. */
  query: string;
  sectionId?: string | undefined;
  typeId?: string | undefined;
  authorId?: string | undefined;
  /** Published at or after. */
  from?: Date | undefined;
  /** Published at or before (never later than `now`). */
  to?: Date | undefined;
  limit: number;
  offset: number;
  now: Date;
}

const engineFor = (db: Db): SearchEngine => (dialectOf(db) === 'postgres' ? postgresSearch : sqliteSearch);

/**
 * Brings the index in line with the given articles: published ones are
 * (re)indexed, any other is removed. Call it inside the transaction that
 * wrote them, so the index never disagrees with what readers can see.
 */
export async function indexArticles(db: Db, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const documents = await loadSearchDocuments(db, articleIds);
  const indexed = new Set(documents.map((d) => d.articleId));
  const unpublished = articleIds.filter((id) => !indexed.has(id));
  if (unpublished.length > 0) await removeFromIndex(db, unpublished);
  await engineFor(db).write(db, documents);
}

export function indexArticle(db: Db, articleId: string): Promise<void> {
  return indexArticles(db, [articleId]);
}

export async function removeFromIndex(db: Db, articleIds: string | readonly string[]): Promise<void> {
  const ids = typeof articleIds === 'string' ? [articleIds] : [...articleIds];
  for (let i = 0; i < ids.length; i += 500) {
    // On SQLite a trigger removes the FTS row with it.
    await sql`delete from article_search where article_id in (${sql.join(ids.slice(i, i + 500))})`.execute(db);
  }
}

/**
 * Indexes published articles the index lacks (and drops rows it should not
 * hold), in batches. Cheap when there is nothing to do: run at every start.
 */
export async function backfillSearchIndex(db: Db, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let done = 0;
  let after: BackfillCursor | null = null;
  for (;;) {
    const rows = await publishedArticlesMissingFromIndex(db, batchSize, after);
    const last = rows.at(-1);
    if (last === undefined) break;
    await withTransaction(db, (trx) =>
      indexArticles(
        trx,
        rows.map((r) => r.id),
      ),
    );
    done += rows.length;
    after = { publishedAt: last.published_at, id: last.id };
  }
  const stale = await indexedArticlesNoLongerPublished(db, 10_000);
  if (stale.length > 0) await removeFromIndex(db, stale);
  return done;
}

function snippetOf(hit: EngineHit): Snippet {
  const body = tidySnippet(splitHighlighted(hit.body));
  if (hasMatch(body)) return body;
  const dek = tidySnippet(splitHighlighted(hit.dek));
  // A match in the headline, a byline or a topic: the dek, or the opening words, say what the piece is.
  return hasMatch(dek) || dek.length > 0 ? dek : body;
}

/**
 * Published pieces whose time has come that match the query, best first.
 * Never throws on what the reader typed: an empty or meaningless query has no results.
 */
export async function searchArticles(db: Db, options: SearchOptions): Promise<SearchResults> {
  const query = parseSearchQuery(options.query);
  if (isEmptyQuery(query)) return { hits: [], total: 0, capped: false };
  const now = options.now.getTime();
  const { hits, matched } = await engineFor(db).search(db, {
    query,
    sectionId: options.sectionId,
    typeId: options.typeId,
    authorId: options.authorId,
    fromMs: options.from?.getTime(),
    toMs: Math.min(now, options.to?.getTime() ?? now),
    limit: options.limit,
    offset: options.offset,
  });
  return {
    hits: hits.map((hit) => ({ id: hit.id, rank: hit.rank, snippet: snippetOf(hit) })),
    total: Math.min(matched, RANK_WINDOW),
    capped: matched > RANK_WINDOW,
  };
}
