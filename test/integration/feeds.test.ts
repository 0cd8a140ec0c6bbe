import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { feedClient } from '../helpers/feeds.js';
import { jsonFeedErrors, parseFeed, strictXml } from '../helpers/feed-parsers.js';
import { skipWithout } from '../helpers/requirements.js';
import { TEST_BASE_URL, createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';
import { htmlText } from '../helpers/xml.js';

const HEADLINE = 'Why the <harbour> matters';
const DEK = 'A dek with “quotes” & ampersands.';

/** One listing of each kind, and what its feed must hold first. */
const LISTINGS = [
  { path: '', first: '/asia/the-lead-story' },
  { path: '/sections/asia', first: '/asia/the-lead-story' },
  { path: '/topics/trade', first: '/europe/europe-story-1' },
  { path: '/authors/lee-chan', first: '/asia/the-lead-story' },
  { path: '/types/news', first: '/asia/asia-second' },
  { path: '/briefs', first: '/briefs/brief-one' },
];

const skip = skipWithout('xmllint', 'Checking feeds with a strict XML parser');

for (const dialect of DIALECTS) {
  describe.skipIf(skip)(`feeds on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    beforeAll(async () => {
      site = await createTestSite(dialect);
    });
    afterAll(async () => {
      await site?.close();
    });

    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

    const { rss, atom, json } = feedClient(() => site.app);

    it('serves RSS 2.0 with what the spec requires, site-wide, per listing and for briefs', async () => {
      for (const { path, first } of LISTINGS) {
        const $ = await rss(`${path}/feed.xml`);
        expect($('rss').attr('version')).toBe('2.0');
        const channel = $('rss > channel');
        expect(channel.children('title').text(), path).not.toBe('');
        expect(channel.children('link').text()).toBe(`${TEST_BASE_URL}${path || '/'}`);
        expect(channel.children('description').text()).not.toBe('');
        expect(channel.children('atom\\:link[rel=self]').attr('href')).toBe(`${TEST_BASE_URL}${path}/feed.xml`);
        const items = channel.children('item');
        expect(items.length, path).toBeGreaterThan(0);
        expect(items.length).toBeLessThanOrEqual(20);
        items.each((_, item) => {
          const i = $(item);
          expect(i.children('title').text()).not.toBe('');
          expect(i.children('link').text()).toMatch(new RegExp(`^${TEST_BASE_URL}/`));
          expect(i.children('guid').text()).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
          expect(i.children('guid').attr('isPermaLink')).toBe('false');
          expect(new Date(i.children('pubDate').text()).toUTCString()).toBe(i.children('pubDate').text());
        });
        expect(items.first().children('link').text(), path).toBe(`${TEST_BASE_URL}${first}`);
      }
    });

    it('serves Atom 1.0 with what the spec requires', async () => {
      for (const { path, first } of LISTINGS) {
        const $ = await atom(`${path}/atom.xml`);
        const feed = $('feed');
        expect(feed.attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
        expect(feed.children('id').text()).toBe(`${TEST_BASE_URL}${path}/atom.xml`);
        expect(feed.children('title').text()).not.toBe('');
        expect(Date.parse(feed.children('updated').text())).not.toBeNaN();
        expect(feed.children('link[rel=self]').attr('href')).toBe(`${TEST_BASE_URL}${path}/atom.xml`);
        // Briefs have no byline: the feed's author stands in for them.
        expect(feed.children('author').children('name').text()).toBe('The Test Review');
        const entries = feed.children('entry');
        expect(entries.length).toBeGreaterThan(0);
        entries.each((_, entry) => {
          const e = $(entry);
          expect(e.children('id').text()).toMatch(/^urn:uuid:/);
          expect(e.children('title').text()).not.toBe('');
          expect(Date.parse(e.children('updated').text())).not.toBeNaN();
          expect(e.children('link[rel=alternate]').attr('href')).toMatch(new RegExp(`^${TEST_BASE_URL}/`));
        });
        expect(entries.first().children('link[rel=alternate]').attr('href')).toBe(`${TEST_BASE_URL}${first}`);
      }
    });

    it('serves JSON Feed 1.1 with what the spec requires', async () => {
      for (const { path, first } of LISTINGS) {
        const feed = await json(`${path}/feed.json`);
        expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
        expect(feed.title).not.toBe('');
        expect(feed.home_page_url).toBe(`${TEST_BASE_URL}${path || '/'}`);
        expect(feed.feed_url).toBe(`${TEST_BASE_URL}${path}/feed.json`);
        expect(feed.items.length).toBeGreaterThan(0);
        for (const item of feed.items) {
          expect(typeof item.id).toBe('string');
          expect(item.url).toMatch(new RegExp(`^${TEST_BASE_URL}/`));
          expect(item.content_html ?? item.content_text).toBeTruthy();
          expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
        }
        expect(feed.items[0]?.url).toBe(`${TEST_BASE_URL}${first}`);
      }
    });

    it('keeps a headline with markup and a dek with quotes and ampersands exactly', async () => {
      const item = (await rss('/feed.xml'))('item').first();
      expect(item.children('title').text()).toBe(HEADLINE);
      // RSS readers read <description> as HTML: once decoded as HTML it is the dek.
      expect(htmlText(item.children('description').text())).toBe(DEK);
      const entry = (await atom('/atom.xml'))('entry').first();
      expect(entry.children('title').text()).toBe(HEADLINE);
      expect(entry.children('summary').text()).toBe(DEK);
      const first = (await json('/feed.json')).items[0]!;
      expect(first.title).toBe(HEADLINE);
      expect(first.summary).toBe(DEK);
      // Text that looks like markup stays text inside the content too.
      const content = cheerio.load(first.content_html!);
      expect(content.text()).toContain('Closing <script>alert(1)</script> paragraph.');
      expect(content('script').length).toBe(0);
    });

    it('carries the full article, authors, categories, dates and the lead image with its credit', async () => {
      const item = (await rss('/feed.xml'))('item').first();
      const html = cheerio.load(item.children('content\\:encoded').text());
      expect(html('.article-body h2').first().text()).toBe('A subhead');
      expect(html('figcaption').first().text()).toContain('Top image credit: AGENCY/Photographer');
      expect(html.text()).toContain('An earlier version misnamed the harbour.');
      // Every link and picture is absolute: a feed reader is not on our site.
      html('a[href], img[src]').each((_, node) => {
        expect(html(node).attr('href') ?? html(node).attr('src')).toMatch(/^https?:\/\//);
      });
      expect(html('sup a').attr('href')).toBe(`${TEST_BASE_URL}/asia/the-lead-story#fn-1`);
      expect(
        item
          .children('dc\\:creator')
          .map((_, n) => cheerio.load(n).text())
          .get(),
      ).toEqual(['Joe Okafor', 'Lee Chan']);
      expect(
        item
          .children('category')
          .map((_, n) => cheerio.load(n).text())
          .get(),
      ).toEqual(['Asia', 'Ports', 'Water']);
      const enclosure = item.children('enclosure');
      expect(enclosure.attr('url')).toMatch(new RegExp(`^${TEST_BASE_URL}/media/.+\\.jpg$`));
      expect(enclosure.attr('type')).toBe('image/jpeg');
      expect(item.find('media\\:content').attr('url')).toBe(enclosure.attr('url'));
      expect(item.find('media\\:content > media\\:credit').text()).toBe('AGENCY/Photographer');
      // The correction moved the updated time past the published one.
      expect(Date.parse(item.children('atom\\:updated').text())).toBeGreaterThan(Date.parse(item.children('pubDate').text()));

      const entry = (await atom('/atom.xml'))('entry').first();
      expect(
        entry
          .children('author')
          .children('name')
          .map((_, n) => cheerio.load(n).text())
          .get(),
      ).toEqual(['Joe Okafor', 'Lee Chan']);
      expect(entry.children('category').first().attr('term')).toBe('asia');
      expect(Date.parse(entry.children('updated').text())).toBeGreaterThan(Date.parse(entry.children('published').text()));
      expect(entry.children('content').attr('type')).toBe('html');

      const first = (await json('/feed.json')).items[0]!;
      expect(first.image).toBe(enclosure.attr('url'));
      expect(first._masthead?.image.credit).toBe('AGENCY/Photographer');
      expect(first.authors?.map((a) => a.url)).toEqual([`${TEST_BASE_URL}/authors/joe-okafor`, `${TEST_BASE_URL}/authors/lee-chan`]);
      expect(first.tags).toEqual(['Asia', 'Ports', 'Water']);
      expect(Date.parse(first.date_modified!)).toBeGreaterThan(Date.parse(first.date_published));
    });

    it('answers 404 for the feed of a section, topic, author or type that does not exist', async () => {
      for (const url of ['/sections/nowhere/feed.xml', '/topics/nothing/atom.xml', '/authors/nobody/feed.json', '/types/none/feed.xml']) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['cache-control']).toBe('no-store');
      }
    });
  });
}

/** The same feeds through third-party parsers: fast-xml-parser's strict validator, @rowanmanning/feed-parser, and ajv with the JSON Feed 1.1 schema. */
for (const dialect of DIALECTS) {
  describe(`feeds through third-party parsers on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    beforeAll(async () => {
      site = await createTestSite(dialect);
    });
    afterAll(async () => {
      await site?.close();
    });

    const body = async (url: string): Promise<string> => {
      const res = await site.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      return res.body;
    };

    it('every RSS and Atom feed is well-formed to a strict parser, and a feed parser reads titles, links and dates', async () => {
      for (const { path, first } of LISTINGS) {
        for (const [file, type] of [
          ['feed.xml', 'rss'],
          ['atom.xml', 'atom'],
        ] as const) {
          const url = `${path}/${file}`;
          const text = await body(url);
          expect(strictXml(text), url).toBe(true);
          const feed = parseFeed(text);
          expect(feed.meta.type, url).toBe(type);
          expect(feed.title, url).toBeTruthy();
          expect(feed.url, url).toBe(`${TEST_BASE_URL}${path || '/'}`);
          expect(feed.items.length, url).toBeGreaterThan(0);
          for (const item of feed.items) {
            expect(item.title, url).toBeTruthy();
            expect(item.url, url).toMatch(new RegExp(`^${TEST_BASE_URL}/`));
            expect(item.published ?? item.updated, url).toBeInstanceOf(Date);
            expect(Number.isNaN((item.published ?? item.updated)!.getTime()), url).toBe(false);
          }
          expect(feed.items[0]!.url, url).toBe(`${TEST_BASE_URL}${first}`);
        }
      }
      const lead = parseFeed(await body('/feed.xml')).items[0]!;
      expect(lead.title).toBe(HEADLINE);
      expect(lead.authors.map((a) => a.name)).toEqual(['Joe Okafor', 'Lee Chan']);
    });

    it('every JSON Feed validates against the JSON Feed 1.1 schema', async () => {
      for (const { path } of LISTINGS) {
        const url = `${path}/feed.json`;
        expect(jsonFeedErrors(JSON.parse(await body(url))), url).toEqual([]);
      }
      // The schema has teeth: a feed missing what 1.1 requires, or with a bad date, fails.
      const feed = JSON.parse(await body('/feed.json')) as { items: Record<string, unknown>[]; version?: string };
      expect(jsonFeedErrors({ ...feed, version: 'https://jsonfeed.org/version/1' })).not.toEqual([]);
      expect(jsonFeedErrors({ ...feed, items: [{ ...feed.items[0], date_published: 'yesterday' }] })).not.toEqual([]);
      expect(jsonFeedErrors({ ...feed, items: [{ id: 'x', title: 'no content' }] })).not.toEqual([]);
      expect(jsonFeedErrors({ ...feed, itemz: [] })).not.toEqual([]);
    });

    it('a strict parser refuses what is not well-formed', () => {
      expect(strictXml('<rss><channel><title>A & B</title></channel></rss>')).not.toBe(true);
      expect(strictXml('<rss><channel></rss>')).not.toBe(true);
    });
  });
}
