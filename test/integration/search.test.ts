import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../src/domain/content/body.js';
import { addCorrection } from '../../src/services/content/add-correction.js';
import { createArticle } from '../../src/services/content/create-article.js';
import type { ArticleInput } from '../../src/services/content/create-article.js';
import { updateArticle } from '../../src/services/content/update-article.js';
import { readSearch } from '../../src/services/site/read-search.js';
import type { SearchInput } from '../../src/services/site/read-search.js';
import { newId } from '../../src/lib/ids.js';
import { findArticleById } from '../../src/storage/repositories/articles.js';
import { findAuthorBySlug } from '../../src/storage/repositories/authors.js';
import { findArticleTypeBySlug, findSectionBySlug } from '../../src/storage/repositories/taxonomy.js';
import { RANK_WINDOW, backfillSearchIndex, searchArticles } from '../../src/storage/search/search-index.js';
import { insertArticlesInBulk, insertBulkTaxonomy } from '../helpers/bulk-articles.js';
import { DIALECTS, createTestDb, dialectLabel } from '../helpers/databases.js';
import type { TestDb } from '../helpers/databases.js';
import { TEST_BASE_URL, createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const DAY = 86_400_000;

const doc = (...paragraphs: string[]): BodyDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

const NASTY = [
  '"',
  '"unbalanced phrase',
  'harbour"',
  "'; drop table articles; --",
  'x); DELETE FROM article_search; --',
  'NEAR(harbour story, 3)',
  'headline:harbour',
  '{headline dek}: harbour',
  'harbour AND story OR NOT ports',
  '*',
  '**harb**',
  'h*',
  '-',
  '--',
  '-harbour',
  '!!harbour & | <->',
  "'harbour':* & story:A",
  '😀🔥 harbour 🇪🇺',
  '\u0000harbour\u0007',
  '<script>alert(1)</script>',
  '%_\\',
  'x'.repeat(2000),
  `${'harbour '.repeat(300)}`,
  'a'.repeat(300),
  'ÅÄÖ ǆ ﬁnance Ⅻ',
  '𞤀𞤁 ꯃꯤ',
];

for (const dialect of DIALECTS) {
  describe(`search on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    let shift = 0;
    let refs: { europe: string; asia: string; news: string; analysis: string; anna: string };

    beforeAll(async () => {
      site = await createTestSite(dialect, { clock: () => new Date(Date.now() + shift) });
      const [europe, asia, news, analysis, anna] = await Promise.all([
        findSectionBySlug(site.deps.db, 'europe'),
        findSectionBySlug(site.deps.db, 'asia'),
        findArticleTypeBySlug(site.deps.db, 'news'),
        findArticleTypeBySlug(site.deps.db, 'analysis'),
        findAuthorBySlug(site.deps.db, 'anna-berg'),
      ]);
      refs = { europe: europe!.id, asia: asia!.id, news: news!.id, analysis: analysis!.id, anna: anna!.id };
    });
    afterAll(async () => {
      await site?.close();
    });

    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

    async function slugs(q: string, filters: Omit<SearchInput, 'q'> = {}): Promise<string[]> {
      const { view } = await readSearch(site.deps, { q, ...filters });
      return view.results?.items.map((i) => i.teaser.slug) ?? [];
    }

    function create(input: Partial<ArticleInput> & { headline: string }) {
      return createArticle(site.deps, {
        sectionId: refs.europe,
        typeId: refs.news,
        body: doc('Nothing to see.'),
        status: 'published',
        publishedAt: new Date(Date.now() - DAY).toISOString(),
        ...input,
      });
    }

    it('finds phrases, in order, with stop words inside them', async () => {
      expect(await slugs('"pull quote"')).toEqual(['the-lead-story']);
      expect(await slugs('“road, not a wall”')).toEqual(['the-lead-story']);
      expect(await slugs('"quote pull"')).toEqual([]);
      expect(await slugs('"quote to catch the eye"')).toEqual(['the-lead-story']);
      expect(await slugs('"catch the quote"')).toEqual([]);
      expect(await slugs('"europe story number" enough')).toHaveLength(10);
    });

    it('finds prefixes', async () => {
      expect(await slugs('harb*')).toEqual(['the-lead-story']);
      expect((await slugs('enou*', { page: 1 })).length).toBe(10);
      const { view } = await readSearch(site.deps, { q: 'paragra*' });
      // Thirteen Europe stories have "Paragraph of story…"; the lead has "Opening paragraph" and "Closing … paragraph".
      expect(view.results?.total).toBe(14);
    });

    it('needs every word of a multi-word query, across fields', async () => {
      expect(await slugs('second point')).toEqual(['the-lead-story']);
      expect(await slugs('second asia')).toEqual(['asia-second']);
      // A byline, a topic and a kicker are searched too; stop words are left out.
      expect(await slugs('okafor')).toEqual(['the-lead-story']);
      expect((await slugs('water')).sort()).toEqual(['asia-second', 'the-lead-story']);
      expect(await slugs('the tides and the turns')).toEqual(['the-lead-story']);
      expect(await slugs('harbour -okafor')).toEqual([]);
    });

    it('ranks a headline match above a body-only match', async () => {
      await create({
        slug: 'body-lighthouse',
        headline: 'Coastal notes',
        body: doc('The lighthouse keepers met; the lighthouse stays shut.'),
      });
      await create({ slug: 'headline-lighthouse', headline: 'Lighthouse keepers strike', body: doc('Unrelated words about pay.') });
      expect(await slugs('lighthouse')).toEqual(['headline-lighthouse', 'body-lighthouse']);
      const found = await searchArticles(site.deps.db, { query: 'lighthouse', limit: 10, offset: 0, now: site.deps.clock() });
      expect(found.hits[0]!.rank).toBeGreaterThan(found.hits[1]!.rank);
    });

    it('filters by section, type, author and date range', async () => {
      expect(await slugs('story', { section: 'asia' })).toEqual(['asia-second']);
      expect(await slugs('story', { section: 'asia', type: 'news', author: 'lee-chan' })).toEqual(['asia-second']);
      expect((await slugs('story', { author: 'lee-chan' })).sort()).toEqual(['asia-second']);
      const { view } = await readSearch(site.deps, { q: 'enough', type: 'analysis' });
      // Odd-numbered Europe stories are analysis.
      expect(view.results?.total).toBe(7);
      expect(view.results?.items.every((i) => i.teaser.type.slug === 'analysis')).toBe(true);

      for (const [slug, day] of [
        ['zeppelin-2020', '2020-01-15T12:00:00.000Z'],
        ['zeppelin-2021', '2021-06-01T12:00:00.000Z'],
        ['zeppelin-2022', '2022-03-10T12:00:00.000Z'],
      ] as const)
        await create({ slug, headline: `Zeppelin archive ${slug}`, publishedAt: day, authorIds: [refs.anna] });
      expect((await slugs('zeppelin', { from: '2021-01-01' })).sort()).toEqual(['zeppelin-2021', 'zeppelin-2022']);
      expect((await slugs('zeppelin', { to: '2021-12-31' })).sort()).toEqual(['zeppelin-2020', 'zeppelin-2021']);
      expect(await slugs('zeppelin', { from: '2021-06-01', to: '2021-06-01' })).toEqual(['zeppelin-2021']);
      expect(await slugs('zeppelin', { from: '2023-01-01' })).toEqual([]);
      expect((await slugs('zeppelin', { author: 'anna-berg', section: 'europe' })).length).toBe(3);
    });

    it('paginates, ten to a page, with rel=next/prev that keep the query and filters', async () => {
      const first = await readSearch(site.deps, { q: 'enough', section: 'europe', page: 1 });
      expect(first.view.results?.total).toBe(13);
      expect(first.view.results?.items.length).toBe(10);
      expect(first.view.results?.page).toMatchObject({ number: 1, count: 2, hasNext: true, hasPrev: false });
      const second = await readSearch(site.deps, { q: 'enough', section: 'europe', page: 2 });
      expect(second.view.results?.items.length).toBe(3);
      const all = [...first.view.results!.items, ...second.view.results!.items].map((i) => i.teaser.slug);
      expect(new Set(all).size).toBe(13);

      const $ = cheerio.load((await get('/search?q=enough&section=europe')).body);
      expect($('.search-result').length).toBe(10);
      expect($('link[rel=next]').attr('href')).toBe(`${TEST_BASE_URL}/search?q=enough&section=europe&page=2`);
      expect($('.pagination a[rel=next]').attr('href')).toBe('/search?q=enough&section=europe&page=2');
      const $2 = cheerio.load((await get('/search?q=enough&section=europe&page=2')).body);
      expect($2('.search-result').length).toBe(3);
      expect($2('link[rel=prev]').attr('href')).toBe(`${TEST_BASE_URL}/search?q=enough&section=europe`);
      expect($2('link[rel=canonical]').attr('href')).toBe(`${TEST_BASE_URL}/search?q=enough&section=europe&page=2`);
      const beyond = await get('/search?q=enough&page=9');
      expect(beyond.statusCode).toBe(200);
      expect(cheerio.load(beyond.body)('.search-result').length).toBe(0);
      expect((await get('/search?q=enough&page=0')).statusCode).toBe(400);
    });

    it('never shows drafts or pieces whose time has not come, and forgets an unpublished piece', async () => {
      const draft = await create({ slug: 'quokka-draft', headline: 'Quokka census', status: 'draft', publishedAt: null });
      const future = await create({
        slug: 'wombat-future',
        headline: 'Wombat season',
        publishedAt: new Date(Date.now() + 2 * DAY).toISOString(),
      });
      expect(await slugs('quokka')).toEqual([]);
      expect(await slugs('wombat')).toEqual([]);

      const d = await findArticleById(site.deps.db, draft.id);
      await updateArticle(site.deps, { id: draft.id, expectedVersion: d!.version, changes: { status: 'published' } });
      expect(await slugs('quokka')).toEqual(['quokka-draft']);

      shift = 3 * DAY;
      try {
        expect(await slugs('wombat')).toEqual([future.slug]);
      } finally {
        shift = 0;
      }

      const p = await findArticleById(site.deps.db, draft.id);
      await updateArticle(site.deps, { id: draft.id, expectedVersion: p!.version, changes: { status: 'unpublished' } });
      expect(await slugs('quokka')).toEqual([]);
      expect(
        cheerio
          .load((await get('/search?q=quokka')).body)('.search-summary')
          .text(),
      ).toBe('No results for “quokka”');
    });

    it('finds an edit by its new words and not its old ones, and a correction by its words', async () => {
      const { id } = await create({ slug: 'jam-story', headline: 'Breakfast preserves', body: doc('A marmalade shortage.') });
      expect(await slugs('marmalade')).toEqual(['jam-story']);
      const a = await findArticleById(site.deps.db, id);
      await updateArticle(site.deps, {
        id,
        expectedVersion: a!.version,
        changes: { body: doc('An apricot glut.'), headline: 'Fruit news' },
      });
      expect(await slugs('marmalade')).toEqual([]);
      expect(await slugs('breakfast')).toEqual([]);
      expect(await slugs('apricot')).toEqual(['jam-story']);
      expect(await slugs('fruit')).toEqual(['jam-story']);
      await addCorrection(site.deps, { articleId: id, kind: 'correction', text: 'A pelican was misidentified.' });
      expect(await slugs('pelican')).toEqual(['jam-story']);
    });

    it('answers every odd input with 200 and results or an empty list', async () => {
      for (const q of NASTY) {
        const res = await get(`/search?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, q.slice(0, 40)).toBe(200);
        const $ = cheerio.load(res.body);
        expect($('.search-summary').text(), q.slice(0, 40)).toMatch(/results? for|No results for/);
        const direct = await searchArticles(site.deps.db, { query: q, limit: 10, offset: 0, now: new Date() });
        expect(Array.isArray(direct.hits)).toBe(true);
      }
      // Operators are words (or stop words) to us, never syntax.
      expect(await slugs('harbour NOT AND OR')).toEqual(['the-lead-story']);
      expect(await slugs('{harbour}^ "harbour"*')).toEqual(['the-lead-story']);
      expect(await slugs('headline: harbour')).toEqual([]);
      expect(await slugs("'; drop table articles; --")).toEqual([]);
      expect((await get('/asia/the-lead-story')).statusCode).toBe(200);
    });

    it('answers a filter that names nothing with a 400 page that says what to fix', async () => {
      for (const [url, text] of [
        ['/search?q=harbour&section=narnia', 'there is no section “narnia”'],
        ['/search?q=harbour&type=%27%3B+drop', 'there is no type of article'],
        ['/search?q=harbour&author=nobody', 'there is no author “nobody”'],
        ['/search?q=harbour&from=2024-02-30', 'the “from” date must be a day written as YYYY-MM-DD'],
        ['/search?q=harbour&to=yesterday', 'the “to” date must be a day'],
        ['/search?q=harbour&from=2024-05-01&to=2024-04-01', 'the “from” date is after the “to” date'],
      ] as const) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(400);
        const $ = cheerio.load(res.body);
        expect($('.search-error').text(), url).toContain(text);
        expect($('form.search-form input[name=q]').attr('value')).toBe('harbour');
        expect(res.headers['cache-control']).toBe('no-store');
      }
      // An empty select means "any".
      expect((await get('/search?q=harbour&section=&type=&author=&from=&to=')).statusCode).toBe(200);
    });

    it('shows the form for an empty query, and a search form in every page header', async () => {
      const $ = cheerio.load((await get('/search')).body);
      expect($('h1').text()).toBe('Search');
      expect($('form.search-form[method=get][action="/search"] input[type=search][name=q]').length).toBe(1);
      expect($('label[for=search-q]').text()).toBe('Search for');
      expect($('select[name=section] option').length).toBe(3);
      expect($('select[name=type] option').length).toBe(3);
      expect($('input[type=date][name=from]').length).toBe(1);
      expect($('.search-results').length).toBe(0);
      for (const url of ['/', '/asia/the-lead-story', '/search?q=harbour']) {
        const page = cheerio.load((await get(url)).body);
        const form = page('header form.site-search[role=search][action="/search"]');
        expect(form.length, url).toBe(1);
        expect(page(`label[for=${form.find('input[name=q]').attr('id')}]`).text()).toContain('Search The Test Review');
      }
    });

    it('shows results with highlighted, escaped snippets and sends them uncached with an ETag', async () => {
      const res = await get('/search?q=harbour');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, max-age=0, must-revalidate');
      expect(res.headers['surrogate-key']).toBeUndefined();
      const $ = cheerio.load(res.body);
      expect($('.search-summary').text()).toBe('1 result for “harbour”');
      expect($('.search-result h2 a').attr('href')).toBe('/asia/the-lead-story');
      expect($('.search-result h2 a').text()).toBe('Why the <harbour> matters');
      expect($('.search-result .snippet mark').first().text().toLowerCase()).toBe('harbour');
      expect(res.body).not.toContain('<harbour>');
      expect($('meta[name=robots]').attr('content')).toBe('noindex');
      expect($('link[rel=canonical]').attr('href')).toBe(`${TEST_BASE_URL}/search?q=harbour`);
      expect(site.cache.get('/search?q=harbour')).toBeUndefined();

      // Text that looks like markup in the body is text in the snippet.
      const closing = await get('/search?q=closing');
      const c = cheerio.load(closing.body);
      expect(c('.snippet').text()).toContain('<script>alert(1)</script>');
      expect(c('.snippet mark').first().text().toLowerCase()).toBe('closing');
      expect(closing.body).not.toContain('<script>alert(1)');

      const again = await get('/search?q=harbour', { 'if-none-match': res.headers.etag as string });
      expect(again.statusCode).toBe(304);
      const br = await get('/search?q=harbour', { 'accept-encoding': 'br' });
      expect(br.headers['content-encoding']).toBe('br');
    });

    it('returns snippets as segments, matches marked, from the body or else the dek', async () => {
      const now = site.deps.clock();
      const body = await searchArticles(site.deps.db, { query: 'pull quote', limit: 5, offset: 0, now });
      const segments = body.hits[0]!.snippet;
      expect(segments.some((s) => s.match && s.text.toLowerCase() === 'pull')).toBe(true);
      expect(segments.map((s) => s.text).join('')).toContain('to catch the eye');
      const dek = await searchArticles(site.deps.db, { query: 'ampersands', limit: 5, offset: 0, now });
      expect(dek.hits[0]!.snippet).toEqual([
        { text: 'A dek with “quotes” & ', match: false },
        { text: 'ampersands', match: true },
        { text: '.', match: false },
      ]);
    });
  });

  describe(`search index backfill and the ranked window on ${dialectLabel(dialect)}`, () => {
    let testDb: TestDb;
    beforeAll(async () => {
      testDb = await createTestDb(dialect);
    });
    afterAll(async () => {
      await testDb?.destroy();
    });

    it('indexes rows written before the index, and ranks at most the newest RANK_WINDOW matches', async () => {
      const db = testDb.db;
      await insertBulkTaxonomy(db);
      const count = RANK_WINDOW + 5;
      const ids = Array.from({ length: count }, () => newId());
      const oldestId = ids[count - 1];
      await insertArticlesInBulk(
        db,
        ids.map((id, i) => ({
          id,
          slug: `bulk-${i}`,
          sectionId: 's1',
          typeId: 't1',
          kicker: '',
          headline: i === count - 1 ? 'The oldest almanac' : `Bulletin ${i}`,
          dek: 'An almanac entry.',
          paragraphs: [`Entry ${i} of the almanac.`],
          // Every three days for eight years: the window crosses every time slice.
          publishedAt: new Date(Date.now() - (i + 1) * 3 * DAY).toISOString(),
          authorIds: ['a1'],
          topicIds: [],
        })),
      );
      const now = new Date();
      expect((await searchArticles(db, { query: 'almanac', limit: 10, offset: 0, now })).total).toBe(0);
      // Stopped (a server shutting down): nothing more after the batch in hand, and what was done stays.
      const stop = new AbortController();
      stop.abort();
      expect(await backfillSearchIndex(db, { signal: stop.signal })).toBe(0);
      const halt = new AbortController();
      const progress: number[] = [];
      const first = await backfillSearchIndex(db, {
        batchSize: 100,
        signal: halt.signal,
        onProgress: (n) => {
          progress.push(n);
          halt.abort();
        },
      });
      expect([first, progress]).toEqual([100, [100]]);
      expect((await searchArticles(db, { query: 'almanac', limit: 10, offset: 0, now })).total).toBe(100);
      expect(await backfillSearchIndex(db)).toBe(count - 100);
      expect(await backfillSearchIndex(db)).toBe(0);

      const found = await searchArticles(db, { query: 'almanac', limit: 10, offset: 0, now });
      expect(found).toMatchObject({ total: RANK_WINDOW, capped: true });
      expect(found.hits.length).toBe(10);
      const byName = await searchArticles(db, { query: 'halvorsen bulletin', authorId: 'a1', limit: 10, offset: 0, now });
      expect(byName.capped).toBe(true);
      // The window is exactly the newest RANK_WINDOW matches; the oldest piece is outside it, but found by its own words.
      const everything = await searchArticles(db, { query: 'almanac', limit: RANK_WINDOW, offset: 0, now });
      expect(new Set(everything.hits.map((h) => h.id))).toEqual(new Set(ids.slice(0, RANK_WINDOW)));
      expect(found.hits.map((h) => h.id)).not.toContain(oldestId);
      const lastYear = await searchArticles(db, { query: 'almanac', from: new Date(Date.now() - 365 * DAY), limit: 10, offset: 0, now });
      expect(lastYear).toMatchObject({ total: 121, capped: false });
      const oldest = await searchArticles(db, { query: 'oldest', limit: 10, offset: 0, now });
      expect(oldest.hits.map((h) => h.id)).toEqual([oldestId]);
    });
  });
}
