import type { Author } from '../../domain/content/model.js';
import type { Db } from '../db.js';
import { imagesByIds } from './images.js';
import { toAuthor } from './mappers.js';

export async function insertAuthor(db: Db, author: Author, createdAt: string): Promise<void> {
  await db
    .insertInto('authors')
    .values({
      id: author.id,
      slug: author.slug,
      name: author.name,
      title: author.title,
      bio: author.bio,
      photo_image_id: author.photo?.id ?? null,
      links: JSON.stringify(author.links),
      created_at: createdAt,
    })
    .execute();
}

export async function findAuthorBySlug(db: Db, slug: string): Promise<Author | null> {
  const row = await db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return null;
  const photos = await imagesByIds(db, [row.photo_image_id]);
  return toAuthor(row, row.photo_image_id ? (photos.get(row.photo_image_id) ?? null) : null);
}

export async function listAuthors(db: Db): Promise<Author[]> {
  const rows = await db.selectFrom('authors').selectAll().orderBy('name').execute();
  const photos = await imagesByIds(
    db,
    rows.map((r) => r.photo_image_id),
  );
  return rows.map((row) => toAuthor(row, row.photo_image_id ? (photos.get(row.photo_image_id) ?? null) : null));
}

/** Authors of many articles in one query, in byline order. */
export async function authorsByIds(db: Db, ids: readonly string[]): Promise<Map<string, Author>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('authors')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const photos = await imagesByIds(
    db,
    rows.map((r) => r.photo_image_id),
  );
  return new Map(rows.map((row) => [row.id, toAuthor(row, row.photo_image_id ? (photos.get(row.photo_image_id) ?? null) : null)]));
}
