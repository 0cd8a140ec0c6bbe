/**
 * Writes many published articles straight into the tables, a few hundred
 * rows per statement and one transaction per chunk, for tests and benchmarks
 * that need a big archive fast. It bypasses the content operations on
 * purpose: the search index does not know these rows until it is backfilled.
 */
import type { BodyDoc } from '../../src/domain/content/body.js';
import { wordCount } from '../../src/domain/content/body.js';
import type { Db } from '../../src/storage/db.js';
import { withTransaction } from '../../src/storage/transaction.js';

export interface BulkArticle {
  id: string;
  slug: string;
  sectionId: string;
  typeId: string;
  kicker: string;
  headline: string;
  dek: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  publishedAt: string;
  authorIds: string[];
  topicIds: string[];
}

/** One section (`s1`), one type (`t1`) and one author (`a1`, Ines Halvorsen) for bulk articles to point at. */
export async function insertBulkTaxonomy(db: Db): Promise<void> {
  await db.insertInto('sections').values({ id: 's1', slug: 'world', name: 'World', description: '', position: 0 }).execute();
  await db
    .insertInto('article_types')
    .values({ id: 't1', slug: 'news', name: 'News', description: '', schema_type: 'NewsArticle', position: 0 })
    .execute();
  await db
    .insertInto('authors')
    .values({ id: 'a1', slug: 'ines', name: 'Ines Halvorsen', title: '', bio: '', links: '[]', created_at: new Date().toISOString() })
    .execute();
}

function bodyOf(paragraphs: readonly string[]): BodyDoc {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

export async function insertArticlesInBulk(db: Db, articles: readonly BulkArticle[], chunkSize = 500): Promise<void> {
  for (let i = 0; i < articles.length; i += chunkSize) {
    const chunk = articles.slice(i, i + chunkSize);
    await withTransaction(db, async (trx) => {
      await trx
        .insertInto('articles')
        .values(
          chunk.map((a) => {
            const body = bodyOf(a.paragraphs);
            return {
              id: a.id,
              slug: a.slug,
              section_id: a.sectionId,
              type_id: a.typeId,
              kicker: a.kicker,
              headline: a.headline,
              dek: a.dek,
              body: JSON.stringify(body),
              word_count: wordCount(body),
              lead_image_caption: '',
              lead_image_credit: '',
              lead_image_alt: '',
              status: 'published',
              published_at: a.publishedAt,
              created_at: a.publishedAt,
              modified_at: a.publishedAt,
              version: 1,
            };
          }),
        )
        .execute();
      const bylines = chunk.flatMap((a) => a.authorIds.map((author_id, position) => ({ article_id: a.id, author_id, position })));
      if (bylines.length > 0) await trx.insertInto('article_bylines').values(bylines).execute();
      const topics = chunk.flatMap((a) => a.topicIds.map((topic_id, position) => ({ article_id: a.id, topic_id, position })));
      if (topics.length > 0) await trx.insertInto('article_topics').values(topics).execute();
    });
  }
}
