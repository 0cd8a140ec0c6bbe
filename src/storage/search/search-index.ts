/**
 * Full-text search over articles: the one interface the rest of the program
 * uses. Readers (searchArticles) find public pieces; the newsroom
 * (searchNewsroom) finds every piece in every state, from the same index. Each database does it its own way (sqlite-search.ts,
 * postgres-search.ts); which one is decided by the dialect of `db`.
 */
import { setImmediate } from 'node:timers/promises';
import { sql } from 'kysely';
import { isEmptyQuery, parseSearchQuery } from '../../domain/search/query.js';
import { hasMatch, splitHighlighted, tidySnippet } from '../../domain/search/snippet.js';
import type { Snippet } from '../../domain/search/snippet.js';
import { dialectOf } from '../db.js';
import type { Db } from '../db.js';
import { postgresSearch } from './postgres-search.js';
import { articlesOutOfIndex, loadSearchDocuments } from './search-documents.js';
import type { BackfillCursor } from './search-documents.js';
import { RANK_WINDOW } from './search-types.js';
import type { EngineHit, EngineSearch, SearchEngine, SearchResults } from './search-types.js';
import type { ArticleStatus } from '../../domain/content/article.js';
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
 * Brings the index in line with the given articles, in whatever state they
 * are (with it, so readers' searches keep to public ones); ids with no
 * article are removed. Call it inside the transaction that wrote them, so
 * the index never disagrees with what readers can see.
 */
export async function indexArticles(db: Db, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const documents = await loadSearchDocuments(db, articleIds);
  const indexed = new Set(documents.map((d) => d.articleId));
  const gone = articleIds.filter((id) => !indexed.has(id));
  if (gone.length > 0) await removeFromIndex(db, gone);
  await engineFor(db).write(db, documents);
}

export function indexArticle(db: Db, articleId: string): Promise<void> {
  return indexArticles(db, [articleId]);
}

async function removeFromIndex(db: Db, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    // On SQLite a trigger removes the FTS row with it.
    await sql`delete from article_search where article_id in (${sql.join(ids.slice(i, i + 500))})`.execute(db);
  }
}

/**
 * Indexes articles the index lacks or holds out of date (an older format,
 * another state), in batches, and returns how many. Cheap when there is
 * nothing to do: the server runs it in the background at every start.
 * `signal` stops it between batches (what is done stays done); `onProgress`
 * hears the running count after each batch.
 */
export async function backfillSearchIndex(
  db: Db,
  options: { batchSize?: number; signal?: AbortSignal; onProgress?: (indexed: number) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let done = 0;
  let after: BackfillCursor | null = null;
  while (!options.signal?.aborted) {
    const rows = await articlesOutOfIndex(db, batchSize, after);
    const last = rows.at(-1);
    if (last === undefined) break;
    const ids = rows.map((r) => r.id);
    await withTransaction(db, async (trx) => {
      // The site serves meanwhile: an edit committing between reading these pieces and writing their entries would
      // be overwritten with what was read. Locked, an edit waits for this batch, or this batch for the edit.
      if (dialectOf(trx) === 'postgres') await trx.selectFrom('articles').select('id').where('id', 'in', ids).forShare().execute();
      await indexArticles(trx, ids);
    });
    done += rows.length;
    after = { at: last.at, id: last.id };
    options.onProgress?.(done);
    // SQLite answers synchronously: without a turn of the event loop between batches, a server doing this
    // in the background would answer nothing until the end.
    await setImmediate();
  }
  return done;
}

function snippetOf(hit: EngineHit): Snippet {
  const body = tidySnippet(splitHighlighted(hit.body));
  if (hasMatch(body)) return body;
  const dek = tidySnippet(splitHighlighted(hit.dek));
  // A match in the headline, a byline or a topic: the dek, or the opening words, say what the piece is.
  return hasMatch(dek) || dek.length > 0 ? dek : body;
}

async function run(db: Db, search: Omit<EngineSearch, 'query'> & { text: string }): Promise<SearchResults> {
  const { text, ...rest } = search;
  const query = parseSearchQuery(text);
  if (isEmptyQuery(query)) return { hits: [], total: 0, capped: false };
  const { hits, matched } = await engineFor(db).search(db, { ...rest, query });
  return {
    hits: hits.map((hit) => ({
      id: hit.id,
      rank: hit.rank,
      headline: tidySnippet(splitHighlighted(hit.headline)),
      snippet: snippetOf(hit),
    })),
    total: Math.min(matched, RANK_WINDOW),
    capped: matched > RANK_WINDOW,
  };
}

/**
 * Published pieces whose time has come that match the query, best first:
 * what readers may find (the site, the Content API). Never throws on what
 * the reader typed: an empty or meaningless query has no results.
 */
export async function searchArticles(db: Db, options: SearchOptions): Promise<SearchResults> {
  const now = options.now.getTime();
  return run(db, {
    audience: 'readers',
    text: options.query,
    sectionId: options.sectionId,
    typeId: options.typeId,
    authorId: options.authorId,
    fromMs: options.from?.getTime(),
    toMs: Math.min(now, options.to?.getTime() ?? now),
    limit: options.limit,
    offset: options.offset,
  });
}

export interface NewsroomSearchOptions {
  query: string;
  status?: ArticleStatus | undefined;
  sectionId?: string | undefined;
  typeId?: string | undefined;
  authorId?: string | undefined;
  /** Pieces started by this staff member. */
  createdBy?: string | undefined;
  limit: number;
  offset: number;
  now: Date;
}

/**
 * Every piece in every state that matches, best first: drafts, pieces in
 * review, scheduled and unpublished work as well as what is published. For
 * staff only; never call it on a reader's behalf.
 */
export async function searchNewsroom(db: Db, options: NewsroomSearchOptions): Promise<SearchResults> {
  return run(db, {
    audience: 'newsroom',
    text: options.query,
    status: options.status,
    sectionId: options.sectionId,
    typeId: options.typeId,
    authorId: options.authorId,
    createdBy: options.createdBy,
    toMs: options.now.getTime(),
    limit: options.limit,
    offset: options.offset,
  });
}
