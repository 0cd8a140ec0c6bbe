/** Feeds' view models: the newest pieces of the whole site, of one listing, or of the briefs vertical. */
import { bodyImageIds } from '../../domain/content/body.js';
import { FEED_LENGTH } from '../../domain/content/feeds.js';
import type { FeedContentMode } from '../../domain/content/feeds.js';
import type { Brief, Image, SiteSettings, Teaser } from '../../domain/content/model.js';
import { listPublishedTeasers } from '../../storage/repositories/articles.js';
import type { TeaserFilter } from '../../storage/repositories/articles.js';
import { listPublishedBriefs } from '../../storage/repositories/briefs.js';
import { feedDetailsByIds } from '../../storage/repositories/feeds.js';
import type { FeedDetails } from '../../storage/repositories/feeds.js';
import { imagesByIds } from '../../storage/repositories/images.js';
import type { ServiceDeps } from '../deps.js';
import { keys } from '../events.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { resolveSubject } from './read-site.js';
import type { Keyed } from './view-models.js';

export type FeedSubject = { kind: 'site' } | { kind: 'briefs' } | { kind: 'section' | 'topic' | 'author' | 'type'; slug: string };

interface FeedHead {
  title: string;
  description: string;
  /** The page the feed follows: `/` for the whole site, else the listing's path. */
  path: string;
  settings: SiteSettings;
}

export interface ArticleFeedItem extends FeedDetails {
  teaser: Teaser;
}

export interface ArticleFeedView extends FeedHead {
  kind: 'articles';
  content: FeedContentMode;
  items: ArticleFeedItem[];
  /** Pictures placed in the items' bodies. */
  bodyImages: Image[];
}

export interface BriefFeedView extends FeedHead {
  kind: 'briefs';
  briefs: Brief[];
}

export type FeedView = ArticleFeedView | BriefFeedView;

type ReadDeps = Pick<ServiceDeps, 'db' | 'clock'>;

/** A feed's newest items; null when its section, topic, author or type does not exist. */
export async function readFeed(deps: ReadDeps, subject: FeedSubject): Promise<Keyed<FeedView> | null> {
  const settings = await getSiteSettings(deps);
  const now = deps.clock();
  if (subject.kind === 'briefs') {
    const { briefs } = await listPublishedBriefs(deps.db, { now, limit: FEED_LENGTH });
    return {
      view: {
        kind: 'briefs',
        title: `Briefs — ${settings.title}`,
        description: `Short takes on the news from ${settings.title}.`,
        path: '/briefs',
        settings,
        briefs,
      },
      keys: [keys.settings, keys.briefLists, ...briefs.map((b) => keys.brief(b.id))],
    };
  }

  let head: Omit<FeedHead, 'settings'> & { filter: TeaserFilter; keys: string[] };
  if (subject.kind === 'site') {
    head = { title: settings.title, description: settings.description || settings.tagline, path: '/', filter: {}, keys: [] };
  } else {
    const resolved = await resolveSubject(deps, subject.kind, subject.slug);
    if (!resolved) return null;
    head = {
      title: `${resolved.title} — ${settings.title}`,
      description: resolved.description || `${resolved.title}: articles from ${settings.title}.`,
      path: resolved.path,
      filter: resolved.filter,
      keys: resolved.keys,
    };
  }

  const { teasers } = await listPublishedTeasers(deps.db, { now, filter: head.filter, limit: FEED_LENGTH });
  const content = settings.feedContent;
  const details = await feedDetailsByIds(
    deps.db,
    teasers.map((t) => t.id),
    { withBody: content === 'full' },
  );
  const items = teasers.map((teaser) => ({ teaser, ...(details.get(teaser.id) ?? { body: null, topics: [], corrections: [] }) }));
  const bodyImages = await imagesByIds(
    deps.db,
    items.flatMap((i) => (i.body ? bodyImageIds(i.body) : [])),
  );
  return {
    view: {
      kind: 'articles',
      title: head.title,
      description: head.description,
      path: head.path,
      settings,
      content,
      items,
      bodyImages: [...bodyImages.values()],
    },
    keys: [
      ...new Set([
        keys.settings,
        keys.articleLists,
        ...head.keys,
        ...teasers.map((t) => keys.article(t.id)),
        ...teasers.flatMap((t) => t.bylines.map((b) => keys.author(b.id))),
      ]),
    ],
  };
}
