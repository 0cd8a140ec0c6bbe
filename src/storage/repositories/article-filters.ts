/** Conditions on articles that several queries share; each fits `query.where(...)`. */
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../schema.js';

/** The article carries this topic. */
export function carriesTopic(topicId: string) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.exists(
      eb
        .selectFrom('article_topics')
        .select('article_topics.article_id')
        .whereRef('article_topics.article_id', '=', 'articles.id')
        .where('article_topics.topic_id', '=', topicId),
    );
}

/** This author is on the article's byline. */
export function bylinedTo(authorId: string) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.exists(
      eb
        .selectFrom('article_bylines')
        .select('article_bylines.article_id')
        .whereRef('article_bylines.article_id', '=', 'articles.id')
        .where('article_bylines.author_id', '=', authorId),
    );
}
