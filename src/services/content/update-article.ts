import { withTransaction } from '../../storage/transaction.js';
import { isPublic } from '../../domain/content/article.js';
import { cleanBody, wordCount } from '../../domain/content/body.js';
import { MastheadError } from '../../errors.js';
import { isSlug } from '../../lib/slug.js';
import type { ArticlePatch } from '../../storage/repositories/articles.js';
import {
  findArticleById,
  forgetRetiredSlug,
  isSlugTaken,
  replaceArticleLinks,
  retireSlug,
  updateArticleRow,
} from '../../storage/repositories/articles.js';
import { indexArticle } from '../../storage/search/search-index.js';
import type { ServiceDeps } from '../deps.js';
import { keys } from '../events.js';
import type { ArticleInput } from './create-article.js';
import { instantOrThrow } from './instants.js';
import { checkReferences } from './references.js';

export type ArticleChanges = Partial<ArticleInput>;

/**
 * Saves changes to an article the editor opened at `expectedVersion`. A save
 * made in between is never overwritten: the caller gets VERSION_CONFLICT.
 * A new slug keeps the old one as a permanent redirect.
 */
export async function updateArticle(
  deps: ServiceDeps,
  input: { id: string; expectedVersion: number; changes: ArticleChanges },
): Promise<{ version: number; slug: string }> {
  const { id, changes } = input;
  const now = deps.clock();
  const iso = now.toISOString();
  let result = { version: 0, slug: '' };
  let wasPublic = false;
  let isNowPublic = false;
  let listsChanged = false;

  await withTransaction(deps.db, async (trx) => {
    const current = await findArticleById(trx, id);
    if (!current) throw new MastheadError('NOT_FOUND');
    if (current.version !== input.expectedVersion) {
      throw new MastheadError('VERSION_CONFLICT', { expected: input.expectedVersion, actual: current.version });
    }
    await checkReferences(trx, changes);

    const patch: ArticlePatch = { modified_at: iso };
    if (changes.slug !== undefined && changes.slug !== current.slug) {
      if (!isSlug(changes.slug))
        throw new MastheadError('VALIDATION_FAILED', { detail: 'the slug must be lowercase letters, digits and hyphens' }, 'slug');
      if (await isSlugTaken(trx, changes.slug, id)) throw new MastheadError('SLUG_TAKEN', { slug: changes.slug }, 'slug');
      await retireSlug(trx, current.slug, id, iso);
      await forgetRetiredSlug(trx, changes.slug);
      patch.slug = changes.slug;
    }
    if (changes.headline !== undefined) {
      if (changes.headline.trim() === '')
        throw new MastheadError('VALIDATION_FAILED', { detail: 'an article needs a headline' }, 'headline');
      patch.headline = changes.headline.trim();
    }
    if (changes.kicker !== undefined) patch.kicker = changes.kicker;
    if (changes.dek !== undefined) patch.dek = changes.dek;
    if (changes.body !== undefined) {
      const { doc } = cleanBody(changes.body);
      patch.body = JSON.stringify(doc);
      patch.word_count = wordCount(doc);
    }
    if (changes.sectionId !== undefined) patch.section_id = changes.sectionId;
    if (changes.typeId !== undefined) patch.type_id = changes.typeId;
    if (changes.leadImage !== undefined) {
      patch.lead_image_id = changes.leadImage?.id ?? null;
      patch.lead_image_caption = changes.leadImage?.caption ?? '';
      patch.lead_image_credit = changes.leadImage?.credit ?? '';
      patch.lead_image_alt = changes.leadImage?.alt ?? '';
    }
    if (changes.status !== undefined) patch.status = changes.status;
    if (changes.publishedAt !== undefined)
      patch.published_at = changes.publishedAt === null ? null : instantOrThrow(changes.publishedAt, 'publishedAt');
    if (changes.status === 'published' && !current.publishedAt && changes.publishedAt === undefined) patch.published_at = iso;

    wasPublic = isPublic(current.status, current.publishedAt || null, now);
    isNowPublic = isPublic(changes.status ?? current.status, patch.published_at ?? (current.publishedAt || null), now);
    // Readers see "Updated" when the words of a live piece change.
    if (wasPublic && isNowPublic && (patch.headline !== undefined || patch.dek !== undefined || patch.body !== undefined))
      patch.updated_at = iso;

    if (!(await updateArticleRow(trx, id, patch, input.expectedVersion))) {
      throw new MastheadError('VERSION_CONFLICT', { expected: input.expectedVersion, actual: input.expectedVersion + 1 });
    }
    if (changes.topicIds !== undefined || changes.authorIds !== undefined || changes.relatedIds !== undefined) {
      await replaceArticleLinks(trx, id, {
        topicIds: changes.topicIds ?? current.topics.map((t) => t.id),
        authorIds: changes.authorIds ?? current.authors.map((a) => a.id),
        relatedIds: changes.relatedIds ?? current.pinnedRelatedIds,
      });
    }
    // Published, edited, unpublished: the search index follows in the same transaction.
    await indexArticle(trx, id);
    listsChanged =
      wasPublic !== isNowPublic ||
      ['sectionId', 'typeId', 'topicIds', 'authorIds', 'relatedIds', 'publishedAt', 'status'].some((k) => k in changes);
    result = { version: current.version + 1, slug: patch.slug ?? current.slug };
  });

  if (wasPublic || isNowPublic) deps.events.changed(listsChanged ? [keys.article(id), keys.articleLists] : [keys.article(id)]);
  return result;
}
