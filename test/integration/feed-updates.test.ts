/** Feeds stay current: validators, Last-Modified, corrections, new articles, settings, and autodiscovery in page heads. */
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCorrection } from '../../src/services/content/add-correction.js';
import { createArticle } from '../../src/services/content/create-article.js';
import { updateSiteSettings } from '../../src/services/settings/site-settings.js';
import { findArticleBySlug } from '../../src/storage/repositories/articles.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { feedClient } from '../helpers/feeds.js';
import type { JsonFeed } from '../helpers/feeds.js';
import { skipWithout } from '../helpers/requirements.js';
import { TEST_BASE_URL, createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';
import { loadXml } from '../helpers/xml.js';

const DEK = 'A dek with “quotes” & ampersands.';

const skip = skipWithout('xmllint', 'Checking feeds with a strict XML parser');

for (const dialect of DIALECTS) {
  describe.skipIf(skip)(`feed updates on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    beforeAll(async () => {
      site = await createTestSite(dialect);
    });
    afterAll(async () => {
      await site?.close();
    });

    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
    const { rss, atom, json } = feedClient(() => site.app);

    it('sends Last-Modified of the newest item and answers 304 to its ETag or date, compressed or not', async () => {
      const first = await get('/sections/europe/atom.xml', { 'accept-encoding': 'br' });
      expect(first.headers['content-encoding']).toBe('br');
      expect(first.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const etag = first.headers.etag as string;
      const lastModified = first.headers['last-modified'] as string;
      const newest = loadXml((await get('/sections/europe/atom.xml')).body)('feed > updated').text();
      expect(lastModified).toBe(new Date(newest).toUTCString());
      expect(first.headers['surrogate-key']).toContain('articles');

      const again = await get('/sections/europe/atom.xml', { 'accept-encoding': 'br', 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const since = await get('/sections/europe/atom.xml', { 'if-modified-since': lastModified });
      expect(since.statusCode).toBe(304);
      const older = await get('/sections/europe/atom.xml', { 'if-modified-since': new Date(Date.parse(newest) - 60_000).toUTCString() });
      expect(older.statusCode).toBe(200);
    });

    it('shows a correction as the item’s new updated date in the very next response', async () => {
      const url = '/sections/europe/feed.json';
      const before = await get(url);
      const etag = before.headers.etag as string;
      const story = await findArticleBySlug(site.deps.db, 'europe-story-2');
      const issuedAt = new Date(Date.now() - 1000).toISOString();
      await addCorrection(site.deps, { articleId: story!.id, kind: 'correction', text: 'A figure was wrong.', issuedAt });

      const after = await get(url, { 'if-none-match': etag });
      expect(after.statusCode).toBe(200);
      const item = (JSON.parse(after.body) as JsonFeed).items.find((i) => i.url.endsWith('/europe/europe-story-2'))!;
      expect(item.date_modified).toBe(issuedAt);
      expect(item.content_html).toContain('A figure was wrong.');
      expect(after.headers['last-modified']).toBe(new Date(issuedAt).toUTCString());
      const entry = (await atom('/sections/europe/atom.xml'))('entry').filter(
        (_, e) => cheerio.load(e)('id').text() === `urn:uuid:${story!.id}`,
      );
      expect(entry.children('updated').text()).toBe(issuedAt);
      const rssItem = (await rss('/feed.xml'))('item').filter(
        (_, e) => cheerio.load(e, { xml: true })('guid').text() === `urn:uuid:${story!.id}`,
      );
      expect(rssItem.children('atom\\:updated').text()).toBe(issuedAt);
    });

    it('announces the site’s feeds in every page head, and a listing’s own feeds on the listing', async () => {
      const alternates = async (url: string) => {
        const $ = cheerio.load((await get(url)).body);
        return $('head link[rel=alternate]')
          .map((_, l) => ({ type: $(l).attr('type'), href: $(l).attr('href'), title: $(l).attr('title') }))
          .get();
      };
      const site = [
        { type: 'application/rss+xml', href: `${TEST_BASE_URL}/feed.xml`, title: 'The Test Review (RSS)' },
        { type: 'application/atom+xml', href: `${TEST_BASE_URL}/atom.xml`, title: 'The Test Review (Atom)' },
        { type: 'application/feed+json', href: `${TEST_BASE_URL}/feed.json`, title: 'The Test Review (JSON Feed)' },
      ];
      for (const url of ['/', '/asia/the-lead-story', '/latest', '/briefs/brief-one', '/newsletter'])
        expect(await alternates(url), url).toEqual(site);
      const europe = await alternates('/sections/europe');
      expect(europe.slice(0, 3)).toEqual(site);
      expect(europe.slice(3).map((l) => l.href)).toEqual(
        ['feed.xml', 'atom.xml', 'feed.json'].map((f) => `${TEST_BASE_URL}/sections/europe/${f}`),
      );
      expect(europe[3]?.title).toBe('Europe — The Test Review (RSS)');
      expect((await alternates('/topics/trade')).slice(3).map((l) => l.href)[0]).toBe(`${TEST_BASE_URL}/topics/trade/feed.xml`);
      expect((await alternates('/briefs')).slice(3).map((l) => l.href)[1]).toBe(`${TEST_BASE_URL}/briefs/atom.xml`);
    });

    it('carries only the dek and a link when the publication chooses excerpts', async () => {
      await updateSiteSettings(site.deps, { feedContent: 'excerpt' });
      try {
        const first = (await json('/feed.json')).items[0]!;
        const content = cheerio.load(first.content_html!);
        expect(content('p').first().text()).toBe(DEK);
        expect(content('a').attr('href')).toBe(`${TEST_BASE_URL}/asia/the-lead-story`);
        expect(content.text()).not.toContain('A subhead');
        expect(first.image).toMatch(/\.jpg$/);
      } finally {
        await updateSiteSettings(site.deps, { feedContent: 'full' });
      }
      expect((await json('/feed.json')).items[0]!.content_html).toContain('A subhead');
    });

    it('carries the 20 newest items, and a new article at once', async () => {
      const europe = await findArticleBySlug(site.deps.db, 'europe-story-1');
      for (let i = 1; i <= 6; i++) {
        await createArticle(site.deps, {
          slug: `fresh-${i}`,
          sectionId: europe!.section.id,
          typeId: europe!.type.id,
          headline: `Fresh piece ${i}`,
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'New.' }] }] },
          status: 'published',
          publishedAt: new Date(Date.now() - i * 60_000).toISOString(),
        });
      }
      const $ = await rss('/feed.xml');
      const links = $('item > link')
        .map((_, l) => $(l).text())
        .get();
      expect(links).toHaveLength(20);
      expect(links.slice(0, 6)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `${TEST_BASE_URL}/europe/fresh-${i}`));
      expect(links).not.toContain(`${TEST_BASE_URL}/europe/europe-story-13`);
    });
  });
}
