import { withTransaction } from '../../storage/transaction.js';
import type { ArticleStatus } from '../../domain/content/article.js';
import type { BodyDoc } from '../../domain/content/body.js';
import { cleanBody, wordCount } from '../../domain/content/body.js';
import { MastheadError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { isSlug, slugify } from '../../lib/slug.js';
import { insertArticle, isSlugTaken } from '../../storage/repositories/articles.js';
import { indexArticle } from '../../storage/search/search-index.js';
import type { ServiceDeps } from '../deps.js';
import { keys } from '../events.js';
import { instantOrThrow } from './instants.js';
import { checkReferences } from './references.js';

export interface ArticleInput {
  slug?: string;
  sectionId: string;
  typeId: string;
  kicker?: string;
  headline: string;
  dek?: string;
  body: BodyDoc;
  leadImage?: { id: string; caption?: string; credit?: string; alt?: string } | null;
  topicIds?: string[];
  authorIds?: string[];
  relatedIds?: string[];
  status?: ArticleStatus;
  publishedAt?: string | null;
}

/** Creates an article in one transaction; a published one is announced to caches. */
export async function createArticle(deps: ServiceDeps, input: ArticleInput): Promise<{ id: string; slug: string }> {
  const now = deps.clock().toISOString();
  const slug = input.slug ?? slugify(input.headline);
  if (!isSlug(slug))
    throw new MastheadError('VALIDATION_FAILED', { detail: 'the slug must be lowercase letters, digits and hyphens' }, 'slug');
  if (input.headline.trim() === '') throw new MastheadError('VALIDATION_FAILED', { detail: 'an article needs a headline' }, 'headline');
  const status = input.status ?? 'draft';
  const given = input.publishedAt ? instantOrThrow(input.publishedAt, 'publishedAt') : null;
  const publishedAt = status === 'published' ? (given ?? now) : given;
  const id = newId();
  const { doc: body } = cleanBody(input.body);

  await withTransaction(deps.db, async (trx) => {
    await checkReferences(trx, input);
    if (await isSlugTaken(trx, slug)) throw new MastheadError('SLUG_TAKEN', { slug }, 'slug');
    await insertArticle(trx, {
      id,
      slug,
      sectionId: input.sectionId,
      typeId: input.typeId,
      kicker: input.kicker ?? '',
      headline: input.headline.trim(),
      dek: input.dek ?? '',
      bodyJson: JSON.stringify(body),
      wordCount: wordCount(body),
      leadImage: input.leadImage
        ? {
            id: input.leadImage.id,
            caption: input.leadImage.caption ?? '',
            credit: input.leadImage.credit ?? '',
            alt: input.leadImage.alt ?? '',
          }
        : null,
      status,
      publishedAt,
      updatedAt: null,
      createdAt: now,
      modifiedAt: now,
      topicIds: input.topicIds ?? [],
      authorIds: input.authorIds ?? [],
      relatedIds: input.relatedIds ?? [],
    });
    await indexArticle(trx, id);
  });
  if (status === 'published') deps.events.changed([keys.article(id), keys.articleLists]);
  return { id, slug };
}
