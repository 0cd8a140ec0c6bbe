import { sql } from 'kysely';
import type { Brief } from '../../domain/content/model.js';
import type { Db } from '../db.js';

export interface BriefRowInput {
  id: string;
  slug: string;
  headline: string;
  take: string;
  sourceName: string;
  sourceUrl: string;
  sectionId: string | null;
  status: 'draft' | 'published';
  publishedAt: string | null;
  createdAt: string;
}

export async function insertBrief(db: Db, b: BriefRowInput): Promise<void> {
  await db
    .insertInto('briefs')
    .values({
      id: b.id,
      slug: b.slug,
      headline: b.headline,
      take: b.take,
      source_name: b.sourceName,
      source_url: b.sourceUrl,
      section_id: b.sectionId,
      status: b.status,
      published_at: b.publishedAt,
      created_at: b.createdAt,
      modified_at: b.createdAt,
    })
    .execute();
}

function briefQuery(db: Db, now: Date) {
  return db
    .selectFrom('briefs')
    .leftJoin('sections', 'sections.id', 'briefs.section_id')
    .select([
      'briefs.id',
      'briefs.slug',
      'briefs.headline',
      'briefs.take',
      'briefs.source_name',
      'briefs.source_url',
      'briefs.published_at',
      'sections.id as section_id',
      'sections.slug as section_slug',
      'sections.name as section_name',
    ])
    .where('briefs.status', '=', 'published')
    .where('briefs.published_at', '<=', now.toISOString());
}

type BriefRow = Awaited<ReturnType<ReturnType<typeof briefQuery>['execute']>>[number];

function toBrief(row: BriefRow): Brief {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    take: row.take,
    sourceName: row.source_name,
    sourceUrl: row.source_url,
    section:
      row.section_id && row.section_slug && row.section_name
        ? { id: row.section_id, slug: row.section_slug, name: row.section_name }
        : null,
    publishedAt: row.published_at ?? '',
  };
}

export async function listPublishedBriefs(
  db: Db,
  options: { now: Date; limit: number; offset?: number },
): Promise<{ briefs: Brief[]; total: number }> {
  const rows = await briefQuery(db, options.now)
    .orderBy('briefs.published_at', 'desc')
    .orderBy('briefs.id')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  const count = await briefQuery(db, options.now)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { briefs: rows.map(toBrief), total: Number(count.n) };
}

export async function findPublishedBrief(db: Db, slug: string, now: Date): Promise<Brief | null> {
  const row = await briefQuery(db, now).where('briefs.slug', '=', slug).executeTakeFirst();
  return row ? toBrief(row) : null;
}

/** Published briefs whose headline contains `q` (any case), newest first. */
export async function findPublishedBriefsByHeadline(db: Db, options: { now: Date; q: string; limit: number }): Promise<Brief[]> {
  const pattern = `%${options.q
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await briefQuery(db, options.now)
    .where(sql<boolean>`lower(briefs.headline) like ${pattern} escape '\\'`)
    .orderBy('briefs.published_at', 'desc')
    .orderBy('briefs.id')
    .limit(options.limit)
    .execute();
  return rows.map(toBrief);
}
