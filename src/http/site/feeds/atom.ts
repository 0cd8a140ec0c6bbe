/** Atom 1.0 (RFC 4287): plain-text titles and summaries, HTML content, Media RSS for the lead picture's credit. */
import { el, xmlDocument } from '../../../lib/xml.js';
import type { XmlElement } from '../../../lib/xml.js';
import type { FeedDocument, FeedEntry, FeedPerson } from './feed-document.js';

const person = (p: FeedPerson): XmlElement => el('author', {}, el('name', {}, p.name), p.url && el('uri', {}, p.url));

function entry(e: FeedEntry): XmlElement {
  const image = e.image;
  return el(
    'entry',
    {},
    el('id', {}, e.id),
    el('title', { type: 'text' }, e.title),
    el('link', { rel: 'alternate', type: 'text/html', href: e.url }),
    el('published', {}, e.published),
    el('updated', {}, e.updated && e.updated > e.published ? e.updated : e.published),
    e.authors.map(person),
    e.categories.map((c) => el('category', { term: c.term, label: c.label, scheme: c.url.slice(0, c.url.lastIndexOf('/') + 1) })),
    e.summary && el('summary', { type: 'text' }, e.summary),
    el('content', { type: 'html' }, e.contentHtml),
    image && el('link', { rel: 'enclosure', type: image.type, href: image.url }),
    image &&
      el(
        'media:content',
        { url: image.url, medium: 'image', type: image.type, width: image.width, height: image.height },
        image.caption && el('media:description', { type: 'plain' }, image.caption),
        image.credit && el('media:credit', {}, image.credit),
      ),
  );
}

export function writeAtom(doc: FeedDocument): string {
  return xmlDocument(
    el(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom', 'xmlns:media': 'http://search.yahoo.com/mrss/', 'xml:lang': doc.language },
      el('id', {}, doc.selfUrls.atom),
      el('title', { type: 'text' }, doc.title),
      doc.description && el('subtitle', { type: 'text' }, doc.description),
      // An empty feed still needs a time; the Unix epoch says "nothing yet" and keeps the body (and its ETag) stable.
      el('updated', {}, doc.updated ?? new Date(0).toISOString()),
      el('link', { rel: 'self', type: 'application/atom+xml', href: doc.selfUrls.atom }),
      el('link', { rel: 'alternate', type: 'text/html', href: doc.homeUrl }),
      // Briefs carry no byline: the publication is every entry's author unless the entry names its own.
      person(doc.publisher),
      el('generator', {}, 'Masthead'),
      doc.entries.map(entry),
    ),
  );
}
