/** The reader site's operations: each builds one page's view model and the keys of what it shows. */
import { isPublic } from '../../domain/content/article.js';
import { bodyImageIds } from '../../domain/content/body.js';
import type { Article, Brief, Teaser } from '../../domain/content/model.js';
import { RELATED_LIMIT, RELATED_WEIGHTS, mergeRelated } from '../../domain/content/related.js';
import { authorPath, sectionPath, topicPath, typePath } from '../../domain/content/paths.js';
import { pageInfo, pageOf } from '../../lib/pagination.js';
import {
  articleIdByRetiredSlug,
  findArticleById,
  findArticleBySlug,
  listPublishedTeasers,
  publishedTeasersByIds,
  rankRelatedIds,
} from '../../storage/repositories/articles.js';
import type { TeaserFilter } from '../../storage/repositories/articles.js';
import { imagesByIds } from '../../storage/repositories/images.js';
import { findAuthorBySlug } from '../../storage/repositories/authors.js';
import { findPublishedBrief, listPublishedBriefs } from '../../storage/repositories/briefs.js';
import { findArticleTypeBySlug, findSectionBySlug, findTopicBySlug, listSections } from '../../storage/repositories/taxonomy.js';
import type { ServiceDeps } from '../deps.js';
import { keys } from '../events.js';
import { getSiteSettings } from '../settings/site-settings.js';
import type { ArticleView, BriefView, BriefsView, Chrome, HomeView, Keyed, ListingSubject, ListingView } from './view-models.js';

type ReadDeps = Pick<ServiceDeps, 'db' | 'clock'>;

export const PAGE_SIZES = { listing: 12, latest: 20, briefs: 20 } as const;
const RIVER_LENGTH = 8;
const HOME_BRIEFS = 5;
const SECTION_BLOCK = 4;

const teaserKeys = (teasers: readonly Teaser[]): string[] => teasers.map((t) => keys.article(t.id));
const briefKeys = (briefs: readonly Brief[]): string[] => briefs.map((b) => keys.brief(b.id));

export async function loadChrome(deps: ReadDeps): Promise<Chrome> {
  const [settings, sections] = await Promise.all([getSiteSettings(deps), listSections(deps.db)]);
  return { settings, sections };
}

export async function readHome(deps: ReadDeps): Promise<Keyed<HomeView>> {
  const now = deps.clock();
  const [{ teasers: newest }, { briefs }, sections] = await Promise.all([
    listPublishedTeasers(deps.db, { now, limit: 5 + RIVER_LENGTH }),
    listPublishedBriefs(deps.db, { now, limit: HOME_BRIEFS }),
    listSections(deps.db),
  ]);
  // The lead is the newest piece with a picture; the next four sit beside it.
  const lead = newest.find((t) => t.leadImage !== null) ?? newest[0] ?? null;
  const top = newest.filter((t) => t !== lead).slice(0, 4);
  const shown = new Set([lead, ...top].filter((t) => t !== null).map((t) => t.id));
  const sectionBlocks = await Promise.all(
    sections.map(async (section) => ({
      section,
      teasers: (
        await listPublishedTeasers(deps.db, { now, filter: { sectionId: section.id, excludeIds: [...shown] }, limit: SECTION_BLOCK })
      ).teasers,
    })),
  );
  const latest = newest.slice(0, RIVER_LENGTH);
  const all = [...newest, ...sectionBlocks.flatMap((b) => b.teasers)];
  return {
    view: { kind: 'home', lead, top, sectionBlocks: sectionBlocks.filter((b) => b.teasers.length > 0), latest, briefs },
    keys: [keys.settings, keys.articleLists, keys.briefLists, ...teaserKeys(all), ...briefKeys(briefs)],
  };
}

export type ArticleLookup = { found: Keyed<ArticleView> } | { redirect: string } | null;

/** An article by its URL; a wrong section or a retired slug redirects to where it lives now. */
export async function readArticle(deps: ReadDeps, sectionSlug: string, slug: string): Promise<ArticleLookup> {
  const now = deps.clock();
  let article: Article | null = await findArticleBySlug(deps.db, slug);
  if (!article) {
    const movedId = await articleIdByRetiredSlug(deps.db, slug);
    article = movedId ? await findArticleById(deps.db, movedId) : null;
    if (article && isPublic(article.status, article.publishedAt || null, now))
      return { redirect: `/${article.section.slug}/${article.slug}` };
    return null;
  }
  if (!isPublic(article.status, article.publishedAt || null, now)) return null;
  if (article.section.slug !== sectionSlug) return { redirect: `/${article.section.slug}/${article.slug}` };

  const [ranked, { teasers: latest }] = await Promise.all([
    rankRelatedIds(deps.db, {
      articleId: article.id,
      topicIds: article.topics.map((t) => t.id),
      sectionId: article.section.id,
      now,
      limit: RELATED_LIMIT,
      weights: RELATED_WEIGHTS,
    }),
    listPublishedTeasers(deps.db, { now, filter: { excludeIds: [article.id] }, limit: 5 }),
  ]);
  const [related, bodyImages] = await Promise.all([
    publishedTeasersByIds(
      deps.db,
      mergeRelated(
        article.pinnedRelatedIds.filter((id) => id !== article.id),
        ranked,
      ),
      now,
    ),
    imagesByIds(deps.db, bodyImageIds(article.body)),
  ]);
  return {
    found: {
      view: { kind: 'article', article, bodyImages: [...bodyImages.values()], related, latest },
      keys: [
        keys.settings,
        keys.articleLists,
        keys.article(article.id),
        ...teaserKeys(related),
        ...teaserKeys(latest),
        ...article.authors.map((a) => keys.author(a.id)),
      ],
    },
  };
}

export type ListingKind = 'section' | 'topic' | 'author' | 'type' | 'latest';

/** A paginated list of articles about one subject; null when the subject or the page does not exist. */
export async function readListing(deps: ReadDeps, kind: ListingKind, slug: string, pageNumber: number): Promise<Keyed<ListingView> | null> {
  const resolved = await resolveSubject(deps, kind, slug);
  if (!resolved) return null;
  const size = kind === 'latest' ? PAGE_SIZES.latest : PAGE_SIZES.listing;
  const page = pageOf(pageNumber, size);
  const { teasers, total } = await listPublishedTeasers(deps.db, {
    now: deps.clock(),
    filter: resolved.filter,
    limit: size,
    offset: page.offset,
    withTotal: true,
  });
  const info = pageInfo(page, total);
  if (pageNumber > info.count) return null;
  return {
    view: {
      kind: 'listing',
      subject: resolved.subject,
      path: resolved.path,
      title: resolved.title,
      description: resolved.description,
      teasers,
      page: info,
    },
    keys: [keys.settings, keys.articleLists, ...resolved.keys, ...teaserKeys(teasers)],
  };
}

export async function resolveSubject(
  deps: ReadDeps,
  kind: ListingKind,
  slug: string,
): Promise<{ subject: ListingSubject; filter: TeaserFilter; path: string; title: string; description: string; keys: string[] } | null> {
  switch (kind) {
    case 'latest':
      return {
        subject: { kind },
        filter: {},
        path: '/latest',
        title: 'Latest',
        description: 'Everything we have published, newest first.',
        keys: [],
      };
    case 'section': {
      const section = await findSectionBySlug(deps.db, slug);
      return (
        section && {
          subject: { kind, section },
          filter: { sectionId: section.id },
          path: sectionPath(slug),
          title: section.name,
          description: section.description,
          keys: [keys.section(section.id)],
        }
      );
    }
    case 'topic': {
      const topic = await findTopicBySlug(deps.db, slug);
      return (
        topic && {
          subject: { kind, topic },
          filter: { topicId: topic.id },
          path: topicPath(slug),
          title: topic.name,
          description: topic.description,
          keys: [keys.topic(topic.id)],
        }
      );
    }
    case 'author': {
      const author = await findAuthorBySlug(deps.db, slug);
      return (
        author && {
          subject: { kind, author },
          filter: { authorId: author.id },
          path: authorPath(slug),
          title: author.name,
          description: author.bio,
          keys: [keys.author(author.id)],
        }
      );
    }
    case 'type': {
      const type = await findArticleTypeBySlug(deps.db, slug);
      return (
        type && {
          subject: { kind, type },
          filter: { typeId: type.id },
          path: typePath(slug),
          title: type.name,
          description: type.description,
          keys: [keys.type(type.id)],
        }
      );
    }
  }
}

export async function readBriefs(deps: ReadDeps, pageNumber: number): Promise<Keyed<BriefsView> | null> {
  const page = pageOf(pageNumber, PAGE_SIZES.briefs);
  const { briefs, total } = await listPublishedBriefs(deps.db, { now: deps.clock(), limit: page.size, offset: page.offset });
  const info = pageInfo(page, total);
  if (pageNumber > info.count) return null;
  return { view: { kind: 'briefs', briefs, page: info }, keys: [keys.settings, keys.briefLists, ...briefKeys(briefs)] };
}

export async function readBrief(deps: ReadDeps, slug: string): Promise<Keyed<BriefView> | null> {
  const now = deps.clock();
  const brief = await findPublishedBrief(deps.db, slug, now);
  if (!brief) return null;
  const { briefs } = await listPublishedBriefs(deps.db, { now, limit: 6 });
  const more = briefs.filter((b) => b.id !== brief.id).slice(0, 5);
  return { view: { kind: 'brief', brief, more }, keys: [keys.settings, keys.briefLists, keys.brief(brief.id), ...briefKeys(more)] };
}
