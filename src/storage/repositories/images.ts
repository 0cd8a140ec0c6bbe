import type { Image } from '../../domain/content/model.js';
import type { Db } from '../db.js';
import { toImage } from './mappers.js';

export async function insertImage(db: Db, image: Image, createdAt: string): Promise<void> {
  await db
    .insertInto('images')
    .values({
      id: image.id,
      storage_key: image.storageKey,
      mime_type: image.mimeType,
      width: image.width,
      height: image.height,
      variants: JSON.stringify(image.variants),
      caption: image.caption,
      credit: image.credit,
      alt: image.alt,
      licence: image.licence,
      rights_expire_at: image.rightsExpireAt,
      created_at: createdAt,
    })
    .execute();
}

/** Loads many images in one query, keyed by id. */
export async function imagesByIds(db: Db, ids: readonly (string | null)[]): Promise<Map<string, Image>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('images').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, toImage(row)]));
}

/** How many images the library holds. */
export async function countImages(db: Db): Promise<number> {
  const row = await db
    .selectFrom('images')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The media library, newest first. */
export async function listImages(db: Db, options: { limit: number; offset: number }): Promise<{ images: Image[]; total: number }> {
  const [rows, count] = await Promise.all([
    db.selectFrom('images').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(options.limit).offset(options.offset).execute(),
    db
      .selectFrom('images')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { images: rows.map(toImage), total: Number(count.n) };
}
