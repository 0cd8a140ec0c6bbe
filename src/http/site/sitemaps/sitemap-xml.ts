/** sitemaps.org 0.9 documents, with Google's image and news extensions. */
import { el, xmlDocument } from '../../../lib/xml.js';
import type { XmlAttrs, XmlElement } from '../../../lib/xml.js';

const NS = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  image: 'http://www.google.com/schemas/sitemap-image/1.1',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
};

export interface SitemapUrl {
  loc: string;
  lastmod?: string | null;
  images?: string[];
  news?: { name: string; language: string; publicationDate: string; title: string };
}

/** W3C Datetime to the second, as the sitemap examples write it. */
const w3c = (iso: string): string => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function writeSitemapIndex(sitemaps: { loc: string; lastmod: string | null }[]): string {
  return xmlDocument(
    el(
      'sitemapindex',
      { xmlns: NS.sitemap },
      sitemaps.map((s) => el('sitemap', {}, el('loc', {}, s.loc), s.lastmod && el('lastmod', {}, w3c(s.lastmod)))),
    ),
  );
}

function url(u: SitemapUrl): XmlElement {
  return el(
    'url',
    {},
    el('loc', {}, u.loc),
    u.lastmod && el('lastmod', {}, w3c(u.lastmod)),
    (u.images ?? []).map((loc) => el('image:image', {}, el('image:loc', {}, loc))),
    u.news &&
      el(
        'news:news',
        {},
        el('news:publication', {}, el('news:name', {}, u.news.name), el('news:language', {}, u.news.language)),
        el('news:publication_date', {}, w3c(u.news.publicationDate)),
        el('news:title', {}, u.news.title),
      ),
  );
}

export function writeUrlset(urls: SitemapUrl[], extensions: { image?: boolean; news?: boolean } = {}): string {
  const attrs: XmlAttrs = { xmlns: NS.sitemap };
  if (extensions.image) attrs['xmlns:image'] = NS.image;
  if (extensions.news) attrs['xmlns:news'] = NS.news;
  return xmlDocument(el('urlset', attrs, urls.map(url)));
}
