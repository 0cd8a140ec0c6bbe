import { describe, expect, it } from 'vitest';
import { feedLinks, feedPath } from '../../src/domain/content/feeds.js';
import { articleSitemapPath, newsLanguage } from '../../src/domain/content/sitemaps.js';
import { PageCache } from '../../src/http/middleware/page-cache.js';
import { el, escapeXmlAttr, escapeXmlText, xmlDocument } from '../../src/lib/xml.js';

describe('the XML writer', () => {
  it('escapes text and attributes, and drops what XML 1.0 cannot carry', () => {
    expect(escapeXmlText('Why the <harbour> matters & “more”')).toBe('Why the &lt;harbour&gt; matters &amp; “more”');
    expect(escapeXmlAttr('a "quoted"\tvalue\n')).toBe('a &quot;quoted&quot;&#9;value&#10;');
    expect(escapeXmlText('bell\u0007 form\u000c feed\uFFFF and \uD800 alone')).toBe('bell form feed and  alone');
    expect(escapeXmlText('emoji 🗞️ stays')).toBe('emoji 🗞️ stays');
  });

  it('writes a document from a tree, skipping empty children and keeping text exact', () => {
    const doc = xmlDocument(
      el('rss', { version: '2.0', skipped: undefined }, el('title', {}, ' a <b> '), null, false, [el('n', {}, 3)], el('empty')),
    );
    expect(doc).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n  <title> a &lt;b&gt; </title>\n  <n>3</n>\n  <empty/>\n</rss>\n',
    );
  });
});

describe('feed and sitemap addresses', () => {
  it('places the three feeds at the site root and under a listing', () => {
    expect(feedPath('/', 'rss')).toBe('/feed.xml');
    expect(feedPath('/sections/europe', 'atom')).toBe('/sections/europe/atom.xml');
    expect(feedPath('/briefs', 'json')).toBe('/briefs/feed.json');
    expect(feedLinks('/', 'Site').map((l) => l.type)).toEqual(['application/rss+xml', 'application/atom+xml', 'application/feed+json']);
    expect(articleSitemapPath(3)).toBe('/sitemaps/articles-3.xml');
  });

  it('gives Google News the language alone, except for the two Chinese scripts', () => {
    expect(newsLanguage('en-GB')).toBe('en');
    expect(newsLanguage('de')).toBe('de');
    expect(newsLanguage('zh-TW')).toBe('zh-tw');
    expect(newsLanguage('zh-CN')).toBe('zh-cn');
  });
});

describe('PageCache wildcard keys', () => {
  it('drops a page tagged article:* when any one article changes, and keeps others', () => {
    const cache = new PageCache();
    const store = (url: string, keys: string[]) => cache.set(url, cache.prepare({ status: 200, html: url, keys }), cache.ticket());
    store('/sitemaps/articles-1.xml', ['articles', 'article:*']);
    store('/europe/one', ['article:1']);
    store('/briefs', ['briefs', 'brief:9']);
    expect(cache.invalidate(['article:2'])).toBe(1);
    expect(cache.get('/sitemaps/articles-1.xml')).toBeUndefined();
    expect(cache.get('/europe/one')).toBeDefined();
    expect(cache.get('/briefs')).toBeDefined();
  });
});
