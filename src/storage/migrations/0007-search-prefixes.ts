/**
 * Two costs of PostgreSQL search, taken out of the index's hands:
 * - Prefixes from the index itself, as FTS5's prefix indexes do on SQLite:
 *   each piece's `terms` gain a lexeme for the first 3, 4 and 5 characters
 *   of each of its words ("~:harb" for "harbour"), made by search_prefixes
 *   below. A prefix of that length is then one exact lexeme, intersected
 *   with the month and filter lexemes like any word, instead of a partial
 *   match the GIN index expands again, over every word it starts, for each
 *   time slice of a search.
 * - Phrases of three words or more are found by their word pairs in the
 *   index and then checked in a new `words` column (the words with their
 *   positions, nothing else; compressed), not in `terms`, which holds the
 *   pairs and prefixes too and is three times the size: the check reads it
 *   for every candidate.
 * Schema only: the application's index format rises with it, and the
 * start-up backfill rewrites the rows.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

// Migrations see the database as it was, not as schema.ts says it is now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`alter table article_search add column words tsvector`.execute(db);
  // ":" never starts a lexeme the parser makes, and "~" none a reader can type: "~:" is free.
  await sql`
    create function search_prefixes(document tsvector) returns tsvector
    language sql immutable strict parallel safe as $$
      select coalesce(array_to_tsvector(array_agg(distinct '~:' || left(u.lexeme, n))), ''::tsvector)
      from unnest(document) as u, generate_series(3, 5) as n
      where length(u.lexeme) >= n and left(u.lexeme, 1) <> '~'
    $$`.execute(db);
}
