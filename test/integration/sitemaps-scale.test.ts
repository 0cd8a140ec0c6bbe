/**
 * The acceptance case at full size: 120,000 published articles, written as
 * real rows, give a sitemap index of exactly three article sitemaps at the
 * protocol's own limit of 50,000 URLs each (no scaled-down page size), every
 * document valid against its XSD.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SITEMAP_MAX_URLS } from '../../src/domain/content/sitemaps.js';
import { newId } from '../../src/lib/ids.js';
import { createArticleType, createAuthor, createSection } from '../../src/services/taxonomy/create-taxonomy.js';
import { insertArticlesInBulk } from '../helpers/bulk-articles.js';
import type { BulkArticle } from '../helpers/bulk-articles.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { skipWithout } from '../helpers/requirements.js';
import { TEST_BASE_URL, createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';
import { SCHEMAS, xmllint } from '../helpers/xml.js';

const ARTICLES = 120_000;
const MINUTE = 60_000;

const skip = skipWithout('xmllint', 'Checking sitemaps against their XSDs');

/** The <loc>s of a document xmllint has already validated, in order. */
const locs = (xml: string): string[] => Array.from(xml.matchAll(/<loc>([^<]*)<\/loc>/g), (m) => m[1]!);

async function validSitemap(app: FastifyInstance, url: string, schema: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
  expect(xmllint(res.body, schema).errors, url).toBe('- validates\n');
  return res.body;
}

const w3c = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

for (const dialect of DIALECTS) {
  describe.skipIf(skip)(`sitemaps of 120,000 articles on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    // One article a minute, the newest ten minutes ago: every one is public.
    const start = Date.now() - (ARTICLES + 10) * MINUTE;
    const slugAt = (i: number): string => `${TEST_BASE_URL}/world/story-${i}`;

    beforeAll(async () => {
      site = await createTestSite(dialect, { publication: null });
      const section = await createSection(site.deps, { slug: 'world', name: 'World' });
      const type = await createArticleType(site.deps, { slug: 'news', name: 'News' });
      const author = await createAuthor(site.deps, { slug: 'desk', name: 'The Desk' });
      const article = (i: number): BulkArticle => ({
        id: newId(),
        slug: `story-${i}`,
        sectionId: section.id,
        typeId: type.id,
        kicker: '',
        headline: `Story ${i}`,
        dek: '',
        paragraphs: ['Words.'],
        publishedAt: new Date(start + i * MINUTE).toISOString(),
        authorIds: [author.id],
        topicIds: [],
      });
      for (let i = 0; i < ARTICLES; i += 10_000) {
        await insertArticlesInBulk(
          site.testDb.db,
          Array.from({ length: Math.min(10_000, ARTICLES - i) }, (_, j) => article(i + j)),
          1000,
        );
      }
    }, 300_000);
    afterAll(async () => {
      await site?.close();
    });

    it('lists exactly three article sitemaps of 50,000, 50,000 and 20,000 URLs, each article once, oldest first', async () => {
      expect(SITEMAP_MAX_URLS).toBe(50_000);
      const index = await validSitemap(site.app, '/sitemap.xml', SCHEMAS.index);
      expect(locs(index)).toEqual([
        `${TEST_BASE_URL}/sitemaps/pages.xml`,
        ...[1, 2, 3].map((n) => `${TEST_BASE_URL}/sitemaps/articles-${n}.xml`),
      ]);
      // Each page's lastmod is its newest article's time.
      const lastmods = Array.from(index.matchAll(/<lastmod>([^<]*)<\/lastmod>/g), (m) => m[1]!);
      expect(lastmods.slice(1)).toEqual([49_999, 99_999, 119_999].map((i) => w3c(start + i * MINUTE)));

      const seen = new Set<string>();
      for (const [n, first, count] of [
        [1, 0, 50_000],
        [2, 50_000, 50_000],
        [3, 100_000, 20_000],
      ] as const) {
        const page = locs(await validSitemap(site.app, `/sitemaps/articles-${n}.xml`, SCHEMAS.urlset));
        expect(page, `page ${n}`).toHaveLength(count);
        expect(page[0]).toBe(slugAt(first));
        expect(page.at(-1)).toBe(slugAt(first + count - 1));
        for (const loc of page) seen.add(loc);
      }
      expect(seen.size).toBe(ARTICLES);
      expect((await site.app.inject({ method: 'GET', url: '/sitemaps/articles-4.xml' })).statusCode).toBe(404);
    }, 120_000);
  });
}
