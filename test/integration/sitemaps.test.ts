import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/app.js';
import { createArticle } from '../../src/services/content/create-article.js';
import { updateArticle } from '../../src/services/content/update-article.js';
import { createArticleType, createAuthor, createSection } from '../../src/services/taxonomy/create-taxonomy.js';
import { findArticleBySlug } from '../../src/storage/repositories/articles.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { skipWithout } from '../helpers/requirements.js';
import { TEST_BASE_URL, createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';
import { SCHEMAS, loadXml, xmllint } from '../helpers/xml.js';

const HOUR = 3_600_000;
const body = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Words.' }] }] };

const skip = skipWithout('xmllint', 'Checking sitemaps against their XSDs');

/** GETs a sitemap, checks it against its XSD, and returns its <loc>s in order. */
async function sitemap(app: FastifyInstance, url: string, schema: string): Promise<{ locs: string[]; xml: string }> {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
  expect(xmllint(res.body, schema).errors, url).toBe('- validates\n');
  const $ = loadXml(res.body);
  return {
    locs: $('url > loc, sitemap > loc')
      .map((_, l) => $(l).text())
      .get(),
    xml: res.body,
  };
}

for (const dialect of DIALECTS) {
  describe.skipIf(skip)(`sitemaps and robots.txt on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    beforeAll(async () => {
      site = await createTestSite(dialect);
    });
    afterAll(async () => {
      await site?.close();
    });

    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

    it('serves a sitemap index of the listings and the articles, every part valid against the sitemaps.org XSDs', async () => {
      const index = await sitemap(site.app, '/sitemap.xml', SCHEMAS.index);
      expect(index.locs).toEqual([`${TEST_BASE_URL}/sitemaps/pages.xml`, `${TEST_BASE_URL}/sitemaps/articles-1.xml`]);

      const pages = await sitemap(site.app, '/sitemaps/pages.xml', SCHEMAS.urlset);
      expect(pages.locs).toEqual(
        expect.arrayContaining(
          ['/', '/latest', '/briefs', '/sections/europe', '/sections/asia', '/topics/water', '/authors/anna-berg', '/types/analysis'].map(
            (p) => `${TEST_BASE_URL}${p}`,
          ),
        ),
      );

      const articles = await sitemap(site.app, '/sitemaps/articles-1.xml', SCHEMAS.urlset);
      expect(articles.locs).toHaveLength(15);
      expect(new Set(articles.locs).size).toBe(15);
      // Oldest first: earlier pages stay put as the site grows.
      expect(articles.locs[0]).toBe(`${TEST_BASE_URL}/europe/europe-story-13`);
      expect(articles.locs.at(-1)).toBe(`${TEST_BASE_URL}/asia/the-lead-story`);
      const $ = loadXml(articles.xml);
      const lead = $('url').filter((_, u) => $(u).children('loc').text().endsWith('/asia/the-lead-story'));
      expect(lead.find('image\\:image > image\\:loc').text()).toMatch(new RegExp(`^${TEST_BASE_URL}/media/.+\\.jpg$`));
      // The lead story's correction is its last change.
      expect(Date.parse(lead.children('lastmod').text())).toBeGreaterThan(Date.now() - HOUR);
      expect($('image\\:image').length).toBe(15);

      for (const url of ['/sitemaps/articles-2.xml', '/sitemaps/articles-0.xml', '/sitemaps/articles-x.xml']) {
        expect((await get(url)).statusCode, url).toBe(404);
      }
    });

    it('lists only the last 48 hours in the Google News sitemap, valid against its XSD', async () => {
      const europe = await findArticleBySlug(site.deps.db, 'europe-story-1');
      const base = { sectionId: europe!.section.id, typeId: europe!.type.id, body, status: 'published' as const };
      await createArticle(site.deps, {
        ...base,
        slug: 'two-days-ago',
        headline: 'Forty-seven hours',
        publishedAt: new Date(Date.now() - 47 * HOUR).toISOString(),
      });
      await createArticle(site.deps, {
        ...base,
        slug: 'three-days-ago',
        headline: 'Seventy-two hours',
        publishedAt: new Date(Date.now() - 72 * HOUR).toISOString(),
      });

      const news = await sitemap(site.app, '/news-sitemap.xml', SCHEMAS.urlset);
      expect(news.locs).toContain(`${TEST_BASE_URL}/europe/two-days-ago`);
      expect(news.locs).not.toContain(`${TEST_BASE_URL}/europe/three-days-ago`);
      expect(news.locs).toHaveLength(16);
      const $ = loadXml(news.xml);
      const lead = $('url').first();
      expect(lead.children('loc').text()).toBe(`${TEST_BASE_URL}/asia/the-lead-story`);
      expect(lead.find('news\\:publication > news\\:name').text()).toBe('The Test Review');
      // The settings say en-GB; Google News wants the language alone.
      expect(lead.find('news\\:publication > news\\:language').text()).toBe('en');
      expect(lead.find('news\\:title').text()).toBe('Why the <harbour> matters');
      expect(Date.parse(lead.find('news\\:publication_date').text())).toBeGreaterThan(Date.now() - 2 * HOUR);

      // Older work stays in the ordinary sitemap.
      expect((await sitemap(site.app, '/sitemaps/articles-1.xml', SCHEMAS.urlset)).locs).toContain(
        `${TEST_BASE_URL}/europe/three-days-ago`,
      );
    });

    it('shows a renamed article at its new address in the very next sitemap', async () => {
      const before = await get('/sitemaps/articles-1.xml');
      const story = await findArticleBySlug(site.deps.db, 'europe-story-4');
      await updateArticle(site.deps, { id: story!.id, expectedVersion: story!.version, changes: { slug: 'europe-story-4-renamed' } });
      const after = await get('/sitemaps/articles-1.xml', { 'if-none-match': before.headers.etag as string });
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain(`${TEST_BASE_URL}/europe/europe-story-4-renamed</loc>`);
      expect(after.body).not.toContain(`${TEST_BASE_URL}/europe/europe-story-4</loc>`);
      const again = await get('/sitemaps/articles-1.xml', { 'if-none-match': after.headers.etag as string });
      expect(again.statusCode).toBe(304);
    });

    it('points robots.txt at both sitemaps, or keeps every crawler out of a staging site', async () => {
      const allow = await get('/robots.txt');
      expect(allow.statusCode).toBe(200);
      expect(allow.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(allow.body).toContain('User-agent: *');
      expect(allow.body).toContain(`Sitemap: ${TEST_BASE_URL}/sitemap.xml\n`);
      expect(allow.body).toContain(`Sitemap: ${TEST_BASE_URL}/news-sitemap.xml\n`);
      expect(allow.body).toContain('Disallow: /admin\n');
      expect(allow.body).not.toMatch(/^Disallow: \/$/m);

      expect(loadConfig({}).robots).toBe('allow');
      const config = loadConfig({ MASTHEAD_ROBOTS: 'disallow', MASTHEAD_URL: TEST_BASE_URL, MASTHEAD_DATA_DIR: site.mediaRoot });
      expect(config.robots).toBe('disallow');
      expect(() => loadConfig({ MASTHEAD_ROBOTS: 'maybe' })).toThrow(
        /^MASTHEAD_ROBOTS is set to "maybe", but it must be allow or disallow/,
      );
      const { app: staging } = await buildApp({ deps: site.deps, config });
      try {
        const disallow = await staging.inject({ method: 'GET', url: '/robots.txt' });
        expect(disallow.body).toMatch(/^User-agent: \*\nDisallow: \/$/m);
        expect(disallow.body).not.toContain('Sitemap:');
      } finally {
        await staging.close();
      }
    });
  });

  describe.skipIf(skip)(`a sitemap index over many articles on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    let app: FastifyInstance;
    beforeAll(async () => {
      site = await createTestSite(dialect, { publication: null });
      // The same code as the default 50,000 a page, at a size a test can fill.
      app = (await buildApp({ deps: site.deps, config: { publicUrl: TEST_BASE_URL, dataDir: site.mediaRoot }, sitemapPageSize: 50 })).app;
    });
    afterAll(async () => {
      await app?.close();
      await site?.close();
    });

    it('lists no article sitemap while there are no articles', async () => {
      expect((await sitemap(app, '/sitemap.xml', SCHEMAS.index)).locs).toEqual([`${TEST_BASE_URL}/sitemaps/pages.xml`]);
      expect((await app.inject({ method: 'GET', url: '/sitemaps/articles-1.xml' })).statusCode).toBe(404);
    });

    it('splits 120 articles at 50 a page into exactly three sitemaps, each article once', async () => {
      const section = await createSection(site.deps, { slug: 'world', name: 'World' });
      const type = await createArticleType(site.deps, { slug: 'news', name: 'News' });
      const author = await createAuthor(site.deps, { slug: 'desk', name: 'The Desk' });
      const start = Date.now() - 200 * HOUR;
      for (let i = 0; i < 120; i++) {
        await createArticle(site.deps, {
          slug: `story-${i}`,
          sectionId: section.id,
          typeId: type.id,
          authorIds: [author.id],
          headline: `Story ${i}`,
          body,
          status: 'published',
          publishedAt: new Date(start + i * HOUR).toISOString(),
        });
      }

      const index = await sitemap(app, '/sitemap.xml', SCHEMAS.index);
      expect(index.locs).toEqual([
        `${TEST_BASE_URL}/sitemaps/pages.xml`,
        ...[1, 2, 3].map((n) => `${TEST_BASE_URL}/sitemaps/articles-${n}.xml`),
      ]);
      const lastmods = loadXml(index.xml)('sitemap > lastmod')
        .map((_, l) => loadXml(index.xml)(l).text())
        .get();
      // Each page's lastmod is its newest article: 49, 99 and 119 hours after the first.
      expect(lastmods.slice(1)).toEqual([49, 99, 119].map((h) => new Date(start + h * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z')));

      const pages = await Promise.all([1, 2, 3].map((n) => sitemap(app, `/sitemaps/articles-${n}.xml`, SCHEMAS.urlset)));
      expect(pages.map((p) => p.locs.length)).toEqual([50, 50, 20]);
      const all = pages.flatMap((p) => p.locs);
      expect(new Set(all).size).toBe(120);
      expect(all).toEqual(Array.from({ length: 120 }, (_, i) => `${TEST_BASE_URL}/world/story-${i}`));
      expect((await app.inject({ method: 'GET', url: '/sitemaps/articles-4.xml' })).statusCode).toBe(404);

      const listings = await sitemap(app, '/sitemaps/pages.xml', SCHEMAS.urlset);
      expect(listings.locs).toEqual(
        ['/', '/latest', '/briefs', '/sections/world', '/authors/desk', '/types/news'].map((p) => `${TEST_BASE_URL}${p}`),
      );
    });
  });
}
