import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCorrection } from '../../src/services/content/add-correction.js';
import { updateArticle } from '../../src/services/content/update-article.js';
import { updateSiteSettings } from '../../src/services/settings/site-settings.js';
import { findArticleBySlug } from '../../src/storage/repositories/articles.js';
import { DIALECTS, dialectLabel } from '../helpers/databases.js';
import { TEST_BASE_URL, createTestSite } from '../helpers/site.js';
import type { TestSite } from '../helpers/site.js';

const PAGES = [
  '/',
  '/asia/the-lead-story',
  '/sections/europe',
  '/topics/trade',
  '/authors/anna-berg',
  '/types/news',
  '/latest',
  '/briefs',
  '/briefs/brief-one',
  '/newsletter',
];

for (const dialect of DIALECTS) {
  describe(`reader site on ${dialectLabel(dialect)}`, () => {
    let site: TestSite;
    beforeAll(async () => {
      site = await createTestSite(dialect);
    });
    afterAll(async () => {
      await site?.close();
    });

    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

    it('answers every page of the URL contract with 200, a canonical link, OpenGraph and Twitter tags', async () => {
      for (const url of PAGES) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        const $ = cheerio.load(res.body);
        expect($('link[rel=canonical]').attr('href'), url).toBe(`${TEST_BASE_URL}${url}`);
        expect($('meta[property="og:title"]').attr('content'), url).toBeTruthy();
        expect($('meta[property="og:url"]').attr('content')).toBe(`${TEST_BASE_URL}${url}`);
        expect($('meta[name="twitter:card"]').attr('content'), url).toMatch(/^summary/);
        expect($('meta[name=description]').attr('content'), url).toBeTruthy();
        expect($('html').attr('lang')).toBe('en-GB');
        expect($('h1').length, `${url} has one h1`).toBe(1);
      }
    });

    it('shows every element of the model article page', async () => {
      const $ = cheerio.load((await get('/asia/the-lead-story')).body);
      expect($('.article-header .labels').text()).toBe('Analysis | Asia');
      expect($('.article-header .labels a[href="/types/analysis"]').length).toBe(1);
      expect($('.kicker').first().text()).toBe('Tides & turns');
      expect($('h1.headline').text()).toBe('Why the <harbour> matters');
      expect($('.article-header .dek').text()).toBe('A dek with “quotes” & ampersands.');
      const authors = $('.article-header .byline a[rel=author]');
      expect(authors.map((_, a) => $(a).attr('href')).get()).toEqual(['/authors/joe-okafor', '/authors/lee-chan']);
      expect($('.article-header .byline').text()).toBe('By Joe Okafor and Lee Chan');
      expect($('.article-header time').first().attr('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
      const lead = $('.lead-image img');
      expect(lead.attr('alt')).toBe('Abstract cranes');
      expect(lead.attr('width')).toBeTruthy();
      expect(lead.attr('height')).toBeTruthy();
      expect(lead.attr('srcset')).toMatch(/480w.*960w.*1440w/);
      expect($('.lead-image figcaption').text()).toContain('Top image credit: AGENCY/Photographer');
      expect($('.article-body figure.quote blockquote').text()).toBe('The sea is a road, not a wall.');
      expect($('.article-body figure.quote figcaption').text()).toBe('— Mara Lind, harbour pilot');
      expect($('.article-body h2').first().text()).toBe('A subhead');
      expect($('.article-body .pull-quote').text()).toBe('A pull quote to catch the eye.');
      expect($('.article-body ul li').length).toBe(2);
      expect($('.article-body figure.figure figcaption').text()).toContain('Image: Test Studio/Drone');
      expect($('.article-body a[href="https://example.org/ref"]').text()).toBe('a link');
      expect($('.article-body em').text()).toBe('emphasis');
      expect($('.footnotes li#fn-1').text()).toContain('The footnote text.');
      expect($('sup#fnref-1 a').attr('href')).toBe('#fn-1');
      // The embed is a link until the reader asks to play it: no iframe in the page.
      expect($('.embed iframe').length).toBe(0);
      expect($('.embed a.embed-facade').attr('href')).toBe('https://www.youtube.com/watch?v=aqz-KE-bpKQ');
      expect($('.embed').attr('data-frame')).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ');
      expect($(`script[src^="/assets/site."]`).attr('defer')).toBeDefined();
      // Text that looks like markup is text.
      expect($('.article-body').html()).not.toContain('<script>');
      expect($('.article-body').text()).toContain('Closing <script>alert(1)</script> paragraph.');
      expect($('.corrections li').text()).toContain('An earlier version misnamed the harbour.');
      expect($('.corrections .correction-label time').attr('datetime')).toBeTruthy();
      expect(
        $('.topics a[rel=tag]')
          .map((_, a) => $(a).attr('href'))
          .get(),
      ).toEqual(['/topics/ports', '/topics/water']);
      expect($('.share a').length).toBeGreaterThanOrEqual(3);
      expect($('.newsletter-box form[method=post][action="/newsletter"] input[type=email][name=email]').length).toBe(1);
      expect($('.follow a').length).toBe(3);
      expect($('.river li').length).toBeGreaterThan(0);
    });

    it('puts pinned related articles first, then the closest by topic, behind a no-JS "keep reading" expander', async () => {
      const $ = cheerio.load((await get('/asia/the-lead-story')).body);
      const links = $('.related .teaser-headline a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(links[0]).toBe('/europe/europe-story-1');
      // asia-second shares a topic and the section (2 + 1); every third Europe story shares "ports" (2), newest first.
      expect(links.slice(1, 4)).toEqual(['/asia/asia-second', '/europe/europe-story-3', '/europe/europe-story-6']);
      expect(links).not.toContain('/asia/the-lead-story');
      const details = $('.related details.more-related');
      expect(details.length).toBe(1);
      expect(details.find('summary .when-closed').text()).toBe('Keep reading');
      expect(details.find('summary .when-open').text()).toBe('Show less');
      expect(details.find('.teaser').length).toBeGreaterThan(0);
    });

    it('carries NewsArticle JSON-LD with every author, the image credit, the section and the correction', async () => {
      const $ = cheerio.load((await get('/asia/the-lead-story')).body);
      const data = JSON.parse($('script[type="application/ld+json"]').first().text()) as Record<string, unknown>;
      expect(data['@type']).toBe('AnalysisNewsArticle');
      expect(data.headline).toBe('Why the <harbour> matters');
      expect(data.description).toBe('A dek with “quotes” & ampersands.');
      expect((data.author as { name: string }[]).map((a) => a.name)).toEqual(['Joe Okafor', 'Lee Chan']);
      expect((data.image as { creditText: string; url: string }[])[0]).toMatchObject({ creditText: 'AGENCY/Photographer' });
      expect((data.image as { url: string }[])[0]?.url).toMatch(new RegExp(`^${TEST_BASE_URL}/media/`));
      expect(data.articleSection).toBe('Asia');
      expect((data.publisher as { name: string }).name).toBe('The Test Review');
      expect((data.correction as { text: string }[])[0]?.text).toBe('An earlier version misnamed the harbour.');
      expect(data.datePublished).toBeTruthy();
      // "</script>" can never appear inside the JSON.
      expect($('script[type="application/ld+json"]').first().html()).not.toMatch(/<\//);
    });

    it('shows the home page: lead story, section blocks, latest river, briefs and newsletter box', async () => {
      const $ = cheerio.load((await get('/')).body);
      expect($('.teaser-lead .teaser-headline a').attr('href')).toBe('/asia/the-lead-story');
      expect(
        $('.section-block h2 a')
          .map((_, a) => $(a).attr('href'))
          .get(),
      ).toContain('/sections/europe');
      expect($('.river li').length).toBe(8);
      expect(
        $('.briefs-block li a')
          .map((_, a) => $(a).attr('href'))
          .get(),
      ).toEqual(['/briefs/brief-one', '/briefs/brief-two']);
      expect($('.newsletter-box h2').text()).toBe('Subscribe to our weekly round-up');
      expect($('.site-nav a[href="/sections/asia"]').length).toBe(1);
    });

    it('paginates listings with rel=next/prev and refuses pages that do not exist', async () => {
      const first = cheerio.load((await get('/sections/europe')).body);
      expect(first('.listing .teaser').length).toBe(12);
      expect(first('link[rel=next]').attr('href')).toBe(`${TEST_BASE_URL}/sections/europe?page=2`);
      expect(first('link[rel=prev]').length).toBe(0);
      const second = cheerio.load((await get('/sections/europe?page=2')).body);
      expect(second('.listing .teaser').length).toBe(1);
      expect(second('link[rel=prev]').attr('href')).toBe(`${TEST_BASE_URL}/sections/europe`);
      expect(second('link[rel=canonical]').attr('href')).toBe(`${TEST_BASE_URL}/sections/europe?page=2`);
      expect((await get('/sections/europe?page=3')).statusCode).toBe(404);
      const bad = await get('/sections/europe?page=abc');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('The page number must be a whole number from 1 up.');
      expect((await get('/sections/europe?page=0')).statusCode).toBe(400);
    });

    it('lists by topic, author and type, and shows the briefs vertical', async () => {
      const topic = cheerio.load((await get('/topics/water')).body);
      expect(
        topic('.listing .teaser-headline a')
          .map((_, a) => topic(a).attr('href'))
          .get(),
      ).toEqual(['/asia/the-lead-story', '/asia/asia-second']);
      const author = cheerio.load((await get('/authors/lee-chan')).body);
      expect(author('h1').text()).toBe('Lee Chan');
      expect(author('.listing .teaser').length).toBe(2);
      const type = cheerio.load((await get('/types/analysis')).body);
      expect(type('.listing .teaser').length).toBe(8);
      const briefs = cheerio.load((await get('/briefs')).body);
      expect(
        briefs('.brief .brief-headline a')
          .map((_, a) => briefs(a).attr('href'))
          .get(),
      ).toEqual(['/briefs/brief-one', '/briefs/brief-two']);
      const brief = cheerio.load((await get('/briefs/brief-one')).body);
      expect(brief('h1').text()).toBe('First brief');
      expect(brief('.brief-source a').attr('href')).toBe('https://example.org/wire/1');
    });

    it('answers unknown addresses with a 404 page and a wrong section with a 301', async () => {
      for (const url of [
        '/nothing-here',
        '/europe/no-such-story',
        '/sections/nowhere',
        '/topics/nothing',
        '/authors/nobody',
        '/types/none',
        '/briefs/none',
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).toContain('We could not find that page');
        expect(res.headers['cache-control']).toBe('no-store');
      }
      const moved = await get('/europe/the-lead-story');
      expect(moved.statusCode).toBe(301);
      expect(moved.headers.location).toBe('/asia/the-lead-story');
    });

    it('redirects an old slug to the new one with 301', async () => {
      const before = await findArticleBySlug(site.deps.db, 'asia-second');
      expect(before).not.toBeNull();
      await updateArticle(site.deps, { id: before!.id, expectedVersion: before!.version, changes: { slug: 'asia-second-renamed' } });
      const old = await get('/asia/asia-second');
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toBe('/asia/asia-second-renamed');
      expect((await get('/asia/asia-second-renamed')).statusCode).toBe(200);
    });

    it('answers 304 to a matching ETag, and shows an edit on the very next request', async () => {
      const url = '/europe/europe-story-2';
      const first = await get(url, { 'accept-encoding': 'br' });
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+-br"$/);
      expect(first.headers['content-encoding']).toBe('br');
      expect(first.headers['cache-control']).toContain('s-maxage=');
      expect(first.headers['cache-control']).toContain('stale-while-revalidate=');
      expect(first.headers.vary).toContain('Accept-Encoding');
      const article = await findArticleBySlug(site.deps.db, 'europe-story-2');
      expect(first.headers['surrogate-key']).toContain(`article:${article!.id}`);

      const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');

      // A page that shows the article as a teaser (its section) is cached too.
      const sectionBefore = (await get('/sections/europe')).body;
      expect(sectionBefore).toContain('Europe story number 2');

      await updateArticle(site.deps, {
        id: article!.id,
        expectedVersion: article!.version,
        changes: { headline: 'A sharper headline for story two' },
      });
      const after = await get(url, { 'accept-encoding': 'br', 'if-none-match': etag });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(etag);
      const plain = await get(url);
      expect(cheerio.load(plain.body)('h1').text()).toBe('A sharper headline for story two');
      expect((await get('/sections/europe')).body).toContain('A sharper headline for story two');
    });

    it('keeps pages that do not show a changed article', async () => {
      await get('/briefs');
      await get('/europe/europe-story-5');
      const story = await findArticleBySlug(site.deps.db, 'europe-story-5');
      const cachedBefore = site.cache.get('/briefs');
      expect(cachedBefore).toBeDefined();
      await updateArticle(site.deps, { id: story!.id, expectedVersion: story!.version, changes: { dek: 'A new dek.' } });
      expect(site.cache.get('/briefs')).toBe(cachedBefore);
      expect(site.cache.get('/europe/europe-story-5')).toBeUndefined();
    });

    it('shows a new correction at once, on the page and in its JSON-LD', async () => {
      await get('/europe/europe-story-3');
      const story = await findArticleBySlug(site.deps.db, 'europe-story-3');
      await addCorrection(site.deps, { articleId: story!.id, kind: 'update', text: 'This story was updated with new figures.' });
      const $ = cheerio.load((await get('/europe/europe-story-3')).body);
      expect($('.corrections').text()).toContain('This story was updated with new figures.');
      expect($('.article-header .dates').text()).toContain('Updated');
      expect($('script[type="application/ld+json"]').text()).toContain('This story was updated with new figures.');
    });

    it('compresses pages with brotli or gzip and serves plain bytes when asked for none', async () => {
      const br = await get('/latest', { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      const gz = await get('/latest', { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      const none = await get('/latest', { 'accept-encoding': 'identity' });
      expect(none.headers['content-encoding']).toBeUndefined();
      expect(none.body).toContain('<!doctype html>');
      expect(Number(br.headers['content-length'])).toBeLessThan(Number(none.headers['content-length']));
    });

    it('serves media and the stylesheet with long-lived caching', async () => {
      const $ = cheerio.load((await get('/asia/the-lead-story')).body);
      const img = await get($('.lead-image img').attr('src')!);
      expect(img.statusCode).toBe(200);
      expect(img.headers['content-type']).toBe('image/jpeg');
      expect(img.headers['cache-control']).toContain('immutable');
      const css = await get($('link[rel=stylesheet]').attr('href')!, { 'accept-encoding': 'br' });
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await get('/media/../../etc/passwd')).statusCode).toBe(404);
    });

    it('applies the publication’s own colours from its settings', async () => {
      expect(cheerio.load((await get('/briefs')).body)('link[href^="/assets/colours/"]').length).toBe(0);
      await updateSiteSettings(site.deps, { colors: { accent: '#0b6e4f', accentDark: '#7fd1b9' } });
      const href = cheerio
        .load((await get('/briefs')).body)('link[href^="/assets/colours/"]')
        .attr('href');
      expect(href).toBe('/assets/colours/0b6e4f-7fd1b9.css');
      const css = await get(href!);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.body).toBe(':root{--accent:#0b6e4f}@media (prefers-color-scheme: dark){:root{--accent:#7fd1b9}}');
      expect((await get('/assets/colours/zzzzzz-000000.css')).statusCode).toBe(404);
      await updateSiteSettings(site.deps, { colors: { accent: '#a4262c', accentDark: '#ff8a80' } });
    });

    it('reports liveness and readiness', async () => {
      expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
      const ready = await get('/readyz');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });
    });

    it('sends security headers that forbid third-party scripts', async () => {
      const res = await get('/');
      const csp = res.headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    });
  });
}
