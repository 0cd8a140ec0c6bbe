/**
 * Search on SQLite: an FTS5 table (porter stemming, diacritics folded,
 * prefix indexes for 2, 3 and 4 characters) ranked by bm25 with field weights.
 *
 * Each document's FTS rowid (`doc_id`) is its publication time in ms times
 * 2048 plus a slot, so "published by now", "from" and "to" are rowid ranges
 * FTS5 applies while reading its index, and "the newest matches" is FTS5
 * reading backwards; section, type and author are terms in the `facets`
 * column (facets.ts). No step needs a lookup per match.
 */
import { sql } from 'kysely';
import type { SearchQuery, SearchTerm } from '../../domain/search/query.js';
import { MATCH_END, MATCH_START } from '../../domain/search/snippet.js';
import type { Db } from '../db.js';
import { INDEX_FORMAT, RANK_WINDOW } from './search-types.js';
import type { EngineResults, EngineSearch, SearchDocument, SearchEngine } from './search-types.js';
import { HIDDEN_FACET, facetHash, facetsOf, requestedFacets } from './facets.js';
import type { FacetKind } from './facets.js';

const SLOTS = 2048;
/** 2^42 ms is the year 2109; times are clamped so doc ids stay exact in a JS number (below 2^53). */
const MAX_MS = 2 ** 42 - 1;
const MIN_MS = -(2 ** 42);

/** Field weights in column order: headline, kicker, dek, bylines, topics, body, facets. */
const BM25 = sql.raw('bm25(article_search_fts, 10.0, 5.0, 5.0, 3.0, 3.0, 1.0, 0.0)');
const SNIPPET_TOKENS = 24;

const clampMs = (ms: number): number => Math.min(MAX_MS, Math.max(MIN_MS, Math.floor(ms)));
const firstKey = (ms: number): number => clampMs(ms) * SLOTS;
const lastKey = (ms: number): number => clampMs(ms) * SLOTS + SLOTS - 1;

/** A stable slot within the millisecond, so re-indexing a piece keeps its doc id. */
function slotOf(articleId: string): number {
  let hash = 0;
  for (let i = 0; i < articleId.length; i++) hash = (Math.imul(hash, 31) + articleId.charCodeAt(i)) >>> 0;
  return hash % SLOTS;
}

const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;
// A trailing digit: no stemming rule applies, the term is stored as written.
const facetTerm = (kind: FacetKind, id: string): string => `${facetHash(kind, id)}0`;

function fts5Term(term: SearchTerm): string {
  if (term.kind === 'phrase') return quote(term.words.join(' '));
  if (term.kind === 'prefix') return `${quote(term.text)}*`;
  return quote(term.text);
}

/**
 * Every token quoted: FTS5 sees strings and its own AND/NOT, never the
 * reader's syntax. A readers' search leaves out every piece that is not
 * public (they all carry the hidden term: few, so the NOT costs little).
 */
export function fts5Expression(query: SearchQuery, filter: EngineSearch | null = null): string {
  const facets = filter ? requestedFacets(filter).map((f) => quote(facetTerm(f.kind, f.id))) : [];
  const positive = [...query.terms.map(fts5Term), ...facets].join(' ');
  const excluded = [
    ...query.excluded.map(fts5Term),
    ...(filter === null || filter.audience === 'newsroom' ? [] : [quote(facetTerm(HIDDEN_FACET.kind, HIDDEN_FACET.id))]),
  ];
  if (excluded.length === 0) return positive;
  return `(${positive})${excluded.map((t) => ` NOT ${t}`).join('')}`;
}

/** Doc ids for new rows: the article's own slot, or the next free one in the same millisecond. */
async function allocateDocIds(db: Db, documents: readonly SearchDocument[]): Promise<number[]> {
  const wanted = documents.map((d) => firstKey(Date.parse(d.publishedAt)) + slotOf(d.articleId));
  const taken = new Set<number>();
  const existing = await sql<{ doc_id: number }>`select doc_id from article_search where doc_id in (${sql.join(wanted)})`.execute(db);
  for (const row of existing.rows) taken.add(row.doc_id);
  const ids: number[] = [];
  for (const id of wanted) {
    let candidate = id;
    if (taken.has(candidate)) {
      // Rare: another piece of the same millisecond has this slot. Look at the whole millisecond once.
      const base = id - (((id % SLOTS) + SLOTS) % SLOTS);
      const used = await sql<{ doc_id: number }>`
        select doc_id from article_search where doc_id between ${base} and ${base + SLOTS - 1}`.execute(db);
      for (const row of used.rows) taken.add(row.doc_id);
      let probe = 0;
      while (taken.has(candidate)) {
        if (++probe > SLOTS) throw new Error('More than 2048 pieces share one publication millisecond');
        candidate = base + ((candidate - base + 1) % SLOTS);
      }
    }
    taken.add(candidate);
    ids.push(candidate);
  }
  return ids;
}

async function write(db: Db, documents: readonly SearchDocument[]): Promise<void> {
  for (let i = 0; i < documents.length; i += 200) {
    const batch = documents.slice(i, i + 200);
    // The delete trigger takes the old FTS rows with them.
    await sql`delete from article_search where article_id in (${sql.join(batch.map((d) => d.articleId))})`.execute(db);
    const docIds = await allocateDocIds(db, batch);
    await sql`insert into article_search (article_id, doc_id, section_id, type_id, published_at, status, format) values ${sql.join(
      batch.map((d, j) => sql`(${d.articleId}, ${docIds[j]}, ${d.sectionId}, ${d.typeId}, ${d.publishedAt}, ${d.status}, ${INDEX_FORMAT})`),
    )}`.execute(db);
    await sql`insert into article_search_fts (rowid, headline, kicker, dek, bylines, topics, body, facets) values ${sql.join(
      batch.map(
        (d, j) =>
          sql`(${docIds[j]}, ${d.headline}, ${d.kicker}, ${d.dek}, ${d.bylines}, ${d.topics}, ${d.body}, ${facetsOf(d)
            .map((f) => facetTerm(f.kind, f.id))
            .join(' ')})`,
      ),
    )}`.execute(db);
  }
}

async function search(db: Db, request: EngineSearch): Promise<EngineResults> {
  const match = fts5Expression(request.query, request);
  // The newsroom sees every piece: scheduled ones ahead of now, drafts at their last change.
  const newsroom = request.audience === 'newsroom';
  const hi = newsroom ? lastKey(MAX_MS) : lastKey(request.toMs);
  const lo = newsroom ? firstKey(MIN_MS) : firstKey(request.fromMs ?? MIN_MS);
  if (hi < lo) return { hits: [], matched: 0 };

  // The window: the newest RANK_WINDOW (+1, to know there are more) matches, FTS5 reading
  // backwards, each with its bm25 score (lower is better); ranked here, a thousand at most.
  const window = await sql<{ doc_id: number; score: number }>`
    select rowid as doc_id, ${BM25} as score from article_search_fts
    where article_search_fts match ${match} and rowid between ${lo} and ${hi}
    order by rowid desc
    limit ${RANK_WINDOW + 1}`.execute(db);
  const matched = window.rows.length;
  const ranked = window.rows
    .slice(0, RANK_WINDOW)
    .sort((a, b) => a.score - b.score || b.doc_id - a.doc_id)
    .slice(request.offset, request.offset + request.limit);
  if (ranked.length === 0) return { hits: [], matched };

  const pageIds = ranked.map((r) => r.doc_id);
  // FTS5 starts the query afresh for each id it is handed: cheap for words, but a prefix is expanded
  // each time. With a prefix, one pass over the page's rowid range instead, the ids picked out by
  // SQLite ("+" keeps the list from FTS5).
  const hasPrefix = request.query.terms.some((t) => t.kind === 'prefix') || request.query.excluded.some((t) => t.kind === 'prefix');
  const pick = hasPrefix
    ? sql`article_search_fts.rowid between ${Math.min(...pageIds)} and ${Math.max(...pageIds)} and +article_search_fts.rowid in (${sql.join(pageIds)})`
    : sql`article_search_fts.rowid in (${sql.join(pageIds)})`;
  const page = await sql<{ doc_id: number; id: string; headline: string; body: string; dek: string }>`
    select article_search_fts.rowid as doc_id, s.article_id as id,
      highlight(article_search_fts, 0, ${MATCH_START}, ${MATCH_END}) as headline,
      snippet(article_search_fts, 5, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) as body,
      highlight(article_search_fts, 2, ${MATCH_START}, ${MATCH_END}) as dek
    from article_search_fts join article_search s on s.doc_id = article_search_fts.rowid
    where article_search_fts match ${match} and ${pick}`.execute(db);
  const byDoc = new Map(page.rows.map((r) => [r.doc_id, r]));
  return {
    // bm25 is lower-is-better; turned round so every engine's rank is higher-is-better.
    hits: ranked.flatMap((r) => {
      const row = byDoc.get(r.doc_id);
      return row ? [{ id: row.id, rank: -r.score, headline: row.headline, body: row.body, dek: row.dek }] : [];
    }),
    matched,
  };
}

export const sqliteSearch: SearchEngine = { write, search };
