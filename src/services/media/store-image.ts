import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Metadata, Sharp } from 'sharp';
import { MastheadError } from '../../errors.js';
import type { Image, ImageFormat, ImageVariant } from '../../domain/content/model.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { Db } from '../../storage/db.js';
import type { MediaStore } from '../../storage/media/media-store.js';
import { insertImage } from '../../storage/repositories/images.js';
import { embeddedCredits } from './embedded-credits.js';

/** Widths of the responsive WebP variants; a variant is never wider than the original. */
export const VARIANT_WIDTHS = [480, 960, 1440] as const;
/** One JPEG for places that want a single, widely understood file (OpenGraph, feeds, email). */
export const SHARE_WIDTH = 1200;

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff', 'heif', 'svg']);

export interface StoreImageInput {
  bytes: Buffer;
  caption?: string;
  credit?: string;
  alt?: string;
  licence?: string;
  rightsExpireAt?: string | null;
}

/**
 * Takes an uploaded (or generated) picture: checks by its bytes that it is an
 * image, drops its metadata (GPS included), stores web-sized variants and records it.
 */
export async function storeImage(deps: { db: Db; media: MediaStore; clock: Clock }, input: StoreImageInput): Promise<Image> {
  let meta: Metadata;
  try {
    meta = await sharp(input.bytes, { failOn: 'error', limitInputPixels: 100_000_000 }).metadata();
  } catch {
    throw new MastheadError('UNSUPPORTED_IMAGE');
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) throw new MastheadError('UNSUPPORTED_IMAGE');

  const embedded = embeddedCredits(meta);
  const hash = createHash('sha256').update(input.bytes).digest('hex').slice(0, 16);
  const base = `images/${hash.slice(0, 2)}/${hash}`;
  // Orientation applied, metadata not copied: sharp writes none unless asked.
  const oriented = sharp(input.bytes, { failOn: 'error', limitInputPixels: 100_000_000 }).rotate();
  // EXIF orientations 5-8 turn the picture on its side.
  const turned = (meta.orientation ?? 1) >= 5;
  const fullWidth = turned ? meta.height : meta.width;
  const fullHeight = turned ? meta.width : meta.height;

  const widths = [...new Set(VARIANT_WIDTHS.map((w) => Math.min(w, fullWidth)))];
  const jobs: Promise<ImageVariant>[] = widths.map((w) => encode(deps.media, oriented, base, w, 'webp'));
  jobs.push(encode(deps.media, oriented, base, Math.min(SHARE_WIDTH, fullWidth), 'jpeg'));
  // The header can be fine and the pixels broken (a truncated upload): that is the sender's problem, not ours.
  const variants = await Promise.all(jobs).catch((error: unknown) => {
    throw error instanceof MastheadError ? error : new MastheadError('UNSUPPORTED_IMAGE');
  });

  const image: Image = {
    id: newId(),
    storageKey: variants.find((v) => v.format === 'jpeg')?.key ?? base,
    mimeType: 'image/jpeg',
    width: fullWidth,
    height: fullHeight,
    variants,
    // What the desk typed wins; otherwise what the agency put in the file.
    caption: input.caption || embedded.caption || '',
    credit: input.credit || embedded.credit || '',
    alt: input.alt ?? '',
    licence: input.licence ?? '',
    rightsExpireAt: input.rightsExpireAt ?? null,
  };
  await insertImage(deps.db, image, deps.clock().toISOString());
  return image;
}

async function encode(media: MediaStore, source: Sharp, base: string, width: number, format: ImageFormat): Promise<ImageVariant> {
  const pipeline = source.clone().resize({ width, withoutEnlargement: true });
  const encoded = format === 'jpeg' ? pipeline.jpeg({ quality: 80, mozjpeg: true }) : pipeline.webp({ quality: 72, effort: 3 });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  const key = `${base}-${info.width}.${format === 'jpeg' ? 'jpg' : format}`;
  if (!(await media.exists(key))) await media.put(key, data, `image/${format}`);
  return { key, width: info.width, height: info.height, format };
}
