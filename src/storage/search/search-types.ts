import type { ArticleStatus } from '../../domain/content/article.js';
import type { SearchQuery } from '../../domain/search/query.js';
import type { Snippet } from '../../domain/search/snippet.js';
import type { Db } from '../db.js';

/**
 * The layout of what `write` puts in a row. Rows written in an older format
 * are rewritten by the backfill at the next start: raise it whenever the
 * terms or columns a document produces change.
 */
export const INDEX_FORMAT = 3;

/** What is indexed of one article, in any state: plain text by field, and what the filters need. */
export interface SearchDocument {
  articleId: string;
  sectionId: string;
  typeId: string;
  status: ArticleStatus;
  /** Published and given a time: readers may find it once that time has come. Anything else only the newsroom finds. */
  public: boolean;
  /** The publication time of a public piece; for any other, its last change (the newsroom's order). */
  publishedAt: string;
  createdBy: string | null;
  headline: string;
  kicker: string;
  dek: string;
  /** Author names, space-separated. */
  bylines: string;
  authorIds: string[];
  /** Topic names, space-separated. */
  topics: string;
  /** The body's words, then the corrections and updates appended to it. */
  body: string;
}

/**
 * At most this many matches are ranked: the newest this many that pass the
 * filters. Ranking every match of a word found in half the archive costs
 * hundreds of milliseconds on PostgreSQL and tells the reader nothing the
 * newest thousand do not; the page then says "more than 1,000 results".
 */
export const RANK_WINDOW = 1000;

/**
 * Who is searching: readers (the site, the Content API) find public pieces
 * whose time has come; the newsroom finds every piece in every state.
 */
export type SearchAudience = 'readers' | 'newsroom';

/** One search as an engine receives it: a parsed, non-empty query and a time window. */
export interface EngineSearch {
  audience: SearchAudience;
  query: SearchQuery;
  sectionId?: string | undefined;
  typeId?: string | undefined;
  authorId?: string | undefined;
  /** Newsroom only: the workflow state. */
  status?: ArticleStatus | undefined;
  /** Newsroom only: the staff member who started the piece. */
  createdBy?: string | undefined;
  /** Earliest publication time, inclusive (ms since the epoch); none when absent. */
  fromMs?: number | undefined;
  /** Latest publication time, inclusive: never after now for readers. */
  toMs: number;
  limit: number;
  offset: number;
}

export interface EngineHit {
  id: string;
  rank: number;
  /** The headline with every match highlighted. */
  headline: string;
  /** Highlighted by the database with MATCH_START/MATCH_END sentinels. */
  body: string;
  dek: string;
}

export interface EngineResults {
  hits: EngineHit[];
  /** Matches in the ranked window, at most RANK_WINDOW + 1 (one more means "more than"). */
  matched: number;
}

/** What each database does its own way; everything else is shared. */
export interface SearchEngine {
  /** Adds or replaces the documents. */
  write(db: Db, documents: readonly SearchDocument[]): Promise<void>;
  search(db: Db, search: EngineSearch): Promise<EngineResults>;
}

export interface SearchHit {
  id: string;
  /** Higher is better; comparable only within one search. */
  rank: number;
  /** The headline, its matches marked. */
  headline: Snippet;
  snippet: Snippet;
}

export interface SearchResults {
  hits: SearchHit[];
  /** Matches counted, at most RANK_WINDOW. */
  total: number;
  /** True when more matched than were ranked (the total is "more than"). */
  capped: boolean;
}
