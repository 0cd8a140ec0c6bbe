/** Every save is a revision: a full snapshot, comparable with any other and restorable. */
import { bodyText } from '../../domain/content/body.js';
import type { BodyDoc } from '../../domain/content/body.js';
import type { Article } from '../../domain/content/model.js';
import type { DiffLine } from '../../lib/line-diff.js';
import { diffLines } from '../../lib/line-diff.js';
import { newId } from '../../lib/ids.js';
import type { Db } from '../../storage/db.js';
import { insertRevision } from '../../storage/repositories/newsroom.js';

export interface ArticleSnapshot {
  slug: string;
  sectionId: string;
  typeId: string;
  kicker: string;
  headline: string;
  dek: string;
  body: BodyDoc;
  leadImage: { id: string; caption: string; credit: string; alt: string } | null;
  topicIds: string[];
  authorIds: string[];
  relatedIds: string[];
  status: string;
  publishedAt: string | null;
}

export function snapshotOf(article: Article): ArticleSnapshot {
  return {
    slug: article.slug,
    sectionId: article.section.id,
    typeId: article.type.id,
    kicker: article.kicker,
    headline: article.headline,
    dek: article.dek,
    body: article.body,
    leadImage: article.leadImage
      ? { id: article.leadImage.image.id, caption: article.leadImage.caption, credit: article.leadImage.credit, alt: article.leadImage.alt }
      : null,
    topicIds: article.topics.map((t) => t.id),
    authorIds: article.authors.map((a) => a.id),
    relatedIds: article.pinnedRelatedIds,
    status: article.status,
    publishedAt: article.publishedAt || null,
  };
}

export async function recordRevision(db: Db, article: Article, savedBy: string | null, savedAt: string): Promise<void> {
  await insertRevision(db, {
    id: newId(),
    articleId: article.id,
    version: article.version,
    savedBy,
    savedAt,
    snapshot: snapshotOf(article),
  });
}

export interface FieldChange {
  field: keyof ArticleSnapshot;
  before: unknown;
  after: unknown;
}

export interface Comparison {
  fields: FieldChange[];
  body: DiffLine[];
}

/** What changed between two snapshots: each structured field, and the body line by line. */
export function compareSnapshots(before: ArticleSnapshot, after: ArticleSnapshot): Comparison {
  const fields: FieldChange[] = [];
  for (const field of Object.keys(after) as (keyof ArticleSnapshot)[]) {
    if (field === 'body') continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) fields.push({ field, before: before[field], after: after[field] });
  }
  const lines = (doc: BodyDoc): string[] =>
    bodyText(doc)
      .split('\n')
      .filter((line) => line.trim() !== '');
  const body = diffLines(lines(before.body), lines(after.body));
  return { fields, body };
}
