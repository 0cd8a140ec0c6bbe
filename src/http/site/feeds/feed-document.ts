/**
 * One feed, before it is written as RSS, Atom or JSON Feed: absolute URLs,
 * plain-text titles and summaries, rendered HTML content. Each format's
 * writer only maps these fields onto its own elements.
 */
import { FEED_FORMAT_NAMES, feedPath } from '../../../domain/content/feeds.js';
import type { FeedFormat } from '../../../domain/content/feeds.js';
import type { ImageFormat } from '../../../domain/content/model.js';
import { articlePath, authorPath, briefPath, sectionPath, topicPath } from '../../../domain/content/paths.js';
import type { FeedView } from '../../../services/site/read-feed.js';
import { absolute } from '../../../themes/default/context.js';
import type { ThemeContext } from '../../../themes/default/context.js';
import { articleFeedHtml, briefFeedHtml } from '../../../themes/default/feed-content.js';
import { shareImage } from '../../../themes/default/structured-data.js';

export interface FeedPerson {
  name: string;
  url?: string | undefined;
}

export interface FeedCategory {
  /** The slug: stable, for machines. */
  term: string;
  label: string;
  /** The listing the category names, e.g. https://…/sections/europe */
  url: string;
}

export interface FeedImage {
  url: string;
  type: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
}

export interface FeedEntry {
  /** Stable across slug changes: `urn:uuid:{id}`. */
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: string;
  /** The last time readers were told the piece changed (an edit or a correction). */
  updated: string | null;
  authors: FeedPerson[];
  categories: FeedCategory[];
  image: FeedImage | null;
}

export interface FeedDocument {
  title: string;
  description: string;
  language: string;
  /** The page the feed follows. */
  homeUrl: string;
  selfUrls: Record<FeedFormat, string>;
  publisher: FeedPerson;
  /** Newest item's published or updated time; null for an empty feed. */
  updated: string | null;
  entries: FeedEntry[];
}

const MEDIA_TYPES: Record<ImageFormat, string> = { jpeg: 'image/jpeg', webp: 'image/webp', avif: 'image/avif', png: 'image/png' };

export function buildFeedDocument(ctx: ThemeContext, view: FeedView, onUnknown?: (what: string) => void): FeedDocument {
  const url = (path: string): string => absolute(ctx, path);
  let entries: FeedEntry[];
  if (view.kind === 'briefs') {
    entries = view.briefs.map((brief) => ({
      id: `urn:uuid:${brief.id}`,
      url: url(briefPath(brief)),
      title: brief.headline,
      summary: brief.take,
      contentHtml: briefFeedHtml(brief),
      published: brief.publishedAt,
      updated: null,
      authors: [],
      categories: brief.section ? [{ term: brief.section.slug, label: brief.section.name, url: url(sectionPath(brief.section.slug)) }] : [],
      image: null,
    }));
  } else {
    const images = new Map(view.bodyImages.map((image) => [image.id, image]));
    entries = view.items.map((item) => {
      const t = item.teaser;
      const itemUrl = url(articlePath(t));
      const picture = shareImage(ctx, t.leadImage);
      const variant = t.leadImage?.image.variants.find((v) => picture && url(ctx.mediaUrl(v.key)) === picture.url);
      return {
        id: `urn:uuid:${t.id}`,
        url: itemUrl,
        title: t.headline,
        summary: t.dek,
        contentHtml: articleFeedHtml(ctx, item, itemUrl, { images, ...(onUnknown ? { onUnknown } : {}) }),
        published: t.publishedAt,
        updated: t.updatedAt,
        authors: t.bylines.map((b) => ({ name: b.name, url: url(authorPath(b.slug)) })),
        categories: [
          { term: t.section.slug, label: t.section.name, url: url(sectionPath(t.section.slug)) },
          ...item.topics.map((topic) => ({ term: topic.slug, label: topic.name, url: url(topicPath(topic.slug)) })),
        ],
        image:
          picture && t.leadImage
            ? {
                url: picture.url,
                type: variant ? MEDIA_TYPES[variant.format] : t.leadImage.image.mimeType,
                width: picture.width,
                height: picture.height,
                caption: t.leadImage.caption,
                credit: t.leadImage.credit,
                alt: t.leadImage.alt,
              }
            : null,
      };
    });
  }
  const times = entries.map((e) => (e.updated && e.updated > e.published ? e.updated : e.published));
  return {
    title: view.title,
    description: view.description,
    language: view.settings.language,
    homeUrl: url(view.path),
    selfUrls: Object.fromEntries(FEED_FORMAT_NAMES.map((f) => [f, url(feedPath(view.path, f))])) as Record<FeedFormat, string>,
    publisher: { name: view.settings.title, url: url('/') },
    updated: times.reduce<string | null>((a, b) => (!a || b > a ? b : a), null),
    entries,
  };
}
