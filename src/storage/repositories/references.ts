import type { Db } from '../db.js';

type ReferencedTable = 'sections' | 'article_types' | 'images' | 'topics' | 'authors' | 'articles';

/** The first of `ids` with no row in `table`, or null when all exist. */
export async function firstMissingId(db: Db, table: ReferencedTable, ids: readonly string[]): Promise<string | null> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return null;
  const rows = await db.selectFrom(table).select('id').where('id', 'in', wanted).execute();
  const found = new Set(rows.map((r) => r.id));
  return wanted.find((id) => !found.has(id)) ?? null;
}
