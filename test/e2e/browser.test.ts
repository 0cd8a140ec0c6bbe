/**
 * The reader site in a real browser (Debian's Chromium through playwright-core):
 * accessibility by axe-core in light and dark mode, reading with JavaScript
 * off, page weight, and no request to any other origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousViolations } from '../helpers/axe.js';
import { launchChromium } from '../helpers/browser.js';
import { demoPages, startDemoSite } from '../helpers/demo-site.js';
import { skipWithout } from '../helpers/requirements.js';
import type { TestSite } from '../helpers/site.js';

describe.skipIf(skipWithout('chromium', 'Browser checks (axe-core, page weight, no-JS reading)'))('reader site in Chromium', () => {
  let site: TestSite;
  let origin: string;
  let browser: Browser;
  const pages = demoPages();

  beforeAll(async () => {
    ({ site, origin } = await startDemoSite());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe-core violations in ${scheme} mode`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const found: string[] = [];
      for (const name of [
        'home',
        'article',
        'correctedArticle',
        'embedArticle',
        'section',
        'topic',
        'author',
        'type',
        'latest',
        'briefs',
        'brief',
        'newsletter',
        'notFound',
      ] as const) {
        const page = await context.newPage();
        await page.goto(origin + pages[name]);
        found.push(...(await seriousViolations(page, pages[name])));
        await page.close();
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it('reads an article with JavaScript off, under 60 KB with its CSS, asking nothing of another origin', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const requested: string[] = [];
    const weights: { url: string; type: string; bytes: number }[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      weights.push({ url: request.url(), type: request.resourceType(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    });
    for (const name of ['article', 'embedArticle'] as const) {
      const response = await page.goto(origin + pages[name], { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-encoding']).toBe('br');
      await expect(page.locator('h1.headline').isVisible()).resolves.toBe(true);
      await expect(page.locator('.article-body p').first().isVisible()).resolves.toBe(true);
    }
    // The lead article needs no script to read: its one script (besides JSON-LD data) is the theme's
    // small deferred enhancement, which here only turns the newsletter box's POST into an in-place answer.
    await page.goto(origin + pages.article);
    const scripts = page.locator('script:not([type="application/ld+json"])');
    expect(await scripts.count()).toBe(1);
    await expect(scripts.getAttribute('src')).resolves.toMatch(/^\/assets\/site\.[0-9a-f]+\.js$/);
    await expect(scripts.getAttribute('defer')).resolves.not.toBeNull();
    const script = await fetch(origin + (await scripts.getAttribute('src'))!, { headers: { 'accept-encoding': 'br' } });
    expect(Number(script.headers.get('content-length'))).toBeLessThan(1024);
    const foreign = requested.filter((url) => !url.startsWith(origin));
    expect(foreign).toEqual([]);
    const documentAndCss = weights.filter((w) => w.url.startsWith(`${origin}${pages.article}`) || w.type === 'stylesheet');
    const bytes = documentAndCss.reduce((sum, w) => sum + w.bytes, 0);
    expect(documentAndCss.some((w) => w.type === 'stylesheet')).toBe(true);
    expect(bytes).toBeLessThan(60 * 1024);
    await context.close();
  });

  it('opens and closes "keep reading" by keyboard with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(origin + pages.article);
    const summary = page.locator('.more-related summary');
    await expect(summary.locator('.when-closed').isVisible()).resolves.toBe(true);
    await expect(page.locator('.more-related .card-grid').isVisible()).resolves.toBe(false);
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.more-related .card-grid').isVisible()).resolves.toBe(true);
    await expect(summary.locator('.when-open').isVisible()).resolves.toBe(true);
    await expect(summary.locator('.when-closed').isVisible()).resolves.toBe(false);
    await page.keyboard.press('Enter');
    await expect(page.locator('.more-related .card-grid').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('loads nothing from the embed provider until the reader asks to play it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const foreign: string[] = [];
    // The network here is closed; abort anything foreign so we only record the attempt.
    await page.route(
      (url) => !url.href.startsWith(origin),
      (route) => {
        foreign.push(route.request().url());
        return route.abort();
      },
    );
    await page.goto(origin + pages.embedArticle, { waitUntil: 'networkidle' });
    expect(foreign).toEqual([]);
    const frameRequest = page.waitForRequest((request) => request.url().startsWith('https://www.youtube-nocookie.com/embed/'));
    await expect(page.locator('.embed-facade').getAttribute('href')).resolves.toBe('https://www.youtube.com/watch?v=aqz-KE-bpKQ');
    await page.locator('.embed button.embed-load').click();
    await frameRequest;
    expect(foreign.length).toBeGreaterThan(0);
    await context.close();
  });
});
