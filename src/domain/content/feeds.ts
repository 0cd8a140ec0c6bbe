/** Feeds as the URL contract names them: three formats, site-wide and under every listing. */

export type FeedFormat = 'rss' | 'atom' | 'json';

/** Whether feed items carry the whole article or only its dek and a link (a setting). */
export type FeedContentMode = 'full' | 'excerpt';

export const FEED_CONTENT_MODES = ['full', 'excerpt'] as const satisfies readonly FeedContentMode[];

export interface FeedFormatInfo {
  /** The file name under a listing path: /sections/europe/feed.xml */
  file: string;
  mediaType: string;
  /** How a reader's browser or app names it in a list of feeds. */
  label: string;
}

export const FEED_FORMATS: Readonly<Record<FeedFormat, FeedFormatInfo>> = {
  rss: { file: 'feed.xml', mediaType: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', mediaType: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', mediaType: 'application/feed+json', label: 'JSON Feed' },
};

export const FEED_FORMAT_NAMES = Object.keys(FEED_FORMATS) as FeedFormat[];

/** Newest items a feed carries. */
export const FEED_LENGTH = 20;

/** A feed's path: `/` gives the site-wide `/feed.xml`, `/sections/europe` gives `/sections/europe/feed.xml`. */
export function feedPath(listingPath: string, format: FeedFormat): string {
  const base = listingPath === '/' ? '' : listingPath.replace(/\/+$/, '');
  return `${base}/${FEED_FORMATS[format].file}`;
}

/** The autodiscovery links of a listing (or of the whole site, for `/`). */
export function feedLinks(listingPath: string, title: string): { path: string; type: string; title: string }[] {
  return FEED_FORMAT_NAMES.map((format) => ({
    path: feedPath(listingPath, format),
    type: FEED_FORMATS[format].mediaType,
    title: `${title} (${FEED_FORMATS[format].label})`,
  }));
}
