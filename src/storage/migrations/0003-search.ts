/**
 * Full-text search over published articles (see src/storage/search/README.md).
 * Both databases get a table `article_search`, one row per searchable piece,
 * keyed by the article and deleted with it; the text index itself is each
 * database's own: an FTS5 table on SQLite, a tsvector column with a GIN index
 * on PostgreSQL. Schema only: rows are filled by the application at startup
 * (backfill) and on every write of an article.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

// Migrations see the database as it was, not as schema.ts says it is now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgres(db);
  else await sqlite(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
async function sqlite(db: Kysely<any>): Promise<void> {
  // doc_id is the row's id in the FTS table: the publication time in
  // milliseconds times 2048, plus a tie-breaker. Time windows ("published by
  // now", "from", "to") are then rowid ranges FTS5 applies itself. `facets`
  // holds a term per section, type and author, so filters are index terms too.
  await db.schema
    .createTable('article_search')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('doc_id', 'integer', (c) => c.notNull().unique())
    .addColumn('section_id', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await sql`
    create virtual table article_search_fts using fts5(
      headline, kicker, dek, bylines, topics, body,
      facets,
      tokenize = 'porter unicode61 remove_diacritics 2',
      prefix = '2 3 4'
    )`.execute(db);
  // However a row goes (unindexing, or its article deleted by cascade), its text goes with it.
  await sql`
    create trigger article_search_fts_delete after delete on article_search
    begin
      delete from article_search_fts where rowid = old.doc_id;
    end`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
async function postgres(db: Kysely<any>): Promise<void> {
  // Two vectors, both built by the application (so weights and buckets can
  // change with a reindex, not a migration):
  // - terms: every word of every field with positions, plus lexemes naming
  //   the month of publication, the section, the type and each author
  //   ("~m2024-03", "~s…": no query a reader types can produce them).
  //   Matching reads it through the GIN index; the extra lexemes let the
  //   index itself narrow to recent months and to the filters. Each pair of
  //   neighbouring words is a lexeme too (search_pairs below), so a phrase
  //   is found in the index rather than by reading every candidate's terms.
  // - summary: headline (A), kicker and dek (B), bylines and topics (C) and
  //   the body's opening (D), for ranking. Small, and kept in the row.
  // dek and body are kept as text for ts_headline's snippets.
  await sql`
    create table article_search (
      article_id text primary key references articles(id) on delete cascade,
      section_id text not null,
      type_id text not null,
      published_at timestamptz not null,
      dek text not null,
      body text not null,
      summary tsvector not null,
      terms tsvector not null
    ) with (toast_tuple_target = 256)`.execute(db);
  // A narrow heap: text and terms live out of line (uncompressed, as they are
  // read whole or not at all), the summary stays in the row for ranking.
  await sql`
    alter table article_search
      alter column body set storage external,
      alter column terms set storage external,
      alter column summary set storage main`.execute(db);
  // "state of the union" -> '~state 3 union': each word with the next one and how far on it is
  // (stop words leave gaps). Text in, pairs out; the same function reads a document and a phrase.
  await sql`
    create function search_pairs(document tsvector) returns tsvector
    language sql immutable strict parallel safe as $$
      select coalesce(array_to_tsvector(array_agg(distinct '~' || lexeme || ' ' || (next_pos - pos) || ' ' || next_lexeme)), ''::tsvector)
      from (
        select lexeme, pos, lead(lexeme) over w as next_lexeme, lead(pos) over w as next_pos
        from (select u.lexeme, unnest(u.positions) as pos from unnest(document) as u) as p
        window w as (order by pos)
      ) as pairs
      where next_lexeme is not null
    $$`.execute(db);
  // No btree on published_at: with one, the planner walks it and tests every row's terms.
  // No pending list (fastupdate): every search would read all of it, up to 4 MB, until a
  // vacuum merges it; writing a piece's entries straight into the index costs the newsroom little.
  await sql`create index article_search_terms on article_search using gin (terms) with (fastupdate = off)`.execute(db);
}
