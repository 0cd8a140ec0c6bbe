import type { SearchQuery } from '../../domain/search/query.js';
import type { Snippet } from '../../domain/search/snippet.js';
import type { Db } from '../db.js';

/** What is indexed of one published article: plain text by field, and what the filters need. */
export interface SearchDocument {
  articleId: string;
  sectionId: string;
  typeId: string;
  publishedAt: string;
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

/** One search as an engine receives it: a parsed, non-empty query and a time window. */
export interface EngineSearch {
  query: SearchQuery;
  sectionId?: string | undefined;
  typeId?: string | undefined;
  authorId?: string | undefined;
  /** Earliest publication time, inclusive (ms since the epoch); none when absent. */
  fromMs?: number | undefined;
  /** Latest publication time, inclusive: never after now. */
  toMs: number;
  limit: number;
  offset: number;
}

export interface EngineHit {
  id: string;
  rank: number;
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
  /** Adds or replaces the documents (their articles are published). */
  write(db: Db, documents: readonly SearchDocument[]): Promise<void>;
  search(db: Db, search: EngineSearch): Promise<EngineResults>;
}

export interface SearchHit {
  id: string;
  /** Higher is better; comparable only within one search. */
  rank: number;
  snippet: Snippet;
}

export interface SearchResults {
  hits: SearchHit[];
  /** Matches counted, at most RANK_WINDOW. */
  total: number;
  /** True when more matched than were ranked (the total is "more than"). */
  capped: boolean;
}
