/** The Content API's query parameters, checked with zod, and its opaque cursors. */
import { z } from 'zod';
import { MastheadError } from '../../errors.js';
import type { ArticleCursor } from '../../storage/repositories/content-api.js';

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 15;

export const ARTICLE_FIELDS = [
  'id',
  'slug',
  'url',
  'kicker',
  'headline',
  'dek',
  'section',
  'type',
  'authors',
  'topics',
  'publishedAt',
  'updatedAt',
  'leadImage',
  'wordCount',
  'corrections',
  'bodyHtml',
  'body',
] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

/** What a search hit carries of its article: a teaser, not the whole piece. */
export const SEARCH_HIT_FIELDS: readonly ArticleField[] = [
  'id',
  'slug',
  'url',
  'kicker',
  'headline',
  'dek',
  'section',
  'type',
  'authors',
  'publishedAt',
  'leadImage',
];

const slug = z.string().min(1).max(200);
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    message: 'a date (2026-01-31) or a date-time with offset (2026-01-31T09:00:00Z)',
  })
  .transform((v) => new Date(v).toISOString());
const key = z.string().max(200).optional();

const pageParams = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  key,
};

const fields = z
  .string()
  .max(500)
  .transform((v, ctx) => {
    const list = v
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const unknown = list.filter((f) => !(ARTICLE_FIELDS as readonly string[]).includes(f));
    if (unknown.length > 0 || list.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown field(s): ${unknown.join(', ') || '(none given)'}; choose from ${ARTICLE_FIELDS.join(', ')}`,
      });
      return z.NEVER;
    }
    return list as ArticleField[];
  });

export const articleListQuery = z
  .object({
    ...pageParams,
    section: slug.optional(),
    topic: slug.optional(),
    author: slug.optional(),
    type: slug.optional(),
    published_after: instant.optional(),
    published_before: instant.optional(),
    sort: z.enum(['published_at:desc', 'published_at:asc']).default('published_at:desc'),
    fields: fields.optional(),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const articleQuery = z.object({ fields: fields.optional(), key }).strict();
export const plainQuery = z.object({ key }).strict();
export const listQuery = z.object(pageParams).strict();

export const searchQuery = z
  .object({
    ...pageParams,
    q: z.string().trim().min(1, 'q, the words to search for, is required').max(2000),
    section: slug.optional(),
    type: slug.optional(),
    author: slug.optional(),
    published_after: instant.optional(),
    published_before: instant.optional(),
  })
  .strict();

/** Cursors are opaque to clients: base64url JSON of the last row's sort key, bound to the sort order. */
export function encodeCursor(cursor: ArticleCursor, order: 'asc' | 'desc'): string {
  return Buffer.from(JSON.stringify([cursor.publishedAt, cursor.id, order])).toString('base64url');
}

export function decodeCursor(text: string, order: 'asc' | 'desc'): ArticleCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      value[2] === order
    )
      return { publishedAt: new Date(value[0]).toISOString(), id: value[1] };
  } catch {
    // fall through: any damage is the same answer
  }
  throw new MastheadError('BAD_CURSOR', {}, 'cursor');
}

export interface PageMeta {
  pagination: {
    page: number | null;
    limit: number;
    total: number;
    pages: number;
    next: number | null;
    prev: number | null;
    nextCursor: string | null;
  };
}

export function pageMeta(page: number | null, limit: number, total: number, nextCursor: string | null = null): PageMeta {
  const pages = Math.max(1, Math.ceil(total / limit));
  return {
    pagination: {
      page,
      limit,
      total,
      pages,
      next: page !== null && page < pages ? page + 1 : null,
      prev: page !== null && page > 1 ? Math.min(page - 1, pages) : null,
      nextCursor,
    },
  };
}
