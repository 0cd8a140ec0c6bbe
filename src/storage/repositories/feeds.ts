/** What a feed entry needs beyond its teaser: body, topics and notices, for many articles in three queries. */
import type { Correction, CorrectionKind } from '../../domain/content/article.js';
import { parseBody } from '../../domain/content/body.js';
import type { BodyDoc } from '../../domain/content/body.js';
import type { Topic } from '../../domain/content/model.js';
import type { Db } from '../db.js';

export interface FeedDetails {
  /** Null when only the excerpt was asked for. */
  body: BodyDoc | null;
  topics: Pick<Topic, 'id' | 'slug' | 'name'>[];
  corrections: Correction[];
}

export async function feedDetailsByIds(db: Db, ids: readonly string[], options: { withBody: boolean }): Promise<Map<string, FeedDetails>> {
  const out = new Map<string, FeedDetails>(ids.map((id) => [id, { body: null, topics: [], corrections: [] }]));
  if (ids.length === 0) return out;
  const wanted = [...ids];
  const [bodies, topics, corrections] = await Promise.all([
    options.withBody ? db.selectFrom('articles').select(['id', 'body']).where('id', 'in', wanted).execute() : Promise.resolve([]),
    db
      .selectFrom('article_topics')
      .innerJoin('topics', 'topics.id', 'article_topics.topic_id')
      .select(['article_topics.article_id', 'topics.id', 'topics.slug', 'topics.name'])
      .where('article_topics.article_id', 'in', wanted)
      .orderBy('article_topics.article_id')
      .orderBy('article_topics.position')
      .execute(),
    options.withBody
      ? db
          .selectFrom('corrections')
          .select(['article_id', 'id', 'kind', 'text', 'issued_at'])
          .where('article_id', 'in', wanted)
          .orderBy('article_id')
          .orderBy('issued_at')
          .execute()
      : Promise.resolve([]),
  ]);
  for (const row of bodies) {
    const details = out.get(row.id);
    if (details) details.body = parseBody(row.body);
  }
  for (const row of topics) out.get(row.article_id)?.topics.push({ id: row.id, slug: row.slug, name: row.name });
  for (const row of corrections) {
    out.get(row.article_id)?.corrections.push({ id: row.id, kind: row.kind as CorrectionKind, text: row.text, issuedAt: row.issued_at });
  }
  return out;
}
