/** The content model as the rest of the program reads it. */
import type { ArticleStatus, Correction, SchemaType } from './article.js';
import type { BodyDoc } from './body.js';
import type { FeedContentMode } from './feeds.js';

export interface Section {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface Topic {
  id: string;
  slug: string;
  name: string;
  description: string;
}

export interface ArticleType {
  id: string;
  slug: string;
  name: string;
  description: string;
  schemaType: SchemaType;
  position: number;
}

export interface AuthorLink {
  label: string;
  url: string;
}

export interface Author {
  id: string;
  slug: string;
  name: string;
  title: string;
  bio: string;
  photo: Image | null;
  links: AuthorLink[];
}

export type ImageFormat = 'webp' | 'avif' | 'jpeg' | 'png';

export interface ImageVariant {
  key: string;
  width: number;
  height: number;
  format: ImageFormat;
}

export interface Image {
  id: string;
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  variants: ImageVariant[];
  caption: string;
  credit: string;
  alt: string;
  licence: string;
  rightsExpireAt: string | null;
}

/** An image as one article shows it: the article may word caption, credit and alt its own way. */
export interface PlacedImage {
  image: Image;
  caption: string;
  credit: string;
  alt: string;
}

export interface BylineAuthor {
  id: string;
  slug: string;
  name: string;
}

/** What a card, a river item or a feed entry needs of an article. */
export interface Teaser {
  id: string;
  slug: string;
  section: Pick<Section, 'id' | 'slug' | 'name'>;
  type: Pick<ArticleType, 'id' | 'slug' | 'name'>;
  kicker: string;
  headline: string;
  dek: string;
  publishedAt: string;
  updatedAt: string | null;
  leadImage: PlacedImage | null;
  bylines: BylineAuthor[];
}

export interface Article extends Omit<Teaser, 'type'> {
  type: ArticleType;
  status: ArticleStatus;
  body: BodyDoc;
  wordCount: number;
  topics: Topic[];
  authors: Author[];
  corrections: Correction[];
  pinnedRelatedIds: string[];
  createdAt: string;
  modifiedAt: string;
  version: number;
}

export interface Brief {
  id: string;
  slug: string;
  headline: string;
  take: string;
  sourceName: string;
  sourceUrl: string;
  section: Pick<Section, 'id' | 'slug' | 'name'> | null;
  publishedAt: string;
}

export interface NavigationItem {
  label: string;
  path: string;
}

export interface SocialAccount {
  /** e.g. "Mastodon", "Bluesky", "LinkedIn" */
  network: string;
  handle: string;
  url: string;
}

export interface SiteSettings {
  title: string;
  tagline: string;
  description: string;
  language: string;
  /** IANA zone the site shows times in, e.g. Europe/Berlin. */
  timeZone: string;
  /** Storage key of the logo image, if any. */
  logoKey: string | null;
  colors: { accent: string; accentDark: string };
  navigation: NavigationItem[];
  social: SocialAccount[];
  newsletterPitch: string;
  /** Feeds carry each article whole, or only its dek and a link. */
  feedContent: FeedContentMode;
  /** When the weekly round-up is assembled and sent, in `timeZone`. */
  newsletterDay: 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
  newsletterHour: number;
}

export const DEFAULT_SETTINGS: SiteSettings = {
  title: 'Masthead',
  tagline: 'An independent publication',
  description: 'An independent publication, published with Masthead.',
  language: 'en',
  timeZone: 'UTC',
  logoKey: null,
  colors: { accent: '#a4262c', accentDark: '#ff8a80' },
  navigation: [],
  social: [],
  newsletterPitch: 'Subscribe to our weekly round-up: the week’s best reporting and analysis, every Friday.',
  feedContent: 'full',
  newsletterDay: 'friday',
  newsletterHour: 7,
};
