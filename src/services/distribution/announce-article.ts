import type { Article } from '../../domain/content/model.js';
import type { ServiceDeps } from '../deps.js';
import { announce } from './webhooks.js';
import type { WebhookEvent } from './webhooks.js';

/** What a webhook receiver learns of an article: enough to fetch the rest from the Content API. */
export async function announceArticle(deps: Pick<ServiceDeps, 'db' | 'clock'>, event: WebhookEvent, article: Article): Promise<void> {
  await announce(deps, event, {
    article: {
      id: article.id,
      slug: article.slug,
      status: article.status,
      section: article.section.slug,
      headline: article.headline,
      dek: article.dek,
      publishedAt: article.publishedAt || null,
      updatedAt: article.updatedAt,
      corrections: article.corrections.length,
    },
  });
}
