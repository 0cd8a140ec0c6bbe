/** JSON Feed 1.1 (jsonfeed.org/version/1.1); the lead picture's credit and caption ride in a `_masthead` extension. */
import type { FeedDocument, FeedEntry } from './feed-document.js';

function item(e: FeedEntry): object {
  return {
    id: e.id,
    url: e.url,
    title: e.title,
    ...(e.summary ? { summary: e.summary } : {}),
    content_html: e.contentHtml,
    ...(e.image ? { image: e.image.url } : {}),
    date_published: e.published,
    ...(e.updated ? { date_modified: e.updated } : {}),
    ...(e.authors.length > 0 ? { authors: e.authors.map((a) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) })) } : {}),
    ...(e.categories.length > 0 ? { tags: e.categories.map((c) => c.label) } : {}),
    ...(e.image ? { _masthead: { image: { caption: e.image.caption, credit: e.image.credit, alt: e.image.alt } } } : {}),
  };
}

export function writeJsonFeed(doc: FeedDocument): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: doc.title,
      home_page_url: doc.homeUrl,
      feed_url: doc.selfUrls.json,
      ...(doc.description ? { description: doc.description } : {}),
      language: doc.language,
      authors: [{ name: doc.publisher.name, ...(doc.publisher.url ? { url: doc.publisher.url } : {}) }],
      items: doc.entries.map(item),
    },
    null,
    2,
  )}\n`;
}
