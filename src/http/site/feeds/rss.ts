/** RSS 2.0 (rssboard.org), with content:encoded for the full text, Media RSS for the lead picture and its credit. */
import { el, escapeXmlText, xmlDocument } from '../../../lib/xml.js';
import type { XmlElement } from '../../../lib/xml.js';
import type { FeedDocument, FeedEntry } from './feed-document.js';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};

/** RFC 822 dates, as RSS 2.0 requires: "Tue, 25 Nov 2026 09:30:00 GMT". */
const rfc822 = (iso: string): string => new Date(iso).toUTCString();

/** RSS readers treat <description> as HTML: a plain-text summary is escaped as HTML first (the same three characters as XML text), then as XML. */
const asHtmlText = escapeXmlText;

function item(entry: FeedEntry): XmlElement {
  const image = entry.image;
  return el(
    'item',
    {},
    el('title', {}, entry.title),
    el('link', {}, entry.url),
    el('guid', { isPermaLink: 'false' }, entry.id),
    el('pubDate', {}, rfc822(entry.published)),
    entry.updated && el('atom:updated', {}, entry.updated),
    entry.summary && el('description', {}, asHtmlText(entry.summary)),
    el('content:encoded', {}, entry.contentHtml),
    entry.authors.map((a) => el('dc:creator', {}, a.name)),
    entry.categories.map((c) => el('category', { domain: c.url }, c.label)),
    image && el('enclosure', { url: image.url, length: 0, type: image.type }),
    image &&
      el(
        'media:content',
        { url: image.url, medium: 'image', type: image.type, width: image.width, height: image.height },
        image.caption && el('media:description', { type: 'plain' }, image.caption),
        image.credit && el('media:credit', {}, image.credit),
        image.alt && el('media:text', { type: 'plain' }, image.alt),
      ),
  );
}

export function writeRss(doc: FeedDocument): string {
  return xmlDocument(
    el(
      'rss',
      { version: '2.0', 'xmlns:atom': NS.atom, 'xmlns:content': NS.content, 'xmlns:dc': NS.dc, 'xmlns:media': NS.media },
      el(
        'channel',
        {},
        el('title', {}, doc.title),
        el('link', {}, doc.homeUrl),
        el('description', {}, asHtmlText(doc.description || doc.title)),
        el('language', {}, doc.language.toLowerCase()),
        doc.updated && el('lastBuildDate', {}, rfc822(doc.updated)),
        el('generator', {}, 'Masthead'),
        el('docs', {}, 'https://www.rssboard.org/rss-specification'),
        el('atom:link', { href: doc.selfUrls.rss, rel: 'self', type: 'application/rss+xml' }),
        doc.entries.map(item),
      ),
    ),
  );
}
