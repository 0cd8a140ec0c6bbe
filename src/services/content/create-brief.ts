import { safeHref } from '../../domain/content/body.js';
import { MastheadError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { isSlug, slugify } from '../../lib/slug.js';
import { insertBrief } from '../../storage/repositories/briefs.js';
import type { ServiceDeps } from '../deps.js';
import { instantOrThrow } from './instants.js';
import { keys } from '../events.js';
import { announce } from '../distribution/webhooks.js';

export interface BriefInput {
  slug?: string;
  headline: string;
  take: string;
  sourceName?: string;
  sourceUrl?: string;
  sectionId?: string | null;
  status?: 'draft' | 'published';
  publishedAt?: string;
}

/** A brief: a short item with a headline, the desk's take, and where the news came from. */
export async function createBrief(deps: ServiceDeps, input: BriefInput): Promise<{ id: string; slug: string }> {
  const slug = input.slug ?? slugify(input.headline);
  if (!isSlug(slug))
    throw new MastheadError('VALIDATION_FAILED', { detail: 'the slug must be lowercase letters, digits and hyphens' }, 'slug');
  if (input.headline.trim() === '') throw new MastheadError('VALIDATION_FAILED', { detail: 'a brief needs a headline' }, 'headline');
  const sourceUrl = input.sourceUrl ? safeHref(input.sourceUrl) : '';
  if (sourceUrl === null)
    throw new MastheadError('VALIDATION_FAILED', { detail: 'the source link must be an http(s) address' }, 'sourceUrl');
  const now = deps.clock().toISOString();
  const status = input.status ?? 'draft';
  const id = newId();
  await insertBrief(deps.db, {
    id,
    slug,
    headline: input.headline.trim(),
    take: input.take.trim(),
    sourceName: input.sourceName ?? '',
    sourceUrl,
    sectionId: input.sectionId ?? null,
    status,
    publishedAt: status === 'published' ? (input.publishedAt ? instantOrThrow(input.publishedAt, 'publishedAt') : now) : null,
    createdAt: now,
  });
  if (status === 'published') {
    // With the caller's transaction, the webhook jobs commit (or vanish) with the brief.
    await announce(deps, 'brief.published', {
      brief: { id, slug, headline: input.headline.trim(), sourceUrl, sectionId: input.sectionId ?? null },
    });
    deps.events.changed([keys.brief(id), keys.briefLists]);
  }
  return { id, slug };
}
