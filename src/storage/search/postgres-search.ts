/**
 * Search on PostgreSQL. Two tsvectors per piece (see migration 0003): `terms`
 * (every word with positions, under a GIN index) decides what matches;
 * `summary` (headline A, kicker and dek B, bylines and topics C, the body's
 * opening D) ranks it with ts_rank_cd, cheaply, from the row itself.
 * Snippets come from ts_headline. The query is built from the parsed terms
 * with plainto_tsquery / phraseto_tsquery (any text is safe there) and, for
 * prefixes, to_tsquery of a quoted lexeme made only of letters and digits.
 *
 * The newest matches are gathered a slice of time at a time (this month,
 * the last, then slices growing by half back to 64 months, then the rest),
 * each slice's month lexemes ANDed into the query, so the GIN index itself
 * skips older pieces and a word found in half the archive costs about what
 * a rare one does. Section, type and author filters are lexemes too.
 */
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { SearchQuery, SearchTerm } from '../../domain/search/query.js';
import { MATCH_END, MATCH_START } from '../../domain/search/snippet.js';
import type { Db } from '../db.js';
import { INDEX_FORMAT, RANK_WINDOW } from './search-types.js';
import type { EngineResults, EngineSearch, SearchDocument, SearchEngine } from './search-types.js';
import { HIDDEN_FACET, facetHash, facetsOf, requestedFacets } from './facets.js';
import type { FacetKind } from './facets.js';

/** English stemming and stop words, like porter on SQLite. */
const CONFIG = sql.lit('english');
/** ts_rank_cd weights for D, C, B, A: a headline word counts twenty times a body word. */
const WEIGHTS = sql.lit('{0.05, 0.2, 0.4, 1.0}');
const BODY_HEADLINE = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxWords=32, MinWords=16, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
const DEK_HEADLINE = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", HighlightAll=true`;
/**
 * PostgreSQL's parser reads "<harbour>" as an HTML tag: to_tsvector would not
 * index the word and ts_headline would drop it. Text goes in with "<" swapped
 * for a reserved character (a blank to the parser) and comes back restored.
 */
const LESS_THAN = '\uE002';
const toIndex = (text: string): string => text.replaceAll('<', LESS_THAN);
const fromIndex = (text: string | null): string => (text ?? '').replaceAll(LESS_THAN, '<');

function tsTerm(term: SearchTerm): RawBuilder<unknown> {
  if (term.kind === 'phrase') return sql`phraseto_tsquery(${CONFIG}, ${term.words.join(' ')})`;
  // The parser keeps only letters, digits and marks in a word: inside quotes it is one lexeme.
  if (term.kind === 'prefix') return sql`to_tsquery(${CONFIG}, ${`'${term.text.replaceAll("'", '')}':*`})`;
  return sql`plainto_tsquery(${CONFIG}, ${term.text})`;
}

function tsQuery(query: SearchQuery): RawBuilder<unknown> {
  const parts = [...query.terms.map(tsTerm), ...query.excluded.map((t) => sql`!!${tsTerm(t)}`)];
  return sql`(${sql.join(parts, sql` && `)})`;
}

/** A phrase as the index holds it: its pairs of neighbouring words, and how many words it has. */
interface PhrasePairs {
  pairs: string[];
  words: number;
}

/** What the index holds for a query's phrases (their word pairs) and prefixes (a prefix lexeme). */
interface IndexTerms {
  pairs: Map<string, PhrasePairs>;
  /** Typed prefix -> its lexeme in `terms` ("~:harb"), when it has one (3 to 5 characters once normalized). */
  prefixes: Map<string, string>;
}

/** Prefix lengths search_prefixes indexes (migration 0007). */
const PREFIX_MIN = 3;
const PREFIX_MAX = 5;

/** A lexeme in tsquery syntax: quoted, quotes doubled, backslashes escaped. */
const lexemeLiteral = (lexeme: string): string => `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** One round trip: the pairs of each phrase, and each prefix normalized as to_tsquery would (stemmed, lowercased). */
async function indexTerms(db: Db, query: SearchQuery): Promise<IndexTerms> {
  const phrases = [...new Set(query.terms.flatMap((t) => (t.kind === 'phrase' ? [t.words.join(' ')] : [])))];
  const prefixes = [...new Set([...query.terms, ...query.excluded].flatMap((t) => (t.kind === 'prefix' ? [t.text] : [])))];
  const values = (texts: string[]): RawBuilder<unknown> => sql`(values ${sql.join(texts.map((t) => sql`(${t})`))}) as x(text)`;
  const parts = [
    ...(phrases.length > 0
      ? [
          sql`select 'phrase' as kind, x.text, tsvector_to_array(search_pairs(to_tsvector(${CONFIG}, x.text))) as lexemes,
            numnode(phraseto_tsquery(${CONFIG}, x.text)) as nodes from ${values(phrases)}`,
        ]
      : []),
    ...(prefixes.length > 0
      ? [
          sql`select 'prefix' as kind, x.text, tsvector_to_array(to_tsvector(${CONFIG}, x.text)) as lexemes, 0 as nodes from ${values(prefixes)}`,
        ]
      : []),
  ];
  const out: IndexTerms = { pairs: new Map(), prefixes: new Map() };
  if (parts.length === 0) return out;
  const rows = await sql<{ kind: 'phrase' | 'prefix'; text: string; lexemes: string[] | null; nodes: number }>`${sql.join(
    parts,
    sql` union all `,
  )}`.execute(db);
  for (const r of rows.rows) {
    const lexemes = r.lexemes ?? [];
    if (r.kind === 'phrase') out.pairs.set(r.text, { pairs: lexemes, words: (Number(r.nodes) + 1) / 2 });
    else if (lexemes.length === 1 && [...lexemes[0]!].length >= PREFIX_MIN && [...lexemes[0]!].length <= PREFIX_MAX)
      out.prefixes.set(r.text, `~:${lexemes[0]!}`);
  }
  return out;
}

/** A search in two parts: what the GIN index answers exactly, and what is then checked in each candidate's `words`. */
interface Match {
  index: RawBuilder<unknown>;
  /** Phrases of three words or more, exactly; null when the index answer is exact already. */
  check: RawBuilder<unknown> | null;
}

/**
 * The query the index answers. A phrase of two words is its pair, which the
 * index finds exactly; a longer one is its pairs (found in the index) and the
 * phrase itself, checked in the candidates' `words` (a third the size of
 * `terms`, which a check by the index would read whole for every candidate).
 * A prefix of 3 to 5 characters is its prefix lexeme; a shorter or longer
 * one a partial match (`:*`), which the index expands over every word it starts.
 */
function matchQuery(query: SearchQuery, terms: IndexTerms): Match {
  const checks: RawBuilder<unknown>[] = [];
  const inIndex = (term: SearchTerm, negated: boolean): RawBuilder<unknown> => {
    const prefix = term.kind === 'prefix' ? terms.prefixes.get(term.text) : undefined;
    if (prefix) return sql`${lexemeLiteral(prefix)}::tsquery`;
    const phrase = term.kind === 'phrase' ? terms.pairs.get(term.words.join(' ')) : undefined;
    if (!phrase || phrase.pairs.length === 0) return tsTerm(term);
    const pairs = sql`${phrase.pairs.map(lexemeLiteral).join(' & ')}::tsquery`;
    if (phrase.words === 2 && phrase.pairs.length === 1) return pairs;
    // A left-out phrase cannot be split so: the index checks it whole.
    if (negated) return sql`(${tsTerm(term)} && ${pairs})`;
    checks.push(tsTerm(term));
    return pairs;
  };
  const index = sql`(${sql.join(
    [...query.terms.map((t) => inIndex(t, false)), ...query.excluded.map((t) => sql`!!${inIndex(t, true)}`)],
    sql` && `,
  )})`;
  return { index, check: checks.length > 0 ? sql`(${sql.join(checks, sql` && `)})` : null };
}

/** The body's opening, which counts for ranking (all of it counts for matching). */
const SUMMARY_BODY_CHARS = 600;

const pad = (n: number): string => String(n).padStart(2, '0');
const monthLexeme = (ms: number): string => {
  const d = new Date(ms);
  return `~m${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};
/** "~" can come from no query a reader types: only the search itself asks for these. */
const facetLexeme = (kind: FacetKind, id: string): string => `~${facetHash(kind, id)}`;

async function write(db: Db, documents: readonly SearchDocument[]): Promise<void> {
  for (let i = 0; i < documents.length; i += 200) {
    const batch = documents.slice(i, i + 200);
    await sql`
      insert into article_search (article_id, section_id, type_id, status, format, published_at, headline, dek, body, summary, terms, words)
      select v.article_id, v.section_id, v.type_id, v.status, ${sql.lit(INDEX_FORMAT)}, v.published_at::timestamptz, v.headline, v.dek, v.body,
        v.fields || v.opening,
        v.fields || v.words || search_pairs(v.fields || v.words) || search_prefixes(v.fields || v.words) || v.extra::tsvector,
        v.fields || v.words
      from (values ${sql.join(
        batch.map((d) => {
          // Only a public piece has a time and a month: readers' searches ask for both.
          const extra = [
            ...(d.public ? [monthLexeme(Date.parse(d.publishedAt))] : []),
            ...facetsOf(d).map((f) => facetLexeme(f.kind, f.id)),
          ];
          return sql`(${d.articleId}, ${d.sectionId}, ${d.typeId}, ${d.status}, ${d.public ? d.publishedAt : null}, ${toIndex(d.headline)},
            ${toIndex(d.dek)}, ${toIndex(d.body)},
            setweight(to_tsvector(${CONFIG}, ${toIndex(d.headline)}), 'A') ||
              setweight(to_tsvector(${CONFIG}, ${toIndex(`${d.kicker}\n${d.dek}`)}), 'B') ||
              setweight(to_tsvector(${CONFIG}, ${toIndex(`${d.bylines}\n${d.topics}`)}), 'C'),
            setweight(to_tsvector(${CONFIG}, ${toIndex(d.body.slice(0, SUMMARY_BODY_CHARS))}), 'D'),
            setweight(to_tsvector(${CONFIG}, ${toIndex(d.body)}), 'D'),
            ${extra.join(' ')})`;
        }),
      )}) as v(article_id, section_id, type_id, status, published_at, headline, dek, body, fields, opening, words, extra)
      on conflict (article_id) do update set
        section_id = excluded.section_id, type_id = excluded.type_id, status = excluded.status, format = excluded.format,
        published_at = excluded.published_at, headline = excluded.headline, dek = excluded.dek, body = excluded.body,
        summary = excluded.summary, terms = excluded.terms, words = excluded.words`.execute(db);
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();

interface Slice {
  /** Inclusive, ms; -Infinity for "from the beginning". */
  from: number;
  /** Exclusive, ms. */
  until: number;
  /** Month lexemes covering the slice; null for "any time" (the times are checked exactly either way). */
  lexemes: string[] | null;
}

/**
 * Where slices begin, in months back from the current one: this month, the
 * last, then growing by half. A slice is read whole before its newest are
 * taken, so the last one read overshoots what the window needs by up to its
 * size; growing by half rather than doubling keeps that to a third of the
 * rows read, for a few more index lookups (cheap: a month is one lexeme).
 */
const SLICE_MONTHS = [0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64];

/** Newest first (UTC months): enough for a common word in the first slices, and few slices for a rare one. */
function slices(toMs: number): Slice[] {
  const to = new Date(toMs);
  const monthStart = (back: number): number => Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - back, 1);
  const out: Slice[] = [];
  for (let k = 0; k + 1 < SLICE_MONTHS.length; k++) {
    const newest = SLICE_MONTHS[k]!;
    const oldest = SLICE_MONTHS[k + 1]! - 1;
    out.push({
      from: monthStart(oldest),
      until: newest === 0 ? toMs + 1 : monthStart(newest - 1),
      lexemes: Array.from({ length: oldest - newest + 1 }, (_, i) => monthLexeme(monthStart(newest + i))),
    });
  }
  out.push({ from: Number.NEGATIVE_INFINITY, until: monthStart(SLICE_MONTHS.at(-1)! - 1), lexemes: null });
  return out;
}

/**
 * Runs `work` with the planner kept to the GIN index and to one process. It
 * does not count the cost of reading each row's terms out of TOAST, so on a
 * small table, or for a common word, it would rather test every row (tens of
 * milliseconds) than read the index (one); and a parallel worker costs more
 * to start than these queries take. Inside a caller's transaction its
 * settings are left alone.
 */
async function withGinPlans<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
    return work(trx);
  });
}

/**
 * The newest RANK_WINDOW + 1 matches that pass the filters: the slices in
 * order, newest first, each with its own limit. PostgreSQL runs the parts of
 * a UNION ALL one after the other and stops when the outer limit is met, so
 * older slices are never read when newer ones suffice.
 */
/** How far ahead the newsroom's search looks for pieces published with a time still to come. */
const NEWSROOM_AHEAD_MS = 366 * 86_400_000;

function windowQuery(request: EngineSearch, { index: query, check }: Match): RawBuilder<unknown> {
  /**
   * A slice's newest candidates, as many as the window still wants. A phrase
   * of three words or more is checked only in candidates taken, newest first,
   * until there are enough (OFFSET 0 keeps the check out of the scan below,
   * which would otherwise make it in every candidate of the slice).
   */
  const newest = (where: RawBuilder<unknown>, order: RawBuilder<unknown>): RawBuilder<unknown> =>
    check
      ? sql`(select c.article_id, c.published_at, c.summary from (
          select s.article_id, s.published_at, s.summary, s.words from article_search s where ${where} ${order} offset 0
        ) c where c.words @@ ${check} limit ${RANK_WINDOW + 1})`
      : sql`(select s.article_id, s.published_at, s.summary from article_search s where ${where} ${order} limit ${RANK_WINDOW + 1})`;
  const byTime = sql`order by s.published_at desc, s.article_id desc`;
  // Filters are lexemes too (facets.ts): the index intersects them with the words.
  const facets = requestedFacets(request).map((f) => `'${facetLexeme(f.kind, f.id)}'`);
  const filtered = (match: RawBuilder<unknown>): RawBuilder<unknown> =>
    facets.length > 0 ? sql`(${match} && ${facets.join(' & ')}::tsquery)` : match;
  const newsroom = request.audience === 'newsroom';
  const toMs = newsroom ? request.toMs + NEWSROOM_AHEAD_MS : request.toMs;
  const parts = slices(toMs).flatMap((slice) => {
    const from = Math.max(slice.from, request.fromMs ?? Number.NEGATIVE_INFINITY);
    if (from >= slice.until) return [];
    const match = slice.lexemes ? sql`(${query} && ${slice.lexemes.map((l) => `'${l}'`).join(' | ')}::tsquery)` : query;
    // A piece readers may not see has no publication time here: the time range alone keeps it out.
    return [
      newest(
        sql`s.terms @@ ${filtered(match)} and s.published_at < ${iso(slice.until)}
          ${Number.isFinite(from) ? sql`and s.published_at >= ${iso(from)}` : sql``}`,
        byTime,
      ),
    ];
  });
  // The newsroom's unpublished work first: drafts, pieces in review, scheduled ones (few, found by their term).
  const hidden = newest(
    sql`s.terms @@ ${filtered(sql`(${query} && ${`'${facetLexeme(HIDDEN_FACET.kind, HIDDEN_FACET.id)}'`}::tsquery)`)}`,
    sql``,
  );
  return sql`select * from (${sql.join(newsroom ? [hidden, ...parts] : parts, sql` union all `)}) slices limit ${RANK_WINDOW + 1}`;
}

async function search(db: Db, request: EngineSearch): Promise<EngineResults> {
  if (request.fromMs !== undefined && request.toMs < request.fromMs) return { hits: [], matched: 0 };
  const query = tsQuery(request.query);
  const rows = await withGinPlans(db, async (trx) => {
    const match = matchQuery(request.query, await indexTerms(trx, request.query));
    const result = await sql<{
      matched: number;
      id: string | null;
      rank: number | null;
      headline: string | null;
      body: string | null;
      dek: string | null;
    }>`
      with found as materialized (${windowQuery(request, match)}),
      page as (
        select w.article_id, w.published_at, ts_rank_cd(${WEIGHTS}, w.summary, ${query}) as rank
        from (select * from found limit ${RANK_WINDOW}) w
        order by rank desc, w.published_at desc, w.article_id
        limit ${request.limit} offset ${request.offset}
      )
      select c.matched, page.article_id as id, page.rank,
        ts_headline(${CONFIG}, s.headline, ${query}, ${DEK_HEADLINE}) as headline,
        ts_headline(${CONFIG}, s.body, ${query}, ${BODY_HEADLINE}) as body,
        ts_headline(${CONFIG}, s.dek, ${query}, ${DEK_HEADLINE}) as dek
      from (select count(*) as matched from found) c
      left join page on true
      left join article_search s on s.article_id = page.article_id
      order by page.rank desc nulls last, page.published_at desc, page.article_id`.execute(trx);
    return result.rows;
  });
  return {
    hits: rows.flatMap((r) =>
      r.id === null
        ? []
        : [{ id: r.id, rank: Number(r.rank), headline: fromIndex(r.headline), body: fromIndex(r.body), dek: fromIndex(r.dek) }],
    ),
    matched: Number(rows[0]?.matched ?? 0),
  };
}

export const postgresSearch: SearchEngine = { write, search };
